package org.ceusperfusion.fit;

import java.util.function.Function;
import org.ceusperfusion.fit.LevenbergMarquardtFitter.CleanCurve;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.CurveFeatures;

/**
 * Finds recirculation that shows as a shoulder rather than a dip: the first pass is fitted on its peak
 * (up to where the curve has fallen back to {@value #PEAK_LEVEL} of its enhancement), and the later samples
 * are compared with that fit's wash-out. Recirculation adds signal the first pass cannot explain: the
 * moving average (over {@value #SMOOTH_S} s) of the residuals rises above {@value #EXCESS} × PE (and above
 * {@value #NOISE_SIGMAS} standard errors of that average) and stays above half of it for
 * {@value #SUSTAIN_S} s. The candidate first pass then ends where the smoothed residual last rose through a
 * quarter of that threshold; the search is repeated once on the longer window so that the wash-out is fitted on
 * every first-pass sample. The end found is a candidate only: {@link RecirculationFit} decides whether a
 * recirculation term is fitted; nothing is cut here.
 */
final class RecirculationFinder {
    /** The peak window ends where the smoothed curve has fallen to this fraction of its enhancement. */
    static final double PEAK_LEVEL = 0.5;
    /** Excess of the smoothed residuals over the first-pass fit, fraction of PE. */
    static final double EXCESS = 0.1;
    /** ... and in standard errors of the smoothed residual. */
    static final double NOISE_SIGMAS = 4;
    /** Smoothing of the residuals, s. */
    static final double SMOOTH_S = 2.0;
    /** The excess must last this long, s. */
    static final double SUSTAIN_S = 3.0;

    private RecirculationFinder() {
    }

    /**
     * @param c     finite, sorted samples
     * @param model the bolus model
     * @param fit   fits a restricted curve with the model
     * @return the end of the first pass, s, or NaN when no recirculation is found
     */
    static double firstPassEnd(CleanCurve c, BolusModel model, Function<CleanCurve, FitResult> fit) {
        if (c.n() < 12) {
            return Double.NaN;
        }
        CurveFeatures cf = CurveFeatures.of(c.t(), c.y());
        if (!cf.hasBolus()) {
            return Double.NaN;
        }
        int hi = cf.peakWindow(PEAK_LEVEL)[1];
        if (hi >= c.n() - 4) {
            return Double.NaN;
        }
        double end = onset(c, cf, fit.apply(c.restrict(c.t()[0], c.t()[hi])), hi);
        if (Double.isNaN(end)) {
            return Double.NaN;
        }
        int at = indexAtOrBefore(c.t(), end);
        double again = onset(c, cf, fit.apply(c.restrict(c.t()[0], end)), at);
        return Double.isNaN(again) ? end : Math.max(again, c.t()[hi]);
    }

    /** @return the time where the sustained excess after index {@code from} begins, or NaN */
    private static double onset(CleanCurve c, CurveFeatures cf, FitResult f, int from) {
        if (!f.hasParameters()) {
            return Double.NaN;
        }
        double[] t = c.t();
        double[] y = c.y();
        int n = c.n();
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = y[i] - f.valueAt(t[i]);
        }
        double dt = (t[n - 1] - t[0]) / (n - 1);
        int w = Math.max(3, (int) Math.round(SMOOTH_S / dt) | 1);
        double[] s = movingAverage(r, w);
        double thr = Math.max(EXCESS * cf.amplitude(),
                NOISE_SIGMAS * Math.max(cf.noiseSd() / Math.sqrt(w),
                        Math.max(averageError(r, from, w), rms(s, from))));
        for (int j = from + 1; j < n; j++) {
            if (s[j] > thr && sustained(t, s, j, 0.5 * thr)) {
                int k = j;
                while (k > from + 1 && s[k - 1] > 0.25 * thr) {
                    k--;
                }
                return t[k];
            }
        }
        return Double.NaN;
    }

    /**
     * Standard error of a {@code w}-sample moving average of residuals whose noise is correlated in time:
     * the scale and lag-one correlation ρ of the residuals inside the fitted window (indices
     * {@code 0..fitted}), with the AR(1) variance of a mean, σ²(1 + ρ)/((1 − ρ)w), at most σ². Speckle that
     * stays correlated for about a second (and a slow gain drift) makes neighbouring residuals alike, so an
     * average over a few seconds is hardly quieter than one sample.
     */
    static double averageError(double[] r, int fitted, int w) {
        int n = Math.min(r.length, fitted + 1);
        if (n < 4) {
            return 0;
        }
        double ss = 0;
        double lag = 0;
        for (int i = 0; i < n; i++) {
            ss += r[i] * r[i];
            if (i > 0) {
                lag += r[i] * r[i - 1];
            }
        }
        if (!(ss > 0)) {
            return 0;
        }
        double rho = Math.max(0, Math.min(0.98, lag / ss));
        double var = ss / n;
        return Math.sqrt(Math.min(var, var * (1 + rho) / ((1 - rho) * w)));
    }

    /** @return root mean square of the smoothed residuals inside the fitted window (indices {@code 0..fitted}) */
    private static double rms(double[] s, int fitted) {
        int n = Math.min(s.length, fitted + 1);
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += s[i] * s[i];
        }
        return n == 0 ? 0 : Math.sqrt(ss / n);
    }

    private static boolean sustained(double[] t, double[] s, int j, double level) {
        if (t[t.length - 1] - t[j] < SUSTAIN_S) {
            return false;
        }
        for (int i = j; i < s.length && t[i] - t[j] <= SUSTAIN_S; i++) {
            if (s[i] <= level) {
                return false;
            }
        }
        return true;
    }

    private static int indexAtOrBefore(double[] t, double time) {
        int i = 0;
        while (i + 1 < t.length && t[i + 1] <= time) {
            i++;
        }
        return i;
    }

    private static double[] movingAverage(double[] y, int w) {
        int n = y.length;
        double[] c = new double[n + 1];
        for (int i = 0; i < n; i++) {
            c[i + 1] = c[i] + y[i];
        }
        double[] s = new double[n];
        int h = w / 2;
        for (int i = 0; i < n; i++) {
            int lo = Math.max(0, i - h);
            int hi = Math.min(n - 1, i + h);
            s[i] = (c[hi + 1] - c[lo]) / (hi - lo + 1);
        }
        return s;
    }
}
