package org.ceusperfusion.tic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.roi.RoiRasterizer;
import org.junit.jupiter.api.Test;

/**
 * The absolute per-pixel non-enhancing criterion ({@link NonEnhancingCriterion}) on speckled synthetic loops
 * whose necrotic core is known (the tests of the former relative analyser, ported to the criterion in use).
 */
class NonEnhancingCriterionTest {
    static final double DR = 40;
    static final double T0 = 8;
    static final double MU = Math.log(10);
    static final double SIGMA = 0.6;

    /**
     * Seeded speckle loop: 64×64 pixels, 300 frames at 5 fps. Linear power per pixel and frame =
     * (tissue B_px + A_px·bolus(t)) × exponential speckle (mean 1, new each frame, shared by 2×2 pixel
     * blocks) + exponential noise floor (mean {@code noise}); bolus(t) is a lognormal curve (t0 = 8 s,
     * μ = ln 10, σ = 0.6) scaled to peak 1. A_px = 0 inside a circular core, otherwise
     * {@code contrast}·10 × U(0.5, 1.5) (tissue
     * B_px = 10 × U(0.7, 1.3), so {@code contrast} is the typical peak enhancement over tissue). Log-compressed at 40 dB into 8-bit grey with clipping.
     */
    static final class SpeckleLoop {
        static final int W = 64;
        static final int H = 64;
        static final int FRAMES = 300;
        static final double DT = 0.2;
        final RoiMask roi = RoiRasterizer.oval("tumour", 8, 8, 48, 48);
        final boolean[] core = new boolean[W * H];
        final float[][] frames = new float[FRAMES][W * H];
        final double truth;

        SpeckleLoop(long seed, double coreFraction, double contrast, double noise) {
            this(seed, coreFraction, contrast, noise, 0);
        }

