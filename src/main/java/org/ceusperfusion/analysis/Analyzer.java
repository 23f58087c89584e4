package org.ceusperfusion.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.motion.MotionCorrection;
import org.ceusperfusion.motion.MotionResult;
import org.ceusperfusion.motion.QualityAssessor;
import org.ceusperfusion.motion.RoiQuality;
import org.ceusperfusion.params.BootstrapCi;
import org.ceusperfusion.params.Intervals;
import org.ceusperfusion.params.ParameterEstimates;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.tic.Linearizer;
import org.ceusperfusion.tic.RoiPixelSeries;
import org.ceusperfusion.tic.TimeIntensityCurve;

/**
 * Analyses one loop: TIC per ROI on linear power, bolus fit, parameters with 95 % CIs and the
 * non-enhancing fraction. The same code serves the CLI, the ImageJ plugins and batch runs, so all
 * front ends give the same numbers for the same loop, ROI and settings.
 */
public final class Analyzer {
    private Analyzer() {
    }

    /**
     * @param loop      the cine loop
     * @param sha256    hash of the loop's file for provenance, or {@code null}
     * @param targets   target ROIs (at least one)
     * @param reference reference ROI, or {@code null}
     * @param settings  linearisation and model
     * @return the analysis; fit failures are reported as statuses inside it
     * @throws InputException when a ROI lies outside the image or is empty, or the model is unknown
     */
    public static LoopAnalysis analyze(CineLoop loop, String sha256, List<RoiMask> targets, RoiMask reference,
                                       AnalysisSettings settings) {
        return analyze(loop, sha256, targets, reference, settings, AnalysisProgress.NONE);
    }

