package org.ceusperfusion.motion;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which frames the fit uses. A frame is left out, with the first reason that applies:
 * <ol>
 *   <li>{@code excluded}: the user excluded it ({@code --exclude-frames 10-20,35});</li>
 *   <li>{@code flash}: {@link FlashDetector} found a flash in the frame-wide brightness ({@link org.ceusperfusion.tic.FlashSignal});</li>
 *   <li>{@code out-of-plane}: with motion correction, its similarity (peak NCC with the reference frame on a
 *       B-mode panel, with the frames around it on contrast frames: {@link MotionTrack#similarity()}) is below
 *       {@code similarityFraction} × the median similarity of the tracked frames (default 0.6 ×). Frames
 *       whose tracked window had too little structure to be compared are not judged.</li>
 * </ol>
 * The reference frame is never rejected as out-of-plane.
 */
public final class FrameRejection {
    private FrameRejection() {
    }

    /**
     * @param excluded           per frame: excluded by the user (or {@code null})
     * @param timesS             frame times, s (flashes are judged in seconds)
     * @param frameMean          the frame-wide {@link org.ceusperfusion.tic.FlashSignal} per frame for flash detection, or {@code null} to skip it
     * @param track              the motion track, or {@code null} without motion correction
     * @param similarityFraction threshold as a fraction of the median similarity
     * @param n                  number of frames
     * @return the selection
     */
    public static FrameSelection select(boolean[] excluded, double[] timesS, double[] frameMean, MotionTrack track,
                                        double similarityFraction, int n) {
        boolean[] flash = frameMean == null ? new boolean[n] : FlashDetector.detect(timesS, frameMean);
        double threshold = track == null ? Double.NaN : threshold(track, similarityFraction);
        boolean[] used = new boolean[n];
        List<RejectedFrame> rejected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String reason = null;
            if (excluded != null && excluded[i]) {
                reason = RejectedFrame.EXCLUDED;
            } else if (flash[i]) {
                reason = RejectedFrame.FLASH;
            } else if (track != null && i != track.referenceFrame() && track.tracked()[i]
                    && !(track.similarity()[i] >= threshold)) {
                reason = RejectedFrame.OUT_OF_PLANE;
            }
            used[i] = reason == null;
            if (reason != null) {
                rejected.add(new RejectedFrame(i + 1, reason));
            }
        }
        return new FrameSelection(used, rejected);
    }

    /** @return {@code fraction} × the median similarity of the tracked frames (NaN similarities left out) */
    public static double threshold(MotionTrack track, double fraction) {
        double[] s = new double[track.size()];
        int k = 0;
        for (int i = 0; i < track.size(); i++) {
            if (track.tracked()[i] && Double.isFinite(track.similarity()[i])) {
                s[k++] = track.similarity()[i];
            }
        }
        return k == 0 ? Double.NaN : fraction * org.ceusperfusion.tic.RobustStats.median(java.util.Arrays.copyOf(s, k));
    }
}
