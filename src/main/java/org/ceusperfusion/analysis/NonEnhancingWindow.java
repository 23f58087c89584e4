package org.ceusperfusion.analysis;

import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.tic.Linearizer;
import org.ceusperfusion.tic.NonEnhancingCriterion;
import org.ceusperfusion.tic.RoiPixelSeries;
import org.ceusperfusion.tic.RoiPixelStore;

/**
 * Runs the non-enhancing criterion ({@link NonEnhancingCriterion}) on the ROI's fit window and used frames,
 * on the moving ROI when motion was corrected.
 */
final class NonEnhancingWindow {
    private NonEnhancingWindow() {
    }

    /** A fraction (NaN when unknown) and how it was decided. */
    record Outcome(double fraction, CurveFindings.NonEnhancingInfo info) {
    }

    /**
     * The non-enhancing fraction by the absolute per-pixel criterion ({@link NonEnhancingCriterion}) on the
     * used frames of the fit window (the whole loop without a fit window), on the moving ROI when motion was
     * corrected. Reads the ROI's pixels from the frame pass's store when it kept them for the ROI as drawn
     * (no motion correction), else reads the loop once more.
     *
     * @param pixels the ROI's grey values kept by the frame pass, or {@code null}
     * @return the fraction and its criterion, or NaN with the reason
     */
    static Outcome classify(CineLoop loop, RoiMask mask, RoiPixelSeries pixels, Linearizer linearizer,
                            FitResult fit, org.ceusperfusion.motion.MotionResult motion,
                            CurveFindings.FlashStep step) {
        double start = Double.isFinite(fit.windowStartS()) ? fit.windowStartS() : loop.timeS(0);
        double end = Double.isFinite(fit.windowEndS()) ? fit.windowEndS() : loop.timeS(loop.frameCount() - 1);
        var track = motion.track();
        boolean[] used = motion.selection().used();
        RoiPixelStore store = track == null && pixels != null
                ? RoiPixelStore.of(pixels, loop.timesS(), linearizer, used)
                : RoiPixelStore.fill(loop, mask, linearizer, track == null ? null : track.dxPx(),
                        track == null ? null : track.dyPx(), used);
        NonEnhancingCriterion.Rule rule = NonEnhancingCriterion.Rule.DEFAULT;
        try {
            NonEnhancingCriterion.Result r = NonEnhancingCriterion.classify(store, start, end, rule,
                    org.ceusperfusion.io.DecodeThreads.besideExecutor());
            String text = String.format(java.util.Locale.ROOT, "local-tissue + bolus-window: a pixel enhances when"
                    + " (a) its mean linear power over the enhanced window of its surroundings (ROI pixels within %d x %d"
                    + " px, its own 3 x 3 left out) exceeds its base level by %.1f standard errors of its own log %.0f s"
                    + " block means, or (b) its %.0f s running-mean power rises above its own floor (lowest running mean"
                    + " before its peak) by %.0f standard errors (%.0f when its noise is stationary and independent"
                    + " between frames); in both, by at least %.2f dB of the local tissue level"
                    + " (median floor of the ROI pixels within %d x %d px) and %.2f dB over its own level, within %.2f to"
                    + " %.2f s, on %d used frames%s", 2 * rule.radiusPx() + 1, 2 * rule.radiusPx() + 1,
                    NonEnhancingCriterion.BOLUS_WINDOW_Z, NonEnhancingCriterion.RUN_S, NonEnhancingCriterion.RUN_S,
                    NonEnhancingCriterion.NOISE_SE, rule.noiseSe(), rule.thresholdDb(), 2 * rule.radiusPx() + 1,
                    2 * rule.radiusPx() + 1, rule.ownGuardDb(), start, end, r.framesUsed(),
                    track == null ? "" : ", on the moving ROI");
            return new Outcome(r.fraction(), new CurveFindings.NonEnhancingInfo(text, rule.thresholdDb(), null));
        } catch (IllegalArgumentException tooFew) {
            return new Outcome(Double.NaN, CurveFindings.NonEnhancingInfo.unknown(tooFew.getMessage()));
        }
    }
}
