package org.ceusperfusion.compare;

import java.util.Map;
import org.ceusperfusion.params.PerfusionParameter;

/**
 * Changes from one exam to another.
 *
 * @param from                  label of the earlier exam
 * @param to                    label of the later exam
 * @param parameters            percent change per perfusion parameter (those computable in both exams), except
 *                              the clock times of {@code timeShifts}
 * @param volumeChange          volume change, % with 95 % CI (a point for entered volumes), or {@code null}
 * @param necrosisPctPoints     necrosis change, percentage points, or {@code null}
 * @param nonEnhancingPctPoints non-enhancing fraction change, percentage points {@code 100·(ne_b − ne_a)}, or {@code null}
 * @param sumDiametersPct       change of the sum of diameters, %, or {@code null}
 * @param ratioChanges          percent change of the target/reference ratio per parameter; empty unless
 *                              both exams have a reference ROI
 * @param timeShifts            difference in seconds of the clock times measured from the first frame (t0,
 *                              TTP, TI, TO), whose percent change would be meaningless
 */
public record ExamChange(String from, String to, Map<PerfusionParameter, PercentChange> parameters,
                         PercentChange volumeChange, Double necrosisPctPoints, Double nonEnhancingPctPoints,
                         Double sumDiametersPct, Map<PerfusionParameter, PercentChange> ratioChanges,
                         Map<PerfusionParameter, TimeShift> timeShifts) {

    public ExamChange {
        parameters = Map.copyOf(parameters);
        ratioChanges = Map.copyOf(ratioChanges);
        timeShifts = timeShifts == null ? Map.of() : Map.copyOf(timeShifts);
    }

    /** Without clock-time shifts. */
    public ExamChange(String from, String to, Map<PerfusionParameter, PercentChange> parameters,
                      PercentChange volumeChange, Double necrosisPctPoints, Double nonEnhancingPctPoints,
                      Double sumDiametersPct, Map<PerfusionParameter, PercentChange> ratioChanges) {
        this(from, to, parameters, volumeChange, necrosisPctPoints, nonEnhancingPctPoints, sumDiametersPct,
                ratioChanges, Map.of());
    }

    /** @return the shift in seconds of clock time {@code p} (t0, TTP, TI, TO), or {@code null} */
    public TimeShift timeShift(PerfusionParameter p) {
        return timeShifts.get(p);
    }

    /** @return the change of {@code p}, or {@code null} when not computable */
    public PercentChange parameter(PerfusionParameter p) {
        return parameters.get(p);
    }

    /** @return the change of the reference-normalised {@code p}, or {@code null} */
    public PercentChange ratioChange(PerfusionParameter p) {
        return ratioChanges.get(p);
    }

    /** @return the volume change, %, or {@code null} */
    public Double volumePct() {
        return volumeChange == null ? null : volumeChange.pct();
    }
}
