package org.ceusperfusion.compare;

import java.util.Map;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.analysis.RoiRole;

/**
 * One exam of a follow-up: an analysed loop plus what was measured elsewhere (CT/MR volume, necrosis,
 * lesion diameters, new lesions) and the scanner tags of the loop.
 *
 * @param label             short name such as {@code baseline} or {@code D14}; must not be blank
 * @param day               day of the exam (0 for baseline), or {@code null} when unknown
 * @param analysis          the loop's analysis
 * @param roiName           the target ROI compared; {@code null} selects the analysis' first target
 * @param volumeMl          tumour volume entered from CT/MR, ml, or {@code null}
 * @param necrosisPct       necrotic fraction of the tumour from imaging, %, or {@code null}
 * @param diametersMm       target-lesion diameters, mm (0 for a lesion that disappeared), or {@code null}
 * @param newLesion         a new lesion was seen at this exam (RECIST-like PD)
 * @param volumeDiametersMm three orthogonal tumour diameters L, W, H in mm for an ellipsoid volume when
 *                          {@code volumeMl} is absent, or {@code null}
 * @param scannerTags       descriptive tags of the loop (Manufacturer, ManufacturerModelName,
 *                          TransducerData, ...); {@code null} or empty takes those of the analysis' input
 */
public record ExamInput(String label, Double day, LoopAnalysis analysis, String roiName, Double volumeMl,
                        Double necrosisPct, double[] diametersMm, boolean newLesion, double[] volumeDiametersMm,
                        Map<String, String> scannerTags) {

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
        diametersMm = checked("--diameters-mm", label, diametersMm);
        volumeDiametersMm = checked("--volume-diameters-mm", label, volumeDiametersMm);
        if (volumeDiametersMm != null && volumeDiametersMm.length != 3) {
            throw new InputException("--volume-diameters-mm", "exam " + label + ": give three diameters L,W,H, got "
                    + volumeDiametersMm.length);
        }
        if (volumeMl != null && !(volumeMl > 0 && Double.isFinite(volumeMl))) {
            throw new InputException("--volume-ml", "exam " + label + ": volume must be positive, got " + volumeMl);
        }
        scannerTags = scannerTags == null || scannerTags.isEmpty() ? analysis.input().tags() : Map.copyOf(scannerTags);
    }

    /** An exam without new-lesion flag, ellipsoid diameters or scanner tags. */
    public ExamInput(String label, Double day, LoopAnalysis analysis, String roiName, Double volumeMl,
                     Double necrosisPct, double[] diametersMm) {
        this(label, day, analysis, roiName, volumeMl, necrosisPct, diametersMm, false, null, Map.of());
    }

    private static double[] checked(String option, String label, double[] d) {
        if (d == null) {
            return null;
        }
        for (double x : d) {
            if (!(x >= 0) || !Double.isFinite(x)) {
                throw new InputException(option, "exam " + label + ": diameter " + x + " mm is not a non-negative number");
            }
        }
        return d.clone();
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

    /** @return the reference ROI of this exam, or {@code null} without one */
    public RoiAnalysis reference() {
        return analysis.rois().stream().filter(r -> r.role() == RoiRole.REFERENCE).findFirst().orElse(null);
    }

    /** @return the tumour volume: entered, else the ellipsoid of {@link #volumeDiametersMm}, else {@code null} */
    public Volume volume() {
        return Volume.of(volumeMl, volumeDiametersMm);
    }

    /** @return the volume in ml (entered or ellipsoid), or {@code null} */
    public Double volumeValueMl() {
        Volume v = volume();
        return v == null ? null : v.ml();
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
