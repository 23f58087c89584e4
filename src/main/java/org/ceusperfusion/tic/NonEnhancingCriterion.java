package org.ceusperfusion.tic;

/**
 * The non-enhancing (necrotic) fraction of a ROI by an absolute criterion that looks at each pixel alone, so
 * it does not depend on what else the ROI holds and is the same for every exam of a comparison.
 *
 * <p>For each ROI pixel, on the used frames inside the analysis window (the fit window: the first pass,
 * or after a destruction flash the refill), the {@value #RUN_S} s running mean of its linear power (at least
 * {@value #MIN_RUN_FRAMES} frames) is formed. Its <b>floor</b> is the lowest running mean before its highest
 * one (the pixel's own pre-contrast level, or the post-flash floor in a replenishment), its <b>peak</b> is
 * the highest running mean. The pixel <em>enhances</em> when peak / floor ≥ 10^(threshold/10), i.e. its own
 * power rises by at least {@code thresholdDb} (default {@value #DEFAULT_THRESHOLD_DB} dB, × 1.58) over its own
 * floor at some time of the window, <em>and</em> the rise exceeds {@value #NOISE_SE} standard errors of a running mean (the
 * pixel's frame-to-frame noise, RMS of its first differences / √2, over √width), so that
 * frame-to-frame noise, whose running means scatter, is not taken for enhancement. Every other pixel is non-enhancing.
 *
 * <p>The analysis uses the <b>local-tissue rule</b> ({@link Rule#DEFAULT}): the numerator stays the pixel's own
 * rise (peak − floor), but it is compared with the local tissue echo level — the median floor of the ROI pixels in
 * a 7×7 neighbourhood ({@link LocalTissueLevel}) — at 1.5 dB (rise ≥ 41 % of that level), and must also be at least
 * 1.25 dB over the pixel's own floor and pass the noise guard. The own floor of a pixel is its frozen tissue speckle
 * (exponential between pixels), so a weakly enhancing pixel on bright speckle failed the own-floor rule; the local
 * level removes that spread, while the own-floor guard keeps bright necrotic speckle, whose slow gain drift is
 * multiplicative, from being called enhancing. On black backgrounds (contrast mode, level 0) the rise must be
 * &gt; 0 and pass the noise guard.
 *
 * <p>The default rule has two routes; a pixel enhances by either. The <b>running-mean route</b> is the one above
 * with a noise guard of {@value #NOISE_SE_WITH_WINDOW} standard errors for pixels whose noise is stationary and
 * independent between frames ({@link #NOISE_SE_WITH_WINDOW}), {@value #NOISE_SE} otherwise. The <b>bolus-window route</b>
 * ({@link BolusWindow}) compares the pixel's mean over the enhanced window of its surroundings with its base
 * level, in standard errors of the pixel's own log block means, so its noise is judged at the level of the null
 * hypothesis (no bubbles) and not at the pixel's peak. It exists because the running-mean route scales the noise
 * by the RMS over the whole window: under multiplicative speckle new in every frame that RMS is dominated by the
 * pixel's own bolus, so a perfused pixel could never pass (13 % of the demo's normal tissue was called
 * non-enhancing), while the maximum of 2 s running means of pure speckle passed 6 SE on 3–8 % of necrotic
 * pixels.
 *
 * <p>Physically: a non-enhancing pixel is one where no microbubbles arrive during the window — its echo
 * power stays at its tissue (or noise) level within the fluctuation of speckle and gain. Taking each pixel's
 * own floor and peak makes the rule independent of arrival time (onset spread inside a tumour, a fitted onset
 * before the earliest arrival) and of the rest of the ROI; no spatial filter is applied, so small cores are
 * not eroded. Pixels that leave the frame (motion) are skipped in the frames where they are outside.
 */
