package org.ceusperfusion.io;

import org.ceusperfusion.InputException;

/**
 * A straight line along the scanner's colour bar in a stored frame, from its low end to its high end,
 * in pixels (column, row; 0-based). With it, colour pixels are measured by the position of their
 * colour on the bar ({@link ColourBarMapping}) instead of by luminance.
 *
 * @param x0 column of the low end, pixels
 * @param y0 row of the low end, pixels
 * @param x1 column of the high end, pixels
 * @param y1 row of the high end, pixels
 */
public record ColourBarLine(int x0, int y0, int x1, int y1) {
    /**
     * @throws IllegalArgumentException when a coordinate is negative or both ends are the same pixel
     */
    public ColourBarLine {
        if (x0 < 0 || y0 < 0 || x1 < 0 || y1 < 0) {
            throw new IllegalArgumentException("colour-bar coordinates must be ≥ 0, got " + x0 + "," + y0 + ","
                    + x1 + "," + y1);
        }
        if (x0 == x1 && y0 == y1) {
            throw new IllegalArgumentException("the colour-bar line is a single point (" + x0 + "," + y0 + ")");
        }
    }

    /**
     * Parses {@code x0,y0,x1,y1} (whole pixels; spaces allowed).
     *
     * @param text   the option's value
     * @param option the option's name for errors (e.g. {@code --colour-bar})
     * @return the line
     * @throws InputException naming {@code option} when the text is not four whole numbers ≥ 0 or is one point
     */
    public static ColourBarLine parse(String text, String option) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s*,\\s*");
        if (parts.length != 4) {
            throw new InputException(option, "expected x0,y0,x1,y1 (low end to high end of the colour bar, "
                    + "pixels), got '" + text + "'");
        }
        int[] v = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new InputException(option, "'" + parts[i] + "' is not a whole number of pixels in '" + text + "'");
            }
        }
        try {
            return new ColourBarLine(v[0], v[1], v[2], v[3]);
        } catch (IllegalArgumentException e) {
            throw new InputException(option, e.getMessage());
        }
    }

    /** @return {@code x0,y0-x1,y1} */
    @Override
    public String toString() {
        return x0 + "," + y0 + "-" + x1 + "," + y1;
    }
}
