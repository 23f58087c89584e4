package org.ceusperfusion.ij;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.measure.Calibration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.io.LoopReader;

/**
 * Gives a loop opened without CEUS Perfusion's reader ({@code File > Open}, drag and drop, Bio-Formats, a
 * stack a macro made from a file) its true frame times and pixel size when they are missing.
 *
 * <p>Sources, in order: the original file (ImageJ's {@link FileInfo} directory and name) re-read with
 * CEUS Perfusion's own readers when its frame count matches, so the numbers equal those of
 * {@code Open Cine Loop...}; else the DICOM header text ImageJ keeps in the {@code Info} property
 * ({@link DicomInfoHeader}). What is found is written onto the image (calibration in s and mm, the
 * properties {@value ImageTimes#TIMES_PROPERTY} and {@value CineLoopImages#TIMING_PROPERTY}), so it is
 * visible in {@code Image > Properties} and the file is read at most once per image.
 */
final class SourceMetadata {
    /** ImagePlus property: set once the source was looked at, so it is not read again. */
    static final String CHECKED_PROPERTY = "CEUS.sourceChecked";

    private SourceMetadata() {
    }

    /**
     * Completes the frame times and pixel size of {@code imp} from its source when they are missing.
     *
     * @param imp    the image (changed in place)
     * @param frames its number of frames
     * @param timesKnown whether the image already carries frame times
     */
    static void adopt(ImagePlus imp, int frames, boolean timesKnown) {
        boolean pixelKnown = imp.getCalibration().scaled();
        if (timesKnown && pixelKnown || imp.getProp(CHECKED_PROPERTY) != null
                || imp.getProp(ImageTimes.TIMES_PROPERTY) != null) {
            return;
        }
        imp.setProp(CHECKED_PROPERTY, "true");
        Path file = originalFile(imp);
        CineLoop loop = file == null ? null : reread(file);
        if (loop != null && loop.frameCount() == frames && !"none".equals(loop.metadata().timingSource())) {
            String how = "file " + file.getFileName() + ": " + loop.metadata().timingSource();
            boolean sameSize = loop.width() == imp.getWidth() && loop.height() == imp.getHeight();
            apply(imp, timesKnown ? null : loop.timesS(), how, sameSize ? loop.pixelSizeMm() : null);
            imp.setProp(CineLoopImages.PATH_PROPERTY, file.toAbsolutePath().toString());
            setIfAbsent(imp, CineLoopImages.FORMAT_PROPERTY, loop.metadata().format());
            return;
        }
        DicomInfoHeader.Header h = DicomInfoHeader.parse(imp.getInfoProperty(), frames);
        if (h != null) {
            apply(imp, timesKnown ? null : h.timesS(), h.timingSource(), h.pixelSizeMm());
        }
    }

    /** @return the file ImageJ opened the image from, when it still exists */
    static Path originalFile(ImagePlus imp) {
        FileInfo fi = imp.getOriginalFileInfo();
        if (fi == null || fi.fileName == null || fi.directory == null || fi.directory.isEmpty()) {
            return null;
        }
        try {
            Path p = Path.of(fi.directory, fi.fileName);
            return Files.isRegularFile(p) ? p : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static CineLoop reread(Path file) {
        try {
            return LoopReader.open(file, LoadOptions.NONE);
        } catch (InputException | IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    private static void apply(ImagePlus imp, double[] timesS, String how, Double pixelSizeMm) {
        Calibration cal = imp.getCalibration();
        if (timesS != null && timesS.length > 1) {
            imp.setProp(ImageTimes.TIMES_PROPERTY, ImageTimes.format(timesS));
            imp.setProp(CineLoopImages.TIMING_PROPERTY, how);
            double dt = org.ceusperfusion.tic.RobustStats.medianStep(timesS);
            cal.frameInterval = dt;
            cal.fps = dt > 0 ? 1.0 / dt : 0;
            cal.setTimeUnit("s");
        }
        if (pixelSizeMm != null && pixelSizeMm > 0 && !cal.scaled()) {
            cal.pixelWidth = pixelSizeMm;
            cal.pixelHeight = pixelSizeMm;
            cal.setUnit("mm");
        }
        imp.setCalibration(cal);
    }

    private static void setIfAbsent(ImagePlus imp, String key, String value) {
        if (value != null && imp.getProp(key) == null) {
            imp.setProp(key, value);
        }
    }
}
