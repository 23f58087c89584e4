package org.ceusperfusion.io;

/**
 * Turns decoded samples into grey values: MONOCHROME2 as stored, MONOCHROME1 inverted, RGB and
 * YBR_FULL (converted to RGB first) to luminance {@code 0.299 R + 0.587 G + 0.114 B}, PALETTE COLOR
 * through its palette to luminance. With a colour bar ({@link RgbToGrey}), RGB and YBR_FULL pixels are
 * scaled to 8 bits per component and measured on the bar instead.
 */
final class PhotometricConverter {
    private PhotometricConverter() {
    }

    /** @return Rec. 601 luma of an RGB triple, in the triple's scale */
    static float luminance(float r, float g, float b) {
        return 0.299f * r + 0.587f * g + 0.114f * b;
    }

    /**
     * @param samples     interleaved samples of one frame ({@code p * spp + s})
     * @param photometric {@code MONOCHROME1}, {@code MONOCHROME2}, {@code PALETTE COLOR}, {@code RGB} or {@code YBR_FULL}
     * @param maxValue    largest stored sample value ({@code 2^BitsStored − 1})
     * @param palette     the palette for {@code PALETTE COLOR}, else ignored (may be {@code null})
     * @return one grey value per pixel
     */
    static float[] toGrey(int[] samples, String photometric, int maxValue, PaletteLut palette) {
        return toGrey(samples, photometric, maxValue, palette, RgbToGrey.LUMINANCE);
    }

    /**
     * As {@link #toGrey(int[], String, int, PaletteLut)}, with colour (RGB, YBR_FULL) converted by
     * {@code colour} unless it is {@link RgbToGrey#LUMINANCE}.
     */
    static float[] toGrey(int[] samples, String photometric, int maxValue, PaletteLut palette, RgbToGrey colour) {
        if (colour != RgbToGrey.LUMINANCE && isColour(photometric)) {
            return colour.grey(packedRgb(samples, photometric, maxValue));
        }
        switch (photometric) {
            case "MONOCHROME1": {
                float[] g = new float[samples.length];
                for (int i = 0; i < g.length; i++) {
                    g[i] = maxValue - samples[i];
                }
                return g;
            }
            case "PALETTE COLOR": {
                float[] g = new float[samples.length];
                for (int i = 0; i < g.length; i++) {
                    g[i] = palette.luminance(samples[i]);
                }
                return g;
            }
            case "RGB":
                return rgbToGrey(samples);
            case "YBR_FULL":
                return ybrToGrey(samples, maxValue);
            default: {
                float[] g = new float[samples.length];
                for (int i = 0; i < g.length; i++) {
                    g[i] = samples[i];
                }
                return g;
            }
        }
    }

    /** @return whether the samples are three colour components (RGB or YBR_FULL) */
    static boolean isColour(String photometric) {
        return photometric.equals("RGB") || photometric.equals("YBR_FULL");
    }

    /** @return packed 8-bit {@code 0xRRGGBB} pixels of RGB or YBR_FULL samples on a {@code 0..maxValue} scale */
    static int[] packedRgb(int[] samples, String photometric, int maxValue) {
        if (photometric.equals("RGB")) {
            return GreyConversion.pack(samples, maxValue);
        }
        float[] rgb = new float[samples.length];
        float[] one = new float[3];
        for (int p = 0; p < samples.length / 3; p++) {
            ybrToRgb(samples[3 * p], samples[3 * p + 1], samples[3 * p + 2], maxValue, one);
            System.arraycopy(one, 0, rgb, 3 * p, 3);
        }
        return GreyConversion.pack(rgb, maxValue);
    }

    private static float[] rgbToGrey(int[] s) {
        float[] g = new float[s.length / 3];
        for (int p = 0; p < g.length; p++) {
            g[p] = luminance(s[3 * p], s[3 * p + 1], s[3 * p + 2]);
        }
        return g;
    }

    private static float[] ybrToGrey(int[] s, int maxValue) {
        float[] g = new float[s.length / 3];
        float[] rgb = new float[3];
        for (int p = 0; p < g.length; p++) {
            ybrToRgb(s[3 * p], s[3 * p + 1], s[3 * p + 2], maxValue, rgb);
            g[p] = luminance(rgb[0], rgb[1], rgb[2]);
        }
        return g;
    }

    /**
     * YBR_FULL (ITU-R BT.601 full range) to RGB, clamped to {@code [0, maxValue]}.
     *
     * @param out receives R, G, B
     */
    static void ybrToRgb(int y, int cb, int cr, int maxValue, float[] out) {
        float c = (maxValue + 1) / 2f;
        out[0] = clamp(y + 1.402f * (cr - c), maxValue);
        out[1] = clamp(y - 0.344136f * (cb - c) - 0.714136f * (cr - c), maxValue);
        out[2] = clamp(y + 1.772f * (cb - c), maxValue);
    }

    private static float clamp(float v, int max) {
        return v < 0 ? 0 : Math.min(v, max);
    }
}
