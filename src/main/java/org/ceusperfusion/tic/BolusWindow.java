package org.ceusperfusion.tic;

/**
 * The bolus-window test of {@link NonEnhancingCriterion}: one test per pixel of the null hypothesis "no
 * enhancement", with the noise judged at the pixel's level <em>under that hypothesis</em>, so that a pixel whose
 * frame-to-frame noise comes mostly from its own bolus (multiplicative speckle new in every frame) is not called
 * non-enhancing.
 *
 * <p><b>Timing from the surroundings.</b> The mean linear power of the ROI pixels in the square ring between
 * ±{@value #RING_INNER_PX} and ±radius pixels around the pixel (the pixel and its speckle cell left out, so the
 * windows do not depend on the pixel's own noise) is averaged over {@link NonEnhancingCriterion#RUN_S} s running
 * windows. The <b>enhanced window</b> is the run of running means around the highest one that stay at or above
 * {@value #ENHANCED_SHARE} of its rise over the floor before it; the <b>base window</b> runs from the window start
 * to the last running mean before the enhanced window that stays within {@value #BASE_SHARE} of that rise.
 *
 * <p><b>The test.</b> With m<sub>e</sub> and m<sub>b</sub> the pixel's mean power over the enhanced and the base
 * window (n<sub>e</sub>, n<sub>b</sub> frames), w the running-mean width in frames and s the SD of the natural log
 * of the pixel's w-frame block means (RMS of consecutive non-overlapping block differences / √2: scale-free, so
 * under the null hypothesis it is the noise at the pixel's floor, not at its peak), the reference level is the
 * pixel's own base m<sub>b</sub> when it lies significantly (more than {@value #OWN_LEVEL_SE} standard errors)
 * above the surroundings' mean over the same base frames r<sub>b</sub> (a pixel on bright tissue speckle), else
 * r<sub>b</sub> (the tissue level around the pixel, known far better than one pixel's few base frames). The pixel
 * enhances when ln(m<sub>e</sub>/ref) ≥ {@value #Z} · s · √(w/n<sub>e</sub> [+ w/n<sub>b</sub> when ref =
 * m<sub>b</sub>]), and the dB guards of the rule hold: m<sub>e</sub> ≥ own guard × m<sub>b</sub> and
 * m<sub>e</sub> − ref ≥ (10^(dB/10) − 1) × the local tissue level. One test per pixel (no maximum over windows),
 * so a pixel without bubbles passes it only at about the normal tail rate of {@value #Z} SD.
 */
final class BolusWindow {
    /** z needed: the log ratio of the enhanced window's mean to the reference level, in standard errors. */
    static final double Z = 3.0;
    /** A pixel's own base is its reference when it exceeds its surroundings' base by this many standard errors. */
    static final double OWN_LEVEL_SE = 2.0;
    /** Half-width of the square left out around the pixel when its surroundings' curve is formed, px. */
    static final int RING_INNER_PX = 1;
    /** Share of the surroundings' rise below which their running mean counts as base. */
    static final double BASE_SHARE = 0.4;
    /** Share of the surroundings' rise from which their running mean counts as enhanced. */
    static final double ENHANCED_SHARE = 0.35;

    private BolusWindow() {
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
        return enhances(store, frames, run, local, rule, Runnable::run);
    }

