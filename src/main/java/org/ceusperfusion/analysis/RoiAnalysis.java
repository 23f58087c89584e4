package org.ceusperfusion.analysis;

import java.util.List;
import java.util.Map;
import org.ceusperfusion.fit.ModelSelector;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.motion.MotionResult;
import org.ceusperfusion.motion.RoiQuality;
import org.ceusperfusion.params.ParameterEstimates;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.tic.TimeIntensityCurve;

/**
 * Everything measured in one ROI.
 *
 * @param name                 ROI name
 * @param role                 target or reference
 * @param areaPx               area in pixels
 * @param areaMm2              area in mm², or {@code null} without a pixel size
 * @param tic                  the time-intensity curve
 * @param fit                  the bolus-model fit (status never throws)
 * @param parameters           perfusion parameters with 95 % CIs
 * @param nonEnhancingFraction fraction of the ROI's pixels that never enhance significantly, 0..1 (NaN when unknown)
 * @param ratioToReference     target/reference ratio per parameter; empty for the reference ROI or without one
 * @param motion               motion track and frame selection of the loop (shared by its ROIs), or {@code null}
 * @param quality              quality flags and interpretability verdict, or {@code null} when not assessed
 * @param modelCandidates      every candidate model's score for {@code --model auto} (empty otherwise)
 * @param findings             fit window, destruction flash, extrapolated AUC and non-enhancing criterion, or
 *                             {@code null} when not computed
 */
public record RoiAnalysis(String name, RoiRole role, int areaPx, Double areaMm2, TimeIntensityCurve tic,
                          FitResult fit, ParameterEstimates parameters, double nonEnhancingFraction,
                          Map<PerfusionParameter, Double> ratioToReference, MotionResult motion,
                          RoiQuality quality, List<ModelSelector.Candidate> modelCandidates,
                          CurveFindings findings) {

    public RoiAnalysis {
        modelCandidates = modelCandidates == null ? List.of() : List.copyOf(modelCandidates);
    }

    /** Without curve findings. */
    public RoiAnalysis(String name, RoiRole role, int areaPx, Double areaMm2, TimeIntensityCurve tic,
                       FitResult fit, ParameterEstimates parameters, double nonEnhancingFraction,
                       Map<PerfusionParameter, Double> ratioToReference, MotionResult motion, RoiQuality quality,
                       List<ModelSelector.Candidate> modelCandidates) {
        this(name, role, areaPx, areaMm2, tic, fit, parameters, nonEnhancingFraction, ratioToReference, motion,
                quality, modelCandidates, null);
    }

    /** Without the scores of competing models (a single model was fitted). */
    public RoiAnalysis(String name, RoiRole role, int areaPx, Double areaMm2, TimeIntensityCurve tic,
                       FitResult fit, ParameterEstimates parameters, double nonEnhancingFraction,
                       Map<PerfusionParameter, Double> ratioToReference, MotionResult motion, RoiQuality quality) {
        this(name, role, areaPx, areaMm2, tic, fit, parameters, nonEnhancingFraction, ratioToReference, motion,
                quality, List.of());
    }

    /** Without motion information or quality assessment. */
    public RoiAnalysis(String name, RoiRole role, int areaPx, Double areaMm2, TimeIntensityCurve tic,
                       FitResult fit, ParameterEstimates parameters, double nonEnhancingFraction,
                       Map<PerfusionParameter, Double> ratioToReference) {
        this(name, role, areaPx, areaMm2, tic, fit, parameters, nonEnhancingFraction, ratioToReference, null, null);
    }
}
