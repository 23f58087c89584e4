package org.ceusperfusion.tic;

import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.roi.RoiMask;

/**
 * The compact per-ROI pixel store: the linear power of every ROI pixel in every frame, sampled on the
 * <em>moving</em> ROI (the ROI shifted by the frame's motion), plus the frames the fit uses. It is what the
 * non-enhancing classification ({@link NonEnhancingCriterion}) reads; a single streaming pass over the frames
 * can fill it as a by-product ({@link #fill} is the simple adapter that reads the loop itself).
 *
 * <p>A store made from the frame pass's grey values ({@link #of}) keeps those bytes (or shorts) and a table of the
 * power of each grey level, so it costs {@code pixels × frames} bytes instead of four times that in floats; every
 * value it gives is the one {@link Linearizer#power} gives for the pixel's grey level, rounded to float.
 */
public final class RoiPixelStore {
    private final RoiMask roi;
    private final double[] timesS;
    private final boolean[] used;
    /** {@code power[frame][k]}, or {@code null} when the store reads {@link #grey} through {@link #powerOfGrey}. */
    private final float[][] power;
    private final RoiPixelSeries grey;
    private final float[] powerOfGrey;

    /**
     * @param roi    the ROI as drawn
     * @param timesS frame times, s
     * @param power  {@code power[frame][k]}: linear power of ROI pixel {@code k} (order of
     *               {@link RoiMask#pixelIndices}), NaN where the moved pixel left the frame
     * @param used   per frame: used by the fit
     */
    public RoiPixelStore(RoiMask roi, double[] timesS, float[][] power, boolean[] used) {
        this(roi, timesS, used, power, null, null);
    }

    private RoiPixelStore(RoiMask roi, double[] timesS, boolean[] used, float[][] power, RoiPixelSeries grey,
                          float[] powerOfGrey) {
        this.roi = roi;
        this.timesS = timesS;
        this.used = used;
        this.power = power;
        this.grey = grey;
        this.powerOfGrey = powerOfGrey;
    }

    /** @return the ROI as drawn */
    public RoiMask roi() {
        return roi;
    }

    /** @return frame times, s (not a copy) */
    public double[] timesS() {
        return timesS;
    }

    /** @return per frame: used by the fit (not a copy) */
    public boolean[] used() {
        return used;
    }

    /** @return the same pixels with other frames marked used */
    public RoiPixelStore withUsed(boolean[] usedFrames) {
        return new RoiPixelStore(roi, timesS, usedFrames.clone(), power, grey, powerOfGrey);
    }

    /** @return number of frames */
    public int frames() {
        return timesS.length;
    }

    /** @return number of ROI pixels */
    public int pixels() {
        return power != null ? (power.length == 0 ? 0 : power[0].length) : grey.pixels();
    }

    /**
     * @param frame frame index, 0-based
     * @param k     ROI pixel (order of {@link RoiMask#pixelIndices})
     * @return its linear power, NaN where the moved pixel left the frame
     */
    public float power(int frame, int k) {
        return power != null ? power[frame][k] : powerOfGrey[grey.grey(frame, k)];
    }

    /**
     * Copies the linear power of ROI pixels {@code from} (inclusive) to {@code to} (exclusive) of one frame into
     * {@code into} at the same indices.
     *
     * @param frame frame index, 0-based
     * @param into  at least {@code to} values
     */
    public void power(int frame, int from, int to, float[] into) {
        if (power != null) {
            System.arraycopy(power[frame], from, into, from, to - from);
        } else {
            grey.mapped(frame, from, to, powerOfGrey, into);
        }
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
     * The store over the grey values the frame pass kept for the ROI as drawn (no motion); they are not copied.
     *
     * @param pixels grey values of the ROI's pixels per frame
     * @param timesS frame times, s
     * @param lin    grey → linear power
     * @param used   per frame: used by the fit
     * @return the store
     */
    public static RoiPixelStore of(RoiPixelSeries pixels, double[] timesS, Linearizer lin, boolean[] used) {
        double[] power = TicExtractor.powerOfLevels(lin, pixels.levels() - 1);
        float[] table = new float[power.length];
        for (int g = 0; g < table.length; g++) {
            table[g] = (float) power[g];
        }
        return new RoiPixelStore(pixels.roi(), timesS, used.clone(), null, pixels, table);
    }
}
