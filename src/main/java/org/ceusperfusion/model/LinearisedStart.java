package org.ceusperfusion.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Linearised start points shared by the gamma-variate, LDRW and FPT models.
 *
 * <p>Each of these models becomes linear after a log transform once the baseline O and the onset t0
 * are fixed: {@code ln(f − O) + a·ln τ = c0 + c1·u(τ) + c2·v(τ)}. For a few candidate onsets before
 * the rise, a weighted least-squares fit (weights (f − O)², which undo the log's noise amplification)
 * is made to the smoothed curve where it exceeds 20 % of its peak; the candidate whose curve is
 * closest to the raw data wins. When the linear fit has the wrong signs, a shape with its mode at the
 * observed peak and the observed peak height is used instead.
 */
final class LinearisedStart {

    /** The linearisation of one model. */
    interface Linearisation {
        /** @return the coefficient {@code a} of {@code ln τ} added to {@code ln(f − O)} */
        double logTauWeight();

        /** @return the first basis function at {@code τ > 0} */
        double u(double tau);

        /** @return the second basis function at {@code τ > 0} */
        double v(double tau);

        /**
         * @param o  baseline
         * @param c  coefficients {@code c0, c1, c2}
         * @param t0 onset, s
         * @return model parameters, or {@code null} when the coefficients have the wrong signs
         */
        double[] toParams(double o, double[] c, double t0);

        /**
         * @return parameters of a moderate shape with onset {@code t0}, its mode at {@code tPeak} and
         *         peak enhancement {@code amplitude}
         */
        double[] fallback(double o, double amplitude, double t0, double tPeak);
    }

    private static final int CANDIDATES = 8;
    private static final double FIT_FRACTION = 0.2;
    private static final int SSE_SAMPLES = 250;

    private LinearisedStart() {
    }

    /** @see BolusModel#initialGuess(double[], double[]) */
    static double[] guess(BolusModel model, Linearisation lin, double[] t, double[] y) {
        if (t == null || y == null || t.length != y.length || t.length < 6
                || !LognormalStart.allFinite(t) || !LognormalStart.allFinite(y)) {
            return null;
        }
        CurveFeatures cf = CurveFeatures.of(t, y);
        if (!cf.hasBolus()) {
            return null;
        }
        double tRise = t[cf.riseIndex()];
        double step = Math.max(tRise - t[0], 0) / CANDIDATES;
        double[] best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= CANDIDATES; k++) {
            if (k > 0 && step == 0) {
                break;
            }
            double[] p = atOnset(lin, t, cf, tRise - k * step);
            double sse = sse(model, t, y, p);
            if (sse < bestSse) {
                bestSse = sse;
                best = p;
            }
        }
        return best;
    }

    /**
     * Start points with the onset moved 30 % of the rise time earlier and later than in {@code start},
     * each re-linearised at its onset.
     */
    static List<double[]> shiftedOnsets(BolusModel model, Linearisation lin, double[] start, double[] t,
                                        double[] y) {
        List<double[]> out = new ArrayList<>();
        if (t.length < 6 || !LognormalStart.allFinite(t) || !LognormalStart.allFinite(y)) {
            return out;
        }
        CurveFeatures cf = CurveFeatures.of(t, y);
        double t0 = model.onsetS(start);
        double rise = Math.max(model.timeToPeakS(start) - t0, 1e-6);
        out.add(atOnset(lin, t, cf, Math.max(t[0], t0 - 0.3 * rise)));
        out.add(atOnset(lin, t, cf, t0 + 0.3 * rise));
        return out;
    }

    /** The linearised fit at onset {@code t0}, or the fallback shape when it fails. */
    static double[] atOnset(Linearisation lin, double[] t, CurveFeatures cf, double t0) {
        double[] c = weightedFit(lin, t, cf, cf.peakWindow(FIT_FRACTION), t0);
        double[] p = c == null ? null : lin.toParams(cf.baseline(), c, t0);
        if (p == null || !LognormalStart.allFinite(p)) {
            p = lin.fallback(cf.baseline(), cf.amplitude(), t0, Math.max(t[cf.peakIndex()], t0 + 1e-3));
        }
        return p;
    }

    /** Weighted least squares of {@code ln(s − O) + a ln τ} on {@code (1, u, v)}; {@code null} when singular. */
    private static double[] weightedFit(Linearisation lin, double[] t, CurveFeatures cf, int[] win, double t0) {
        double[] a = new double[12];   // 3×4 augmented normal equations
        int count = 0;
        double o = cf.baseline();
        for (int i = win[0]; i <= win[1]; i++) {
            double tau = t[i] - t0;
            double e = cf.smoothed()[i] - o;
            if (tau <= 0 || e <= 0) {
                continue;
            }
            double z = Math.log(e) + lin.logTauWeight() * Math.log(tau);
            double[] x = {1, lin.u(tau), lin.v(tau)};
            double w = e * e;
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    a[r * 4 + c] += w * x[r] * x[c];
                }
                a[r * 4 + 3] += w * x[r] * z;
            }
            count++;
        }
        return count < 3 ? null : solve3(a);
    }

    /** Gauss–Jordan with partial pivoting on a 3×4 augmented matrix; {@code null} when singular. */
    static double[] solve3(double[] a) {
        for (int c = 0; c < 3; c++) {
            int piv = c;
            for (int r = c + 1; r < 3; r++) {
                if (Math.abs(a[r * 4 + c]) > Math.abs(a[piv * 4 + c])) {
                    piv = r;
                }
            }
            for (int k = 0; k < 4; k++) {
                double tmp = a[c * 4 + k];
                a[c * 4 + k] = a[piv * 4 + k];
                a[piv * 4 + k] = tmp;
            }
            if (!(Math.abs(a[c * 4 + c]) > 1e-300)) {
                return null;
            }
            for (int r = 0; r < 3; r++) {
                if (r != c) {
                    double f = a[r * 4 + c] / a[c * 4 + c];
                    for (int k = c; k < 4; k++) {
                        a[r * 4 + k] -= f * a[c * 4 + k];
                    }
                }
            }
        }
        double[] x = {a[3] / a[0], a[7] / a[5], a[11] / a[10]};
        return LognormalStart.allFinite(x) ? x : null;
    }

    /** Sum of squared residuals on at most ~{@value #SSE_SAMPLES} evenly strided samples. */
    private static double sse(BolusModel model, double[] t, double[] y, double[] p) {
        int stride = Math.max(1, t.length / SSE_SAMPLES);
        double s = 0;
        for (int i = 0; i < t.length; i += stride) {
            double r = y[i] - model.value(t[i], p);
            s += r * r;
        }
        return Double.isNaN(s) ? Double.POSITIVE_INFINITY : s;
    }

    /** {@code p} with its amplitude parameter (index 1) scaled so that the peak enhancement is {@code pe}. */
    static double[] withPeak(BolusModel model, double[] p, double pe) {
        double now = model.peakEnhancement(p);
        if (now > 0 && Double.isFinite(now)) {
            p[1] *= pe / now;
        }
        return p;
    }
}
