package org.ceusperfusion.io;

import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import java.awt.image.ColorModel;

/**
 * Converts the planes of an ImageJ stack into grey frames: 8-bit and 16-bit as stored (8-bit with a
 * colour LUT through the LUT to luminance), 32-bit float as stored, RGB to luminance
 * {@code 0.299 R + 0.587 G + 0.114 B}, or, with a colour bar ({@link RgbToGrey}), RGB and colour-LUT
 * planes to their position on the bar. No ImageJ GUI classes are used.
 */
final class ImageJFrames {
    private ImageJFrames() {
    }

    /** @return one grey frame per stack plane */
    static float[][] grey(ImageStack stack) {
        return grey(stack, RgbToGrey.LUMINANCE);
    }

    /** @return one grey frame per stack plane, colour converted by {@code colour} */
    static float[][] grey(ImageStack stack, RgbToGrey colour) {
        float[][] frames = new float[stack.getSize()][];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = grey(stack.getProcessor(i + 1), colour);
        }
        return frames;
    }

    /** @return whether the plane is colour: RGB, or 8-bit with a colour LUT */
    static boolean isColour(ImageProcessor ip) {
        return ip instanceof ColorProcessor || (ip instanceof ByteProcessor && ip.isColorLut());
    }

    /** @return packed {@code 0xRRGGBB} pixels of a colour plane (see {@link #isColour}) */
    static int[] packedRgb(ImageProcessor ip) {
        if (ip instanceof ColorProcessor) {
            return (int[]) ip.getPixels();
        }
        byte[] px = (byte[]) ip.getPixels();
        ColorModel cm = ip.getColorModel();
        int[] rgb = new int[px.length];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = cm.getRGB(px[i] & 0xFF) & 0xFFFFFF;
        }
        return rgb;
    }

    /** @return row-major grey values of one plane */
    static float[] grey(ImageProcessor ip) {
        return grey(ip, RgbToGrey.LUMINANCE);
    }

    /** @return row-major grey values of one plane, colour converted by {@code colour} */
    static float[] grey(ImageProcessor ip, RgbToGrey colour) {
        if (colour != RgbToGrey.LUMINANCE && isColour(ip)) {
            return colour.grey(packedRgb(ip));
        }
        int n = ip.getWidth() * ip.getHeight();
        float[] g = new float[n];
        if (ip instanceof ColorProcessor) {
            int[] px = (int[]) ip.getPixels();
            for (int i = 0; i < n; i++) {
                g[i] = luminance(px[i]);
            }
        } else if (ip instanceof ByteProcessor) {
            byte[] px = (byte[]) ip.getPixels();
            ColorModel cm = ip.isColorLut() ? ip.getColorModel() : null;
            for (int i = 0; i < n; i++) {
                int v = px[i] & 0xFF;
                g[i] = cm == null ? v : luminance(cm.getRGB(v));
            }
        } else if (ip instanceof ShortProcessor) {
            short[] px = (short[]) ip.getPixels();
            for (int i = 0; i < n; i++) {
                g[i] = px[i] & 0xFFFF;
            }
        } else if (ip instanceof FloatProcessor) {
            System.arraycopy((float[]) ip.getPixels(), 0, g, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                g[i] = ip.getf(i);
            }
        }
        return g;
    }

    private static float luminance(int rgb) {
        return PhotometricConverter.luminance((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    /** @return the largest finite value over all frames, or 1 when there is none above 0 */
    static double maxValue(float[][] frames) {
        double max = 0;
        for (float[] f : frames) {
            for (float v : f) {
                if (Float.isFinite(v) && v > max) {
                    max = v;
                }
            }
        }
        return max > 0 ? max : 1;
    }
}
