package org.ceusperfusion.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Common core of the LDRW and FPT models, which differ only in a power of τ and μ:
 * <pre>
 *   f(t) = O + A √(λ μ^m / (2π τ^q)) exp(−λ(τ − μ)² / (2μτ)),   τ = t − t0,   f(t) = O for τ ≤ 0,
 * </pre>
 * with {@code (m, q) = (−1, 1)} for LDRW and {@code (1, 3)} for FPT. Parameter vector
 * {@code [O, A, mu, lambda, t0]}. The mode solves {@code λτ² + qμτ − λμ² = 0}:
 * {@code τ = μ(√(q² + 4λ²) − q)/(2λ)}; the area is A for both.
 */
abstract class RandomWalkModel implements BolusModel {

    static final int O = 0;
    static final int A = 1;
    static final int MU = 2;
    static final int LAMBDA = 3;
    static final int T0 = 4;

    static final double LAMBDA_MIN = 0.05;
    static final double LAMBDA_MAX = 500;
    private static final double HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final List<String> NAMES = List.of("O", "A", "mu", "lambda", "t0");

    private final double m;
    private final double q;
    private final LinearisedStart.Linearisation lin = new Lin();

    RandomWalkModel(double m, double q) {
        this.m = m;
        this.q = q;
    }

    @Override
    public final List<String> parameterNames() {
        return NAMES;
    }

    /** @return {@code ln g} of the unit-area bolus at {@code τ > 0} */
    private double logShape(double tau, double mu, double lambda) {
        double e = (tau - mu) * (tau - mu) / (2 * mu * tau);
        return 0.5 * Math.log(lambda) + 0.5 * m * Math.log(mu) - HALF_LN_2PI - 0.5 * q * Math.log(tau) - lambda * e;
    }

    @Override
    public final double value(double t, double[] p) {
        double tau = t - p[T0];
        if (tau <= 0) {
            return p[O];
        }
        return p[O] + p[A] * Math.exp(logShape(tau, p[MU], p[LAMBDA]));
    }

    @Override
    public final void gradient(double t, double[] p, double[] out) {
        valueAndGradient(t, p, out);
    }

    @Override
    public final double valueAndGradient(double t, double[] p, double[] out) {
        double tau = t - p[T0];
        out[O] = 1.0;
        double mu = p[MU];
        double lambda = p[LAMBDA];
        double g = tau <= 0 ? 0 : Math.exp(logShape(tau, mu, lambda));
        if (g == 0) {
            out[A] = 0;
            out[MU] = 0;
            out[LAMBDA] = 0;
            out[T0] = 0;
            return p[O];
        }
        double fb = p[A] * g;
        double e = (tau - mu) * (tau - mu) / (2 * mu * tau);
        out[A] = g;
        out[MU] = fb * (0.5 * m / mu - lambda * (0.5 / tau - 0.5 * tau / (mu * mu)));
        out[LAMBDA] = fb * (0.5 / lambda - e);
        out[T0] = fb * (0.5 * q / tau + lambda * (0.5 / mu - 0.5 * mu / (tau * tau)));
        return p[O] + fb;
    }

    /** {@code f = O + A·g(t; shape)}: true. */
    @Override
    public boolean linearInBaselineAndAmplitude() {
        return true;
    }

    @Override
    public final double[] initialGuess(double[] t, double[] y) {
        return LinearisedStart.guess(this, lin, t, y);
    }

    /** Onset 30 % of the rise time earlier and later, re-linearised; and λ divided or multiplied by 3 at the same peak. */
    @Override
    public final List<double[]> alternativeStarts(double[] start, double[] t, double[] y) {
        List<double[]> out = new ArrayList<>(LinearisedStart.shiftedOnsets(this, lin, start, t, y));
        double mode = timeToPeakS(start) - start[T0];
        double pe = peakEnhancement(start);
        for (double f : new double[] {1 / 3.0, 3}) {
            double l = ModelBounds.clamp(f * start[LAMBDA], LAMBDA_MIN, LAMBDA_MAX);
            double[] p = {start[O], 1, mode / modeFactor(l), l, start[T0]};
            out.add(LinearisedStart.withPeak(this, p, pe));
        }
        return out;
    }

    /** Lower bounds: O ≥ min(y) − range(y), A ≥ 0, μ ≥ span/10³, λ ≥ 0.05, t0 ≥ first time. */
    @Override
    public final double[] lowerBounds(double[] t, double[] y) {
        return new double[] {ModelBounds.baselineLow(y), 0, ModelBounds.span(t) * 1e-3, LAMBDA_MIN, t[0]};
    }

    /** Upper bounds: O ≤ max(y), A unbounded, μ ≤ 20·span, λ ≤ 500, t0 ≤ last time. */
    @Override
    public final double[] upperBounds(double[] t, double[] y) {
        return new double[] {ModelBounds.baselineHigh(y), Double.POSITIVE_INFINITY, ModelBounds.span(t) * 20,
            LAMBDA_MAX, t[t.length - 1]};
    }

    @Override
    public final double baseline(double[] p) {
        return p[O];
    }

    @Override
    public final double onsetS(double[] p) {
        return p[T0];
    }

    @Override
    public final double area(double[] p) {
        return p[A];
    }

    /** @return the mode from t0 divided by μ: {@code (√(q² + 4λ²) − q)/(2λ)} */
    final double modeFactor(double lambda) {
        return (Math.sqrt(q * q + 4 * lambda * lambda) - q) / (2 * lambda);
    }

    @Override
    public final double timeToPeakS(double[] p) {
        return p[T0] + p[MU] * modeFactor(p[LAMBDA]);
    }

    @Override
    public final double peakEnhancement(double[] p) {
        double mode = p[MU] * modeFactor(p[LAMBDA]);
        return p[A] * Math.exp(logShape(mode, p[MU], p[LAMBDA]));
    }

    @Override
    public String toString() {
        return name();
    }

    /** {@code ln(f − O) + (q/2) ln τ = c0 − (λ/(2μ)) τ − (λμ/2)/τ}. */
    private final class Lin implements LinearisedStart.Linearisation {

        @Override
        public double logTauWeight() {
            return 0.5 * q;
        }

        @Override
        public double u(double tau) {
            return tau;
        }

        @Override
        public double v(double tau) {
            return 1 / tau;
        }

        @Override
        public double[] toParams(double o, double[] c, double t0) {
            if (!(c[1] < 0) || !(c[2] < 0)) {
                return null;
            }
            double mu = Math.sqrt(c[2] / c[1]);
            double lambda = -2 * mu * c[1];
            double lnA = c[0] - 0.5 * Math.log(lambda) - 0.5 * m * Math.log(mu) + HALF_LN_2PI - lambda;
            double[] p = {o, Math.exp(lnA), mu, lambda, t0};
            double l = ModelBounds.clamp(lambda, LAMBDA_MIN, LAMBDA_MAX);
            if (l == lambda) {
                return p;
            }
            double pe = peakEnhancement(p);
            double mode = timeToPeakS(p) - t0;
            return LinearisedStart.withPeak(RandomWalkModel.this, new double[] {o, 1, mode / modeFactor(l), l, t0}, pe);
        }

        @Override
        public double[] fallback(double o, double amplitude, double t0, double tPeak) {
            double l = 3;
            double[] p = {o, 1, (tPeak - t0) / modeFactor(l), l, t0};
            return LinearisedStart.withPeak(RandomWalkModel.this, p, amplitude);
        }
    }
}
