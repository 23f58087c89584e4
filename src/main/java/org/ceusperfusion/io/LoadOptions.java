package org.ceusperfusion.io;

/**
 * Overrides applied when a loop is read; an explicit option always wins over the file's own values.
 *
 * <pre>
 *   LoadOptions o = new LoadOptions(null, 0.3).withColourBar(new ColourBarLine(610, 400, 610, 100));
 * </pre>
 *
 * @param frameIntervalS frame interval in s ({@code --frame-interval}), or {@code null} to use the file's timing
 * @param pixelSizeMm    pixel size in mm ({@code --pixel-size}), or {@code null} to use the file's calibration
 * @param colourBar      the scanner's colour bar in stored-frame pixels ({@code --colour-bar}): colour pixels
 *                       become their position on it (0..255) instead of their luminance; {@code null} for luminance
 */
public record LoadOptions(Double frameIntervalS, Double pixelSizeMm, ColourBarLine colourBar) {
    /** No overrides. */
    public static final LoadOptions NONE = new LoadOptions(null, null);

    /** Timing and calibration overrides only; colour becomes luminance. */
    public LoadOptions(Double frameIntervalS, Double pixelSizeMm) {
        this(frameIntervalS, pixelSizeMm, null);
    }

    /** @return a copy measuring colour pixels on the given colour bar ({@code null}: luminance) */
    public LoadOptions withColourBar(ColourBarLine line) {
        return new LoadOptions(frameIntervalS, pixelSizeMm, line);
    }
}
