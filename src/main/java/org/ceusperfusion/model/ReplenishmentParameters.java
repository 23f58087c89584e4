package org.ceusperfusion.model;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The destruction–replenishment measures of a fitted {@link ReplenishmentModel} with 95 % confidence
 * intervals by the delta method on the fit covariance: {@code CI = v ± t_{0.975, dof}·√(gᵀΣg)}.
 *
 * @param a       plateau A, a.u. (∝ blood volume)
 * @param beta    refill rate β, 1/s (∝ blood velocity)
 * @param flow    A·β, a.u./s (∝ flow)
 * @param aCi     95 % interval of A, {@code [lo, hi]} (NaN without a covariance)
 * @param betaCi  95 % interval of β
 * @param flowCi  95 % interval of A·β; its variance is {@code β²Var(A) + 2AβCov(A,β) + A²Var(β)}
 */
public record ReplenishmentParameters(double a, double beta, double flow, double[] aCi, double[] betaCi,
                                      double[] flowCi) {

    public ReplenishmentParameters {
        aCi = aCi.clone();
        betaCi = betaCi.clone();
        flowCi = flowCi.clone();
    }

    /**
     * @param p   fitted {@code [O, A, beta, tf]}
     * @param cov their covariance (4×4), or {@code null}
     * @param samples samples fitted; the degrees of freedom are samples minus the parameters estimated
     *                (those with a non-zero variance: tf held at a flash is not estimated)
     * @return the measures; intervals are NaN without a covariance or with fewer than one degree of freedom
     */
    public static ReplenishmentParameters of(double[] p, double[][] cov, int samples) {
        int dof = samples - p.length;
        if (cov != null && cov[ReplenishmentModel.TF][ReplenishmentModel.TF] == 0) {
            dof++;
        }
        return of(p, cov, new double[] {dof, dof, dof});
    }

    /**
     * @param p    fitted {@code [O, A, beta, tf]}
     * @param cov  their covariance (4×4), or {@code null}
     * @param dofs the degrees of freedom of A, β and A·β (e.g. each one's own from the correlated-noise model)
     * @return the measures; an interval is NaN without a covariance or with fewer than one degree of freedom
     */
    public static ReplenishmentParameters of(double[] p, double[][] cov, double[] dofs) {
        double a = p[ReplenishmentModel.A];
        double b = p[ReplenishmentModel.BETA];
        double[] tq = new double[3];
        for (int i = 0; i < 3; i++) {
            tq[i] = cov != null && dofs[i] >= 1 ? new TDistribution(dofs[i]).inverseCumulativeProbability(0.975)
                    : Double.NaN;
        }
        double vaa = cov == null ? Double.NaN : cov[ReplenishmentModel.A][ReplenishmentModel.A];
        double vbb = cov == null ? Double.NaN : cov[ReplenishmentModel.BETA][ReplenishmentModel.BETA];
        double vab = cov == null ? Double.NaN : cov[ReplenishmentModel.A][ReplenishmentModel.BETA];
        double vflow = b * b * vaa + 2 * a * b * vab + a * a * vbb;
        return new ReplenishmentParameters(a, b, a * b, interval(a, vaa, tq[0]), interval(b, vbb, tq[1]),
                interval(a * b, vflow, tq[2]));
    }

    private static double[] interval(double v, double var, double tq) {
        double half = tq * Math.sqrt(Math.max(0, var));
        return Double.isFinite(half) ? new double[] {v - half, v + half} : new double[] {Double.NaN, Double.NaN};
    }

    @Override
    public double[] aCi() {
        return aCi.clone();
    }

    @Override
    public double[] betaCi() {
        return betaCi.clone();
    }

    @Override
    public double[] flowCi() {
        return flowCi.clone();
    }
}
