package org.ceusperfusion.io;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.ceusperfusion.InputException;

/**
 * Decodes one JPEG Baseline frame with {@code javax.imageio}. The JDK's decoder converts YCbCr
 * (YBR_FULL, YBR_FULL_422) to RGB itself, so colour frames come out as RGB samples.
 */
final class JpegFrameDecoder {
    private JpegFrameDecoder() {
    }

    /**
     * @param bytes  the JPEG stream of one frame
     * @param f      expected pixel format
     * @param source file name for errors
     * @param frame  frame index, for errors
     * @return interleaved samples ({@code p * samples + s}); RGB for colour
     */
    static int[] decode(byte[] bytes, PixelFormat f, String source, int frame) {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new InputException(source, "cannot decode JPEG frame " + (frame + 1) + ": " + e.getMessage(), e);
        }
        if (img == null) {
            throw new InputException(source, "cannot decode JPEG frame " + (frame + 1) + ": not a JPEG stream");
        }
        if (img.getWidth() != f.columns() || img.getHeight() != f.rows()) {
            throw new InputException(source, "JPEG frame " + (frame + 1) + " is " + img.getWidth() + "x"
                    + img.getHeight() + ", the header says " + f.columns() + "x" + f.rows());
        }
        Raster raster = img.getRaster();
        int bands = raster.getNumBands();
        if (bands != f.samples()) {
            throw new InputException(source, "JPEG frame " + (frame + 1) + " has " + bands
                    + " components, the header says " + f.samples());
        }
        return raster.getPixels(0, 0, img.getWidth(), img.getHeight(), (int[]) null);
    }
}