public final class NonEnhancingCriterion {
    /** Threshold of the own-floor rule ({@link Rule#ownFloor}), dB of power over the pixel's own floor. */
    public static final double DEFAULT_THRESHOLD_DB = 2.0;
    /** Running-mean width, s. */
    public static final double RUN_S = 2.0;
    /** The rise must also exceed this many standard errors of the floor's running mean. */
    public static final double NOISE_SE = 6;
    /**
     * The running-mean route's noise guard in a rule with the bolus-window test, standard errors, for a pixel whose
     * frame-to-frame differences carry its whole variance (RMS of first differences / √2 ≥ (1 − 2/√n) × its SD over
     * the n window frames: stationary noise, independent between frames, as pure speckle new in every frame): the
     * maximum of 2 s running means of such heavy-tailed (exponential) speckle passed 6 SE on 3–8 % of pixels without
     * bubbles. A pixel whose variance is carried by slower changes (a bolus, speckle correlated over frames) keeps
     * {@link #NOISE_SE}; perfused pixels that 8 SE loses are caught by the bolus-window test.
     */
    public static final double NOISE_SE_WITH_WINDOW = 8;
    /** The bolus-window route's z: standard errors of the pixel's own log block means ({@link BolusWindow}). */
    public static final double BOLUS_WINDOW_Z = BolusWindow.Z;
    /** Running-mean width, at least this many frames. */
    public static final int MIN_RUN_FRAMES = 3;

    private NonEnhancingCriterion() {
    }

    /**
     * The classification.
     *
     * @param nonEnhancing       per ROI pixel (order of the store): does not enhance
     * @param nonEnhancingPixels their number
     * @param classifiedPixels   pixels that could be classified (enough frames inside the frame)
     * @param framesUsed         frames of the window used
     * @param thresholdDb        the threshold applied, dB
     */
    public record Result(boolean[] nonEnhancing, int nonEnhancingPixels, int classifiedPixels, int framesUsed,
                         double thresholdDb) {
        /** @return the non-enhancing fraction of the classified pixels, 0..1 (NaN when none) */
        public double fraction() {
            return classifiedPixels == 0 ? Double.NaN : (double) nonEnhancingPixels / classifiedPixels;
        }
    }

    /**
     * The thresholds of the criterion.
     *
     * @param thresholdDb enhancement needed, dB: over the pixel's own floor (own-floor rule), or the rise as a
     *                    share of the local tissue level, 10^(dB/10) − 1 (local-tissue rule)
     * @param ownGuardDb  local-tissue rule: the pixel must also rise at least this much over its own floor, dB
     *                    (guards bright necrotic speckle against slow gain drift, which is multiplicative)
     * @param radiusPx    local-tissue rule: neighbourhood half-width, pixels (7×7 for 3); negative: own-floor rule
     * @param bolusWindow local-tissue rule: a pixel that fails the running-mean route may still enhance by the
     *                    bolus-window test ({@link BolusWindow}: its mean over the enhanced window of its
     *                    surroundings against its base window, noise judged at its own level)
     */
    public record Rule(double thresholdDb, double ownGuardDb, int radiusPx, boolean bolusWindow) {
        /**
         * The default: local tissue, 1.5 dB of the 7×7 median floor, at least 1.25 dB over the own floor, by the
         * running-mean route or the bolus-window test.
         */
        public static final Rule DEFAULT = new Rule(1.5, 1.25, 3, true);
        /** The default before the bolus-window test (issue 13, round 3): the running-mean route alone. */
        public static final Rule RUNNING_MEAN_ONLY = new Rule(1.5, 1.25, 3, false);

        /** A rule without the bolus-window test. */
        public Rule(double thresholdDb, double ownGuardDb, int radiusPx) {
            this(thresholdDb, ownGuardDb, radiusPx, false);
        }

        /** @return the own-floor rule: peak / own floor ≥ 10^(dB/10) (the criterion before the local-tissue one) */
        public static Rule ownFloor(double thresholdDb) {
            return new Rule(thresholdDb, 0, -1);
        }

        /**
         * @return the running-mean route's noise guard for a pixel with stationary noise independent between frames,
         *         standard errors: {@link #NOISE_SE_WITH_WINDOW} with the bolus-window test, else {@link #NOISE_SE}
         */
        public double noiseSe() {
            return local() && bolusWindow ? NOISE_SE_WITH_WINDOW : NOISE_SE;
        }

        /** @return whether the rise is judged against the local tissue level */
        public boolean local() {
            return radiusPx >= 0;
        }
    }

