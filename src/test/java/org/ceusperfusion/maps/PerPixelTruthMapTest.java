package org.ceusperfusion.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ceusperfusion.synth.RealisticLoop;
import org.ceusperfusion.synth.RealisticLoopGenerator;
import org.ceusperfusion.synth.RealisticPhantoms;
import org.junit.jupiter.api.Test;

/**
 * Default maps against per-pixel truth on loops with realistic timing: per-pixel onset spread, surrounding
 * tissue arriving later than the tumour, fast boluses, temporally correlated speckle and necrotic cores.
 * Every perfused pixel is checked (no bolus / PE = 0 is a miss), not only medians.
 */
class PerPixelTruthMapTest {
    private static ParametricMaps map(org.ceusperfusion.cine.CineLoop loop) {
        return new ParametricMapper(MapSettings.defaults().withThreads(2)).map(loop, null, null);
    }

    @Test
    void onsetSpreadAndLateSurroundingTissueKeepEveryPerfusedPixelAndItsOwnTiming() {
        // realistic phantoms of the synth package: onsets ±4 s per pixel, surrounding tissue 5 and 10 s late
        for (double delay : new double[] {5, 10}) {
            RealisticLoop l = RealisticLoopGenerator.generate(RealisticPhantoms.heterogeneousTumour(4, delay, 1401));
            PhantomScores s = PhantomScores.of(map(l.loop()), l.truth().pixels());
            // measured: 0.03-0.07 % missed before main's recirculation finder (i13) shortened the block windows,
            // 0.85 % after it (delay 5 s); slope 1.03-1.07, median |err| 2.2-2.4 s. Acceptance: at most 2 %.
            assertTrue(s.perfusedNoBolusFraction() <= 0.02, s.toString());
            assertEquals(1.0, s.ttpSlope(), 0.1, s.toString());
            assertTrue(s.ttpMedianAbsErrorS() < 3.0, s.toString());
            assertEquals(0, s.necroticWithBolus(), s.toString());
        }
    }

    /**
     * The loop (seed 96104, tissue 5 s late) on which 236 perfused pixels (2.19 %) of the late surrounding tissue
     * were screened out — bright tissue speckle under a bolus whose own bubble speckle kept its t under 5.5 —
     * before the screen's second chance against the noise before the bolus ({@code ShiftedShapes.quietT}):
     * measured 35 (0.32 %) after it, the core still without a bolus.
     */
    @Test
    void perfusedPixelsWithBurstyBubbleSpeckleAreNotScreenedOut() {
        RealisticLoop l = RealisticLoopGenerator.generate(RealisticPhantoms.heterogeneousTumour(4, 5, 96104));
        PhantomScores s = PhantomScores.of(map(l.loop()), l.truth().pixels());
        assertTrue(s.perfusedNoBolusFraction() <= 0.01, s.toString());
        assertEquals(0, s.necroticWithBolus(), s.toString());
        assertEquals(1.0, s.ttpSlope(), 0.1, s.toString());
    }

    @Test
    void fastJitteredRimNextToLateTissueIsSampledFinelyAndNotZeroed() {
        // rim rising in 3 s with onsets ±4 s; tissue 7 s later rising in 9.6 s; speckle correlated in time
        MapPhantom p = MapPhantom.realistic(1402).withTiming(4, 7).withTumourRise(3);
        MapPhantom.Generated g = p.generate();
        ParametricMaps m = map(g.loop());
        PhantomScores s = PhantomScores.of(m, g.truth());
        double sampleS = m.frameBin() / p.fps();
        assertTrue(sampleS <= 3.0 / 6, "samples of " + sampleS + " s for a 3 s rise (rise seen " + m.riseS() + " s)");
        assertTrue(s.perfusedNoBolusFraction() <= 0.02, s.toString());
        // measured 3.4 % of the core shows a (small, noise-made) bolus at 0.5 s samples; 96.6 % reads as no bolus
        assertTrue(s.necroticWithBolusFraction() <= 0.05, s.toString());
        assertEquals(1.0, s.ttpSlope(), 0.1, s.toString());
        assertTrue(s.ttpMedianAbsErrorS() < 1.5, s.toString());
    }

    @Test
    void necroticCoreReadsAsNoBolusWhileTheRimAndTissueAreFitted() {
        MapPhantom p = MapPhantom.realistic(1403).withTiming(6, 10);
        MapPhantom.Generated g = p.generate();
        ParametricMaps m = map(g.loop());
        PhantomScores s = PhantomScores.of(m, g.truth());
        assertTrue(s.necroticWithBolusFraction() <= 0.02, s.toString());
        assertTrue(s.perfusedNoBolusFraction() <= 0.01, s.toString());
        // per ROI: the core is counted as no bolus, apart from "could not fit"
        int[] core = MapStatus.count(m, g.truth().mask(MapPhantom.Truth.CORE));
        int[] rim = MapStatus.count(m, g.truth().mask(MapPhantom.Truth.RIM));
        assertTrue(core[MapStatus.NO_BOLUS.ordinal()] >= 0.98 * java.util.Arrays.stream(core).sum());
        assertTrue(rim[MapStatus.FITTED.ordinal()] >= 0.99 * java.util.Arrays.stream(rim).sum());
    }
}
