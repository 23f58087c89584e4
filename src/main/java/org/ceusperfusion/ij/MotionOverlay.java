package org.ceusperfusion.ij;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import java.awt.Color;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.motion.MotionTrack;

/** Shows the moving ROI on the stack: one copy per frame, moved by that frame's shift (red when rejected). */
final class MotionOverlay {
    private MotionOverlay() {
    }

    /**
     * @param imp      the analysed image
     * @param roi      the target ROI as drawn (on the reference frame)
     * @param analysis its analysis; nothing happens without a motion track
     */
    static void show(ImagePlus imp, Roi roi, LoopAnalysis analysis) {
        if (roi == null || analysis.target().motion() == null || analysis.target().motion().track() == null) {
            return;
        }
        MotionTrack t = analysis.target().motion().track();
        boolean onT = imp.getNFrames() > 1;
        Overlay overlay = new Overlay();
        for (int f = 0; f < t.size(); f++) {
            Roi r = (Roi) roi.clone();
            r.setLocation(roi.getXBase() + Math.round(t.dxPx()[f]), roi.getYBase() + Math.round(t.dyPx()[f]));
            r.setStrokeColor(analysis.target().motion().selection().isUsed(f) ? Color.YELLOW : Color.RED);
            if (onT) {
                r.setPosition(0, 0, f + 1);
            } else {
                r.setPosition(f + 1);
            }
            overlay.add(r);
        }
        imp.setOverlay(overlay);
    }

    /** @return the 1-based frame shown (the frame the ROI was drawn on) */
    static int currentFrame(ImagePlus imp) {
        return imp.getNFrames() > 1 ? imp.getT() : imp.getCurrentSlice();
    }
}
