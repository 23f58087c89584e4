package org.ceusperfusion.model;

import java.util.List;

/**
 * The destruction–replenishment model ({@code perfusion-reference.md} §3.5; Wei et al., Circulation 1998):
 * <pre>
 *   f(t) = O + A (1 − e^(−β (t − tf)))   for t &gt; tf,     f(t) = O for t ≤ tf.
 * </pre>
 * Parameter vector {@code [O, A, beta, tf]}: the floor right after the destruction flash O (a.u.), the
 * replenished plateau above it A (a.u., ∝ blood volume), the refill rate β (1/s, ∝ blood velocity) and
 * the start of the replenishment tf (s from the first frame). A·β (a.u./s) is ∝ flow; see
 * {@link ReplenishmentParameters}.
 *
 * <p>The four parameters are identifiable only when the fitted samples include the floor at or before tf:
 * when every sample lies after tf, only {@code O + A}, {@code A·e^(β·tf)} and β are determined. Fits that
 * start after a detected flash therefore pin tf at the flash ({@link #fixedOnset}).
 *
 * <p>What the {@link BolusModel} closed forms mean here: {@link #area} is NaN (the curve never returns to
 * O, so its area is unbounded); {@link #meanTransitTimeS} is 1/β, the replenishment time constant;
 * {@link #timeToPeakS} is NaN (the plateau is approached, never reached); {@link #peakEnhancement} is A,
 * the plateau; {@link #onsetS} is tf. Stateless and thread-safe.
 *
 * <pre>{@code
 * BolusModel m = new ReplenishmentModel();
 * double[] p = {2, 10, 0.5, 4};
 * double y = m.value(6, p);   // 2 + 10(1 − e^−1) = 8.3212 a.u.
 * }</pre>
 */
public final class ReplenishmentModel implements BolusModel {

    /** The {@code --model} label. */
    public static final String LABEL = "replenishment";
    /** Index of the floor O. */
    public static final int O = 0;
    /** Index of the plateau A. */
    public static final int A = 1;
    /** Index of the refill rate β. */
    public static final int BETA = 2;
    /** Index of the replenishment start tf. */
    public static final int TF = 3;
    /** Smallest β accepted by the fit, 1/s (the bound is open at 0). */
    public static final double BETA_MIN = 1e-4;
    /** Largest β accepted by the fit, 1/s. */
    public static final double BETA_MAX = 50;

    private static final List<String> NAMES = List.of("O", "A", "beta", "tf");

    @Override
    public String name() {
        return LABEL;
    }

    @Override
    public List<String> parameterNames() {
        return NAMES;
    }

    @Override
    public double value(double t, double[] p) {
        double tau = t - p[TF];
        return tau <= 0 ? p[O] : p[O] + p[A] * -Math.expm1(-p[BETA] * tau);
    }

    @Override
    public void gradient(double t, double[] p, double[] out) {
        valueAndGradient(t, p, out);
    }

    /** For t ≤ tf every derivative but ∂f/∂O is 0 (the left derivative at the kink t = tf). */
    @Override
    public double valueAndGradient(double t, double[] p, double[] out) {
        double tau = t - p[TF];
        out[O] = 1;
        if (tau <= 0) {
            out[A] = 0;
            out[BETA] = 0;
            out[TF] = 0;
            return p[O];
        }
        double e = Math.exp(-p[BETA] * tau);
        out[A] = -Math.expm1(-p[BETA] * tau);
        out[BETA] = p[A] * tau * e;
        out[TF] = -p[A] * p[BETA] * e;
        return p[O] + p[A] * out[A];
    }

    /**
     * Start point: tf at the first sample, O from the first samples, O + A from the last fifth of the
     * curve, β from a log-linear fit of {@code 1 − (y − O)/A} against {@code t − tf}.
     *
     * @return the start, or {@code null} when the curve does not rise above its first samples
     */
    @Override
    public double[] initialGuess(double[] t, double[] y) {
        return ReplenishmentStart.guess(t, y, t[0]);
    }

    /** Starts with β × 0.3 and × 3. */
    @Override
    public List<double[]> alternativeStarts(double[] start, double[] t, double[] y) {
        return List.of(withBeta(start, 0.3), withBeta(start, 3));
    }

    private static double[] withBeta(double[] p, double factor) {
        double[] q = p.clone();
        q[BETA] = ModelBounds.clamp(p[BETA] * factor, BETA_MIN, BETA_MAX);
        return q;
    }

    /** Lower bounds: O ≥ min(y) − range(y), A ≥ 0, β ≥ {@value #BETA_MIN} 1/s, tf ≥ first time. */
    @Override
    public double[] lowerBounds(double[] t, double[] y) {
        return new double[] {ModelBounds.baselineLow(y), 0, BETA_MIN, t[0]};
    }

    /** Upper bounds: O ≤ max(y), A ≤ 10·range(y) + 1e-12, β ≤ {@value #BETA_MAX} 1/s, tf ≤ last time. */
    @Override
    public double[] upperBounds(double[] t, double[] y) {
        double[] r = ModelBounds.range(y);
        return new double[] {r[1], 10 * (r[1] - r[0]) + 1e-12, BETA_MAX, t[t.length - 1]};
    }

    @Override
    public double baseline(double[] p) {
        return p[O];
    }

    @Override
    public double onsetS(double[] p) {
        return p[TF];
    }

    /** @return NaN: the curve stays at its plateau, so the area above O is unbounded */
    @Override
    public double area(double[] p) {
        return Double.NaN;
    }

    /** @return 1/β, the replenishment time constant, s */
    @Override
    public double meanTransitTimeS(double[] p) {
        return 1 / p[BETA];
    }

    /** @return NaN: the plateau is approached, never reached */
    @Override
    public double timeToPeakS(double[] p) {
        return Double.NaN;
    }

    /** @return A, the plateau above O */
    @Override
    public double peakEnhancement(double[] p) {
        return p[A];
    }

    /**
     * The same curve with tf held at a known time (the destruction flash): parameters {@code [O, A, beta]}.
     * Use it to fit samples that all lie after the flash; {@link FixedOnsetReplenishment#embed} turns its
     * result back into this model's parameters.
     *
     * @param tfS the start of the replenishment, s
     */
    public static FixedOnsetReplenishment fixedOnset(double tfS) {
        return new FixedOnsetReplenishment(tfS);
    }

    @Override
    public String toString() {
        return name();
    }
}
