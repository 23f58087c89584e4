package org.ceusperfusion.compare;

/**
 * How a comparison judges response.
 *
 * @param perfusionRule  the perfusion rule (default {@link PerfusionRule#STIC})
 * @param diameterSdMm   SD of one diameter measurement, mm (default {@value RecistLike#DEFAULT_SD_MM})
 * @param seed           Monte Carlo seed of the size-response probabilities
 * @param repeatabilityCv test–retest coefficient of variation of a perfusion parameter between repeat exams of an
 *                       unchanged patient (fraction, 0.15 = 15 %), added to the variance of every % change and
 *                       responder probability; {@code null}: the change intervals cover measurement only
 */
public record ComparisonOptions(PerfusionRule perfusionRule, double diameterSdMm, long seed, Double repeatabilityCv) {
    /** Defaults: STIC rule, 1.5 mm per diameter, seed 20140794. */
    public static final ComparisonOptions DEFAULT = new ComparisonOptions(PerfusionRule.STIC,
            RecistLike.DEFAULT_SD_MM, 20140794L);

    /** What a change interval covers without a repeatability term. */
    public static final String MEASUREMENT_ONLY = "measurement only";

    public ComparisonOptions {
        if (perfusionRule == null) {
            perfusionRule = PerfusionRule.STIC;
        }
        if (!(diameterSdMm >= 0)) {
            throw new IllegalArgumentException("diameter SD must be >= 0 mm, got " + diameterSdMm);
        }
        if (repeatabilityCv != null && !(repeatabilityCv > 0 && repeatabilityCv < 5)) {
            throw new org.ceusperfusion.InputException("--repeatability-cv",
                    "must be a test-retest CV as a fraction between 0 and 5 (0.15 = 15 %), got " + repeatabilityCv);
        }
    }

    /** Options without a repeatability term (change intervals cover measurement only). */
    public ComparisonOptions(PerfusionRule perfusionRule, double diameterSdMm, long seed) {
        this(perfusionRule, diameterSdMm, seed, null);
    }

    /** @return a copy with a test–retest CV ({@code null}: measurement only) */
    public ComparisonOptions withRepeatabilityCv(Double cv) {
        return new ComparisonOptions(perfusionRule, diameterSdMm, seed, cv);
    }

    /** @return the repeatability CV, 0 when none */
    public double repeatabilityCvOrZero() {
        return repeatabilityCv == null ? 0 : repeatabilityCv;
    }

    /**
     * @return what the % change intervals cover: {@value #MEASUREMENT_ONLY}, or measurement plus the
     *         test–retest repeatability with its CV
     */
    public String changeIntervalCovers() {
        return repeatabilityCv == null ? MEASUREMENT_ONLY
                : "measurement + test-retest repeatability (CV " + new java.math.BigDecimal(100 * repeatabilityCv)
                        .round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString() + " %)";
    }
}
