package org.ceusperfusion.compare;

import java.util.Map;
import org.ceusperfusion.params.PerfusionParameter;

/**
 * Changes from one exam to another.
 *
 * @param from                  label of the earlier exam
 * @param to                    label of the later exam
 * @param parameters            percent change per perfusion parameter (those computable in both exams)
 * @param volumePct             volume change, %, or {@code null}
 * @param necrosisPctPoints     necrosis change, percentage points, or {@code null}
 * @param nonEnhancingPctPoints non-enhancing fraction change, percentage points {@code 100·(ne_b − ne_a)}, or {@code null}
 * @param sumDiametersPct       change of the sum of diameters, %, or {@code null}
 */
public record ExamChange(String from, String to, Map<PerfusionParameter, PercentChange> parameters,
                         Double volumePct, Double necrosisPctPoints, Double nonEnhancingPctPoints,
                         Double sumDiametersPct) {

    public ExamChange {
        parameters = Map.copyOf(parameters);
    }

    /** @return the change of {@code p}, or {@code null} when not computable */
    public PercentChange parameter(PerfusionParameter p) {
        return parameters.get(p);
    }
}
