package org.ceusperfusion.params;

/**
 * What a set of 95 % intervals is and what it covers, written next to the intervals in every output.
 *
 * @param method            stable label of the method, e.g. {@value #CORRELATED}
 * @param covers            one sentence saying which variability the interval covers
 * @param dof               degrees of freedom of the Student t quantile (NaN when none)
 * @param tQuantile         the t quantile used for 95 % ({@code CI = value ± tQuantile·SE}); NaN when none
 * @param noiseCorrelationS correlation time τ of the residual noise estimated from the fitted frames, s
 *                          (0: independent; NaN when not estimated)
 * @param samples           frames the interval was built from (exactly the fitted ones)
 */
public record IntervalInfo(String method, String covers, double dof, double tQuantile, double noiseCorrelationS,
                           int samples) {

    /** Sandwich covariance under heteroscedastic, AR(1)-correlated noise (the default, {@link Intervals}). */
    public static final String CORRELATED = "correlated-noise-sandwich";
    /** Block wild bootstrap with blocks spanning 2τ ({@link BootstrapCi}). */
    public static final String BLOCK_BOOTSTRAP = "block-wild-bootstrap";
    /** The classic pooled {@code s²(JᵀJ)⁻¹} (independent, equal-variance frames) — a fallback only. */
    public static final String POOLED = "pooled-independent";
    /** What a single-exam interval covers. */
    public static final String COVERS_FIT = "measurement noise of this exam's fitted frames (heteroscedastic, "
            + "autocorrelated speckle); not test-retest or biological variability";
    /** What the pooled fallback covers. */
    public static final String COVERS_POOLED = "measurement noise assuming independent, equal-variance frames "
            + "(fallback: the correlated-noise model could not be estimated); likely too narrow";

    /** No interval information (intervals from elsewhere or none). */
    public static final IntervalInfo NONE = new IntervalInfo("none", "", Double.NaN, Double.NaN, Double.NaN, 0);

    /** @return the standard error implied by a 95 % interval of half-width {@code halfWidth} */
    public double standardError(double halfWidth) {
        return Double.isFinite(tQuantile) && tQuantile > 0 ? halfWidth / tQuantile : halfWidth / 1.959963984540054;
    }
}
