package org.ceusperfusion.synth;

import java.util.Locale;

/**
 * Multiplicative speckle: an exponential factor of mean 1, drawn anew for every frame.
 */
public enum SpeckleMode {
    /** No speckle (factor 1 everywhere). */
    NONE("none"),
    /** An independent factor per pixel. */
    INDEPENDENT("independent"),
    /** One factor per 2×2-pixel grain, the grain grid shifted by a random 0/1 pixel each frame. */
    CORRELATED_2X2("correlated-2x2");

    private final String label;

    SpeckleMode(String label) {
        this.label = label;
    }

    /** @return the stable lower-case label */
    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException naming the bad value */
    public static SpeckleMode fromLabel(String s) {
        for (SpeckleMode v : values()) {
            if (v.label.equals(s.toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown speckle mode '" + s + "' (none, independent, correlated-2x2)");
    }
}
