package org.ceusperfusion.compare;

import org.ceusperfusion.InputException;
import org.ceusperfusion.roi.RoiMask;

/**
 * What to analyse in one exam and what was measured elsewhere, before the loop is analysed: the
 * shared input of the CLI ({@code ceus compare}) and the ImageJ command ({@code Compare Exams...}).
 *
 * @param label             exam label, e.g. {@code baseline}, {@code D14}
 * @param day               day of the exam, or {@code null}
 * @param target            the tumour ROI of this exam (tumours move between exams)
 * @param reference         the reference ROI (normal tissue) of this exam, or {@code null}
 * @param volumeMl          volume from CT/MR, ml, or {@code null}
 * @param necrosisPct       necrosis from CT/MR, %, or {@code null}
 * @param diametersMm       target-lesion diameters, mm (up to 5), or {@code null}
 * @param newLesion         a new lesion was seen at this exam
 * @param volumeDiametersMm three diameters L, W, H (mm) for an ellipsoid volume, or {@code null}
 */
public record ExamSpec(String label, Double day, RoiMask target, RoiMask reference, Double volumeMl,
                       Double necrosisPct, double[] diametersMm, boolean newLesion, double[] volumeDiametersMm) {
    /** Most target lesions RECIST counts. */
    public static final int MAX_LESIONS = 5;

    public ExamSpec {
        if (target == null) {
            throw new InputException("exam " + label, "no target ROI");
        }
        if (diametersMm != null && diametersMm.length > MAX_LESIONS) {
            throw new InputException("--diameters-mm", "exam " + label + ": at most " + MAX_LESIONS
                    + " target lesions, got " + diametersMm.length);
        }
        diametersMm = diametersMm == null ? null : diametersMm.clone();
        volumeDiametersMm = volumeDiametersMm == null ? null : volumeDiametersMm.clone();
    }
}
