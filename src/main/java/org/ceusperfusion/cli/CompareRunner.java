package org.ceusperfusion.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.Analyzer;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ComparisonBuilder;
import org.ceusperfusion.compare.ExamInput;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.io.LoopReader;
import org.ceusperfusion.report.ComparisonWriter;
import org.ceusperfusion.roi.RoiMask;

/** Analyses a series of exams and writes their comparison; shared by {@code compare} and {@code demo}. */
final class CompareRunner {
    private CompareRunner() {
    }

    /** One exam to analyse: its loop, ROIs and the size data measured elsewhere. */
    record Exam(Path loop, String label, Double day, RoiMask target, RoiMask reference, Double volumeMl,
                Double necrosisPct, double[] diametersMm) {
    }

    /**
     * Reads and analyses every exam, then compares them and writes all outputs atomically.
     * Nothing is written when any exam cannot be read.
     */
    static Comparison run(List<Exam> exams, LoadOptions load, AnalysisSettings settings, Path outDir)
            throws IOException {
        List<ExamInput> inputs = new ArrayList<>();
        for (Exam e : exams) {
            CineLoop loop = LoopReader.open(e.loop(), load);
            LoopAnalysis a = Analyzer.analyze(loop, LoopReader.sha256(e.loop()), List.of(e.target()),
                    e.reference(), settings);
            inputs.add(new ExamInput(e.label(), e.day(), a, e.target().name(), e.volumeMl(), e.necrosisPct(),
                    e.diametersMm()));
        }
        Comparison c = ComparisonBuilder.compare(inputs);
        ComparisonWriter.writeAll(c, outDir);
        return c;
    }
}
