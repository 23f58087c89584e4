package org.ceusperfusion.tic;

import org.ceusperfusion.roi.RoiMask;

/**
 * The frame-wide signal the flash detector watches: the mean linear power of every {@link #ROW_STEP}th row of the
 * frame (rows 0, 4, 8, …). A destruction or artefact flash changes the whole frame at once, so a quarter of the
 * rows measures it as well as every row, at a quarter of the cost of a pass that otherwise reads only the ROIs.
 * The ROI curves never use it.
 */
public final class FlashSignal {
    /** Every this many rows of the frame is read. */
    public static final int ROW_STEP = 4;
    /** Name of the signal's pseudo-ROI in a frame pass (not a name a user can give). */
    public static final String NAME = "\u0000flash";

    private FlashSignal() {
    }

    /**
     * @param width  frame width, pixels
     * @param height frame height, pixels
     * @return the rows the signal reads, as a ROI over the frame
     */
    public static RoiMask mask(int width, int height) {
        boolean[] inside = new boolean[width * height];
        for (int y = 0; y < height; y += ROW_STEP) {
            java.util.Arrays.fill(inside, y * width, (y + 1) * width, true);
        }
        return new RoiMask(NAME, 0, 0, width, height, inside);
    }

    /**
     * The signal of one frame outside a frame pass (e.g. on the moving-ROI pass).
     *
     * @param frame   grey values, row-major
     * @param rows    {@link RoiMask#pixelIndices} of {@link #mask}
     * @param lin     grey → linear power
     * @param maxGrey largest grey value of the loop
     * @return mean linear power of the rows read, a.u.
     */
    public static double of(float[] frame, int[] rows, Linearizer lin, double maxGrey) {
        if (maxGrey >= 0 && maxGrey <= 65535) {
            return TicExtractor.histogramMean(frame, rows, lin, maxGrey)[0];
        }
        double s = 0;
        for (int i : rows) {
            s += lin.power(frame[i]);
        }
        return s / rows.length;
    }
}
