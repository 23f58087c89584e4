package org.ceusperfusion.model;

import static org.ceusperfusion.model.LognormalModel.SIGMA_MAX;
import static org.ceusperfusion.model.LognormalModel.SIGMA_MIN;
import static org.ceusperfusion.model.LognormalModel.SQRT_2PI;

/**
 * Linearised start point of the lognormal model.
 *
 * <p>With O known, {@code ln(f − O) = a + b·x + c·x²} with {@code x = ln τ} and
 * {@code c = −1/(2σ²)}, {@code b = μ/σ² − 1}, {@code a = ln A − ln(√(2π)σ) − μ²/(2σ²)}. For a few
 * candidate onsets t0 before the rise, a weighted parabola (weights (f − O)², which undo the log's
 * noise amplification) is fitted to the smoothed curve above 20 % of the peak; the candidate whose
 * curve is closest to the raw data wins.
 */
final class LognormalStart {

    private static final int CANDIDATES = 8;
    private static final double FIT_FRACTION = 0.2;
    private static final int SSE_SAMPLES = 250;

    private LognormalStart() {
    }

    /** @see BolusModel#initialGuess(double[], double[]) */
    static double[] guess(double[] t, double[] y) {
        if (t == null || y == null || t.length != y.length || t.length < 6 || !allFinite(t) || !allFinite(y)) {
            return null;
        }
        CurveFeatures cf = CurveFeatures.of(t, y);
        if (!cf.hasBolus()) {
            return null;
        }
        int[] win = cf.peakWindow(FIT_FRACTION);
        double tRise = t[cf.riseIndex()];
        double tPeak = t[cf.peakIndex()];
        double step = Math.max(tRise - t[0], 0) / CANDIDATES;
        double[] best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= CANDIDATES; k++) {
            double t0 = tRise - k * step;
            if (k > 0 && step == 0) {
                break;
            }
            double[] p = parabola(t, cf, win, t0);
            if (p == null) {
                p = shapeFallback(cf, t0, tPeak);
            }
            double sse = sse(t, y, p);
            if (sse < bestSse) {
                bestSse = sse;
                best = p;
            }
        }
        return best;
    }

    /** Weighted quadratic fit of ln(s − O) against ln τ; {@code null} when it does not open downwards. */
    private static double[] parabola(double[] t, CurveFeatures cf, int[] win, double t0) {
        double[] m = new double[9];   // Σw x^k (k=0..4) at 0..4, Σw y x^k (k=0..2) at 5..7, count at 8
        double o = cf.baseline();
        for (int i = win[0]; i <= win[1]; i++) {
            double tau = t[i] - t0;
            double e = cf.smoothed()[i] - o;
            if (tau <= 0 || e <= 0) {
                continue;
            }
            double x = Math.log(tau);
            double ly = Math.log(e);
            double w = e * e;
            double xk = w;
            for (int k = 0; k <= 4; k++) {
                m[k] += xk;
                if (k <= 2) {
                    m[5 + k] += xk * ly;
                }
                xk *= x;
            }
            m[8]++;
        }
        if (m[8] < 3) {
            return null;
        }
        double[] abc = solve3(m);
        if (abc == null || !(abc[2] < 0)) {
            return null;
        }
        double sigma = clamp(Math.sqrt(-0.5 / abc[2]), SIGMA_MIN, SIGMA_MAX);
        double mu = (abc[1] + 1) * sigma * sigma;
        double lnA = abc[0] + Math.log(SQRT_2PI * sigma) + mu * mu / (2 * sigma * sigma);
        double[] p = {o, Math.exp(lnA), mu, sigma, t0};
        return allFinite(p) ? p : null;
    }

    /** A lognormal of moderate shape with its mode at the observed peak and the observed height. */
    private static double[] shapeFallback(CurveFeatures cf, double t0, double tPeak) {
        double sigma = 0.5;
        double mode = Math.max(tPeak - t0, 1e-3);
        double mu = Math.log(mode) + sigma * sigma;
        double area = cf.amplitude() * SQRT_2PI * sigma * Math.exp(mu - 0.5 * sigma * sigma);
        return new double[] {cf.baseline(), area, mu, sigma, t0};
    }

    /** Solves the 3×3 normal equations held in moments {@code m}; {@code null} when singular. */
    private static double[] solve3(double[] m) {
        double[][] a = {{m[0], m[1], m[2], m[5]}, {m[1], m[2], m[3], m[6]}, {m[2], m[3], m[4], m[7]}};
        for (int c = 0; c < 3; c++) {
            int piv = c;
            for (int r = c + 1; r < 3; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] tmp = a[c];
            a[c] = a[piv];
            a[piv] = tmp;
            if (Math.abs(a[c][c]) < 1e-300) {
                return null;
            }
            for (int r = 0; r < 3; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k < 4; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        return new double[] {a[0][3] / a[0][0], a[1][3] / a[1][1], a[2][3] / a[2][2]};
    }

    /** Sum of squared residuals on at most ~{@value #SSE_SAMPLES} evenly strided samples. */
    private static double sse(double[] t, double[] y, double[] p) {
        LognormalModel model = new LognormalModel();
        int stride = Math.max(1, t.length / SSE_SAMPLES);
        double s = 0;
        for (int i = 0; i < t.length; i += stride) {
            double r = y[i] - model.value(t[i], p);
            s += r * r;
        }
        return Double.isNaN(s) ? Double.POSITIVE_INFINITY : s;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }
}
