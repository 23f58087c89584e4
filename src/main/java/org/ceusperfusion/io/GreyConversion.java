package org.ceusperfusion.io;

import java.util.function.Supplier;
import org.ceusperfusion.InputException;

/**
 * The choice between luminance and colour-bar position for colour loops ({@link LoadOptions#colourBar()}),
 * resolved per loop by the readers once they know whether the loop is colour and what frame 1 looks like.
 * The colour bar is sampled in frame 1 (the first stored frame).
 */
final class GreyConversion {
    /** Colour becomes luminance. */
    static final GreyConversion LUMINANCE = new GreyConversion(null);
    /** Tag of {@link org.ceusperfusion.cine.LoopMetadata#tags()} naming the conversion. */
    static final String TAG = "greyConversion";

    private final ColourBarLine line;

    private GreyConversion(ColourBarLine line) {
        this.line = line;
    }

    /** @return the conversion the options ask for */
    static GreyConversion of(LoadOptions options) {
        return options == null || options.colourBar() == null ? LUMINANCE : new GreyConversion(options.colourBar());
    }

    /** @return whether colour pixels are measured on a colour bar */
    boolean usesColourBar() {
        return line != null;
    }

    /** @return {@code colour-bar x0,y0-x1,y1}, or {@code luminance} */
    String tag() {
        return line == null ? "luminance" : "colour-bar " + line;
    }

    /**
     * @param source     the file, for errors
     * @param colour     whether the loop's pixels are RGB colour
     * @param what       the loop's colour model in words (for the error when it is not colour)
     * @param width      frame width, pixels
     * @param height     frame height, pixels
     * @param firstFrame packed {@code 0xRRGGBB} pixels of frame 1 (asked for only with a colour bar)
     * @return the conversion for this loop's colour frames
     * @throws InputException when a colour bar is asked for on a loop that is not colour, or its line
     *                        leaves the frame
     */
    RgbToGrey resolve(String source, boolean colour, String what, int width, int height, Supplier<int[]> firstFrame) {
        if (line == null) {
            return RgbToGrey.LUMINANCE;
        }
        if (!colour) {
            throw new InputException(source, "the loop is not colour (" + what + "): --colour-bar needs RGB frames");
        }
        try {
            return RgbToGrey.colourBar(ColourBarMapping.fromLine(firstFrame.get(), width, height,
                    line.x0(), line.y0(), line.x1(), line.y1()));
        } catch (IllegalArgumentException e) {
            throw new InputException(source, "--colour-bar " + line + ": " + e.getMessage());
        }
    }

    /** @return packed {@code 0xRRGGBB} of interleaved RGB samples scaled from {@code 0..maxValue} to 0..255 */
    static int[] pack(int[] samples, int maxValue) {
        int[] rgb = new int[samples.length / 3];
        for (int p = 0; p < rgb.length; p++) {
            rgb[p] = (to8(samples[3 * p], maxValue) << 16) | (to8(samples[3 * p + 1], maxValue) << 8)
                    | to8(samples[3 * p + 2], maxValue);
        }
        return rgb;
    }

    /** @return packed {@code 0xRRGGBB} of interleaved float RGB samples on a {@code 0..maxValue} scale */
    static int[] pack(float[] samples, float maxValue) {
        int[] rgb = new int[samples.length / 3];
        for (int p = 0; p < rgb.length; p++) {
            rgb[p] = (to8(samples[3 * p], maxValue) << 16) | (to8(samples[3 * p + 1], maxValue) << 8)
                    | to8(samples[3 * p + 2], maxValue);
        }
        return rgb;
    }

    private static int to8(float v, float max) {
        int c = Math.round(max == 255 ? v : v * 255f / max);
        return c < 0 ? 0 : Math.min(c, 255);
    }
}
