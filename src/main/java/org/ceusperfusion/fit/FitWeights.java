package org.ceusperfusion.fit;

import org.ceusperfusion.model.BolusModel;

/**
 * Per-sample weights for a weighted bolus fit ({@link FitWeighting#FITTED_VARIANCE}), from a fit's residuals.
 *
 * <p>The variance of sample i is modelled as {@code v_i = a + b·e_i²} with {@code e_i = max(0, f(t_i) − O)} the
 * fitted enhancement above the fitted baseline O (linear a.u.): a constant part (tissue speckle, noise floor)
 * plus bubble speckle and multiplicative noise, whose SD grows with the bubble signal (perfusion-reference.md §8).
 * a and b come from a regression of the squared residuals on {@code (1, e²)} ({@link #varianceShape}),
 * constrained to a ≥ 0, b ≥ 0, and a is floored at {@code b·max(e)²/(R − 1)}, R = {@value #MAX_WEIGHT_RATIO}, so
 * no sample weighs more than R times the peak frame (the squared residuals of the few baseline frames of a coarse
 * loop are too few to support more). The weights {@code 1/v_i} are scaled to a mean of 1, so a weighted RSS is on
 * the scale of an unweighted one.
 *
 * <p>The same weights, from the same parameters and samples, are returned to any caller; a weighted fit's
 * {@link FitResult#weights()} are the ones it minimised with, which the interval code uses.
 */
public final class FitWeights {

    /** Largest ratio between the heaviest and the lightest weight. */
    public static final double MAX_WEIGHT_RATIO = 1000;
    /** Reweighting steps of the variance-shape regression. */
    static final int SHAPE_STEPS = 3;

    private FitWeights() {
    }

    /**
     * @param model the fitted model
     * @param p     its fitted parameters
     * @param t     the fitted samples' times, s
     * @param y     the fitted samples' values, linear a.u.
     * @return weights (mean 1), one per sample; all 1 when the residuals do not grow with the enhancement or
     *         are zero; {@code null} when {@code p} is {@code null} or the arrays differ in length
     */
    public static double[] fittedVariance(BolusModel model, double[] p, double[] t, double[] y) {
        if (p == null || t == null || y == null || t.length != y.length || t.length == 0) {
            return null;
        }
        int n = t.length;
        double base = model.baseline(p);
        double[] e2 = new double[n];
        double[] r2 = new double[n];
        double e2max = 0;
        for (int i = 0; i < n; i++) {
            double f = model.value(t[i], p);
            double e = Math.max(0, f - base);
            e2[i] = e * e;
            e2max = Math.max(e2max, e2[i]);
            double r = y[i] - f;
            r2[i] = r * r;
        }
        double[] ab = varianceShape(e2, r2);
        double a = Math.max(ab[0], ab[1] * e2max / (MAX_WEIGHT_RATIO - 1));
        double b = ab[1];
        double[] w = new double[n];
        if (!(a > 0) || !Double.isFinite(a + b)) {
            java.util.Arrays.fill(w, 1);
            return w;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 1 / (a + b * e2[i]);
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] *= n / sum;
        }
        return w;
    }

    /**
     * {@code r2 ≈ a + b·e2} with a, b ≥ 0, by least squares reweighted {@value #SHAPE_STEPS} times with
     * {@code 1/(a + b·e2)²} (a squared residual's variance grows as the square of its variance, so unweighted, the
     * few peak frames would set the intercept); returns {@code {a, b}}.
     */
    static double[] varianceShape(double[] e2, double[] r2) {
        double[] ab = weightedShape(e2, r2, null);
        for (int step = 0; step < SHAPE_STEPS; step++) {
            double e2max = 0;
            for (double v : e2) {
                e2max = Math.max(e2max, v);
            }
            double a = Math.max(ab[0], ab[1] * e2max / (MAX_WEIGHT_RATIO - 1));
            if (!(a > 0)) {
                break;
            }
            double[] w = new double[e2.length];
            for (int i = 0; i < w.length; i++) {
                double v = a + ab[1] * e2[i];
                w[i] = 1 / (v * v);
            }
            ab = weightedShape(e2, r2, w);
        }
        return ab;
    }

    /** One non-negative weighted least-squares fit of {@code r2 ≈ a + b·e2} ({@code w} null: unweighted). */
    private static double[] weightedShape(double[] e2, double[] r2, double[] w) {
        double s0 = 0;
        double s1 = 0;
        double s11 = 0;
        double r0 = 0;
        double r1 = 0;
        for (int i = 0; i < e2.length; i++) {
            double wi = w == null ? 1 : w[i];
            s0 += wi;
            s1 += wi * e2[i];
            s11 += wi * e2[i] * e2[i];
            r0 += wi * r2[i];
            r1 += wi * e2[i] * r2[i];
        }
        double det = s0 * s11 - s1 * s1;
        if (det > 0) {
            double a = (s11 * r0 - s1 * r1) / det;
            double b = (s0 * r1 - s1 * r0) / det;
            if (a >= 0 && b >= 0) {
                return new double[] {a, b};
            }
            if (a < 0 && s11 > 0 && r1 > 0) {
                return new double[] {0, r1 / s11};
            }
        }
        return new double[] {s0 > 0 ? r0 / s0 : 0, 0};
    }
}
