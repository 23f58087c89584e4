package org.ceusperfusion.tic;

import org.ceusperfusion.roi.RoiMask;

/**
 * The bolus-window test as first merged (whole-ROI surroundings, running means summed afresh per window), kept
 * unchanged as the reference that {@link BolusWindowEquivalenceTest} holds the banded {@link BolusWindow} to: same
 * ring means bit for bit and same per-pixel decisions.
 */
final class BolusWindowReference {
    private static final double Z = BolusWindow.Z;
    private static final double OWN_LEVEL_SE = BolusWindow.OWN_LEVEL_SE;
    private static final int RING_INNER_PX = BolusWindow.RING_INNER_PX;
    private static final double BASE_SHARE = BolusWindow.BASE_SHARE;
    private static final double ENHANCED_SHARE = BolusWindow.ENHANCED_SHARE;

    private BolusWindowReference() {
    }

    /**
     * @param store  the ROI's pixels
     * @param frames the used frames of the window (indices into the store)
     * @param run    running-mean and block width w, frames
     * @param local  per ROI pixel: the local tissue level, linear power (NaN: none)
     * @param rule   the thresholds (its radius sets the surroundings, at least 2 px)
     * @return per ROI pixel: whether it enhances by the bolus-window test
     */
    static boolean[] enhances(RoiPixelStore store, int[] frames, int run, double[] local,
                           NonEnhancingCriterion.Rule rule) {
        float[][] ring = surroundings(store, frames, Math.max(rule.radiusPx(), RING_INNER_PX + 1));
        boolean[] pass = new boolean[store.pixels()];
        double[] v = new double[frames.length];
        double[] r = new double[frames.length];
        for (int k = 0; k < pass.length; k++) {
            int[] w = windows(ring[k], run);
            if (w == null) {
                continue;
            }
            for (int i = 0; i < frames.length; i++) {
                v[i] = store.power(frames[i], k);
                r[i] = ring[k][i];
            }
            pass[k] = test(v, mean(r, 0, w[0])[0], w, run, Double.isNaN(local[k]) ? 0 : local[k], rule);
        }
        return pass;
    }

    /**
     * @param v     the pixel's power over the window's frames
     * @param rb    the surroundings' mean power over the base window
     * @param w     {base end, enhanced start, enhanced end} (see {@link #windows})
     * @param level the local tissue level, linear power
     * @return whether the pixel enhances
     */
    private static boolean test(double[] v, double rb, int[] w, int run, double level,
                                 NonEnhancingCriterion.Rule rule) {
        double[] mb = mean(v, 0, w[0]);
        double[] me = mean(v, w[1], w[2]);
        double s = blockLogSd(v, run);
        if (!(mb[1] >= 2 && me[1] >= 2 && mb[0] > 0 && rb > 0 && s > 0)) {
            return false;
        }
        boolean own = Math.log(mb[0] / rb) > OWN_LEVEL_SE * s * Math.sqrt(run / mb[1]);
        double ref = own ? mb[0] : rb;
        double z = Math.log(me[0] / ref) / (s * Math.sqrt(run / me[1] + (own ? run / mb[1] : 0)));
        return z >= Z && me[0] >= Math.pow(10, rule.ownGuardDb() / 10) * mb[0]
                && me[0] - ref >= (Math.pow(10, rule.thresholdDb() / 10) - 1) * level;
    }