        /** @param leak enhancement inside the core as a fraction of the mean enhancement elsewhere */
        SpeckleLoop(long seed, double coreFraction, double contrast, double noise, double leak) {
            Random rnd = new Random(seed);
            double radius = 24 * Math.sqrt(coreFraction);
            double cx = 30.5;
            double cy = 33;
            double[] tissue = new double[W * H];
            double[] amp = new double[W * H];
            int inCore = 0;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int i = y * W + x;
                    double dx = x + 0.5 - cx;
                    double dy = y + 0.5 - cy;
                    core[i] = dx * dx + dy * dy <= radius * radius;
                    tissue[i] = 10 * (0.7 + 0.6 * rnd.nextDouble());
                    amp[i] = contrast * 10 * (core[i] ? leak : 0.5 + rnd.nextDouble());
                    if (core[i] && roi.contains(x, y)) {
                        inCore++;
                    }
                }
            }
            truth = (double) inCore / roi.area();
            double[] speckle = new double[(W / 2) * (H / 2)];
            for (int f = 0; f < FRAMES; f++) {
                double b = bolus(f * DT);
                for (int s = 0; s < speckle.length; s++) {
                    speckle[s] = -Math.log(1 - rnd.nextDouble());
                }
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        int i = y * W + x;
                        double p = (tissue[i] + amp[i] * b) * speckle[(y / 2) * (W / 2) + x / 2]
                                - noise * Math.log(1 - rnd.nextDouble());
                        frames[f][i] = (float) compress(p);
                    }
                }
            }
        }

        CineLoop loop() {
            return new CineLoop(W, H, CineLoop.regularTimes(FRAMES, DT), null,
                    LoopMetadata.simple("speckle", "SYNTHETIC", "option"), FrameSource.of(frames));
        }

        static double compress(double p) {
            double g = Math.round(255 / DR * 10 * Math.log10(p));
            return Math.max(0, Math.min(255, g));
        }

        /** Lognormal bolus shape scaled to peak 1. */
        static double bolus(double t) {
            if (t <= T0) {
                return 0;
            }
            double tau = t - T0;
            double mode = Math.exp(MU - SIGMA * SIGMA);
            return shape(tau) / shape(mode);
        }

        private static double shape(double tau) {
            double z = Math.log(tau) - MU;
            return Math.exp(-z * z / (2 * SIGMA * SIGMA)) / tau;
        }
    }

    static RoiPixelStore store(SpeckleLoop s) {
        CineLoop loop = s.loop();
        boolean[] used = new boolean[loop.frameCount()];
        java.util.Arrays.fill(used, true);
        return RoiPixelStore.fill(loop, s.roi, Linearizer.logCompressed(DR, 255), null, null, used);
    }

    private static NonEnhancingCriterion.Result run(SpeckleLoop s) {
        return NonEnhancingCriterion.classify(store(s), 0, SpeckleLoop.FRAMES * SpeckleLoop.DT,
                NonEnhancingCriterion.DEFAULT_THRESHOLD_DB);
    }

    /**
     * Speckle here is new in every frame (pixel CV 1, as at frame intervals longer than the bubbles' decorrelation
     * time), the hardest case for a per-pixel rule. Measured: cores 0, 0.2506, 0.5000, 0.7506 → 0.0000, 0.2334,
     * 0.4778, 0.6957 (truly necrotic pixels called enhancing: 7 %, the extremes of 2 s running means of exponential
     * speckle). Weakly enhancing tissue (peak +4 to +5 dB, contrast 1.5–2 here) is not asserted: 0.2506 → 0.4379
     * and 0.5000 → 0.6037 at 1.5×, 0.2506 → 0.3426 and 0.5000 → 0.5349 at 2× (the 6-SE noise guard).
     */
    @Test
    void fractionWithinSixPointsOfTruthForCoresOfZeroToThreeQuarters() {
        double[] fractions = {0, 0.25, 0.5, 0.75};
        StringBuilder log = new StringBuilder("non-enhancing fraction (truth → estimate):");
        for (int c = 0; c < fractions.length; c++) {
            SpeckleLoop s = new SpeckleLoop(1000 + c, fractions[c], 20, 0.5);
            double est = run(s).fraction();
            log.append(String.format(" %.4f→%.4f", s.truth, est));
            assertEquals(s.truth, est, 0.06, "core " + fractions[c]);
        }
        System.out.println(log);
    }

    @Test
    void pixelMapMatchesTheCore() {
        SpeckleLoop s = new SpeckleLoop(4242, 0.5, 20, 0.5);
        NonEnhancingCriterion.Result r = run(s);
        int[] idx = s.roi.pixelIndices(SpeckleLoop.W, SpeckleLoop.H);
        int wrong = 0;
        for (int k = 0; k < idx.length; k++) {
            wrong += r.nonEnhancing()[k] != s.core[idx[k]] ? 1 : 0;
        }
        double wrongFraction = (double) wrong / idx.length;
        System.out.printf("pixel map: %.4f of %d ROI pixels misclassified%n", wrongFraction, idx.length);
        assertTrue(wrongFraction < 0.04, "misclassified pixels: " + wrongFraction); // measured 0.0322
        assertEquals(idx.length, r.classifiedPixels());
        assertEquals(SpeckleLoop.FRAMES, r.framesUsed());
    }

    @Test
    void allNecroticGivesOne() {
        for (long seed = 9; seed < 12; seed++) {
            SpeckleLoop s = new SpeckleLoop(seed, 4.0, 20, 0.5);
            assertEquals(1.0, s.truth, 0);
            NonEnhancingCriterion.Result r = run(s);
            System.out.printf("all necrotic, seed %d: %.4f%n", seed, r.fraction());
            assertEquals(1.0, r.fraction(), 0.09, "seed " + seed); // measured 0.9213, 0.9252, 0.9313
        }
    }

    /**
     * The criterion is absolute: a core whose power rises by 0.4 dB at the bolus peak (leak 0.005: +1 on a tissue
     * level of 10) stays non-enhancing, one that rises by about 6 dB (leak 0.15: +30) enhances, whatever the rest
     * of the ROI does.
     */
    @Test
    void theThresholdIsAbsoluteOnThePixelsOwnFloor() {
        SpeckleLoop faint = new SpeckleLoop(555, 0.5, 20, 0.5, 0.005);
        SpeckleLoop clear = new SpeckleLoop(555, 0.5, 20, 0.5, 0.15);
        double f = run(faint).fraction();
        double c = run(clear).fraction();
        System.out.printf("core of %.4f: leak +0.4 dB → %.4f, leak +6 dB → %.4f%n", faint.truth, f, c);
        assertEquals(faint.truth, f, 0.04); // measured 0.4667
        assertEquals(0, c, 0.02);
    }

    @Test
    void unusedFramesAreLeftOut() {
        SpeckleLoop s = new SpeckleLoop(3, 0.25, 20, 0.5);
        RoiPixelStore all = store(s);
        boolean[] used = all.used().clone();
        for (int f = 0; f < used.length; f++) {
            used[f] = f % 4 != 1;
        }
        NonEnhancingCriterion.Result r = NonEnhancingCriterion.classify(
                all.withUsed(used), 0, 60, 2);
        assertEquals(225, r.framesUsed());
        assertEquals(s.truth, r.fraction(), 0.02);
    }

    @Test
    void windowsWithTooFewFramesAreRejected() {
        SpeckleLoop s = new SpeckleLoop(3, 0.25, 20, 0.5);
        RoiPixelStore st = store(s);
        // 2 s running mean = 10 frames at 0.2 s: a window needs 20 used frames
        assertThrows(IllegalArgumentException.class, () -> NonEnhancingCriterion.classify(st, 12, 15.7, 2));
        assertEquals(20, NonEnhancingCriterion.classify(st, 12, 15.8, 2).framesUsed());
        assertThrows(IllegalArgumentException.class, () -> NonEnhancingCriterion.classify(st, 70, 80, 2));
    }
}
