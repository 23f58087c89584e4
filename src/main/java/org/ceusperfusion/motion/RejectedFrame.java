package org.ceusperfusion.motion;

/**
 * A frame left out of the fit.
 *
 * @param frame  1-based frame number (as ImageJ numbers slices)
 * @param reason one of {@link #EXCLUDED}, {@link #FLASH}, {@link #OUT_OF_PLANE}
 */
public record RejectedFrame(int frame, String reason) {
    /** Excluded by the user ({@code --exclude-frames}). */
    public static final String EXCLUDED = "excluded";
    /** A flash: a short burst of the whole-frame brightness. */
    public static final String FLASH = "flash";
    /** Similarity to the reference below the threshold: the tissue left the imaging plane. */
    public static final String OUT_OF_PLANE = "out-of-plane";
}
