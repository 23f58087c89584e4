package org.ceusperfusion.io;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps colour-coded pixels back to the position of their colour on the scanner's colour bar, for
 * contrast panels shown in a colour map instead of grey: the value of a pixel is where its nearest bar
 * colour (Euclidean distance in RGB) lies along the bar, scaled to {@code 0..255} (0 at the low end,
 * 255 at the high end). When several bar samples are equally near (a bar drawn in steps), the mean of
 * their positions is used. The result is then linearised like any 8-bit grey value.
 *
 * <pre>
 *   // the bar runs from (x0, y0) = low end to (x1, y1) = high end in frame 1 (packed 0xRRGGBB pixels)
 *   ColourBarMapping bar = ColourBarMapping.fromLine(rgb, width, height, 610, 400, 610, 100);
 *   float v = bar.value(0xFF8000);      // 0..255
 *   double d = bar.distance(0xFF8000);  // RGB distance to the bar, to spot pixels not on the scale
 *   float[] grey = bar.map(rgb);        // a whole frame
 * </pre>
 * Instances are immutable apart from an internal cache and are not thread-safe.
 */
public final class ColourBarMapping {
    private static final int CACHE_LIMIT = 1 << 16;
    private final int[] r;
    private final int[] g;
    private final int[] b;
    private final Map<Integer, float[]> cache = new HashMap<>();

    private ColourBarMapping(int[] bar) {
        r = new int[bar.length];
        g = new int[bar.length];
        b = new int[bar.length];
        for (int i = 0; i < bar.length; i++) {
            r[i] = (bar[i] >> 16) & 0xFF;
            g[i] = (bar[i] >> 8) & 0xFF;
            b[i] = bar[i] & 0xFF;
        }
    }

    /**
     * @param bar packed {@code 0xRRGGBB} colours sampled along the bar from its low end to its high end
     *            (at least 2)
     * @return the mapping
     * @throws IllegalArgumentException when fewer than 2 samples are given
     */
    public static ColourBarMapping fromBar(int[] bar) {
        if (bar == null || bar.length < 2) {
            throw new IllegalArgumentException("a colour bar needs at least 2 samples");
        }
        return new ColourBarMapping(bar.clone());
    }

    /**
     * Samples the bar along a line ROI, one sample per pixel step ({@code max(|dx|, |dy|) + 1} samples).
     *
     * @param rgb    packed {@code 0xRRGGBB} pixels of a frame, row-major
     * @param width  frame width, pixels
     * @param height frame height, pixels
     * @param x0     column of the bar's low end
     * @param y0     row of the bar's low end
     * @param x1     column of the bar's high end
     * @param y1     row of the bar's high end
     * @return the mapping
     * @throws IllegalArgumentException when the line leaves the frame or is a single point
     */
    public static ColourBarMapping fromLine(int[] rgb, int width, int height, int x0, int y0, int x1, int y1) {
        for (int[] p : new int[][] {{x0, y0}, {x1, y1}}) {
            if (p[0] < 0 || p[1] < 0 || p[0] >= width || p[1] >= height) {
                throw new IllegalArgumentException("colour-bar line end " + p[0] + "," + p[1] + " is outside the "
                        + width + "x" + height + " frame");
            }
        }
        int steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
        if (steps == 0) {
            throw new IllegalArgumentException("the colour-bar line is a single point");
        }
        int[] bar = new int[steps + 1];
        for (int i = 0; i <= steps; i++) {
            int x = (int) Math.round(x0 + (double) (x1 - x0) * i / steps);
            int y = (int) Math.round(y0 + (double) (y1 - y0) * i / steps);
            bar[i] = rgb[y * width + x];
        }
        return new ColourBarMapping(bar);
    }

    /** @return number of bar samples */
    public int size() {
        return r.length;
    }

    /** @return position of the nearest bar colour, {@code 0..255} */
    public float value(int rgb) {
        return lookup(rgb)[0];
    }

    /** @return RGB distance from the colour to its nearest bar colour (0 on the bar, up to 441.7) */
    public double distance(int rgb) {
        return lookup(rgb)[1];
    }

    /** @return {@link #value(int)} of every pixel */
    public float[] map(int[] rgbPixels) {
        float[] out = new float[rgbPixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = value(rgbPixels[i]);
        }
        return out;
    }

    private float[] lookup(int rgb) {
        int key = rgb & 0xFFFFFF;
        float[] hit = cache.get(key);
        if (hit == null) {
            hit = nearest(key);
            if (cache.size() < CACHE_LIMIT) {
                cache.put(key, hit);
            }
        }
        return hit;
    }

    private float[] nearest(int rgb) {
        int cr = (rgb >> 16) & 0xFF;
        int cg = (rgb >> 8) & 0xFF;
        int cb = rgb & 0xFF;
        long best = Long.MAX_VALUE;
        double posSum = 0;
        int ties = 0;
        for (int i = 0; i < r.length; i++) {
            long d = sq(r[i] - cr) + sq(g[i] - cg) + sq(b[i] - cb);
            if (d < best) {
                best = d;
                posSum = i;
                ties = 1;
            } else if (d == best) {
                posSum += i;
                ties++;
            }
        }
        float value = (float) (255.0 * (posSum / ties) / (r.length - 1));
        return new float[] {value, (float) Math.sqrt(best)};
    }

    private static long sq(int v) {
        return (long) v * v;
    }
}
