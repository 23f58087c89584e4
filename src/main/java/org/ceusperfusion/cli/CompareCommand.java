package org.ceusperfusion.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ComparisonOptions;
import org.ceusperfusion.roi.RoiMask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ceus compare LOOP1 LOOP2 [...]}: baseline versus follow-up exams, with size, volume and necrosis. */
@Command(name = "compare", header = "Baseline versus follow-up exams: changes with CIs, size, necrosis and response.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Analyses each loop and compares every follow-up with the baseline (the first loop):",
                "percent change of every parameter with its 95 %% CI, non-enhancing fraction, volume, necrosis,",
                "RECIST-like size and perfusion response. Writes comparison.json, comparison.csv, report.pdf,",
                "report.png and analysis-<label>.json per exam into --out."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LOOP", arity = "0..*", description = "Cine loops (two or more), baseline first.")
    List<Path> loops;

    @Option(names = "--roi", paramLabel = "SPEC",
            description = "Target ROI: one for all loops, or one per loop in order.")
    List<String> roiSpecs;

    @Option(names = "--reference-roi", paramLabel = "SPEC",
            description = "Reference ROI: one for all loops, or one per loop in order.")
    List<String> referenceSpecs;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ceus-compare",
            description = "Output folder (default ${DEFAULT-VALUE}).")
    Path outDir;

    @Mixin
    ExamListOptions exams = new ExamListOptions();

    @Mixin
    LoopOptions loopOptions = new LoopOptions();

    @Mixin
    AnalysisOptions analysisOptions = new AnalysisOptions();

    @Option(names = "--repeatability-cv", paramLabel = "CV",
            description = {"Test-retest coefficient of variation of the perfusion parameters between repeat exams of an",
                "unchanged patient, as a fraction (0.15 = 15 %%; from your study or --preset). Added to every %% change",
                "interval and responder probability; without it they cover measurement only and say so."})
    Double repeatabilityCv;

    @Option(names = "--session", paramLabel = "FILE",
            description = "Run a workbench session file (loops, ROIs, labels, days, settings) instead of LOOP/--roi.")
    Path session;

    @Override
    public Integer call() throws Exception {
        if (session != null) {
            return runSession();
        }
        SessionCompare.requirePlainUsage(spec, loops, roiSpecs);
        int n = loops.size();
        if (n < 2) {
            throw new InputException(loops.get(0).toString(), "compare needs at least two loops, baseline first");
        }
        AnalysisSettings settings = analysisOptions.toSettings();
        List<RoiMask> targets = perLoop("--roi", roiSpecs, n, "target");
        List<RoiMask> references = referenceSpecs == null ? null : perLoop("--reference-roi", referenceSpecs, n, "reference");
        List<Double> days = exams.days(n);
        List<CompareRunner.Exam> list = new ArrayList<>();
        List<String> labels = exams.labels(n, days);
        List<Double> volumes = exams.volumesMl(n);
        List<Double> necrosis = exams.necrosisPct(n);
        List<double[]> diameters = exams.diametersMm(n);
        List<Boolean> newLesions = exams.newLesions(n);
        List<double[]> ellipsoid = exams.volumeDiametersMm(n);
        ComparisonOptions options = exams.comparisonOptions().withRepeatabilityCv(repeatabilityCv());
        for (int i = 0; i < n; i++) {
            list.add(new CompareRunner.Exam(loops.get(i), labels.get(i), days.get(i), targets.get(i),
                    references == null ? null : references.get(i), volumes.get(i), necrosis.get(i), diameters.get(i),
                    newLesions.get(i), ellipsoid.get(i)));
        }
        Comparison c = CompareRunner.run(list, loopOptions.toLoadOptions(), settings, options, outDir);
        if (!analysisOptions.quiet) {
            Summaries.printComparison(spec.commandLine().getOut(), c, outDir);
        }
        return ErrorHandler.OK;
    }

    private int runSession() throws java.io.IOException {
        SessionCompare.rejectMixedUsage(spec, loops, roiSpecs, referenceSpecs);
        SessionCompare.Loaded s = SessionCompare.load(session, spec.commandLine().getErr());
        Comparison c = CompareRunner.run(s.exams(), loopOptions.toLoadOptions(),
                s.session().settings().toAnalysisSettings(), outDir);
        if (!analysisOptions.quiet) {
            Summaries.printComparison(spec.commandLine().getOut(), c, outDir);
        }
        return ErrorHandler.OK;
    }

    /** @return {@code --repeatability-cv}, else the preset's, else {@code null} (measurement only) */
    private Double repeatabilityCv() {
        if (repeatabilityCv != null) {
            return repeatabilityCv;
        }
        var p = analysisOptions.preset();
        return p == null ? null : p.repeatabilityCv();
    }

    private static List<RoiMask> perLoop(String option, List<String> specs, int n, String defaultName) {
        if (specs.size() != 1 && specs.size() != n) {
            throw new InputException(option, "give one ROI for all loops or one per loop (" + n + "), got " + specs.size());
        }
        List<RoiMask> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String s = specs.get(specs.size() == 1 ? 0 : i);
            List<RoiMask> r = RoiSpecs.resolve(s, defaultName);
            if (r.size() != 1) {
                throw new InputException(option + " " + s, "names " + r.size() + " ROIs; give exactly one per loop");
            }
            out.add(r.get(0));
        }
        return out;
    }
}
