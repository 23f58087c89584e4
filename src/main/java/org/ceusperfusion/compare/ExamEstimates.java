package org.ceusperfusion.compare;

import java.util.Map;
import org.ceusperfusion.params.ParameterEstimates;
import org.ceusperfusion.params.PerfusionParameter;

/**
 * The estimates a comparison uses for one exam: the target's parameters with the widened CIs of
 * {@link ExamIntervals} (the analysis' honest intervals), the reference's (when the exam has a reference ROI), and the
 * reference-normalised ratios.
 *
 * @param label     the exam's label
 * @param target    target parameters, CIs widened
 * @param reference reference parameters, CIs widened, or {@code null} without a reference ROI
 * @param referenceName the reference ROI's name, or {@code null}
 * @param ratios    target/reference ratio per parameter (QOF excluded); empty without a reference
 */
public record ExamEstimates(String label, ParameterEstimates target, ParameterEstimates reference,
                            String referenceName, Map<PerfusionParameter, RatioEstimate> ratios) {
    public ExamEstimates {
        ratios = Map.copyOf(ratios);
    }

    /** @return the ratio of {@code p}, or {@code null} */
    public RatioEstimate ratio(PerfusionParameter p) {
        return ratios.get(p);
    }

    /** @return whether this exam has reference-normalised values */
    public boolean hasReference() {
        return reference != null;
    }
}