    /**
     * As {@link #analyze(CineLoop, String, List, RoiMask, AnalysisSettings)}, telling {@code progress} of
     * every frame read and letting it stop the analysis.
     *
     * @param progress asked before every frame read and every ROI fit
     * @throws AnalysisCancelledException when {@code progress} asked to stop
     */
    public static LoopAnalysis analyze(CineLoop source, String sha256, List<RoiMask> targets, RoiMask reference,
                                       AnalysisSettings settings, AnalysisProgress progress) {
        progress = progress == null ? AnalysisProgress.NONE : progress;
        CineLoop loop = WatchedFrames.of(source, progress);
        if (targets.isEmpty()) {
            throw new InputException("--roi", "at least one target ROI is needed");
        }
        RoiFitter fitter = new RoiFitter(settings.model());
        List<RoiMask> masks = new ArrayList<>(targets);
        if (reference != null) {
            masks.add(reference);
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (RoiMask m : masks) {
            m.pixelIndices(loop.width(), loop.height()); // validates bounds and emptiness up front
            if (!names.add(m.name())) {
                throw new InputException("--roi " + m.name(), "two ROIs share the name '" + m.name()
                        + "'; name them with NAME=...");
            }
        }
        Linearizer linearizer = settings.linear() ? Linearizer.identity()
                : Linearizer.logCompressed(settings.dynamicRangeDb(), loop.metadata().maxGrey());
        List<RoiPixelSeries.Recorder> recorders = recorders(loop, masks);
        MotionResult motion;
        loop.detailRegion(DetailRegion.of(loop, masks, settings.motion()));
        try {
            motion = MotionCorrection.run(loop, masks, linearizer, settings.motion(),
                    (frame, f) -> recorders.forEach(r -> r.accept(frame, f)));
        } finally {
            loop.detailRegion(null);
        }
        List<TimeIntensityCurve> tics = motion.tics();
        QualityChecks quality = new QualityChecks(loop);
        quality.checkFrames(motion);

        List<RoiAnalysis> results = new ArrayList<>();
        List<String> fitWarnings = new ArrayList<>();
        for (int i = 0; i < masks.size(); i++) {
            RoiMask mask = masks.get(i);
            RoiRole role = i < targets.size() ? RoiRole.TARGET : RoiRole.REFERENCE;
            progress.check();
            results.add(analyzeRoi(loop, mask, role, tics.get(i), fitter, settings, linearizer, quality, motion,
                    fitWarnings, recorders.get(i).series()));
        }
        if (reference != null) {
            results = withReferenceRatios(results);
        }
        List<String> warnings = new ArrayList<>();
        if (settings.dynamicRangeWarning() != null) {
            warnings.add(settings.dynamicRangeWarning());
        }
        warnings.addAll(quality.warnings());
        warnings.addAll(fitWarnings);
        return new LoopAnalysis(InputInfo.of(loop, sha256), settings, warnings, results);
    }

    /**
     * Fits one ROI's curve on the used frames and measures it.
     *
     * @param loop   the loop for the pixel steps (non-enhancing fraction), or {@code null} for curve input
     * @param pixels the ROI's pixels kept by the frame pass, or {@code null} (then the frames are read again)
     */
    static RoiAnalysis analyzeRoi(CineLoop loop, RoiMask mask, RoiRole role, TimeIntensityCurve tic,
                                  RoiFitter fitter, AnalysisSettings settings, Linearizer linearizer,
                                  QualityChecks quality, MotionResult motion, List<String> fitWarnings,
                                  RoiPixelSeries pixels) {
        double[][] kept = motion.selection().keep(tic.timesS(), tic.meanIntensity());
        RoiFitter.Outcome outcome = fitter.fit(kept[0], kept[1]);
        outcome.warnings().forEach(w -> fitWarnings.add("ROI " + mask.name() + ": " + w));
        FitResult fit = outcome.fit();
        boolean replenishment = fit.model() instanceof org.ceusperfusion.model.ReplenishmentModel;
        // the non-enhancing fraction needs the fit but not the intervals: both at once (same results)
        var neLater = loop == null ? null : org.ceusperfusion.io.DecodeThreads.beside(() ->
                NonEnhancingWindow.classify(loop, mask, pixels, linearizer, fit, motion, outcome.flashStep()));
        ParameterEstimates parameters = replenishment ? ParameterEstimates.empty()
                : settings.bootstrapReplicates() > 0
                ? BootstrapCi.compute(fit, kept[0], kept[1], settings.bootstrapReplicates(), settings.bootstrapSeed())
                : Intervals.compute(fit, kept[0], kept[1]);
        double nonEnhancing = Double.NaN;
        CurveFindings.NonEnhancingInfo neInfo;
        if (neLater == null) {
            neInfo = CurveFindings.NonEnhancingInfo.unknown("curve input: there are no pixels to classify");
        } else {
            NonEnhancingWindow.Outcome ne = neLater.join();
            nonEnhancing = ne.fraction();
            neInfo = ne.info();
        }
        double[] auc = AucShare.of(fit, parameters, kept[0]);
        CurveFindings findings = new CurveFindings(fit.windowStartS(), fit.windowEndS(), outcome.windowReason(),
                outcome.flashStep(), auc[0], auc[1], neInfo, outcome.replenishment());
        quality.check(mask.name(), tic, fit, parameters);
        RoiQuality roiQuality = QualityAssessor.assess(tic, motion.selection().used(), fit, motion.track(),
                loop == null ? null : loop.pixelSizeMm(), parameters, auc[1]);
        quality.checkVerdict(mask.name(), roiQuality);
        int area = mask.area();
        Double px = loop == null ? null : loop.pixelSizeMm();
        Double areaMm2 = px == null ? null : area * px * px;
        return new RoiAnalysis(mask.name(), role, area, areaMm2, tic, fit, parameters, nonEnhancing, Map.of(),
                motion.active() ? motion : null, roiQuality, outcome.candidates(), findings);
    }

    /**
     * One store of ROI pixels per ROI, filled during the frame pass, so the non-enhancing fraction reads no
     * frame again; all stores together take at most an eighth of the maximum heap (else the fraction
     * re-reads the frames it needs).
     */
    private static List<RoiPixelSeries.Recorder> recorders(CineLoop loop, List<RoiMask> masks) {
        long limit = Runtime.getRuntime().maxMemory() / 8 / masks.size();
        List<RoiPixelSeries.Recorder> out = new ArrayList<>();
        for (RoiMask m : masks) {
            out.add(new RoiPixelSeries.Recorder(m, loop.width(), loop.height(), loop.frameCount(),
                    loop.metadata().maxGrey(), limit));
        }
        return out;
    }

    static List<RoiAnalysis> withReferenceRatios(List<RoiAnalysis> rois) {
        RoiAnalysis ref = rois.get(rois.size() - 1);
        List<RoiAnalysis> out = new ArrayList<>();
        for (RoiAnalysis r : rois) {
            if (r.role() == RoiRole.REFERENCE) {
                out.add(r);
                continue;
            }
            Map<PerfusionParameter, Double> ratio = new EnumMap<>(PerfusionParameter.class);
            for (PerfusionParameter p : PerfusionParameter.values()) {
                if (p == PerfusionParameter.QOF) {
                    continue;
                }
                double den = ref.parameters().value(p);
                double num = r.parameters().value(p);
                ratio.put(p, den == 0 || !Double.isFinite(den) || !Double.isFinite(num) ? Double.NaN : num / den);
            }
            out.add(new RoiAnalysis(r.name(), r.role(), r.areaPx(), r.areaMm2(), r.tic(), r.fit(),
                    r.parameters(), r.nonEnhancingFraction(), ratio, r.motion(), r.quality(), r.modelCandidates(), r.findings()));
        }
        return out;
    }
}
