package org.ceusperfusion.compare;

import java.util.Map;

/**
 * The RECIST-like size category of the last exam, with its uncertainty.
 *
 * @param category          category from the measured diameters
 * @param probability       probability of each category given the measurement error (sums to 1)
 * @param indeterminate     no category reaches {@link RecistLike#CONFIDENT} probability
 * @param criteria          the criteria's name, {@value RecistLike#CRITERIA}
 * @param pctFromBaseline   change of the sum of diameters from baseline, %
 * @param pctFromNadir      change from the smallest earlier sum, %
 * @param mmFromNadir       change from the smallest earlier sum, mm
 * @param measurementSdMm   standard deviation assumed for one diameter measurement, mm
 * @param newLesion         a follow-up exam reported a new lesion (PD whatever the diameters)
 */
public record SizeResponse(SizeCategory category, Map<SizeCategory, Double> probability, boolean indeterminate,
                           String criteria, double pctFromBaseline, double pctFromNadir, double mmFromNadir,
                           double measurementSdMm, boolean newLesion) {

    public SizeResponse {
        probability = Map.copyOf(probability);
    }

    /** @return probability of {@code c}, 0 when absent */
    public double probability(SizeCategory c) {
        return probability.getOrDefault(c, 0.0);
    }
}
