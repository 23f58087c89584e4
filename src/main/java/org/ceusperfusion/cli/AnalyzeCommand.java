package org.ceusperfusion.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.Analyzer;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.io.LoopReader;
import org.ceusperfusion.report.AnalysisWriter;
import org.ceusperfusion.roi.RoiMask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ceus analyze LOOP --roi SPEC ...}: TIC, fit, parameters with 95 % CI, non-enhancing fraction. */
@Command(name = "analyze", header = "TIC, bolus fit and perfusion parameters with 95 %% CIs for each ROI of one loop.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures the time-intensity curve of each ROI on linear echo power, fits the bolus model and",
                "reports the perfusion parameters with 95 %% confidence intervals and the non-enhancing fraction.",
                "Writes analysis.json, tic.csv and tic.png into --out."})
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOOP", description = {"The cine loop (DICOM, TIFF, AVI, ...), or a curve",
            "table CURVE.csv (time_s and one column per ROI, as tic.csv writes or a scanner exports)."})
    Path loopPath;

    @Option(names = "--roi", paramLabel = "SPEC",
            description = {"Target ROI (repeatable; required for a loop): a .roi file, a RoiSet .zip, or oval:x,y,w,h,",
                    "rect:x,y,w,h, polygon:x1,y1,x2,y2,...; optional NAME= prefix. For a curve table: the",
                    "column(s) to fit (default: every column)."})
    List<String> roiSpecs;

    @Option(names = "--reference-roi", paramLabel = "SPEC",
            description = "Reference ROI (normal tissue); for a curve table, the column name.")
    String referenceSpec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ceus-out",
            description = "Output folder (default ${DEFAULT-VALUE}).")
    Path outDir;

    @Mixin
    LoopOptions loopOptions = new LoopOptions();

    @Mixin
    AnalysisOptions analysisOptions = new AnalysisOptions();

    @Override
    public Integer call() throws Exception {
        if (org.ceusperfusion.tic.CurveCsv.isCurveFile(loopPath)) {
            return analyzeCurves();
        }
        if (roiSpecs == null || roiSpecs.isEmpty()) {
            throw new org.ceusperfusion.InputException("--roi", "at least one target ROI is needed for a loop");
        }
        AnalysisSettings settings = analysisOptions.toSettings();
        LoadOptions load = loopOptions.toLoadOptions();
        List<RoiMask> targets = RoiSpecs.targets(roiSpecs);
        RoiMask reference = RoiSpecs.reference(referenceSpec);
        var sha256 = LoopReader.sha256Later(loopPath);
        // the plot's first drawing (class loading, fonts) done while the loop is opened, not at the end
        org.ceusperfusion.io.DecodeThreads.beside(AnalysisWriter::warmUp);
        CineLoop loop = LoopReader.open(loopPath, load);
        LoopAnalysis analysis = Analyzer.analyze(loop, null, targets, reference, settings).withSha256(sha256.get());
        AnalysisWriter.writeAll(analysis, outDir);
        if (!analysisOptions.quiet) {
            Summaries.printAnalysis(spec.commandLine().getOut(), analysis, outDir);
        }
        return ErrorHandler.OK;
    }

    /** A curve table: values are linear unless --dynamic-range is given explicitly. */
    private Integer analyzeCurves() throws java.io.IOException {
        boolean greyLevels = spec.commandLine().getParseResult().hasMatchedOption("--dynamic-range");
        AnalysisSettings settings = analysisOptions.toSettings(!greyLevels || analysisOptions.linear);
        var table = org.ceusperfusion.tic.CurveCsv.read(loopPath);
        if (roiSpecs != null && !roiSpecs.isEmpty()) {
            table = org.ceusperfusion.tic.CurveTables.select(table, roiSpecs, referenceSpec, loopPath.toString());
        }
        LoopAnalysis analysis = org.ceusperfusion.analysis.CurveAnalyzer.analyze(table, loopPath.toString(),
                LoopReader.sha256(loopPath), referenceSpec, settings);
        AnalysisWriter.writeAll(analysis, outDir);
        if (!analysisOptions.quiet) {
            Summaries.printAnalysis(spec.commandLine().getOut(), analysis, outDir);
        }
        return ErrorHandler.OK;
    }
}
