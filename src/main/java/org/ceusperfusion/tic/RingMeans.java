package org.ceusperfusion.tic;

import java.util.Arrays;
import org.ceusperfusion.roi.RoiMask;

/**
 * The surroundings' curves of {@link BolusWindow}, band by band of ROI rows, so that only one band's curves are held
 * at a time (band pixels × frames instead of ROI pixels × frames). Each frame's summed-area tables are built row after
 * row from the row before exactly as for the whole ROI at once, and the table row the next band starts from is kept
 * per frame, so every ring mean is bit-identical to {@link BolusWindow#surroundings}.
 */
final class RingMeans {
    /** ROI pixels per band at least (whole rows are added until it is reached). */
    static final int BAND_PIXELS = 1024;

    private final RoiPixelStore store;
    private final int[] frames;
    private final int radius;
    private final int w;
    private final int h;
    /** Per ROI pixel: its index in the bounding box, row-major. */
    private final int[] at;
    /** Per bounding-box row y (and h): the first store index at or below row y. */
    private final int[] rowStart;
    /** Per window frame: the summed-area table row {@link #carryRow} (sums, then counts), (w+1) each. */
    private final double[][] carrySum;
    private final double[][] carryCnt;
    private int carryRow;
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
        carrySum = new double[frames.length][w + 1];
        carryCnt = new double[frames.length][w + 1];
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
        for (int i = 0; i < frames.length; i++) {
            float[] p = store.power()[frames[i]];
            System.arraycopy(carrySum[i], 0, sum, 0, s);
            System.arraycopy(carryCnt[i], 0, cnt, 0, s);
            for (int y = t0; y < t1; y++) {
                tableRow(p, y, grid, sum, cnt, (y - t0 + 1) * s);
            }
            for (int j = 0; j < n; j++) {
                int k = first + j;
                int x = at[k] % w;
                int y = at[k] / w;
                double bs = box(sum, t0, x, y, radius) - box(sum, t0, x, y, BolusWindow.RING_INNER_PX);
                double bc = box(cnt, t0, x, y, radius) - box(cnt, t0, x, y, BolusWindow.RING_INNER_PX);
                ring[j][i] = bc > 0.5 ? (float) (bs / bc) : Float.NaN;
                power[j][i] = p[k];
            }
            System.arraycopy(sum, (keep - t0) * s, carrySum[i], 0, s);
            System.arraycopy(cnt, (keep - t0) * s, carryCnt[i], 0, s);
        }
        carryRow = keep;
        nextRow = yb;
        return n;
    }

    /** Fills table row y+1 (at offset o) from the row before it and the finite values of bounding-box row y. */
    private void tableRow(float[] p, int y, double[] grid, double[] sum, double[] cnt, int o) {
        Arrays.fill(grid, Double.NaN);
        for (int k = rowStart[y]; k < rowStart[y + 1]; k++) {
            grid[at[k] - y * w] = p[k];
        }
        double rs = 0;
        double rc = 0;
        for (int x = 0; x < w; x++) {
            double g = grid[x];
            if (!Double.isNaN(g)) {
                rs += g;
                rc++;
            }
            sum[o + x + 1] = sum[o + x + 1 - w - 1] + rs;
            cnt[o + x + 1] = cnt[o + x + 1 - w - 1] + rc;
        }
    }

    /** @return the table's sum over the square ±r around (x, y), clipped to the grid; the table starts at row t0 */
    private double box(double[] table, int t0, int x, int y, int r) {
        int x0 = Math.max(0, x - r);
        int y0 = Math.max(0, y - r) - t0;
        int x1 = Math.min(w, x + r + 1);
        int y1 = Math.min(h, y + r + 1) - t0;
        int s = w + 1;
        return table[y1 * s + x1] - table[y0 * s + x1] - table[y1 * s + x0] + table[y0 * s + x0];
    }
}
