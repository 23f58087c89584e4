package org.ceusperfusion.compare;

/**
 * The relative change of one quantity from exam a to exam b, {@code 100·(b/a − 1)} %, with a 95 % CI.
 *
 * <p>The CI comes from the delta method on the log ratio for independent exams: each exam's standard
 * error is its 95 % CI half-width / 1.96, {@code var(ln(b/a)) ≈ (SEa/a)² + (SEb/b)²}, and
 * {@code CI = 100·(exp(ln(b/a) ± 1.96·sd) − 1)}. The CI is NaN when either exam lacks a CI or when a
 * and b differ in sign or one is zero. In a comparison the changes come from
 * {@link #between(double, double, double, double, double, double, double)}: the exams' standard errors and
 * effective degrees of freedom of {@link org.ceusperfusion.params.Intervals}, plus an optional repeatability term.
 *
 * @param pct percent change, % (NaN when not computable)
 * @param lo  lower 95 % bound, %
 * @param hi  upper 95 % bound, %
 * @param sdLogRatio standard deviation of {@code ln(b/a)}, NaN when unknown
 * @param dof        degrees of freedom of the t quantile of the interval (infinite: normal)
 */
public record PercentChange(double pct, double lo, double hi, double sdLogRatio, double dof) {
    /** z of the two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

    /** A change whose interval uses the normal quantile (infinite degrees of freedom). */
    public PercentChange(double pct, double lo, double hi, double sdLogRatio) {
        this(pct, lo, hi, sdLogRatio, Double.POSITIVE_INFINITY);
    }

    /**
     * The change with the patient in it: the log-ratio variance is the two exams' measurement variances
     * {@code (SEa/a)² + (SEb/b)²} plus, when a test–retest coefficient of variation is given, the
     * repeatability term {@code 2·ln(1 + CV²)} (each exam's log value varies by {@code ln(1 + CV²)} between
     * repeat exams of an unchanged patient). The quantile is Student's t on the Welch–Satterthwaite
     * degrees of freedom of the measurement terms (the repeatability term counts as known).
     *
     * @param a     value at exam a
     * @param seA   its standard error
     * @param dofA  its effective degrees of freedom
     * @param b     value at exam b
     * @param seB   its standard error
     * @param dofB  its effective degrees of freedom
     * @param repeatabilityCv test–retest CV as a fraction (0.15 = 15 %), or NaN/0 for measurement only
     * @return the change
     */
    public static PercentChange between(double a, double seA, double dofA, double b, double seB, double dofB,
                                        double repeatabilityCv) {
        double pct = a != 0 ? 100 * (b / a - 1) : Double.NaN;
        double va = Math.pow(seA / a, 2);
        double vb = Math.pow(seB / b, 2);
        double vr = repeatabilityCv > 0 ? 2 * Math.log1p(repeatabilityCv * repeatabilityCv) : 0;
        double sd = Math.sqrt(va + vb + vr);
        boolean ratioPositive = a != 0 && b != 0 && Math.signum(a) == Math.signum(b);
        if (!ratioPositive || !Double.isFinite(sd) || !Double.isFinite(pct)) {
            return new PercentChange(pct, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double dof = satterthwaite(new double[] {va, vb, vr}, new double[] {dofA, dofB, Double.POSITIVE_INFINITY});
        double tq = quantile(dof);
        double lr = Math.log(b / a);
        return new PercentChange(pct, 100 * Math.expm1(lr - tq * sd), 100 * Math.expm1(lr + tq * sd), sd, dof);
    }

    /** @return Welch–Satterthwaite degrees of freedom of a sum of variances (infinite dof terms count as known) */
    static double satterthwaite(double[] v, double[] dof) {
        double sum = 0;
        double den = 0;
        for (int i = 0; i < v.length; i++) {
            sum += v[i];
            if (Double.isFinite(dof[i]) && dof[i] > 0) {
                den += v[i] * v[i] / dof[i];
            } else if (!(dof[i] > 0) && v[i] > 0) {
                return Double.NaN;
            }
        }
        return den > 0 ? sum * sum / den : Double.POSITIVE_INFINITY;
    }

    /** @return the two-sided 95 % quantile of Student's t on {@code dof} (normal for infinite or unknown) */
    static double quantile(double dof) {
        if (!(dof > 0) || !Double.isFinite(dof) || dof > 1e6) {
            return Z95;
        }
        return new org.apache.commons.math3.distribution.TDistribution(null, Math.max(dof, 1))
                .inverseCumulativeProbability(0.975);
    }

    /**
     * @return the probability that the true ratio b/a is below {@code 1 + thresholdPct/100}, on the same
     *         log-ratio variance and t distribution as the interval (NaN without one)
     */
    public double probabilityBelow(double thresholdPct) {
        if (!(sdLogRatio > 0) || !Double.isFinite(sdLogRatio)) {
            return Double.NaN;
        }
        double z = (Math.log1p(thresholdPct / 100) - Math.log1p(pct / 100)) / sdLogRatio;
        if (!(dof > 0) || !Double.isFinite(dof) || dof > 1e6) {
            return new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1).cumulativeProbability(z);
        }
        return new org.apache.commons.math3.distribution.TDistribution(null, Math.max(dof, 1)).cumulativeProbability(z);
    }

    /**
     * @param a   value at exam a
     * @param ciA 95 % CI {@code [lo, hi]} of a, or {@code null}
     * @param b   value at exam b
     * @param ciB 95 % CI of b, or {@code null}
     * @return the change
     */
    public static PercentChange between(double a, double[] ciA, double b, double[] ciB) {
        return fromLogSd(a, relSe(a, ciA), b, relSe(b, ciB));
    }

    /**
     * @param a       value at exam a
     * @param relSeA  relative standard error of a ({@code SE/|a|}, ≈ SE of ln a), 0 for an exact value
     * @param b       value at exam b
     * @param relSeB  relative standard error of b
     * @return the change with a CI from {@code sd = √(relSeA² + relSeB²)}
     */
    public static PercentChange fromLogSd(double a, double relSeA, double b, double relSeB) {
        double pct = a != 0 ? 100 * (b / a - 1) : Double.NaN;
        double sd = Math.hypot(relSeA, relSeB);
        boolean ratioPositive = a != 0 && b != 0 && Math.signum(a) == Math.signum(b);
        if (!ratioPositive || !Double.isFinite(sd) || !Double.isFinite(pct)) {
            return new PercentChange(pct, Double.NaN, Double.NaN, Double.NaN);
        }
        double lr = Math.log(b / a);
        return new PercentChange(pct, 100 * Math.expm1(lr - Z95 * sd), 100 * Math.expm1(lr + Z95 * sd), sd);
    }

    /** @return {@code SE/|v|} from a 95 % CI, NaN when unknown */
    static double relSe(double v, double[] ci) {
        if (ci == null || ci.length != 2 || v == 0) {
            return Double.NaN;
        }
        return Math.abs(ci[1] - ci[0]) / (2 * Z95) / Math.abs(v);
    }

    /** @return whether the CI is known */
    public boolean hasCi() {
        return Double.isFinite(lo) && Double.isFinite(hi);
    }

    /** @return whether {@code truthPct} lies inside the CI */
    public boolean contains(double truthPct) {
        return hasCi() && lo <= truthPct && truthPct <= hi;
    }
}
