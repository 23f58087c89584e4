package org.ceusperfusion.fit;

import org.ceusperfusion.fit.LevenbergMarquardtFitter.CleanCurve;
import org.ceusperfusion.model.CurveFeatures;

/**
 * The time window a bolus model is fitted on, and the detection of the first pass.
 *
 * <p>Bolus models describe the first pass only; a recirculation peak biases wash-out, mTT and AUC.
 * On the smoothed curve of {@link CurveFeatures} (baseline b, peak enhancement PE), recirculation is
 * declared when, after the peak, the curve has fallen below b + {@value #FALL_FRACTION}·PE and then
 * rises above its running minimum by more than {@value #RISE_FRACTION}·PE and by more than
 * {@value #NOISE_SIGMAS} standard errors of a difference of two smoothed values (so that noise alone
 * does not trigger it). The first pass then ends at that running minimum; otherwise at the last sample. (The
 * default fit treats such a dip as a recirculation candidate for {@link RecirculationFit}, which fits the whole
 * curve with a recirculation term instead of cutting it.)
 * Only samples where the moving average has its full width are examined (it is noisier at the ends).
 * The window always starts at the first sample, so the pre-bolus baseline is fitted.
 *
 * @param startS        first time included, s
 * @param endS          last time included, s
 * @param recirculation whether a second rise was detected (and excluded)
 */
public record FitWindow(double startS, double endS, boolean recirculation) {

    /** The curve must have fallen below this fraction of PE (above baseline) before a rise counts. */
    public static final double FALL_FRACTION = 0.6;
    /** A rise above the running minimum by more than this fraction of PE is recirculation. */
    public static final double RISE_FRACTION = 0.15;
    /** ... and by more than this many standard errors of the smoothed curve's differences. */
    public static final double NOISE_SIGMAS = 6;

    /**
     * Detects the first pass of a curve.
     *
     * @param timesS sample times, s (any order; non-finite samples are ignored)
     * @param values intensities, linear a.u.
     * @return the window; the whole finite range of times when no bolus or no recirculation is seen;
     *         {@code [NaN, NaN]} when there are no finite samples
     * @throws IllegalArgumentException when the arrays are {@code null} or of different lengths
     */
    public static FitWindow detect(double[] timesS, double[] values) {
        if (timesS == null || values == null || timesS.length != values.length) {
            throw new IllegalArgumentException("times and values must be non-null arrays of equal length");
        }
        return detectClean(CleanCurve.of(timesS, values));
    }

    /** @return the window of every sample of {@code c} */
    static FitWindow whole(CleanCurve c) {
        return c.n() == 0 ? new FitWindow(Double.NaN, Double.NaN, false)
                : new FitWindow(c.t()[0], c.t()[c.n() - 1], false);
    }

    /** Detection on finite, time-sorted samples. */
    static FitWindow detectClean(CleanCurve c) {
        if (c.n() < 6) {
            return whole(c);
        }
        CurveFeatures cf = CurveFeatures.of(c.t(), c.y());
        if (!cf.hasBolus()) {
            return whole(c);
        }
        int end = firstPassEnd(cf);
        return end >= c.n() - 1 ? whole(c) : new FitWindow(c.t()[0], c.t()[end], true);
    }

    /** @return index of the end of the first pass (the last index when there is no recirculation) */
    private static int firstPassEnd(CurveFeatures cf) {
        double[] s = cf.smoothed();
        double pe = cf.amplitude();
        double fallen = cf.baseline() + FALL_FRACTION * pe;
        double minRise = Math.max(RISE_FRACTION * pe, NOISE_SIGMAS * cf.noiseSd() * Math.sqrt(2.0 / cf.window()));
        int iMin = cf.peakIndex();
        int last = s.length - 1 - cf.window() / 2;   // the moving average is noisier where it shrinks
        for (int j = cf.peakIndex() + 1; j <= last; j++) {
            if (s[j] < s[iMin]) {
                iMin = j;
            }
            if (s[iMin] < fallen && s[j] - s[iMin] > minRise) {
                return iMin;
            }
        }
        return s.length - 1;
    }

    /** @return whether {@code t} lies inside the window (bounds included) */
    public boolean contains(double t) {
        return t >= startS && t <= endS;
    }
}
