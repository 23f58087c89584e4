package org.ceusperfusion.ij;

import java.nio.file.Path;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.cine.CineLoop;

/**
 * One exam of the workbench (immutable; the model replaces it on every edit).
 *
 * @param label         exam label, e.g. {@code baseline}, {@code D14}
 * @param day           day of the exam (baseline 0), or {@code null}
 * @param path          the loop's file
 * @param sha256        SHA-256 of the file when it was opened
 * @param loop          the loop as read by the CLI's reader (so the numbers equal {@code ceus compare})
 * @param targetSpec    target ROI as an inline {@code --roi} spec with a name, or {@code null}
 * @param referenceSpec reference ROI spec, or {@code null}
 * @param volumeMl      tumour volume from CT/MR, ml, or {@code null}
 * @param necrosisPct   necrosis from CT/MR, %, or {@code null}
 * @param diametersMm   target-lesion diameters, mm, or {@code null}
 * @param analysis      the last analysis of the target (and reference) ROI, or {@code null}
 */
public record WorkbenchExam(String label, Double day, Path path, String sha256, CineLoop loop, String targetSpec,
                            String referenceSpec, Double volumeMl, Double necrosisPct, double[] diametersMm,
                            LoopAnalysis analysis) {
    /** @return a copy with another label and day */
    public WorkbenchExam withLabel(String newLabel, Double newDay) {
        return new WorkbenchExam(newLabel, newDay, path, sha256, loop, targetSpec, referenceSpec, volumeMl,
                necrosisPct, diametersMm, analysis);
    }

    /** @return a copy with other ROIs; the analysis is dropped */
    public WorkbenchExam withRois(String target, String reference) {
        return new WorkbenchExam(label, day, path, sha256, loop, target, reference, volumeMl, necrosisPct,
                diametersMm, null);
    }

    /** @return a copy with other size data */
    public WorkbenchExam withSize(Double volume, Double necrosis, double[] diameters) {
        return new WorkbenchExam(label, day, path, sha256, loop, targetSpec, referenceSpec, volume, necrosis,
                diameters == null ? null : diameters.clone(), analysis);
    }

    /** @return a copy holding {@code a} */
    public WorkbenchExam withAnalysis(LoopAnalysis a) {
        return new WorkbenchExam(label, day, path, sha256, loop, targetSpec, referenceSpec, volumeMl, necrosisPct,
                diametersMm, a);
    }
}
