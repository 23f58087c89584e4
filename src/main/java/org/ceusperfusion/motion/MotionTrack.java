package org.ceusperfusion.motion;

/**
 * The estimated motion of a loop: one translation per frame relative to the reference frame.
 *
 * @param method         {@code bmode-panel} (tracked on the B-mode panel of a side-by-side export),
 *                       {@code region} (a user window) or {@code contrast} (on the contrast frames)
 * @param referenceFrame 0-based index of the reference frame (the frame the ROIs were drawn on)
 * @param window         the tracked window in the reference frame, stored-frame pixels
 * @param panelOffset    {@code [dx, dy]} from the contrast panel to the tracked panel, pixels ({@code [0, 0]}
 *                       when tracking on the contrast frames)
 * @param dxPx           shift per frame along x, pixels (tissue moves from x to x + dx)
 * @param dyPx           shift per frame along y, pixels
 * @param similarity     peak NCC per frame (NaN where the frame could not be compared): with the reference frame on
 *                       the B-mode panel; on contrast frames and user regions, with the frames around it
 *                       ({@link KeyframeTracker})
 * @param tracked        per frame: the shift was measured (false: too little structure, the shift was
 *                       interpolated from the nearest measured frames)
 */
public record MotionTrack(String method, int referenceFrame, PixelWindow window, int[] panelOffset, double[] dxPx,
                          double[] dyPx, double[] similarity, boolean[] tracked) {

    /** @return number of frames */
    public int size() {
        return dxPx.length;
    }

    /**
     * @param used frames to include, or {@code null} for all
     * @return root-mean-square shift magnitude over the frames, pixels
     */
    public double rmsShiftPx(boolean[] used) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < dxPx.length; i++) {
            if (used == null || used[i]) {
                s += dxPx[i] * dxPx[i] + dyPx[i] * dyPx[i];
                n++;
            }
        }
        return n == 0 ? 0 : Math.sqrt(s / n);
    }
}
