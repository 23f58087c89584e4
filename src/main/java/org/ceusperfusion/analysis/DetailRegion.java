package org.ceusperfusion.analysis;

import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.motion.MotionSettings;
import org.ceusperfusion.motion.TrackingLayout;
import org.ceusperfusion.roi.RoiMask;

/**
 * The part of each frame whose pixels an analysis reads one by one: the ROIs' bounding boxes and, with
 * motion correction, the tracked window, each grown by the motion search range plus a margin for the
 * matching blur. Passed to the loop as a detail-region hint ({@link CineLoop#detailRegion(int[])}), so a
 * lossy source may decode only these pixels exactly; whole-frame means (flash detection) then come from
 * block means elsewhere.
 */
final class DetailRegion {
    /** Pixels added around every box beyond the search range: covers the matching blur (σ ≤ 2 px) twice over. */
    static final int MARGIN_PX = 16;

    private DetailRegion() {
    }

    /**
     * @param loop   the loop (size, ultrasound regions)
     * @param masks  target ROIs first, then any reference ROI
     * @param motion motion settings
     * @return {@code {x0, y0, x1, y1}} (x1, y1 exclusive) inside the frame, or {@code null} when it is the
     *         whole frame or the tracking layout cannot be decided (the analysis then reports why)
     */
    static int[] of(CineLoop loop, List<RoiMask> masks, MotionSettings motion) {
        int grow = (motion.correction() ? motion.searchPx() : 0) + MARGIN_PX;
        int[] r = null;
        for (RoiMask m : masks) {
            r = union(r, m.x() - grow, m.y() - grow, m.x() + m.width() + grow, m.y() + m.height() + grow);
        }
        if (motion.correction()) {
            try {
                var w = TrackingLayout.choose(loop, masks.get(0), motion).window();
                r = union(r, w.x() - grow, w.y() - grow, w.x() + w.width() + grow, w.y() + w.height() + grow);
            } catch (InputException e) {
                return null;
            }
        }
        int[] clipped = {Math.max(0, r[0]), Math.max(0, r[1]), Math.min(loop.width(), r[2]),
                Math.min(loop.height(), r[3])};
        boolean whole = clipped[0] == 0 && clipped[1] == 0 && clipped[2] == loop.width() && clipped[3] == loop.height();
        return whole ? null : clipped;
    }

    private static int[] union(int[] r, int x0, int y0, int x1, int y1) {
        return r == null ? new int[] {x0, y0, x1, y1}
                : new int[] {Math.min(r[0], x0), Math.min(r[1], y0), Math.max(r[2], x1), Math.max(r[3], y1)};
    }
}
