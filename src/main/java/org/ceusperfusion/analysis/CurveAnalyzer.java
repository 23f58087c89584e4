package org.ceusperfusion.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ceusperfusion.motion.FlashDetector;
import org.ceusperfusion.motion.FrameExclusions;
import org.ceusperfusion.motion.FrameSelection;
import org.ceusperfusion.motion.MotionResult;
import org.ceusperfusion.motion.RejectedFrame;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.tic.CurveCsv;
import org.ceusperfusion.tic.Linearizer;
import org.ceusperfusion.tic.TimeIntensityCurve;

/**
 * Analyses time-intensity curves given as a table ({@code ceus analyze CURVE.csv}, ImageJ plots and Results
 * tables): the same frame rejection, fit, parameters, intervals and quality flags as for a loop, without
 * the image steps (no clipping, motion or non-enhancing fraction: those are {@code null} with a reason).
 *
 * <p>Values are linear intensities unless the settings name a dynamic range ({@code linear = false}); then
 * they are grey levels 0..255 and are linearised as a loop's pixels would be. Frames are left out when the
 * table's {@code used} column holds 0 ({@code excluded}), by {@code --exclude-frames}, or as flashes found on
 * the first ROI's curve.
 */
public final class CurveAnalyzer {
    /** Full scale of grey-level curves, linearised with the dynamic range. */
    public static final double MAX_GREY = 255;

    private CurveAnalyzer() {
    }

    /**
     * @param table    the curves (the first column is the target; with {@code referenceName}, that column is the reference)
     * @param path     the file, for the results
     * @param sha256   its hash, or {@code null}
     * @param referenceName the column used as reference ROI, or {@code null}
     * @param settings model, linearisation, exclusions, flash detection
     * @return the analysis
     * @throws org.ceusperfusion.InputException for a reference column that does not exist or bad exclusions
     */
    public static LoopAnalysis analyze(CurveCsv.Table table, String path, String sha256, String referenceName,
                                       AnalysisSettings settings) {
        int n = table.size();
        int ref = referenceName == null ? -1 : table.names().indexOf(referenceName);
        if (referenceName != null && ref < 0) {
            throw new org.ceusperfusion.InputException("--reference-roi", "no column '" + referenceName + "' in "
                    + path + " (columns: " + String.join(", ", table.names()) + ")");
        }
        Linearizer lin = settings.linear() ? Linearizer.identity()
                : Linearizer.logCompressed(settings.dynamicRangeDb(), MAX_GREY);
        List<TimeIntensityCurve> tics = new ArrayList<>();
        for (int c = 0; c < table.names().size(); c++) {
            double[] v = table.values().get(c).clone();
            for (int i = 0; i < n; i++) {
                v[i] = Double.isFinite(v[i]) ? lin.power(v[i]) : Double.NaN;
            }
            double[] unknown = new double[n];
            Arrays.fill(unknown, Double.NaN);
            tics.add(new TimeIntensityCurve(table.names().get(c), table.timesS().clone(), v, unknown, unknown));
        }
        FrameSelection sel = select(table, tics.get(ref == 0 ? Math.min(1, tics.size() - 1) : 0), settings);
        MotionResult motion = new MotionResult(tics, null, sel, Double.NaN, new int[tics.size()][n]);
        RoiFitter fitter = new RoiFitter(settings.model());
        QualityChecks quality = new QualityChecks(n);
        List<String> fitWarnings = new ArrayList<>();
        List<RoiAnalysis> results = new ArrayList<>();
        for (int c = 0; c < tics.size(); c++) {
            if (c == ref) {
                continue;
            }
            results.add(Analyzer.analyzeRoi(null, column(tics.get(c)), RoiRole.TARGET, tics.get(c), fitter, settings,
                    lin, quality, motion, fitWarnings, null));
        }
        if (ref >= 0) {
            results.add(Analyzer.analyzeRoi(null, column(tics.get(ref)), RoiRole.REFERENCE, tics.get(ref), fitter,
                    settings, lin, quality, motion, fitWarnings, null));
            results = Analyzer.withReferenceRatios(results);
        }
        List<String> warnings = new ArrayList<>(quality.warnings());
        warnings.add("curve input (" + table.names().size() + " columns, time from '" + table.timeColumn() + "' in "
                + table.timeUnit() + "): values read as " + (settings.linear() ? "linear intensities"
                : "grey levels linearised with " + settings.dynamicRangeDb() + " dB")
                + "; no image steps (clipping, motion, non-enhancing fraction)"
                + (table.skipped().isEmpty() ? "" : "; columns skipped: " + String.join(", ", table.skipped())));
        warnings.addAll(fitWarnings);
        return new LoopAnalysis(info(table, path, sha256), settings, warnings, results);
    }

    /** A placeholder mask naming the column (curves have no pixels: area 0). */
    private static RoiMask column(TimeIntensityCurve tic) {
        return new RoiMask(tic.roiName(), 0, 0, 1, 1, new boolean[] {false});
    }

    private static FrameSelection select(CurveCsv.Table table, TimeIntensityCurve probe, AnalysisSettings s) {
        int n = table.size();
        boolean[] excluded = FrameExclusions.mask(s.motion().excludeFrames(), n);
        boolean[] flash = s.motion().detectFlashes() ? FlashDetector.detect(probe.timesS(), probe.meanIntensity())
                : new boolean[n];
        boolean[] used = new boolean[n];
        List<RejectedFrame> rejected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String reason = !table.used()[i] || excluded[i] ? RejectedFrame.EXCLUDED
                    : flash[i] ? RejectedFrame.FLASH : null;
            used[i] = reason == null;
            if (reason != null) {
                rejected.add(new RejectedFrame(i + 1, reason));
            }
        }
        return new FrameSelection(used, rejected);
    }

    private static InputInfo info(CurveCsv.Table t, String path, String sha256) {
        double[] times = t.timesS();
        double[] d = new double[Math.max(1, times.length - 1)];
        for (int i = 0; i + 1 < times.length; i++) {
            d[i] = times[i + 1] - times[i];
        }
        return new InputInfo(path, sha256, "CSV", t.size(), 0, 0, org.ceusperfusion.tic.RobustStats.median(d),
                times[times.length - 1], null, times.clone(), null, null,
                "column " + t.timeColumn() + " (" + t.timeUnit() + ")", List.of(), java.util.Map.of());
    }
}