    /**
     * @param store       the ROI's pixels per frame and the used frames
     * @param startS      first time of the window, s
     * @param endS        last time of the window, s
     * @param thresholdDb the enhancement a pixel needs over its own floor, dB (&gt; 0)
     * @return the classification
     * @throws IllegalArgumentException when the window holds fewer than 2 running-mean widths of used frames
     */
    public static Result classify(RoiPixelStore store, double startS, double endS, double thresholdDb) {
        return classify(store, startS, endS, Rule.ownFloor(thresholdDb));
    }

    /**
     * The classification by {@code rule}; with a local-tissue rule ({@link Rule#radiusPx()} ≥ 0) the rise of each
     * pixel (its own peak − its own floor, linear power) is compared with the <b>local tissue level</b>, the median
     * of the floors of the ROI pixels within ±radius pixels ({@link LocalTissueLevel}), instead of its own floor,
     * and must also exceed {@link Rule#ownGuardDb()} over its own floor and the noise guard.
     *
     * @param store  the ROI's pixels per frame and the used frames
     * @param startS first time of the window, s
     * @param endS   last time of the window, s
     * @param rule   the thresholds
     * @return the classification ({@link Result#thresholdDb()} = {@link Rule#thresholdDb()})
     * @throws IllegalArgumentException when the window holds fewer than 2 running-mean widths of used frames
     */
    public static Result classify(RoiPixelStore store, double startS, double endS, Rule rule) {
        return classify(store, startS, endS, rule, Runnable::run);
    }

    /**
     * As {@link #classify(RoiPixelStore, double, double, Rule)}, with part of the work (half of the pixels' statistics,
     * the pixel tests of every other band of the bolus-window route) on {@code beside}: the same classification
     * whatever runs where.
     *
     * @param beside where that part runs ({@code Runnable::run}: on this thread, in turn)
     */
    public static Result classify(RoiPixelStore store, double startS, double endS, Rule rule,
                                  java.util.concurrent.Executor beside) {
        int[] frames = java.util.stream.IntStream.range(0, store.frames())
                .filter(f -> store.used()[f] && store.timesS()[f] >= startS && store.timesS()[f] <= endS).toArray();
        int run = runFrames(store.timesS(), frames);
        if (frames.length < 2 * run) {
            throw new IllegalArgumentException("the window " + startS + " to " + endS + " s holds " + frames.length
                    + " used frames; at least " + 2 * run + " are needed");
        }
        double[][] fpn = pixelStats(store, frames, run, beside);
        double[] reference = rule.local() ? LocalTissueLevel.medianFloors(store.roi(), fpn, rule.radiusPx()) : null;
        boolean[] byWindow = rule.local() && rule.bolusWindow()
                ? BolusWindow.enhances(store, frames, run, reference, rule, beside) : null;
        boolean[] non = new boolean[fpn.length];
        int count = 0;
        int classified = 0;
        for (int k = 0; k < non.length; k++) {
            if (Double.isNaN(fpn[k][0])) {
                continue;
            }
            classified++;
            non[k] = !enhances(fpn[k], reference == null ? Double.NaN : reference[k], rule, run, byWindow, k);
            count += non[k] ? 1 : 0;
        }
        return new Result(non, count, classified, frames.length, rule.thresholdDb());
    }

    /**
     * @return per ROI pixel {floor, peak, noiseSd} over {@code frames} (see {@link #floorAndPeak}); the first half of
     *         the pixels on {@code beside}
     */
    private static double[][] pixelStats(RoiPixelStore store, int[] frames, int run, java.util.concurrent.Executor beside) {
        double[][] fpn = new double[store.pixels()][];
        int half = fpn.length / 2;
        var first = java.util.concurrent.CompletableFuture.runAsync(() -> pixelStats(store, frames, run, fpn, 0, half),
                beside);
        pixelStats(store, frames, run, fpn, half, fpn.length);
        BolusWindow.join(first);
        return fpn;
    }

    /** Fills {@code fpn[from..to)}. */
    private static void pixelStats(RoiPixelStore store, int[] frames, int run, double[][] fpn, int from, int to) {
        double[] v = new double[frames.length];
        for (int k = from; k < to; k++) {
            for (int i = 0; i < frames.length; i++) {
                v[i] = store.power(frames[i], k);
            }
            fpn[k] = floorAndPeak(v, run);
        }
    }

