package org.ceusperfusion.compare;

import java.util.List;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.Analyzer;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.cine.CineLoop;

/**
 * The engine of a follow-up comparison shared by every front end (CLI, ImageJ, batch): analyse each
 * exam's loop with its own ROIs, then compare. Front ends only gather inputs and write or show the
 * result ({@code report.ComparisonWriter}), so they give identical numbers for identical inputs.
 *
 * <pre>{@code
 * List<ExamInput> exams = new ArrayList<>();
 * for (...) exams.add(FollowUp.analyze(loop, sha256, spec, settings));   // one loop in memory at a time
 * Comparison c = FollowUp.compare(exams, options);
 * }</pre>
 */
public final class FollowUp {
    private FollowUp() {
    }

    /**
     * @param loop     the exam's cine loop
     * @param sha256   hash of its file, or {@code null}
     * @param spec     label, ROIs and size data
     * @param settings linearisation and model
     * @return the analysed exam, with the loop's scanner tags
     * @throws org.ceusperfusion.InputException when a ROI does not fit the loop
     */
    public static ExamInput analyze(CineLoop loop, String sha256, ExamSpec spec, AnalysisSettings settings) {
        LoopAnalysis a = Analyzer.analyze(loop, sha256, List.of(spec.target()), spec.reference(), settings);
        return new ExamInput(spec.label(), spec.day(), a, spec.target().name(), spec.volumeMl(), spec.necrosisPct(),
                spec.diametersMm(), spec.newLesion(), spec.volumeDiametersMm(), loop.metadata().tags());
    }

    /** @return the comparison of analysed exams (see {@link ComparisonBuilder}) */
    public static Comparison compare(List<ExamInput> exams, ComparisonOptions options) {
        return ComparisonBuilder.compare(exams, options);
    }
}
