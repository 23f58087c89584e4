package org.ceusperfusion.io;

import java.util.Locale;
import org.ceusperfusion.InputException;

/**
 * Which planes of a multi-dimensional file (OME-TIFF, Bio-Formats) become the loop's frames: the image
 * series, the channel and the Z plane (or a projection over Z). All indices are 1-based, as shown to users
 * ({@code --series 2} is the second series of the file). {@code null} means "not chosen": the reader then
 * takes the only one there is, the longest time series for series, and refuses when several channels or
 * Z planes exist.
 *
 * <pre>{@code
 * PlaneSelection s = PlaneSelection.parse("2", "max", null, "--");   // channel 2, maximum over Z
 * }</pre>
 *
 * @param series  1-based series ({@code --series}), or {@code null} for the longest time series
 * @param channel 1-based channel ({@code --channel}), or {@code null}
 * @param z       1-based Z plane ({@code --z N}), or {@code null}
 * @param zProjection projection over all Z planes instead of one plane, or {@code null}
 */
public record PlaneSelection(Integer series, Integer channel, Integer z, ZProjection zProjection) {
    /** Nothing chosen. */
    public static final PlaneSelection NONE = new PlaneSelection(null, null, null, null);

    /** A projection over Z, stated in the results as tag {@code z}. */
    public enum ZProjection {
        /** Mean over Z of each pixel. */
        MEAN,
        /** Maximum over Z of each pixel. */
        MAX;

        /** @return {@code mean} or {@code max} */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PlaneSelection {
        if (z != null && zProjection != null) {
            throw new IllegalArgumentException("a Z plane and a Z projection at once");
        }
    }

    /** @return whether nothing is chosen */
    public boolean isEmpty() {
        return series == null && channel == null && z == null && zProjection == null;
    }

    /**
     * Parses user text (CLI or ImageJ keys).
     *
     * @param channel text of the channel (1-based), or {@code null}/blank
     * @param z       a 1-based Z plane, {@code max} or {@code mean}, or {@code null}/blank
     * @param series  text of the series (1-based), or {@code null}/blank
     * @param prefix  option prefix for errors: {@code --} (CLI) or {@code ""} with suffix {@code =} (ImageJ)
     * @return the selection
     * @throws InputException naming the option when a value is not a positive integer (or max/mean for Z)
     */
    public static PlaneSelection parse(String channel, String z, String series, String prefix) {
        Integer c = positive(channel, name(prefix, "channel"));
        Integer s = positive(series, name(prefix, "series"));
        String zt = z == null ? "" : z.trim().toLowerCase(Locale.ROOT);
        if (zt.equals("max") || zt.equals("mean")) {
            return new PlaneSelection(s, c, null, ZProjection.valueOf(zt.toUpperCase(Locale.ROOT)));
        }
        return new PlaneSelection(s, c, positive(z, name(prefix, "z")), null);
    }

    private static String name(String prefix, String key) {
        return "--".equals(prefix) ? "--" + key : key + "=";
    }

    private static Integer positive(String text, String option) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException(option, "must be a positive whole number (1 = the first)"
                + (option.contains("z") ? ", max or mean" : "") + ", got '" + text.trim() + "'");
    }
}
