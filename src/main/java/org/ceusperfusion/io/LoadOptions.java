package org.ceusperfusion.io;

/**
 * Overrides applied when a loop is read; an explicit option always wins over the file's own values.
 *
 * @param frameIntervalS frame interval in s ({@code --frame-interval}), or {@code null} to use the file's timing
 * @param pixelSizeMm    pixel size in mm ({@code --pixel-size}), or {@code null} to use the file's calibration
 */
public record LoadOptions(Double frameIntervalS, Double pixelSizeMm) {
    /** No overrides. */
    public static final LoadOptions NONE = new LoadOptions(null, null);
}