    /**
     * As {@link #enhances(RoiPixelStore, int[], int, double[], NonEnhancingCriterion.Rule)}, the pixel tests of one
     * band run on {@code beside} while the next band's surroundings are formed here (two sets of band curves in
     * turn; the same decisions whatever runs where).
     *
     * @param beside where a band's pixel tests run ({@code Runnable::run}: here, in turn)
     */
    static boolean[] enhances(RoiPixelStore store, int[] frames, int run, double[] local,
                              NonEnhancingCriterion.Rule rule, java.util.concurrent.Executor beside) {
        RingMeans bands = new RingMeans(store, frames, Math.max(rule.radiusPx(), RING_INNER_PX + 1));
        boolean[] pass = new boolean[store.pixels()];
        int most = Math.min(store.pixels(), RingMeans.BAND_PIXELS + store.roi().width());
        float[][][] ring = new float[2][][];
        float[][][] power = new float[2][][];
        java.util.List<java.util.concurrent.CompletableFuture<Void>> testing = new java.util.ArrayList<>(
                java.util.Collections.nCopies(2, java.util.concurrent.CompletableFuture.completedFuture(null)));
        for (int b = 0; bands.hasNext(); b ^= 1) {
            join(testing.get(b)); // the tests that last used this set of curves are done
            if (ring[b] == null) {
                ring[b] = new float[most][frames.length];
                power[b] = new float[most][frames.length];
            }
            int first = bands.nextStart();
            int n = bands.next(ring[b], power[b]);
            float[][] r = ring[b];
            float[][] p = power[b];
            testing.set(b, java.util.concurrent.CompletableFuture.runAsync(
                    () -> testBand(r, p, first, n, frames.length, run, local, rule, pass), beside));
        }
        testing.forEach(BolusWindow::join);
        return pass;
    }

