package org.ceusperfusion.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.ceusperfusion.cine.CineLoop;
import org.junit.jupiter.api.Test;

/** Speckle statistics of the realistic generator against the AR(1) model's exact values. */
class RealisticSpeckleTest {
    private static final double DR = 40;

    /** Pixel and box-mean intensity correlation at lag L across pixels (boxes), averaged over frame pairs. */
    private static double[] lagCorrelation(CineLoop loop, int lagFrames) {
        double pixel = 0;
        double box = 0;
        int pairs = 0;
        for (int k = 0; k + lagFrames < loop.frameCount(); k += 10) {
            double[] a = PhantomStats.linear(loop, k, DR);
            double[] b = PhantomStats.linear(loop, k + lagFrames, DR);
            pixel += PhantomStats.corr(a, b);
            box += PhantomStats.corr(PhantomStats.boxMeans(a, 120, 90, 10), PhantomStats.boxMeans(b, 120, 90, 10));
            pairs++;
        }
        return new double[] {pixel / pairs, box / pairs};
    }

    @Test
    void bubbleSpeckleDecorrelatesAsExpMinusLagOverTau() {
        Realism r = Realism.off().withSpeckle(1.0, 1);
        CineLoop loop = RealisticLoopGenerator.generate(PhantomStats.plateau(1000, 1, 0, false, 10, 301, r, 3)).loop();
        for (double lagS : new double[] {0.5, 1, 2}) {
            double[] c = lagCorrelation(loop, (int) Math.round(lagS * 10));
            double expected = Math.exp(-lagS);
            // pixel: 10 800 pixels x 28 pairs, SE ~0.003; box means: 108 boxes x 28 pairs, SE ~0.02
            assertEquals(expected, c[0], 0.015, "pixel lag correlation at " + lagS + " s");
            assertEquals(expected, c[1], 0.06, "ROI-mean lag correlation at " + lagS + " s");
        }
    }

    @Test
    void intensityMarginalIsExponentialAtEveryFrame() {
        Realism r = Realism.off().withSpeckle(1.0, 1);
        CineLoop loop = RealisticLoopGenerator.generate(PhantomStats.plateau(1000, 1, 0, false, 10, 31, r, 4)).loop();
        for (int k : new int[] {0, 15, 30}) {
            double[] p = PhantomStats.linear(loop, k, DR);
            double m = PhantomStats.mean(p) / 1000;
            double cv = Math.sqrt(PhantomStats.variance(p)) / PhantomStats.mean(p);
            assertEquals(1.0, m, 0.03, "mean of S at frame " + k);       // SE 0.01
            assertEquals(1.0, cv, 0.05, "CV of S at frame " + k);         // SE ~0.02
        }
    }

    @Test
    void tauZeroIsIndependentAndTauInfiniteIsFrozen() {
        CineLoop indep = RealisticLoopGenerator.generate(PhantomStats.plateau(1000, 1, 0, false, 10, 3,
                Realism.off(), 5)).loop();
        assertEquals(0, PhantomStats.corr(PhantomStats.linear(indep, 0, DR), PhantomStats.linear(indep, 1, DR)), 0.04);
        CineLoop frozen = RealisticLoopGenerator.generate(PhantomStats.plateau(1000, 1, 0, false, 10, 3,
                Realism.off().withSpeckle(Double.POSITIVE_INFINITY, 1), 5)).loop();
        assertArrayEquals(frozen.frame(0), frozen.frame(2));
    }

    @Test
    void tissueSpeckleIsFrozenAndExponentialInSpace() {
        CineLoop loop = RealisticLoopGenerator.generate(PhantomStats.plateau(0, 30, 0, false, 10, 20,
                Realism.off(), 6)).loop();
        assertArrayEquals(loop.frame(0), loop.frame(19));
        double[] p = PhantomStats.linear(loop, 0, DR);
        assertEquals(1.0, Math.sqrt(PhantomStats.variance(p)) / PhantomStats.mean(p), 0.05);
    }

    @Test
    void sameSeedGivesIdenticalFramesAndAnotherSeedDoesNot() {
        RealisticSpec s = RealisticPhantoms.withArtefactFlash(RealisticPhantoms.heterogeneousTumour(2, 8, 11), 30, 5)
                .withBase(RealisticPhantoms.standard(11).base().withTiming(FrameTiming.regular(10, 40)));
        CineLoop a = RealisticLoopGenerator.generate(s).loop();
        CineLoop b = RealisticLoopGenerator.generate(s).loop();
        CineLoop c = RealisticLoopGenerator.generate(s.withSeed(12)).loop();
        for (int k = 0; k < a.frameCount(); k++) {
            assertArrayEquals(a.frame(k), b.frame(k));
        }
        assertFalse(java.util.Arrays.equals(a.frame(20), c.frame(20)));
    }
}
