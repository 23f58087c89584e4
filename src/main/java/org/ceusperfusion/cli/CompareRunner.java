package org.ceusperfusion.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.compare.CommonModel;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ComparisonOptions;
import org.ceusperfusion.compare.ExamInput;
import org.ceusperfusion.compare.ExamSpec;
import org.ceusperfusion.compare.FollowUp;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.io.LoopReader;
import org.ceusperfusion.report.ComparisonWriter;
import org.ceusperfusion.roi.RoiMask;

/** Reads the loops of a series of exams, runs {@link FollowUp} and writes the outputs; used by {@code compare} and {@code demo}. */
final class CompareRunner {
    private CompareRunner() {
    }

    /** One exam to analyse: its loop, ROIs and the size data measured elsewhere. */
    record Exam(Path loop, String label, Double day, RoiMask target, RoiMask reference, Double volumeMl,
                Double necrosisPct, double[] diametersMm, boolean newLesion, double[] volumeDiametersMm) {

        /** An exam without new-lesion flag or ellipsoid diameters. */
        Exam(Path loop, String label, Double day, RoiMask target, RoiMask reference, Double volumeMl,
             Double necrosisPct, double[] diametersMm) {
            this(loop, label, day, target, reference, volumeMl, necrosisPct, diametersMm, false, null);
        }

        ExamSpec spec() {
            return new ExamSpec(label, day, target, reference, volumeMl, necrosisPct, diametersMm, newLesion,
                    volumeDiametersMm);
        }
    }

    /** As {@link #run(List, LoadOptions, AnalysisSettings, ComparisonOptions, Path)} with default options. */
    static Comparison run(List<Exam> exams, LoadOptions load, AnalysisSettings settings, Path outDir)
            throws IOException {
        return run(exams, load, settings, ComparisonOptions.DEFAULT, outDir);
    }

    /**
     * Reads and analyses every exam (one loop in memory at a time), then compares them and writes all
     * outputs atomically. Nothing is written when any exam cannot be read.
     */
    static Comparison run(List<Exam> exams, LoadOptions load, AnalysisSettings settings, ComparisonOptions options,
                          Path outDir) throws IOException {
        List<ExamInput> inputs = analyzeAll(exams, load, settings);
        Comparison c = CommonModel.compare(inputs, settings, options, s -> analyzeAll(exams, load, s));
        ComparisonWriter.writeAll(c, outDir);
        return c;
    }

    private static List<ExamInput> analyzeAll(List<Exam> exams, LoadOptions load, AnalysisSettings settings)
            throws IOException {
        List<ExamInput> inputs = new ArrayList<>();
        for (Exam e : exams) {
            CineLoop loop = LoopReader.open(e.loop(), load);
            inputs.add(FollowUp.analyze(loop, LoopReader.sha256(e.loop()), e.spec(), settings));
        }
        return inputs;
    }
}
