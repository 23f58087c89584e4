package org.ceusperfusion.model;

/**
 * The local-density random-walk bolus model ({@code perfusion-reference.md} §3.3):
 * <pre>
 *   f(t) = O + A √(λ/(2πμτ)) exp(−λ(τ − μ)²/(2μτ)),   τ = t − t0,   f(t) = O for τ ≤ 0.
 * </pre>
 * Parameter vector {@code [O, A, mu, lambda, t0]}: baseline (a.u.), area (a.u.·s), μ (s), λ
 * (dimensionless, bounded to [0.05, 500]) and onset t0 (s from the first frame).
 *
 * <p>Closed forms: AUC = A; mTT (from t0) = μ(1 + 1/λ); TTP = t0 + μ(√(1 + 4λ²) − 1)/(2λ) (the
 * root of {@code λτ² + μτ − λμ² = 0}; the reference document's formula, checked numerically in the
 * tests); PE = the curve's value at the mode. Stateless and thread-safe.
 *
 * <pre>{@code
 * BolusModel m = new LdrwModel();
 * double[] p = {0, 1, 20, 3, 0};
 * double mtt = m.meanTransitTimeS(p);   // 26.667 s
 * }</pre>
 */
public final class LdrwModel extends RandomWalkModel {

    /** Index of the baseline O. */
    public static final int O = RandomWalkModel.O;
    /** Index of the area A. */
    public static final int A = RandomWalkModel.A;
    /** Index of μ. */
    public static final int MU = RandomWalkModel.MU;
    /** Index of λ. */
    public static final int LAMBDA = RandomWalkModel.LAMBDA;
    /** Index of the onset t0. */
    public static final int T0 = RandomWalkModel.T0;

    /** A new LDRW model. */
    public LdrwModel() {
        super(-1, 1);
    }

    @Override
    public String name() {
        return "ldrw";
    }

    @Override
    public double meanTransitTimeS(double[] p) {
        return p[MU] * (1 + 1 / p[LAMBDA]);
    }
}
