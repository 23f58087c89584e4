package org.ceusperfusion.tic;

import java.util.Arrays;
import org.ceusperfusion.roi.RoiMask;

/**
 * The surroundings' curves of {@link BolusWindow}, band by band of ROI rows, so that only one band's curves are held
 * at a time (band pixels × frames instead of ROI pixels × frames). Each frame's summed-area table of the values is
 * built row after row from the row before exactly as for the whole ROI at once, and the table row the next band starts
 * from is kept per frame, so every ring sum has the rounding of the whole-ROI table; the counts are whole numbers and
 * exact anyway. The ring means are thus bit-identical to those of one table over the whole ROI (as first merged).
 */
final class RingMeans {
    /** ROI pixels per band at least (whole rows are added until it is reached). */
    static final int BAND_PIXELS = 2048;

    private final RoiPixelStore store;
    private final int[] frames;
    private final int radius;
    private final int w;
    private final int h;
    /** Per ROI pixel: its index in the bounding box, row-major. */
    private final int[] at;
    /** Per bounding-box row y (and h): the first store index at or below row y. */
    private final int[] rowStart;
    /** Per window frame: the row of the sums' summed-area table that the next band starts from, (w+1). */
    private final double[][] carry;
    private int nextRow;

    /**
     * @param store    the ROI's pixels (in the order of the ROI's bounding box, row-major)
     * @param frames   the window's frames (indices into the store)
     * @param radiusPx half-width of the surroundings, px (more than {@link BolusWindow#RING_INNER_PX})
     */
    RingMeans(RoiPixelStore store, int[] frames, int radiusPx) {
        RoiMask roi = store.roi();
        this.store = store;
        this.frames = frames;
        this.radius = radiusPx;
        this.w = roi.width();
        this.h = roi.height();
        this.at = new int[store.pixels()];
        this.rowStart = new int[h + 1];
        int k = 0;
        for (int i = 0; i < roi.inside().length && k < at.length; i++) {
            if (roi.inside()[i]) {
                at[k++] = i;
            }
        }
        for (int y = 0, j = 0; y <= h; y++) {
            while (j < at.length && at[j] < y * w) {
                j++;
            }
            rowStart[y] = j;
        }
        carry = new double[frames.length][w + 1];
    }

    /** @return whether bands remain */
    boolean hasNext() {
        return rowStart[nextRow] < at.length && nextRow < h;
    }

    /** @return the store index of the next band's first pixel */
    int nextStart() {
        return rowStart[nextRow];
    }

    /**
     * Fills the next band's curves.
     *
     * @param ring  per band pixel and window frame: the ring mean, linear power (NaN: none); at least the band's size
     * @param power per band pixel and window frame: the pixel's own power; at least the band's size
     * @return the number of ROI pixels of the band (they follow {@link #nextStart()} in store order)
     */
    int next(float[][] ring, float[][] power) {
        int ya = nextRow;
        int yb = ya;
        while (yb < h && rowStart[yb] - rowStart[ya] < BAND_PIXELS) {
            yb++;
        }
        int first = rowStart[ya];
        int n = rowStart[yb] - first;
        int t0 = Math.max(0, ya - radius);
        int t1 = Math.min(h, yb + radius);
        int keep = Math.max(0, yb - radius);
        int s = w + 1;
        double[] sum = new double[(t1 - t0 + 1) * s];
        double[] cnt = new double[sum.length];
        double[] grid = new double[w];
        int[] o = offsets(first, n, t0);
        double[] allFinite = counts(null, t0, t1, grid, cnt, o, n);
        float[] p = new float[at.length];
        for (int i = 0; i < frames.length; i++) {
            store.power(frames[i], rowStart[t0], rowStart[t1], p); // the rows this band's tables read
            System.arraycopy(carry[i], 0, sum, 0, s);
            for (int y = t0; y < t1; y++) {
                fillGrid(p, y, grid);
                accumulate(grid, sum, (y - t0 + 1) * s, false);
            }
            double[] c = hasNaN(p, t0, t1) ? counts(p, t0, t1, grid, cnt, o, n) : allFinite;
            for (int j = 0, q = 0; j < n; j++, q += 8) {
                double bs = sum[o[q]] - sum[o[q + 1]] - sum[o[q + 2]] + sum[o[q + 3]]
                        - (sum[o[q + 4]] - sum[o[q + 5]] - sum[o[q + 6]] + sum[o[q + 7]]);
                ring[j][i] = c[j] > 0.5 ? (float) (bs / c[j]) : Float.NaN;
                power[j][i] = p[first + j];
            }
            System.arraycopy(sum, (keep - t0) * s, carry[i], 0, s);
        }
        nextRow = yb;
        return n;
    }

