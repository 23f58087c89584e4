package org.ceusperfusion.io;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Colour-bar mapping against a synthetic "hot" bar (black → red → yellow → white) drawn into a frame. */
class ColourBarMappingTest {
    /** Hot colour map, position t in 0..1. */
    private static int hot(double t) {
        int r = (int) Math.round(255 * Math.min(1, 3 * t));
        int g = (int) Math.round(255 * Math.min(1, Math.max(0, 3 * t - 1)));
        int b = (int) Math.round(255 * Math.min(1, Math.max(0, 3 * t - 2)));
        return (r << 16) | (g << 8) | b;
    }

    @Test
    void pixelsMapBackToTheirPositionOnAVerticalBar() {
        int w = 40;
        int h = 300;
        int[] frame = new int[w * h];
        // a 256-step vertical bar in columns 30..35, rows 20 (high end) .. 275 (low end)
        for (int k = 0; k < 256; k++) {
            for (int x = 30; x <= 35; x++) {
                frame[(275 - k) * w + x] = hot(k / 255.0);
            }
        }
        ColourBarMapping bar = ColourBarMapping.fromLine(frame, w, h, 32, 275, 32, 20);
        assertEquals(256, bar.size());
        for (int k = 0; k < 256; k += 5) {
            assertEquals(k, bar.value(hot(k / 255.0)), 1e-3, "bar position " + k);
            assertEquals(0, bar.distance(hot(k / 255.0)), 1e-9);
        }
        int[] pixels = {hot(0), hot(1), hot(0.5)};
        float[] v = bar.map(pixels);
        assertEquals(0, v[0], 1e-3);
        assertEquals(255, v[1], 1e-3);
        assertTrue(v[2] >= 127 && v[2] <= 128, "mid colour at " + v[2]);
        // a colour near the bar maps to the nearest sample, and reports its distance
        int off = hot(100 / 255.0) ^ 0x000003;
        assertEquals(100, bar.value(off), 1.01);
        assertEquals(3, bar.distance(off), 1e-6);
    }

    @Test
    void steppedBarsUseTheMeanPositionOfEqualColours() {
        // 4 colours, each drawn 3 samples long: positions 0..11
        int[] colours = {0x000000, 0xFF0000, 0xFFFF00, 0xFFFFFF};
        int[] samples = new int[12];
        for (int i = 0; i < 12; i++) {
            samples[i] = colours[i / 3];
        }
        ColourBarMapping bar = ColourBarMapping.fromBar(samples);
        assertEquals(255.0 * 1 / 11, bar.value(0x000000), 1e-4);
        assertEquals(255.0 * 4 / 11, bar.value(0xFF0000), 1e-4);
        assertEquals(255.0 * 10 / 11, bar.value(0xFFFFFF), 1e-4);
    }

    @Test
    void badBarsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ColourBarMapping.fromBar(new int[] {1}));
        int[] f = new int[16];
        assertThrows(IllegalArgumentException.class, () -> ColourBarMapping.fromLine(f, 4, 4, 0, 0, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> ColourBarMapping.fromLine(f, 4, 4, 1, 1, 1, 1));
    }
}
