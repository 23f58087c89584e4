package org.ceusperfusion.analysis;

import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.params.ParameterEstimates;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.tic.Linearizer;
import org.ceusperfusion.tic.NonEnhancingAnalyzer;

/**
 * Chooses the time windows of the non-enhancing test from the ROI's fit: the pre-contrast baseline ends
 * at the fitted onset t0, and the bolus window spans the frames where the fitted enhancement is at
 * least half its peak.
 */
final class NonEnhancingWindow {
    /** Fraction of PE that delimits the bolus window. */
    static final double BOLUS_LEVEL = 0.5;

    private NonEnhancingWindow() {
    }

    /** A fraction (NaN when unknown) and how it was decided. */
    record Outcome(double fraction, CurveFindings.NonEnhancingInfo info) {
    }

    /**
     * @return the non-enhancing fraction of {@code mask} and its criterion, or NaN with the reason
     */
    static Outcome classify(CineLoop loop, RoiMask mask, Linearizer linearizer, FitResult fit,
                            ParameterEstimates parameters, org.ceusperfusion.motion.MotionResult motion,
                            CurveFindings.FlashStep step) {
        double f = fraction(loop, mask, linearizer, fit, parameters);
        return Double.isNaN(f) ? new Outcome(f, CurveFindings.NonEnhancingInfo.unknown("no bolus window from the fit"))
                : new Outcome(f, new CurveFindings.NonEnhancingInfo("relative to the ROI's typical enhancement",
                Double.NaN, null));
    }

    /** @return the non-enhancing fraction of {@code mask}, or NaN when the fit gives no bolus window */
    static double fraction(CineLoop loop, RoiMask mask, Linearizer linearizer, FitResult fit,
                           ParameterEstimates parameters) {
        if (!fit.hasParameters()) {
            return Double.NaN;
        }
        double pe = parameters.value(PerfusionParameter.PE);
        double onset = parameters.value(PerfusionParameter.T0);
        if (!(pe > 0) || !Double.isFinite(onset)) {
            return Double.NaN;
        }
        double baseline = fit.model().baseline(fit.params());
        double start = Double.NaN;
        double end = Double.NaN;
        for (int i = 0; i < loop.frameCount(); i++) {
            double t = loop.timeS(i);
            if (fit.valueAt(t) - baseline >= BOLUS_LEVEL * pe) {
                if (Double.isNaN(start)) {
                    start = t;
                }
                end = t;
            }
        }
        if (Double.isNaN(start)) {
            return Double.NaN;
        }
        try {
            return NonEnhancingAnalyzer.defaults().fraction(loop, mask, linearizer, onset, start, end);
        } catch (IllegalArgumentException tooFewFrames) {
            return Double.NaN; // fewer than 2 baseline or bolus frames: unknown, not guessed
        }
    }
}
