package org.ceusperfusion.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.plugin.filter.AVI_Writer;
import ij.process.ByteProcessor;

import org.ceusperfusion.cine.CineLoop;

/**
 * Writes a loop as an ImageJ TIFF stack or an AVI through ImageJ's non-GUI encoders (headless-safe).
 * Package-private; use {@link LoopFiles}.
 */
final class ImageJLoopWriter {
    private static final int JPEG_QUALITY = 95;

    private ImageJLoopWriter() {
    }

    /**
     * TIFF stack: frames as the time axis, {@code Calibration.frameInterval} (s) and {@code fps} from
     * the nominal interval, pixel size in mm; with irregular times each slice label is {@code t=<s> s}.
     */
    static void writeTiff(CineLoop loop, double nominalIntervalS, boolean irregular, Path path) throws IOException {
        ImagePlus imp = toImagePlus(loop, nominalIntervalS, irregular);
        FileSaver saver = new FileSaver(imp);
        boolean ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack(path.toString()) : saver.saveAsTiff(path.toString());
        if (!ok) {
            throw new IOException("ImageJ could not write the TIFF stack " + path);
        }
    }

    /** AVI, Motion-JPEG (quality 95) or uncompressed, at the rate {@code 1/nominalIntervalS}. */
    static void writeAvi(CineLoop loop, double nominalIntervalS, boolean mjpeg, Path path) throws IOException {
        ImagePlus imp = toImagePlus(loop, nominalIntervalS, false);
        int compression = mjpeg ? AVI_Writer.JPEG_COMPRESSION : AVI_Writer.NO_COMPRESSION;
        new AVI_Writer().writeImage(imp, path.toString(), compression, JPEG_QUALITY);
    }

    private static ImagePlus toImagePlus(CineLoop loop, double intervalS, boolean labelTimes) {
        int w = loop.width();
        int h = loop.height();
        ImageStack stack = new ImageStack(w, h);
        for (int k = 0; k < loop.frameCount(); k++) {
            String label = labelTimes ? String.format(Locale.ROOT, "t=%.4f s", loop.timeS(k)) : null;
            stack.addSlice(label, new ByteProcessor(w, h, LoopFiles.bytes(loop.frame(k))));
        }
        ImagePlus imp = new ImagePlus(loop.metadata().path(), stack);
        imp.setDimensions(1, 1, loop.frameCount());
        Calibration cal = imp.getCalibration();
        if (loop.pixelSizeMm() != null) {
            cal.pixelWidth = loop.pixelSizeMm();
            cal.pixelHeight = loop.pixelSizeMm();
            cal.setUnit("mm");
        }
        if (intervalS > 0) {
            cal.frameInterval = intervalS;
            cal.fps = 1.0 / intervalS;
            cal.setTimeUnit("s");
        }
        return imp;
    }
}
