package org.ceusperfusion.motion;

import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.UltrasoundRegion;
import org.ceusperfusion.roi.RoiMask;

/**
 * Where motion is tracked, decided once per loop.
 *
 * <ol>
 *   <li>{@code --track-region x,y,w,h} given: that window ({@code method = region}, or {@code bmode-panel} when an
 *       offset is also known).</li>
 *   <li>{@code --bmode-offset DX,DY} given, or the DICOM has two or more ultrasound regions and the first target
 *       ROI lies in one of them (the contrast panel): the window around the ROI, moved by the offset into the
 *       B-mode panel (the other region of the same size, else the largest other region; offset = difference
 *       of the region origins). {@code method = bmode-panel}.</li>
 *   <li>Otherwise the contrast frames themselves, around the ROI ({@code method = contrast}).</li>
 * </ol>
 * The default window is the ROI's bounding box grown by half its size on each side (at least 8 px), kept at
 * least the search range away from the edges of its panel so every searched offset stays inside it.
 *
 * @param method      see above
 * @param window      tracked window in the reference frame
 * @param bounds      the panel (or frame) the tracked window may move in
 * @param roiBounds   the panel (or frame) the ROIs may move in; ROI pixels moved out of it are not counted
 * @param offset      {@code [dx, dy]} from the contrast panel to the tracked panel
 * @param blurSigmaPx smoothing before matching: 1 px on B-mode, 2 px on contrast frames (speckle is new each frame)
 */
public record TrackingLayout(String method, PixelWindow window, PixelWindow bounds, PixelWindow roiBounds,
                             int[] offset, double blurSigmaPx) {
    private static final int MIN_MARGIN = 8;
    private static final double CONTRAST_BLUR_PX = 2.0;
    private static final int MIN_SIDE = 8;

    /**
     * @param loop   the loop (its size and ultrasound regions)
     * @param target the first target ROI
     * @param s      motion settings
     * @return the layout
     * @throws InputException when a given window or offset leaves the frame
     */
    public static TrackingLayout choose(CineLoop loop, RoiMask target, MotionSettings s) {
        PixelWindow frame = new PixelWindow(0, 0, loop.width(), loop.height());
        PixelWindow roi = new PixelWindow(target.x(), target.y(), Math.max(1, target.width()),
                Math.max(1, target.height()));
        List<PixelWindow> panels = loop.metadata().regions().stream().map(TrackingLayout::window)
                .filter(w -> w.intersect(frame) != null).map(w -> w.intersect(frame)).toList();
        PixelWindow roiPanel = panelOf(panels, roi, frame);
        int[] offset = s.bmodeOffset() != null ? s.bmodeOffset() : panelOffset(panels, roiPanel);
        if (s.trackRegion() != null) {
            if (!frame.contains(s.trackRegion())) {
                throw new InputException("--track-region", "window " + str(s.trackRegion()) + " leaves the "
                        + loop.width() + "x" + loop.height() + " frame");
            }
            PixelWindow b = panelOf(panels, s.trackRegion(), frame);
            String method = offset != null ? "bmode-panel" : "region";
            return new TrackingLayout(method, s.trackRegion(), b, roiPanel, offset == null ? new int[2] : offset,
                    offset != null ? 1.0 : CONTRAST_BLUR_PX);
        }
        if (offset != null) {
            PixelWindow moved = roi.translate(offset[0], offset[1]);
            if (moved.intersect(frame) == null) {
                throw new InputException("--bmode-offset", "offset " + offset[0] + "," + offset[1]
                        + " moves the ROI out of the frame");
            }
            PixelWindow b = panelOf(panels, moved.intersect(frame), frame);
            return new TrackingLayout("bmode-panel", around(moved, b, s.searchPx()), b, roiPanel, offset, 1.0);
        }
        return new TrackingLayout("contrast", around(roi, roiPanel, s.searchPx()), roiPanel, roiPanel, new int[2],
                CONTRAST_BLUR_PX);
    }

    private static PixelWindow around(PixelWindow roi, PixelWindow bounds, int search) {
        PixelWindow grown = roi.grow(Math.max(MIN_MARGIN, roi.width() / 2), Math.max(MIN_MARGIN, roi.height() / 2));
        PixelWindow inner = bounds.width() > 2 * (search + MIN_SIDE) && bounds.height() > 2 * (search + MIN_SIDE)
                ? bounds.grow(-search, -search) : bounds;
        PixelWindow w = grown.intersect(inner);
        return w != null && w.width() >= MIN_SIDE && w.height() >= MIN_SIDE ? w : inner;
    }

    private static PixelWindow panelOf(List<PixelWindow> panels, PixelWindow roi, PixelWindow frame) {
        int cx = roi.x() + roi.width() / 2;
        int cy = roi.y() + roi.height() / 2;
        PixelWindow best = null;
        for (PixelWindow p : panels) {
            if (p.contains(cx, cy) && (best == null || area(p) < area(best))) {
                best = p;
            }
        }
        return best == null || best.equals(frame) && panels.size() < 2 ? frame : best;
    }

    /** The B-mode panel: another region of the same size as the ROI's, else the largest other one. */
    private static int[] panelOffset(List<PixelWindow> panels, PixelWindow roiPanel) {
        if (panels.size() < 2 || !panels.contains(roiPanel)) {
            return null;
        }
        PixelWindow best = null;
        for (PixelWindow p : panels) {
            if (p.equals(roiPanel) || p.intersect(roiPanel) != null) {
                continue;
            }
            boolean same = p.width() == roiPanel.width() && p.height() == roiPanel.height();
            boolean bestSame = best != null && best.width() == roiPanel.width() && best.height() == roiPanel.height();
            if (best == null || same && !bestSame || same == bestSame && area(p) > area(best)) {
                best = p;
            }
        }
        return best == null ? null : new int[] {best.x() - roiPanel.x(), best.y() - roiPanel.y()};
    }

    private static PixelWindow window(UltrasoundRegion r) {
        return new PixelWindow(r.minX0(), r.minY0(), Math.max(1, r.maxX1() - r.minX0() + 1),
                Math.max(1, r.maxY1() - r.minY0() + 1));
    }

    private static long area(PixelWindow w) {
        return (long) w.width() * w.height();
    }

    private static String str(PixelWindow w) {
        return w.x() + "," + w.y() + "," + w.width() + "," + w.height();
    }
}
