package org.ceusperfusion.maps;

/**
 * The colour scale of the map overlays: black → red → yellow → white ("heat"), 256 steps, built
 * from a piecewise-linear ramp. Pure function; package-private.
 */
final class MapColours {
    private static final int[] TABLE = build();

    private MapColours() {
    }

    private static int[] build() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            double x = i / 255.0;
            int r = channel(x * 2.2);
            int g = channel((x - 0.35) * 2.2);
            int b = channel((x - 0.7) * 3.3);
            t[i] = (r << 16) | (g << 8) | b;
        }
        return t;
    }

    private static int channel(double v) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, v)));
    }

    /** @return the RGB colour ({@code 0xRRGGBB}) of {@code fraction} in [0, 1] (clamped) */
    static int rgb(double fraction) {
        double f = Double.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0;
        return TABLE[(int) Math.round(f * 255)];
    }
}
