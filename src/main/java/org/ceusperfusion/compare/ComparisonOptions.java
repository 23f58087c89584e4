package org.ceusperfusion.compare;

/**
 * How a comparison judges response.
 *
 * @param perfusionRule  the perfusion rule (default {@link PerfusionRule#STIC})
 * @param diameterSdMm   SD of one diameter measurement, mm (default {@value RecistLike#DEFAULT_SD_MM})
 * @param seed           Monte Carlo seed of the size-response probabilities
 */
public record ComparisonOptions(PerfusionRule perfusionRule, double diameterSdMm, long seed) {
    /** Defaults: STIC rule, 1.5 mm per diameter, seed 20140794. */
    public static final ComparisonOptions DEFAULT = new ComparisonOptions(PerfusionRule.STIC,
            RecistLike.DEFAULT_SD_MM, 20140794L);

    public ComparisonOptions {
        if (perfusionRule == null) {
            perfusionRule = PerfusionRule.STIC;
        }
        if (!(diameterSdMm >= 0)) {
            throw new IllegalArgumentException("diameter SD must be >= 0 mm, got " + diameterSdMm);
        }
    }
}
