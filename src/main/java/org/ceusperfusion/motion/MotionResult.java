package org.ceusperfusion.motion;

import java.util.List;
import org.ceusperfusion.tic.TimeIntensityCurve;

/**
 * What {@link MotionCorrection#run} found for one loop.
 *
 * @param tics                one curve per ROI (following the tissue when corrected), in ROI order
 * @param track               the motion track, or {@code null} without motion correction
 * @param selection           the frames the fit uses, and those rejected with their reason
 * @param similarityThreshold the out-of-plane threshold applied (NaN without motion correction)
 * @param outsidePx           per ROI and frame: pixels moved outside their panel (all zero without correction)
 */
public record MotionResult(List<TimeIntensityCurve> tics, MotionTrack track, FrameSelection selection,
                           double similarityThreshold, int[][] outsidePx) {

    /** @return whether motion was estimated */
    public boolean corrected() {
        return track != null;
    }

    /** @return whether anything differs from a plain analysis (correction on, or frames rejected) */
    public boolean active() {
        return track != null || !selection.rejected().isEmpty();
    }
}
