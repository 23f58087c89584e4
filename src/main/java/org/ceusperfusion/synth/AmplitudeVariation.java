package org.ceusperfusion.synth;

import java.util.Locale;

/** How the per-pixel bolus area A varies around the region mean. */
public enum AmplitudeVariation {
    /** A smooth random field (a sum of a few random plane waves, wavelengths 8–32 px). */
    SMOOTH("smooth"),
    /** Independent uniform noise per pixel. */
    RANDOM("random");

    private final String label;

    AmplitudeVariation(String label) {
        this.label = label;
    }

    /** @return the stable lower-case label */
    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException naming the bad value */
    public static AmplitudeVariation fromLabel(String s) {
        for (AmplitudeVariation v : values()) {
            if (v.label.equals(s.toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown amplitude variation '" + s + "' (smooth, random)");
    }
}