    /**
     * @param fpn   the pixel's {floor, peak, noiseSd}, linear power
     * @param local the local tissue level, linear power (ignored by the own-floor rule)
     * @return whether the pixel enhances under {@code rule}
     */
    private static boolean enhances(double[] fpn, double local, Rule rule, int run, boolean[] window, int k) {
        if (window != null && window[k]) {
            return true;
        }
        double rise = fpn[1] - fpn[0];
        double ratio = Math.pow(10, rule.thresholdDb() / 10);
        boolean bigEnough = rule.local()
                ? rise > 0 && rise >= (ratio - 1) * local && fpn[1] >= Math.pow(10, rule.ownGuardDb() / 10) * fpn[0]
                : fpn[1] >= ratio * fpn[0];
        double guardSe = fpn[3] > 0 ? rule.noiseSe() : NOISE_SE;
        return bigEnough && rise >= guardSe * fpn[2] / Math.sqrt(run);
    }

    /**
     * @return the frame-to-frame noise SD of {@code v}: the RMS of its first differences / √2 (not a robust
     *         estimate on purpose: speckle intensity is exponential, heavy-tailed, and a median-based scale would
     *         underestimate it by a quarter)
     */
    static double noiseSd(double[] v) {
        double ss = 0;
        int n = 0;
        for (int i = 0; i + 1 < v.length; i++) {
            double d = v[i + 1] - v[i];
            if (Double.isFinite(d)) {
                ss += d * d;
                n++;
            }
        }
        return n == 0 ? 0 : Math.sqrt(ss / n / 2);
    }

    /** @return the SD of the finite values of v */
    static double sd(double[] v) {
        double s = 0;
        double ss = 0;
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                s += x;
                ss += x * x;
                n++;
            }
        }
        return n < 2 ? 0 : Math.sqrt(Math.max(0, (ss - s * s / n) / (n - 1)));
    }

    /** @return the running-mean width in frames: {@value #RUN_S} s at the median interval, at least 3 */
    static int runFrames(double[] t, int[] frames) {
        if (frames.length < 2) {
            return MIN_RUN_FRAMES;
        }
        double[] d = new double[frames.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = t[frames[i + 1]] - t[frames[i]];
        }
        double dt = RobustStats.median(d);
        return Math.max(MIN_RUN_FRAMES, dt > 0 ? (int) Math.round(RUN_S / dt) : MIN_RUN_FRAMES);
    }

    /**
     * @return {floor, peak, noiseSd, white}: the running means' floor and peak, the frame-to-frame noise of the
     *         samples, and 1 when that noise carries their whole variance (see {@link #NOISE_SE_WITH_WINDOW}) else 0
     *         (NaN when a window has missing values throughout)
     */
    private static double[] floorAndPeak(double[] v, int run) {
        double peak = Double.NEGATIVE_INFINITY;
        int peakAt = -1;
        double[] means = new double[v.length - run + 1];
        double s = 0;
        int n = 0;
        for (int j = 0; j < run - 1; j++) {
            if (!Double.isNaN(v[j])) {
                s += v[j];
                n++;
            }
        }
        for (int i = 0; i < means.length; i++) { // a sliding sum: add the new sample, drop the one that left
            double in = v[i + run - 1];
            if (!Double.isNaN(in)) {
                s += in;
                n++;
            }
            means[i] = n * 2 >= run ? s / n : Double.NaN;
            double out = v[i];
            if (!Double.isNaN(out)) {
                s = --n == 0 ? 0 : s - out;
            }
            if (means[i] > peak) {
                peak = means[i];
                peakAt = i;
            }
        }
        if (peakAt < 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        double floor = Double.POSITIVE_INFINITY;
        int floorAt = 0;
        for (int i = 0; i <= peakAt; i++) {
            if (means[i] < floor) {
                floor = means[i];
                floorAt = i;
            }
        }
        double noise = noiseSd(v);
        boolean white = noise >= (1 - 2 / Math.sqrt(v.length)) * sd(v);
        return new double[] {floor, peak, noise, white ? 1 : 0};
    }
}
