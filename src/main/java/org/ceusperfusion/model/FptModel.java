package org.ceusperfusion.model;

/**
 * The first-passage-time (inverse Gaussian) bolus model ({@code perfusion-reference.md} §3.4):
 * <pre>
 *   f(t) = O + A √(λμ/(2πτ³)) exp(−λ(τ − μ)²/(2μτ)),   τ = t − t0,   f(t) = O for τ ≤ 0.
 * </pre>
 * Parameter vector {@code [O, A, mu, lambda, t0]}: baseline (a.u.), area (a.u.·s), μ (s), λ
 * (dimensionless, bounded to [0.05, 500]) and onset t0 (s from the first frame).
 *
 * <p>Closed forms: AUC = A; mTT (from t0) = μ; variance μ²/λ;
 * TTP = t0 + μ(√(1 + 9/(4λ²)) − 3/(2λ)); PE = the curve's value at the mode. Stateless and thread-safe.
 *
 * <pre>{@code
 * BolusModel m = new FptModel();
 * double[] p = {0, 1, 20, 3, 0};
 * double ttp = m.timeToPeakS(p);   // 12.361 s
 * }</pre>
 */
public final class FptModel extends RandomWalkModel {

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

    /** A new FPT model. */
    public FptModel() {
        super(1, 3);
    }

    @Override
    public String name() {
        return "fpt";
    }

    @Override
    public double meanTransitTimeS(double[] p) {
        return p[MU];
    }
}
