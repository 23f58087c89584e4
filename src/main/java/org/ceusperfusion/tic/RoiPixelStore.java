package org.ceusperfusion.tic;

import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.roi.RoiMask;

/**
 * The compact per-ROI pixel store: the linear power of every ROI pixel in every frame, sampled on the
 * <em>moving</em> ROI (the ROI shifted by the frame's motion), plus the frames the fit uses. It is what the
 * non-enhancing classification ({@link NonEnhancingCriterion}) reads; a single streaming pass over the frames
 * can fill it as a by-product ({@link #fill} is the simple adapter that reads the loop itself).
 *
 * @param roi    the ROI as drawn
 * @param timesS frame times, s
 * @param power  {@code power[frame][k]}: linear power of ROI pixel {@code k} (order of
 *               {@link RoiMask#pixelIndices}), NaN where the moved pixel left the frame
 * @param used   per frame: used by the fit
 */
public record RoiPixelStore(RoiMask roi, double[] timesS, float[][] power, boolean[] used) {

    /** @return number of frames */
    public int frames() {
        return timesS.length;
    }

    /** @return number of ROI pixels */
    public int pixels() {
        return power.length == 0 ? 0 : power[0].length;
    }

    /**
     * Reads the ROI's pixels from every frame of {@code loop}.
     *
     * @param loop the loop
     * @param roi  the ROI as drawn on the reference frame
     * @param lin  grey → linear power
     * @param dxPx per frame: shift of the tissue in x, pixels ({@code null}: no motion)
     * @param dyPx per frame: shift in y, pixels ({@code null}: no motion)
     * @param used per frame: used by the fit
     * @return the store
     */
    public static RoiPixelStore fill(CineLoop loop, RoiMask roi, Linearizer lin, double[] dxPx, double[] dyPx,
                                     boolean[] used) {
        int[] idx = roi.pixelIndices(loop.width(), loop.height());
        int w = loop.width();
        int h = loop.height();
        float[][] p = new float[loop.frameCount()][idx.length];
        for (int f = 0; f < loop.frameCount(); f++) {
            float[] frame = loop.frame(f);
            int ox = dxPx == null ? 0 : (int) Math.round(dxPx[f]);
            int oy = dyPx == null ? 0 : (int) Math.round(dyPx[f]);
            for (int k = 0; k < idx.length; k++) {
                int x = idx[k] % w + ox;
                int y = idx[k] / w + oy;
                p[f][k] = x < 0 || y < 0 || x >= w || y >= h ? Float.NaN : (float) lin.power(frame[y * w + x]);
            }
        }
        return new RoiPixelStore(roi, loop.timesS(), p, used.clone());
    }

    /**
     * The store from the grey values the frame pass kept for the ROI as drawn (no motion).
     *
     * @param pixels grey values of the ROI's pixels per frame
     * @param timesS frame times, s
     * @param lin    grey → linear power
     * @param used   per frame: used by the fit
     * @return the store
     */
    public static RoiPixelStore of(RoiPixelSeries pixels, double[] timesS, Linearizer lin, boolean[] used) {
        float[][] p = new float[pixels.frames()][pixels.pixels()];
        for (int f = 0; f < p.length; f++) {
            pixels.values(f, p[f]);
            for (int k = 0; k < p[f].length; k++) {
                p[f][k] = (float) lin.power(p[f][k]);
            }
        }
        return new RoiPixelStore(pixels.roi(), timesS, p, used.clone());
    }
}
