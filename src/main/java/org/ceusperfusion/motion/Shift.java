package org.ceusperfusion.motion;

/**
 * The estimated in-plane translation of one frame relative to the reference frame.
 *
 * @param dxPx       shift to the right, pixels (tissue at (x, y) in the reference is at (x + dx, y + dy) here)
 * @param dyPx       shift downwards, pixels
 * @param similarity peak normalised cross-correlation, −1..1 (NaN when the frame could not be compared)
 * @param texture    standard deviation of the frame's window over that of the reference's window (≥ 0)
 */
public record Shift(double dxPx, double dyPx, double similarity, double texture) {
    /** No shift, perfect similarity: the reference frame itself. */
    public static final Shift NONE = new Shift(0, 0, 1, 1);
}
