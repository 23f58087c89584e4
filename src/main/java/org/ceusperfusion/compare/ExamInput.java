package org.ceusperfusion.compare;

import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.analysis.RoiRole;

/**
 * One exam of a follow-up: an analysed loop plus what was measured elsewhere (CT/MR volume, necrosis,
 * lesion diameters).
 *
 * @param label       short name such as {@code baseline} or {@code D14}; must not be blank
 * @param day         day of the exam (0 for baseline), or {@code null} when unknown
 * @param analysis    the loop's analysis
 * @param roiName     the target ROI compared; {@code null} selects the analysis' first target
 * @param volumeMl    tumour volume, ml, or {@code null}
 * @param necrosisPct necrotic fraction of the tumour from imaging, %, or {@code null}
 * @param diametersMm target-lesion diameters, mm (0 for a lesion that disappeared), or {@code null}
 */
public record ExamInput(String label, Double day, LoopAnalysis analysis, String roiName, Double volumeMl,
                        Double necrosisPct, double[] diametersMm) {

    public ExamInput {
        if (label == null || label.isBlank()) {
            throw new InputException("--labels", "every exam needs a label");
        }
        if (analysis == null) {
            throw new IllegalArgumentException("exam " + label + " has no analysis");
        }
        if (roiName == null) {
            roiName = analysis.target().name();
        }
        if (diametersMm != null) {
            for (double d : diametersMm) {
                if (!(d >= 0)) {
                    throw new InputException("--diameters-mm", "exam " + label + ": diameter " + d
                            + " mm is not a non-negative number");
                }
            }
            diametersMm = diametersMm.clone();
        }
    }

    /** An exam with only its analysis (first target ROI, no size data). */
    public static ExamInput of(String label, Double day, LoopAnalysis analysis) {
        return new ExamInput(label, day, analysis, null, null, null, null);
    }

    /**
     * @return the compared ROI
     * @throws InputException when the analysis has no target ROI of that name
     */
    public RoiAnalysis roi() {
        return analysis.rois().stream()
                .filter(r -> r.name().equals(roiName) && r.role() == RoiRole.TARGET).findFirst()
                .orElseThrow(() -> new InputException("exam " + label, "no target ROI named '" + roiName + "'"));
    }

    /** @return sum of the target-lesion diameters, mm, or {@code null} without diameters */
    public Double sumDiametersMm() {
        if (diametersMm == null || diametersMm.length == 0) {
            return null;
        }
        double s = 0;
        for (double d : diametersMm) {
            s += d;
        }
        return s;
    }
}
