package org.ceusperfusion.compare;

/**
 * The relative change of one quantity from exam a to exam b, {@code 100·(b/a − 1)} %, with a 95 % CI.
 *
 * <p>The CI comes from the delta method on the log ratio for independent exams: each exam's standard
 * error is its 95 % CI half-width / 1.96, {@code var(ln(b/a)) ≈ (SEa/a)² + (SEb/b)²}, and
 * {@code CI = 100·(exp(ln(b/a) ± 1.96·sd) − 1)}. The CI is NaN when either exam lacks a CI or when a
 * and b differ in sign or one is zero. In a comparison the exams' CIs are the widened ones of
 * {@link RobustUncertainty}.
 *
 * @param pct percent change, % (NaN when not computable)
 * @param lo  lower 95 % bound, %
 * @param hi  upper 95 % bound, %
 * @param sdLogRatio standard deviation of {@code ln(b/a)}, NaN when unknown
 */
public record PercentChange(double pct, double lo, double hi, double sdLogRatio) {
    /** z of the two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

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
