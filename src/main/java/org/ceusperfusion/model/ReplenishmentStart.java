package org.ceusperfusion.model;

import java.util.Arrays;

/** Linearised start point of the replenishment model (see {@link ReplenishmentModel#initialGuess}). */
final class ReplenishmentStart {

    private ReplenishmentStart() {
    }

    /**
     * @param t  times, s, increasing
     * @param y  intensities, linear
     * @param tf the start of the replenishment, s
     * @return {@code [O, A, beta, tf]}, or {@code null} when the curve does not rise
     */
    static double[] guess(double[] t, double[] y, double tf) {
        int n = t.length;
        if (n < 3) {
            return null;
        }
        double o = 0.5 * (y[0] + y[1]);
        int tail = Math.max(3, n / 5);
        double plateau = median(Arrays.copyOfRange(y, n - Math.min(n, tail), n));
        double a = plateau - o;
        if (!(a > 0)) {
            return null;
        }
        double beta = ModelBounds.clamp(logLinearRate(t, y, o, a, tf), ReplenishmentModel.BETA_MIN,
                ReplenishmentModel.BETA_MAX);
        return new double[] {o, a, beta, tf};
    }

    /**
     * β from {@code ln(1 − (y − O)/A) = −β (t − tf)}, least squares through the origin on the samples
     * whose unfilled fraction lies in (0.05, 0.95); 3/span when fewer than two qualify.
     */
    private static double logLinearRate(double[] t, double[] y, double o, double a, double tf) {
        double sxy = 0;
        double sxx = 0;
        int used = 0;
        for (int i = 0; i < t.length; i++) {
            double frac = 1 - (y[i] - o) / a;
            double x = t[i] - tf;
            if (frac > 0.05 && frac < 0.95 && x > 0) {
                sxy += x * Math.log(frac);
                sxx += x * x;
                used++;
            }
        }
        if (used < 2 || !(sxx > 0) || !(sxy < 0)) {
            return 3 / ModelBounds.span(t);
        }
        return -sxy / sxx;
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