    /**
     * The counts of finite values in each band pixel's ring. They are whole numbers, exact in double whatever the
     * table's starting row, so they are formed from a zero row at t0 (no carry) and, for frames without NaN in the
     * band's rows, once from the ROI's shape.
     *
     * @param p the frame's power ({@code null}: every ROI pixel finite)
     * @return per band pixel: the number of finite ROI values in its ring
     */
    private double[] counts(float[] p, int t0, int t1, double[] grid, double[] cnt, int[] o, int n) {
        int s = w + 1;
        for (int y = t0; y < t1; y++) {
            fillGrid(p, y, grid);
            accumulate(grid, cnt, (y - t0 + 1) * s, true);
        }
        double[] c = new double[n];
        for (int j = 0, q = 0; j < n; j++, q += 8) {
            c[j] = cnt[o[q]] - cnt[o[q + 1]] - cnt[o[q + 2]] + cnt[o[q + 3]]
                    - (cnt[o[q + 4]] - cnt[o[q + 5]] - cnt[o[q + 6]] + cnt[o[q + 7]]);
        }
        return c;
    }

    /** @return whether the frame has a NaN in bounding-box rows [t0, t1) */
    private boolean hasNaN(float[] p, int t0, int t1) {
        for (int k = rowStart[t0]; k < rowStart[t1]; k++) {
            if (Float.isNaN(p[k])) {
                return true;
            }
        }
        return false;
    }

    /** Fills {@code grid} with bounding-box row y: the ROI's values (0 when p is null), NaN outside the ROI. */
    private void fillGrid(float[] p, int y, double[] grid) {
        Arrays.fill(grid, Double.NaN);
        for (int k = rowStart[y]; k < rowStart[y + 1]; k++) {
            grid[at[k] - y * w] = p == null ? 0 : p[k];
        }
    }

    /**
     * Fills table row o/(w+1) from the row before it: the row before plus the running sum along the grid row of
     * its finite values ({@code count}: of 1 per finite value).
     */
    private void accumulate(double[] grid, double[] table, int o, boolean count) {
        double rs = 0;
        for (int x = 0; x < w; x++) {
            double g = grid[x];
            if (!Double.isNaN(g)) {
                rs += count ? 1 : g;
            }
            table[o + x + 1] = table[o + x - w] + rs;
        }
    }

    /**
     * @return per band pixel, 8 table indices: the corners of its square ±radius and of its square
     *         ±{@link BolusWindow#RING_INNER_PX}, clipped to the grid (for the sum over a square: [0] − [1] − [2] +
     *         [3]); the band's table starts at row t0
     */
    private int[] offsets(int first, int n, int t0) {
        int[] o = new int[8 * n];
        for (int j = 0; j < n; j++) {
            int x = at[first + j] % w;
            int y = at[first + j] / w;
            corners(o, 8 * j, x, y, radius, t0);
            corners(o, 8 * j + 4, x, y, BolusWindow.RING_INNER_PX, t0);
        }
        return o;
    }

    /** Writes the table indices of the square ±r around (x, y), clipped to the grid, from o[at]. */
    private void corners(int[] o, int at, int x, int y, int r, int t0) {
        int x0 = Math.max(0, x - r);
        int y0 = Math.max(0, y - r) - t0;
        int x1 = Math.min(w, x + r + 1);
        int y1 = Math.min(h, y + r + 1) - t0;
        int s = w + 1;
        o[at] = y1 * s + x1;
        o[at + 1] = y0 * s + x1;
        o[at + 2] = y1 * s + x0;
        o[at + 3] = y0 * s + x0;
    }
}
