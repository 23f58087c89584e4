package org.ceusperfusion.compare;

import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.params.IntervalInfo;
import org.ceusperfusion.params.Intervals;
import org.ceusperfusion.params.ParameterEstimates;

/**
 * The per-exam estimates a comparison uses: the analysis' own intervals, which are already the honest
 * ones of {@link Intervals} (built from exactly the fitted frames). Only an analysis made elsewhere
 * without interval information gets them recomputed, from the frames its motion selection kept; when
 * that is impossible (no residuals, a singular design) its own intervals are kept.
 */
final class ExamIntervals {
    private ExamIntervals() {
    }

    static ParameterEstimates of(RoiAnalysis roi) {
        ParameterEstimates own = roi.parameters();
        String m = own.intervals().method();
        if (IntervalInfo.CORRELATED.equals(m) || IntervalInfo.BLOCK_BOOTSTRAP.equals(m) || roi.fit() == null
                || !roi.fit().hasParameters() || roi.tic() == null) {
            return own;
        }
        double[] t = roi.tic().timesS();
        double[] y = roi.tic().meanIntensity();
        if (roi.motion() != null) {
            double[][] kept = roi.motion().selection().keep(t, y);
            t = kept[0];
            y = kept[1];
        }
        ParameterEstimates honest = Intervals.compute(roi.fit(), t, y);
        return IntervalInfo.CORRELATED.equals(honest.intervals().method()) ? honest : own;
    }
}
