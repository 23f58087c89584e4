package org.ceusperfusion.io;

/**
 * Overrides applied when a loop is read; an explicit option always wins over the file's own values.
 *
 * <pre>
 *   LoadOptions o = new LoadOptions(null, 0.3).withColourBar(new ColourBarLine(610, 400, 610, 100));
 *   LoadOptions c2 = LoadOptions.NONE.withPlanes(PlaneSelection.parse("2", null, null, "--"));
 * </pre>
 *
 * @param frameIntervalS frame interval in s ({@code --frame-interval}), or {@code null} to use the file's timing
 * @param pixelSizeMm    pixel size in mm ({@code --pixel-size}), or {@code null} to use the file's calibration
 * @param colourBar      the scanner's colour bar in stored-frame pixels ({@code --colour-bar}): colour pixels
 *                       become their position on it (0..255) instead of their luminance; {@code null} for luminance
 * @param planes         series, channel and Z plane of multi-dimensional files ({@code --series},
 *                       {@code --channel}, {@code --z}); {@code null} for none chosen
 */
public record LoadOptions(Double frameIntervalS, Double pixelSizeMm, ColourBarLine colourBar, PlaneSelection planes) {
    /** No overrides. */
    public static final LoadOptions NONE = new LoadOptions(null, null);

    /** Timing and calibration overrides only; colour becomes luminance. */
    public LoadOptions(Double frameIntervalS, Double pixelSizeMm) {
        this(frameIntervalS, pixelSizeMm, null, null);
    }

    /** Timing, calibration and colour bar; no plane selection. */
    public LoadOptions(Double frameIntervalS, Double pixelSizeMm, ColourBarLine colourBar) {
        this(frameIntervalS, pixelSizeMm, colourBar, null);
    }

    /** @return a copy measuring colour pixels on the given colour bar ({@code null}: luminance) */
    public LoadOptions withColourBar(ColourBarLine line) {
        return new LoadOptions(frameIntervalS, pixelSizeMm, line, planes);
    }

    /** @return a copy choosing series, channel and Z as {@code selection} says ({@code null}: none chosen) */
    public LoadOptions withPlanes(PlaneSelection selection) {
        return new LoadOptions(frameIntervalS, pixelSizeMm, colourBar, selection);
    }

    /** @return the plane selection, never {@code null} */
    public PlaneSelection planeSelection() {
        return planes == null ? PlaneSelection.NONE : planes;
    }
}
