package org.ceusperfusion.compare;

/**
 * A target/reference ratio of one parameter at one exam, with its 95 % CI.
 *
 * <p>The CI treats the target and reference estimates as independent: {@code SE(ln r) =
 * √((SE_t/t)² + (SE_r/r)²)} and {@code CI = r·exp(±1.96·SE(ln r))}.
 *
 * @param value ratio target / reference (dimensionless)
 * @param lo    lower 95 % bound
 * @param hi    upper 95 % bound
 * @param sdLog standard error of {@code ln r}, NaN when unknown
 */
public record RatioEstimate(double value, double lo, double hi, double sdLog) {

    /**
     * @return the ratio {@code t/r} with its CI from the 95 % CIs of t and r; NaN bounds when t and r
     *         do not have the same sign or a CI is missing
     */
    public static RatioEstimate of(double t, double[] ciT, double r, double[] ciR) {
        double value = r != 0 ? t / r : Double.NaN;
        double sd = Math.hypot(PercentChange.relSe(t, ciT), PercentChange.relSe(r, ciR));
        if (!(value > 0) || !Double.isFinite(value) || !Double.isFinite(sd)) {
            return new RatioEstimate(value, Double.NaN, Double.NaN, Double.NaN);
        }
        return new RatioEstimate(value, value * Math.exp(-PercentChange.Z95 * sd),
                value * Math.exp(PercentChange.Z95 * sd), sd);
    }

    /** @return whether the CI is known */
    public boolean hasCi() {
        return Double.isFinite(lo) && Double.isFinite(hi);
    }

    /** @return the change from ratio {@code a} to ratio {@code b} (independent exams), % with 95 % CI */
    public static PercentChange change(RatioEstimate a, RatioEstimate b) {
        return PercentChange.fromLogSd(a.value, a.sdLog, b.value, b.sdLog);
    }
}