    /** Waits for {@code work}; what it threw is rethrown as thrown. */
    static void join(java.util.concurrent.CompletableFuture<Void> work) {
        try {
            work.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** The bolus-window test of the {@code n} band pixels from store index {@code first}, into {@code pass}. */
    private static void testBand(float[][] ring, float[][] power, int first, int n, int frames, int run,
                                 double[] local, NonEnhancingCriterion.Rule rule, boolean[] pass) {
        double[] v = new double[frames];
        double[] m = new double[frames];
        for (int j = 0; j < n; j++) {
            int k = first + j;
            int[] w = windows(ring[j], run, m);
            if (w == null) {
                continue;
            }
            for (int i = 0; i < frames; i++) {
                v[i] = power[j][i];
            }
            double rb = meanOf(ring[j], w[0]);
            pass[k] = test(v, rb, w, run, Double.isNaN(local[k]) ? 0 : local[k], rule);
        }
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
        double mb = mean(v, 0, w[0]);
        double nb = count(v, 0, w[0]);
        double me = mean(v, w[1], w[2]);
        double ne = count(v, w[1], w[2]);
        double s = blockLogSd(v, run);
        if (!(nb >= 2 && ne >= 2 && mb > 0 && rb > 0 && s > 0)) {
            return false;
        }
        boolean own = Math.log(mb / rb) > OWN_LEVEL_SE * s * Math.sqrt(run / nb);
        double ref = own ? mb : rb;
        double z = Math.log(me / ref) / (s * Math.sqrt(run / ne + (own ? run / nb : 0)));
        return z >= Z && me >= Math.pow(10, rule.ownGuardDb() / 10) * mb
                && me - ref >= (Math.pow(10, rule.thresholdDb() / 10) - 1) * level;
    }

    /**
     * @param curve the surroundings' curve over the window's frames
     * @param run   running-mean width, frames
     * @return {base end (exclusive), enhanced start, enhanced end (exclusive)} as indices into the window's frames,
     *         or {@code null} when the curve does not rise or has no base before its rise
     */
    static int[] windows(float[] curve, int run) {
        return windows(curve, run, new double[curve.length]);
    }

    /** {@link #windows(float[], int)} with {@code m} (at least the curve's length) as scratch for the running means. */
    private static int[] windows(float[] curve, int run, double[] m) {
        int len = runningMeans(curve, run, m);
        if (len < 2) {
            return null;
        }
        int peakAt = 0;
        for (int i = 1; i < len; i++) {
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
        while (e1 + 1 < len && m[e1 + 1] >= floor + ENHANCED_SHARE * rise) {
            e1++;
        }
        int lastBase = -1;
        for (int j = 0; j < e0; j++) {
            lastBase = m[j] <= floor + BASE_SHARE * rise ? j : lastBase;
        }
        return lastBase < 0 ? null : new int[] {Math.min(lastBase + run, e0), e0, e1 + run};
    }

    /**
     * The running means of width {@code run} (NaN where fewer than half the samples are finite) into {@code m}. A
     * sliding sum when every sum of up to run + 1 of the curve's values is exact in double (their binary exponents
     * span at most 29 − ⌈log₂(run + 1)⌉, see {@link #slidingSumIsExact}), so the means are bit-identical to summing
     * each window afresh, which is done otherwise.
     *
     * @return the number of running means
     */
    private static int runningMeans(float[] curve, int run, double[] m) {
        int len = Math.max(0, curve.length - run + 1);
        if (len == 0) {
            return 0;
        }
        if (!slidingSumIsExact(curve, run)) {
            for (int i = 0; i < len; i++) {
                m[i] = windowMean(curve, i, run);
            }
            return len;
        }
        double s = 0;
        int c = 0;
        for (int j = 0; j < run; j++) {
            if (!Float.isNaN(curve[j])) {
                s += curve[j];
                c++;
            }
        }
        m[0] = c * 2 >= run ? s / c : Double.NaN;
        for (int i = 1; i < len; i++) {
            float in = curve[i + run - 1];
            float out = curve[i - 1];
            if (!Float.isNaN(in)) {
                s += in;
                c++;
            }
            if (!Float.isNaN(out)) {
                s -= out;
                c--;
            }
            m[i] = c * 2 >= run ? s / c : Double.NaN;
        }
        return len;
    }

    /** @return the mean of the finite values of curve[from, from + run) when at least half are finite, else NaN */
    private static double windowMean(float[] curve, int from, int run) {
        double s = 0;
        int c = 0;
        for (int j = from; j < from + run; j++) {
            if (!Float.isNaN(curve[j])) {
                s += curve[j];
                c++;
            }
        }
        return c * 2 >= run ? s / c : Double.NaN;
    }

    /**
     * @return whether every sum of up to run + 1 of the curve's finite values is exact in double: all are normal
     *         floats or zero and their binary exponents span at most 29 − ⌈log₂(run + 1)⌉ (each is then a multiple
     *         of 2^(e<sub>min</sub> − 23) below 2^(e<sub>max</sub> + 1), so such a sum needs at most 53 bits)
     */
    static boolean slidingSumIsExact(float[] curve, int run) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (float f : curve) {
            if (f != 0 && !Float.isNaN(f)) {
                int e = Math.getExponent(f);
                if (e < Float.MIN_EXPONENT || e > Float.MAX_EXPONENT) {
                    return false;
                }
                lo = Math.min(lo, e);
                hi = Math.max(hi, e);
            }
        }
        int bits = 32 - Integer.numberOfLeadingZeros(run);
        return hi < lo || hi - lo <= 29 - bits;
    }

    /** @return the mean of the finite values of curve[0, to), NaN when none */
    private static double meanOf(float[] curve, int to) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < to; i++) {
            if (!Float.isNaN(curve[i])) {
                s += (double) curve[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** @return the mean of the finite values of v[from, to), NaN when none */
    private static double mean(double[] v, int from, int to) {
        double s = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(v[i])) {
                s += v[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** @return the number of finite values of v[from, to) */
    private static int count(double[] v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += Double.isNaN(v[i]) ? 0 : 1;
        }
        return n;
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
            double mb = mean(v, b, b + run);
            double lm = mb > 0 && count(v, b, b + run) * 2 >= run ? Math.log(mb) : Double.NaN;
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
     *         outside ±{@value #RING_INNER_PX} of it (NaN when none); the whole ROI at once (see {@link RingMeans})
     */
    static float[][] surroundings(RoiPixelStore store, int[] frames, int radiusPx) {
        float[][] out = new float[store.pixels()][];
        RingMeans bands = new RingMeans(store, frames, radiusPx);
        float[][] power = new float[Math.min(store.pixels(), RingMeans.BAND_PIXELS + store.roi().width())]
                [frames.length];
        while (bands.hasNext()) {
            int first = bands.nextStart();
            float[][] view = new float[power.length][];
            for (int j = 0; j < view.length && first + j < out.length; j++) {
                out[first + j] = new float[frames.length];
                view[j] = out[first + j];
            }
            bands.next(view, power);
        }
        return out;
    }
}
