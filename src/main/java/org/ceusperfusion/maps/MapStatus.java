package org.ceusperfusion.maps;

import org.ceusperfusion.fit.FitStatus;

/**
 * What a mapped pixel's status means to a reader of the map: {@link #FITTED} (a bolus was found and fitted;
 * {@code OK} or {@code NOT_CONVERGED}), {@link #NO_BOLUS} (evidence of no enhancement: no time-shifted or
 * stretched bolus shape is significant; amplitudes 0, times NaN), or {@link #COULD_NOT_FIT} (the fit failed:
 * every value NaN, nothing is known). The overlay draws the last two apart and {@code map.json} counts them
 * per ROI.
 */
public enum MapStatus {
    /** A bolus was fitted. */
    FITTED,
    /** Evidence of no enhancement (necrotic / non-enhancing tissue). */
    NO_BOLUS,
    /** The curve could not be fitted (values NaN). */
    COULD_NOT_FIT;

    /** {@link FitStatus#values()}, copied once (the overlay and the counts ask for every pixel's status). */
    private static final FitStatus[] FIT_STATUSES = FitStatus.values();

    /**
     * @param status a status-image value ({@link FitStatus#ordinal()}, NaN when not mapped)
     * @return its meaning, or {@code null} for an unmapped pixel
     */
    public static MapStatus of(float status) {
        if (Float.isNaN(status)) {
            return null;
        }
        FitStatus s = FIT_STATUSES[(int) status];
        return switch (s) {
            case OK, NOT_CONVERGED -> FITTED;
            case NO_BOLUS -> NO_BOLUS;
            default -> COULD_NOT_FIT;
        };
    }

    /** @return the JSON key of this status ({@code fitted}, {@code noBolus}, {@code couldNotFit}) */
    public String key() {
        return switch (this) {
            case FITTED -> "fitted";
            case NO_BOLUS -> "noBolus";
            case COULD_NOT_FIT -> "couldNotFit";
        };
    }

    /**
     * @param m    the maps
     * @param mask the pixels to count (row-major, the map's size), or {@code null} for every mapped pixel
     * @return mapped pixels of {@code mask} per status, indexed by {@link #ordinal()}
     */
    public static int[] count(ParametricMaps m, boolean[] mask) {
        int[] c = new int[values().length];
        for (int i = 0; i < m.status().length; i++) {
            MapStatus s = m.mapped()[i] && (mask == null || mask[i]) ? of(m.status()[i]) : null;
            if (s != null) {
                c[s.ordinal()]++;
            }
        }
        return c;
    }
}
