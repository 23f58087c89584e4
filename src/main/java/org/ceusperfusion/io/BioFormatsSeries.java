package org.ceusperfusion.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Map;

/**
 * What a Bio-Formats reader says about one series, recorded as plain data (no Bio-Formats class), and the
 * pure conversion of its planes' bytes into grey values. The reflective adapter ({@link BioFormatsReader})
 * fills it; tests build it from recorded metadata.
 *
 * <p>Grey values: unsigned integers as stored; signed integers shifted by half their range onto
 * {@code 0..2^bits−1} (int8 → 0..255, int16 → 0..65535); floats as stored; an indexed (palette) series that is
 * not false colour is read through its colour table as the luminance of each entry (0..255); RGB as luminance.
 *
 * @param layout      sizes, order, plane times, pixel size
 * @param pixelType   Bio-Formats pixel type code: 0 int8, 1 uint8, 2 int16, 3 uint16, 4 int32, 5 uint32,
 *                    6 float, 7 double
 * @param littleEndian byte order of the plane bytes
 * @param interleaved whether RGB samples are interleaved
 * @param rgbSamples  samples per pixel in one plane (1, or 3 for RGB)
 * @param lut8        8-bit colour table {@code [3][n]} of an indexed series, or {@code null}
 * @param lut16       16-bit colour table {@code [3][n]}, or {@code null}
 */
record BioFormatsSeries(SeriesLayout layout, int pixelType, boolean littleEndian, boolean interleaved, int rgbSamples,
                        byte[][] lut8, short[][] lut16) {
    static final String[] PIXEL_TYPES = {"int8", "uint8", "int16", "uint16", "int32", "uint32", "float", "double"};

    /** @return the pixel type's name */
    String typeName() {
        return pixelType >= 0 && pixelType < PIXEL_TYPES.length ? PIXEL_TYPES[pixelType] : "type " + pixelType;
    }

    /** @return whether a colour table is applied */
    boolean indexed() {
        return rgbSamples == 1 && (lut8 != null || lut16 != null);
    }

    /** @return bytes per sample */
    int bytesPerSample() {
        return pixelType <= 1 ? 1 : pixelType <= 3 ? 2 : pixelType == 7 ? 8 : 4;
    }

    /** @return 255 or 65535 for 8/16-bit integers and palettes, {@code NaN} otherwise (use the largest value found) */
    double fullScale() {
        if (indexed() || rgbSamples >= 3 && pixelType <= 1) {
            return 255;
        }
        return pixelType <= 1 ? 255 : pixelType <= 3 ? 65535 : Double.NaN;
    }

    /**
     * @param bytes one plane as {@code openBytes} returns it
     * @return one value per sample in interleaved order (signed types shifted, see the class comment)
     */
    float[] samples(byte[] bytes) {
        int pixels = layout.sizeX() * layout.sizeY();
        int spp = Math.max(1, rgbSamples);
        int size = bytesPerSample();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        float[] out = new float[pixels * spp];
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < spp; c++) {
                int index = interleaved ? p * spp + c : c * pixels + p;
                out[p * spp + c] = sample(b, index * size, pixelType);
            }
        }
        return out;
    }

    /** @return grey values of one plane: luminance of RGB, palette entries' luminance, or the samples */
    float[] grey(byte[] bytes) {
        float[] s = samples(bytes);
        int pixels = layout.sizeX() * layout.sizeY();
        if (rgbSamples >= 3) {
            float[] g = new float[pixels];
            for (int p = 0; p < pixels; p++) {
                g[p] = PhotometricConverter.luminance(s[p * rgbSamples], s[p * rgbSamples + 1], s[p * rgbSamples + 2]);
            }
            return g;
        }
        if (indexed()) {
            return palette(s);
        }
        return s;
    }

    private float[] palette(float[] s) {
        float[] g = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            int v = (int) (pixelType == 0 ? s[i] - 128 : pixelType == 2 ? s[i] - 32768 : s[i]);
            if (lut8 != null) {
                int n = lut8[0].length;
                int k = Math.max(0, Math.min(n - 1, v & (pixelType == 0 ? 0xFF : 0xFFFF)));
                g[i] = PhotometricConverter.luminance(lut8[0][k] & 0xFF, lut8[1][k] & 0xFF, lut8[2][k] & 0xFF);
            } else {
                int n = lut16[0].length;
                int k = Math.max(0, Math.min(n - 1, v & 0xFFFF));
                g[i] = PhotometricConverter.luminance((lut16[0][k] & 0xFFFF) / 257f, (lut16[1][k] & 0xFFFF) / 257f,
                        (lut16[2][k] & 0xFFFF) / 257f);
            }
        }
        return g;
    }

    private static float sample(ByteBuffer b, int at, int type) {
        return switch (type) {
            case 0 -> b.get(at) + 128f;
            case 1 -> b.get(at) & 0xFF;
            case 2 -> b.getShort(at) + 32768f;
            case 3 -> b.getShort(at) & 0xFFFF;
            case 4 -> (float) (b.getInt(at) + 2147483648.0);
            case 5 -> (float) (b.getInt(at) & 0xFFFFFFFFL);
            case 6 -> b.getFloat(at);
            default -> (float) b.getDouble(at);
        };
    }

    /**
     * The frame rate a reader states in its original metadata (e.g. AVI, QuickTime, some microscope formats),
     * under a key such as {@code Frame rate}, {@code FrameRate}, {@code fps}, {@code Frames per second}.
     *
     * @param metadata series metadata, then global metadata (either may be {@code null})
     * @return frames per second, or {@code null}
     */
    @SafeVarargs
    static Double frameRate(Map<String, ?>... metadata) {
        for (Map<String, ?> m : metadata) {
            if (m == null) {
                continue;
            }
            for (Map.Entry<String, ?> e : m.entrySet()) {
                String k = e.getKey() == null ? "" : e.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
                if (k.equals("framerate") || k.equals("fps") || k.equals("framespersecond") || k.endsWith("framerate")) {
                    Double v = number(e.getValue());
                    if (v != null && v > 0 && v < 1e5) {
                        return v;
                    }
                }
            }
        }
        return null;
    }

    private static Double number(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[-+]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?")
                .matcher(o.toString());
        return m.find() ? Double.parseDouble(m.group()) : null;
    }
}
