package org.ceusperfusion.roi;

import java.util.Arrays;

/**
 * Turns geometric ROI shapes with integer pixel coordinates into {@link RoiMask}s that select exactly
 * the pixels ImageJ 1.54p selects for the same shape.
 *
 * <p>Conventions (as in ImageJ): outline coordinates lie on pixel corners; pixel {@code (px, py)}
 * covers the square {@code [px, px+1) × [py, py+1)} and its centre is {@code (px + 0.5, py + 0.5)}.
 * <ul>
 *   <li>rectangle {@code x, y, w, h}: every pixel of the rectangle;</li>
 *   <li>oval in the box {@code x, y, w, h}: pixel {@code (x+i, y+j)} is inside when its centre lies in
 *       the closed ellipse inscribed in the box, i.e.
 *       {@code (2i+1-w)²/w² + (2j+1-h)²/h² ≤ 1} (evaluated exactly in integers);</li>
 *   <li>polygon: a pixel is inside when its centre is inside under the even–odd rule; a centre exactly on
 *       a non-horizontal edge counts as inside when that edge is a right-hand boundary of a span and
 *       outside when it is a left-hand one (evaluated exactly in integers).</li>
 * </ul>
 * Pure Java; the equality with ImageJ's own masks is proven by tests.
 */
public final class RoiRasterizer {
    private RoiRasterizer() {
    }

    /**
     * @param name ROI name
     * @param x    left edge, pixels
     * @param y    top edge, pixels
     * @param w    width, pixels (&ge; 1)
     * @param h    height, pixels (&ge; 1)
     * @return the mask of the full rectangle
     * @throws IllegalArgumentException when {@code w} or {@code h} is below 1
     */
    public static RoiMask rectangle(String name, int x, int y, int w, int h) {
        requirePositive(w, h);
        boolean[] inside = new boolean[w * h];
        Arrays.fill(inside, true);
        return new RoiMask(name, x, y, w, h, inside);
    }

    /**
     * @param name ROI name
     * @param x    left edge of the bounding box, pixels
     * @param y    top edge of the bounding box, pixels
     * @param w    bounding-box width, pixels (&ge; 1)
     * @param h    bounding-box height, pixels (&ge; 1)
     * @return the mask of the ellipse inscribed in the box, as ImageJ's {@code OvalRoi}
     * @throws IllegalArgumentException when {@code w} or {@code h} is below 1
     */
    public static RoiMask oval(String name, int x, int y, int w, int h) {
        requirePositive(w, h);
        boolean[] inside = new boolean[w * h];
        long w2 = (long) w * w;
        long h2 = (long) h * h;
        long limit = w2 * h2;
        for (int j = 0; j < h; j++) {
            long dy = 2L * j + 1 - h;
            long rowTerm = dy * dy * w2;
            for (int i = 0; i < w; i++) {
                long dx = 2L * i + 1 - w;
                inside[j * w + i] = dx * dx * h2 + rowTerm <= limit;
            }
        }
        return new RoiMask(name, x, y, w, h, inside);
    }

    /**
     * Fills a polygon with integer vertices (closed implicitly from the last vertex to the first).
     * The bounding box spans from the smallest to the largest vertex coordinate, as in ImageJ; a polygon
     * without area gives an empty mask.
     *
     * @param name ROI name
     * @param xs   vertex x coordinates, pixels
     * @param ys   vertex y coordinates, pixels (same length as {@code xs}, at least 1)
     * @return the mask of the pixels whose centres lie inside (even–odd rule)
     * @throws IllegalArgumentException when the arrays are empty or differ in length
     */
    public static RoiMask polygon(String name, int[] xs, int[] ys) {
        if (xs.length == 0 || xs.length != ys.length) {
            throw new IllegalArgumentException("polygon needs matching, non-empty coordinate arrays");
        }
        int x0 = Arrays.stream(xs).min().getAsInt();
        int y0 = Arrays.stream(ys).min().getAsInt();
        int w = Arrays.stream(xs).max().getAsInt() - x0;
        int h = Arrays.stream(ys).max().getAsInt() - y0;
        boolean[] inside = new boolean[w * h];
        long[] starts = new long[xs.length];
        for (int j = 0; j < h; j++) {
            int n = rowCrossings(xs, ys, y0 + j, starts);
            Arrays.sort(starts, 0, n);
            for (int k = 0; k + 1 < n; k += 2) {
                int from = (int) Math.max(starts[k] - x0, 0);
                int to = (int) Math.min(starts[k + 1] - x0, w);
                for (int i = from; i < to; i++) {
                    inside[j * w + i] = true;
                }
            }
        }
        return new RoiMask(name, x0, y0, w, h, inside);
    }

    /**
     * For every edge crossing the horizontal line through the centres of row {@code py}, stores the
     * first pixel column whose centre lies strictly right of the crossing.
     *
     * @return number of crossings written into {@code out}
     */
    private static int rowCrossings(int[] xs, int[] ys, int py, long[] out) {
        int n = 0;
        for (int e = 0; e < xs.length; e++) {
            int f = (e + 1) % xs.length;
            long xa = xs[e];
            long ya = ys[e];
            long xb = xs[f];
            long yb = ys[f];
            if (ya == yb) {
                continue;
            }
            if (ya > yb) {
                long t = ya;
                ya = yb;
                yb = t;
                t = xa;
                xa = xb;
                xb = t;
            }
            if (py < ya || py >= yb) {
                continue;
            }
            long dy = yb - ya;
            // crossing X = xa + (py + 0.5 - ya)·(xb - xa)/dy; 2·dy·X = num
            long num = 2 * xa * dy + (2 * (py - ya) + 1) * (xb - xa);
            // first px with (2px + 1)·dy > num
            out[n++] = Math.floorDiv(num - dy, 2 * dy) + 1;
        }
        return n;
    }

    private static void requirePositive(int w, int h) {
        if (w < 1 || h < 1) {
            throw new IllegalArgumentException("width and height must be at least 1 pixel: " + w + "x" + h);
        }
    }
}
