package org.ceusperfusion.model;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * The gamma-variate bolus model ({@code perfusion-reference.md} §3.2):
 * <pre>
 *   f(t) = O + K τ^α e^(−τ/β),   τ = t − t0,   f(t) = O for τ ≤ 0.
 * </pre>
 * Parameter vector {@code [O, K, alpha, beta, t0]}: baseline (a.u.), scale K (a.u.·s^−α), shape α
 * (dimensionless, bounded to [1, 50] so that the curve starts at zero with a finite slope), time scale
 * β (s) and onset t0 (s from the first frame).
 *
 * <p>Closed forms: TTP = t0 + αβ; PE = K(αβ)^α e^(−α); AUC = K β^(α+1) Γ(α+1);
 * mTT (from t0) = (α+1)β. Stateless and thread-safe.
 *
 * <pre>{@code
 * BolusModel m = new GammaVariateModel();
 * double[] p = {0, 1, 2.5, 4, 0};
 * double auc = m.area(p);   // 425.389 a.u.·s
 * }</pre>
 */
public final class GammaVariateModel implements BolusModel {

    /** Index of the baseline O. */
    public static final int O = 0;
    /** Index of the scale K. */
    public static final int K = 1;
    /** Index of the shape α. */
    public static final int ALPHA = 2;
    /** Index of the time scale β. */
    public static final int BETA = 3;
    /** Index of the onset t0. */
    public static final int T0 = 4;

    /** Smallest α accepted by the fit. */
    public static final double ALPHA_MIN = 1.0;
    /** Largest α accepted by the fit. */
    public static final double ALPHA_MAX = 50.0;

    private static final List<String> NAMES = List.of("O", "K", "alpha", "beta", "t0");
    private static final LinearisedStart.Linearisation LIN = new Lin();

    @Override
    public String name() {
        return "gamma";
    }

    @Override
    public List<String> parameterNames() {
        return NAMES;
    }

    @Override
    public double value(double t, double[] p) {
        double tau = t - p[T0];
        if (tau <= 0) {
            return p[O];
        }
        return p[O] + p[K] * Math.exp(p[ALPHA] * Math.log(tau) - tau / p[BETA]);
    }

    @Override
    public void gradient(double t, double[] p, double[] out) {
        valueAndGradient(t, p, out);
    }

    @Override
    public double valueAndGradient(double t, double[] p, double[] out) {
        double tau = t - p[T0];
        out[O] = 1.0;
        double g = tau <= 0 ? 0 : Math.exp(p[ALPHA] * Math.log(tau) - tau / p[BETA]);
        if (g == 0) {
            out[K] = 0;
            out[ALPHA] = 0;
            out[BETA] = 0;
            out[T0] = 0;
            return p[O];
        }
        double b = p[BETA];
        double fb = p[K] * g;
        out[K] = g;
        out[ALPHA] = fb * Math.log(tau);
        out[BETA] = fb * tau / (b * b);
        out[T0] = -fb * (p[ALPHA] / tau - 1 / b);
        return p[O] + fb;
    }

    /** {@code f = O + A·g(t; shape)}: true. */
    @Override
    public boolean linearInBaselineAndAmplitude() {
        return true;
    }

    @Override
    public double[] initialGuess(double[] t, double[] y) {
        return LinearisedStart.guess(this, LIN, t, y);
    }

    /** Onset 30 % of the rise time earlier and later, re-linearised; and α halved or doubled at the same peak. */
    @Override
    public List<double[]> alternativeStarts(double[] start, double[] t, double[] y) {
        List<double[]> out = new ArrayList<>(LinearisedStart.shiftedOnsets(this, LIN, start, t, y));
        double mode = timeToPeakS(start) - start[T0];
        double pe = peakEnhancement(start);
        for (double f : new double[] {0.5, 2}) {
            double a = ModelBounds.clamp(f * start[ALPHA], ALPHA_MIN, ALPHA_MAX);
            out.add(new double[] {start[O], kForPeak(pe, a, mode / a), a, mode / a, start[T0]});
        }
        return out;
    }

    /** Lower bounds: O ≥ min(y) − range(y), K ≥ 0, α ≥ 1, β ≥ span/10⁴, t0 ≥ first time. */
    @Override
    public double[] lowerBounds(double[] t, double[] y) {
        return new double[] {ModelBounds.baselineLow(y), 0, ALPHA_MIN, ModelBounds.span(t) * 1e-4, t[0]};
    }

    /** Upper bounds: O ≤ max(y), K unbounded, α ≤ 50, β ≤ 20·span, t0 ≤ last time. */
    @Override
    public double[] upperBounds(double[] t, double[] y) {
        return new double[] {ModelBounds.baselineHigh(y), Double.POSITIVE_INFINITY, ALPHA_MAX,
            ModelBounds.span(t) * 20, t[t.length - 1]};
    }

    @Override
    public double baseline(double[] p) {
        return p[O];
    }

    @Override
    public double onsetS(double[] p) {
        return p[T0];
    }

    @Override
    public double area(double[] p) {
        double a = p[ALPHA];
        return p[K] * Math.exp((a + 1) * Math.log(p[BETA]) + Gamma.logGamma(a + 1));
    }

    @Override
    public double meanTransitTimeS(double[] p) {
        return (p[ALPHA] + 1) * p[BETA];
    }

    @Override
    public double timeToPeakS(double[] p) {
        return p[T0] + p[ALPHA] * p[BETA];
    }

    @Override
    public double peakEnhancement(double[] p) {
        double a = p[ALPHA];
        return p[K] * Math.exp(a * Math.log(a * p[BETA]) - a);
    }

    /**
     * @param pe peak enhancement, a.u.
     * @param a  shape α
     * @param b  time scale β, s
     * @return the K giving peak enhancement {@code pe}: {@code pe·e^α/(αβ)^α}
     */
    public static double kForPeak(double pe, double a, double b) {
        return pe * Math.exp(a - a * Math.log(a * b));
    }

    @Override
    public String toString() {
        return name();
    }

    /** {@code ln(f − O) = ln K + α ln τ − τ/β}. */
    private static final class Lin implements LinearisedStart.Linearisation {
        private static final GammaVariateModel MODEL = new GammaVariateModel();


        @Override
        public double logTauWeight() {
            return 0;
        }

        @Override
        public double u(double tau) {
            return Math.log(tau);
        }

        @Override
        public double v(double tau) {
            return tau;
        }

        @Override
        public double[] toParams(double o, double[] c, double t0) {
            if (!(c[1] > 0) || !(c[2] < 0)) {
                return null;
            }
            double a = ModelBounds.clamp(c[1], ALPHA_MIN, ALPHA_MAX);
            double beta = -1 / c[2];
            if (a == c[1]) {
                return new double[] {o, Math.exp(c[0]), a, beta, t0};
            }
            double pe = MODEL.peakEnhancement(new double[] {o, Math.exp(c[0]), c[1], beta, t0});
            double mode = c[1] * beta;
            return new double[] {o, kForPeak(pe, a, mode / a), a, mode / a, t0};
        }

        @Override
        public double[] fallback(double o, double amplitude, double t0, double tPeak) {
            double a = 3;
            double b = (tPeak - t0) / a;
            return new double[] {o, kForPeak(amplitude, a, b), a, b, t0};
        }
    }
}
