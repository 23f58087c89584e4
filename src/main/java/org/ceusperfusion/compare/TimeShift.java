package org.ceusperfusion.compare;

/**
 * The change of a clock time measured from the first frame (t0, TTP, TI, TO) from exam a to exam b, in
 * seconds. A percent change of such a time is meaningless (its origin is when the recording started),
 * so these are differences {@code b − a} with a 95 % interval
 * {@code ± t_{0.975, ν}·√(SEa² + SEb²)}, ν by Welch–Satterthwaite from the exams' effective degrees of
 * freedom. The interval covers measurement noise only (a repeatability CV is relative and does not
 * apply to clock times).
 *
 * @param diffS difference b − a, s (NaN when not computable)
 * @param lo    lower 95 % bound, s
 * @param hi    upper 95 % bound, s
 * @param sd    standard deviation of the difference, s (NaN when unknown)
 * @param dof   degrees of freedom of the t quantile (infinite for the normal)
 */
public record TimeShift(double diffS, double lo, double hi, double sd, double dof) {

    /**
     * @param a    value at exam a, s
     * @param seA  its standard error, s
     * @param dofA its degrees of freedom
     * @param b    value at exam b, s
     * @param seB  its standard error, s
     * @param dofB its degrees of freedom
     * @return the shift; NaN bounds when a standard error is unknown
     */
    public static TimeShift between(double a, double seA, double dofA, double b, double seB, double dofB) {
        double d = b - a;
        double va = seA * seA;
        double vb = seB * seB;
        double sd = Math.sqrt(va + vb);
        if (!Double.isFinite(sd) || !Double.isFinite(d)) {
            return new TimeShift(d, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double dof = PercentChange.satterthwaite(new double[] {va, vb}, new double[] {dofA, dofB});
        double tq = PercentChange.quantile(dof);
        return new TimeShift(d, d - tq * sd, d + tq * sd, sd, dof);
    }

    /** @return whether the interval is known */
    public boolean hasCi() {
        return Double.isFinite(lo) && Double.isFinite(hi);
    }

    /** @return whether {@code truthS} lies inside the interval */
    public boolean contains(double truthS) {
        return hasCi() && lo <= truthS && truthS <= hi;
    }
}
