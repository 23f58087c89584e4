package org.ceusperfusion.io;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Grey values of a decoded {@link BufferedImage}: one band as stored, three or more bands as luminance
 * {@code 0.299 R + 0.587 G + 0.114 B} of the first three, indexed colour through its palette. Samples
 * wider than 8 bits are scaled to 0..255. Raw samples are read, not {@code getRGB}, which would apply
 * a grey gamma conversion to single-band images.
 */
final class ImageFrames {
    private ImageFrames() {
    }

    /** @return whether the image has colour: three or more bands, or indexed colour */
    static boolean isColour(BufferedImage img) {
        return img.getColorModel() instanceof IndexColorModel || img.getRaster().getNumBands() >= 3;
    }

    /**
     * @return row-major grey values, colour ({@link #isColour}) converted by {@code colour} from the
     *         image's sRGB pixels
     */
    static float[] grey(BufferedImage img, RgbToGrey colour) {
        if (colour != RgbToGrey.LUMINANCE && isColour(img)) {
            return colour.grey(img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth()));
        }
        return grey(img);
    }

    /** @return row-major grey values */
    static float[] grey(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        float[] g = new float[w * h];
        if (img.getColorModel() instanceof IndexColorModel) {
            int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < g.length; i++) {
                int c = rgb[i];
                g[i] = PhotometricConverter.luminance((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF);
            }
            return g;
        }
        Raster r = img.getRaster();
        int bands = r.getNumBands();
        float scale = r.getSampleModel().getSampleSize(0) > 8 ? 255f / ((1 << r.getSampleModel().getSampleSize(0)) - 1) : 1f;
        int[] s = r.getPixels(r.getMinX(), r.getMinY(), w, h, (int[]) null);
        for (int p = 0; p < g.length; p++) {
            g[p] = bands < 3 ? s[p * bands] * scale
                    : PhotometricConverter.luminance(s[p * bands], s[p * bands + 1], s[p * bands + 2]) * scale;
        }
        return g;
    }
}
