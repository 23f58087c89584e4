package org.ceusperfusion.maps;

import org.ceusperfusion.synth.SyntheticLoop;
import org.ceusperfusion.synth.SyntheticLoopGenerator;
import org.ceusperfusion.synth.SyntheticLoopSpec;

/**
 * A small day-14-like loop shared by the map tests (64×48 px, 200 frames at 8 frames/s, tumour with a
 * necrotic core of half its area), generated once, and the masks of its rim and core.
 */
final class MapFixtures {
    static final int W = 64;
    static final int H = 48;
    static final int FRAMES = 200;
    static final SyntheticLoop LOOP = SyntheticLoopGenerator.generate(MapBenchmarkLoop.spec(7, W, H, FRAMES));

    private MapFixtures() {
    }

    /** @return the frames of an 8-bit loop as byte planes (what a loop held as bytes hands over), checked 8-bit */
    static byte[][] bytePlanes(org.ceusperfusion.cine.CineLoop loop) {
        int n = loop.frameCount();
        byte[][] planes = new byte[n][];
        for (int f = 0; f < n; f++) {
            float[] g = loop.frame(f);
            planes[f] = new byte[g.length];
            for (int i = 0; i < g.length; i++) {
                org.junit.jupiter.api.Assertions.assertEquals(Math.rint(g[i]), g[i], "the fixture is 8-bit");
                planes[f][i] = (byte) g[i];
            }
        }
        return planes;
    }

    static SyntheticLoopSpec spec() {
        return LOOP.truth().spec();
    }

    /** Tumour pixels outside the necrotic core (the perfused rim). */
    static boolean[] rim() {
        boolean[] t = spec().tumour().mask(W, H);
        boolean[] c = spec().core().mask(W, H);
        boolean[] m = new boolean[W * H];
        for (int i = 0; i < m.length; i++) {
            m[i] = t[i] && !c[i];
        }
        return m;
    }

    /** Tumour pixels inside the necrotic core. */
    static boolean[] core() {
        boolean[] t = spec().tumour().mask(W, H);
        boolean[] c = spec().core().mask(W, H);
        boolean[] m = new boolean[W * H];
        for (int i = 0; i < m.length; i++) {
            m[i] = t[i] && c[i];
        }
        return m;
    }

    /** The true time to peak of every rim pixel: {@code t0 + e^(μ−σ²)}, s. */
    static double rimTtpS() {
        return spec().tumourBolus().t0S() + spec().tumourBolus().modeFromOnsetS();
    }

    /** The true peak enhancement of a rim pixel of mean area, a.u. */
    static double rimMeanPe() {
        return spec().tumourBolus().peak(spec().tumourBolus().meanArea());
    }
}