    /**
     * @param curve the surroundings' curve over the window's frames
     * @param run   running-mean width, frames
     * @return {base end (exclusive), enhanced start, enhanced end (exclusive)} as indices into the window's frames,
     *         or {@code null} when the curve does not rise or has no base before its rise
     */
    static int[] windows(float[] curve, int run) {
        double[] m = runningMeans(curve, run);
        if (m.length < 2) {
            return null;
        }
        int peakAt = 0;
        for (int i = 1; i < m.length; i++) {
            peakAt = m[i] > m[peakAt] || Double.isNaN(m[peakAt]) ? i : peakAt;
        }
        double floor = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= peakAt; i++) {
            floor = m[i] < floor ? m[i] : floor;
        }
        double rise = m[peakAt] - floor;
        if (!(rise > 0)) {
            return null;
        }
        int e0 = peakAt;
        while (e0 > 0 && m[e0 - 1] >= floor + ENHANCED_SHARE * rise) {
            e0--;
        }
        int e1 = peakAt;
        while (e1 + 1 < m.length && m[e1 + 1] >= floor + ENHANCED_SHARE * rise) {
            e1++;
        }
        int lastBase = -1;
        for (int j = 0; j < e0; j++) {
            lastBase = m[j] <= floor + BASE_SHARE * rise ? j : lastBase;
        }
        return lastBase < 0 ? null : new int[] {Math.min(lastBase + run, e0), e0, e1 + run};
    }

    /** @return the running means of width {@code run} (NaN where fewer than half the samples are finite) */
    private static double[] runningMeans(float[] curve, int run) {
        double[] m = new double[Math.max(0, curve.length - run + 1)];
        for (int i = 0; i < m.length; i++) {
            double s = 0;
            int c = 0;
            for (int j = i; j < i + run; j++) {
                if (!Float.isNaN(curve[j])) {
                    s += curve[j];
                    c++;
                }
            }
            m[i] = c * 2 >= run ? s / c : Double.NaN;
        }
        return m;
    }

    /** @return {mean, count} of the finite values of v[from, to) */
    private static double[] mean(double[] v, int from, int to) {
        double s = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(v[i])) {
                s += v[i];
                n++;
            }
        }
        return new double[] {n == 0 ? Double.NaN : s / n, n};
    }

    /**
     * @return the SD of the natural log of {@code run}-frame block means, from the differences of consecutive
     *         non-overlapping blocks (RMS / √2; a bolus in the blocks only raises it, which is conservative); NaN
     *         with fewer than 2 positive blocks
     */
    static double blockLogSd(double[] v, int run) {
        double prev = Double.NaN;
        double ss = 0;
        int n = 0;
        for (int b = 0; b + run <= v.length; b += run) {
            double[] m = mean(v, b, b + run);
            double lm = m[0] > 0 && m[1] * 2 >= run ? Math.log(m[0]) : Double.NaN;
            if (!Double.isNaN(lm) && !Double.isNaN(prev)) {
                ss += (lm - prev) * (lm - prev);
                n++;
            }
            prev = lm;
        }
        return n == 0 ? Double.NaN : Math.sqrt(ss / n / 2);
    }

    /**
     * @return per ROI pixel and window frame: the mean power of the ROI pixels within ±{@code radiusPx} but
     *         outside ±{@code RING_INNER_PX} of it (NaN when none)
     */
    static float[][] surroundings(RoiPixelStore store, int[] frames, int radiusPx) {
        RoiMask roi = store.roi();
        int w = roi.width();
        int h = roi.height();
        int[] at = gridPositions(roi, store.pixels());
        float[][] out = new float[store.pixels()][frames.length];
        double[] sum = new double[(w + 1) * (h + 1)];
        double[] cnt = new double[(w + 1) * (h + 1)];
        double[] grid = new double[w * h];
        for (int i = 0; i < frames.length; i++) {
            java.util.Arrays.fill(grid, Double.NaN);
            float[] p = new float[store.pixels()];
            store.power(frames[i], 0, p.length, p);
            for (int k = 0; k < at.length; k++) {
                grid[at[k]] = p[k];
            }
            integral(grid, w, h, sum, cnt);
            for (int k = 0; k < at.length; k++) {
                int x = at[k] % w;
                int y = at[k] / w;
                double s = box(sum, w, h, x, y, radiusPx) - box(sum, w, h, x, y, RING_INNER_PX);
                double c = box(cnt, w, h, x, y, radiusPx) - box(cnt, w, h, x, y, RING_INNER_PX);
                out[k][i] = c > 0.5 ? (float) (s / c) : Float.NaN;
            }
        }
        return out;
    }

    /** @return per ROI pixel (order of the store): its index in the ROI's bounding box, row-major */
    private static int[] gridPositions(RoiMask roi, int pixels) {
        int[] at = new int[pixels];
        int k = 0;
        for (int i = 0; i < roi.inside().length && k < pixels; i++) {
            if (roi.inside()[i]) {
                at[k++] = i;
            }
        }
        return at;
    }

    /** Fills the summed-area tables, (w+1)×(h+1), of the finite values of {@code grid} and of their count. */
    private static void integral(double[] grid, int w, int h, double[] sum, double[] cnt) {
        for (int y = 0; y < h; y++) {
            double rs = 0;
            double rc = 0;
            for (int x = 0; x < w; x++) {
                double g = grid[y * w + x];
                if (!Double.isNaN(g)) {
                    rs += g;
                    rc++;
                }
                int o = (y + 1) * (w + 1) + x + 1;
                sum[o] = sum[o - w - 1] + rs;
                cnt[o] = cnt[o - w - 1] + rc;
            }
        }
    }

    /** @return the sum of the table's values over the square ±r around (x, y), clipped to the w×h grid */
    private static double box(double[] table, int w, int h, int x, int y, int r) {
        int x0 = Math.max(0, x - r);
        int y0 = Math.max(0, y - r);
        int x1 = Math.min(w, x + r + 1);
        int y1 = Math.min(h, y + r + 1);
        int s = w + 1;
        return table[y1 * s + x1] - table[y0 * s + x1] - table[y1 * s + x0] + table[y0 * s + x0];
    }
}
