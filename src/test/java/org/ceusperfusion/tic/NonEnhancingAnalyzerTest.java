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
 * Non-enhancing fraction on speckled synthetic loops whose necrotic core is known.
 */
class NonEnhancingAnalyzerTest {
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

        /** @return {start, end} of the window where the true bolus is at or above half its peak, s */
        static double[] halfPeakWindow() {
            double start = Double.NaN;
            double end = Double.NaN;
            for (int f = 0; f < FRAMES; f++) {
                if (bolus(f * DT) >= 0.5) {
                    start = Double.isNaN(start) ? f * DT : start;
                    end = f * DT;
                }
            }
            return new double[] {start, end};
        }
    }

    private static NonEnhancingAnalyzer.Result run(SpeckleLoop s, NonEnhancingAnalyzer a) {
        double[] win = SpeckleLoop.halfPeakWindow();
        return a.analyze(s.loop(), s.roi, Linearizer.logCompressed(DR, 255), T0, win[0], win[1]);
    }

    @Test
    void fractionWithinFivePointsOfTruthForCoresOfZeroToThreeQuarters() {
        double[] fractions = {0, 0.25, 0.5, 0.75};
        double worst = 0;
        StringBuilder log = new StringBuilder("non-enhancing fraction (truth → estimate):");
        for (int c = 0; c < fractions.length; c++) {
            SpeckleLoop s = new SpeckleLoop(1000 + c, fractions[c], 20, 0.5);
            double est = run(s, NonEnhancingAnalyzer.defaults()).fraction();
            log.append(String.format(" %.4f→%.4f", s.truth, est));
            assertEquals(s.truth, est, 0.05, "core " + fractions[c]);
            worst = Math.max(worst, Math.abs(est - s.truth));
        }
        System.out.println(log + String.format("; worst |error| %.4f", worst));
    }

    @Test
    void weakContrastStillWithinFivePoints() {
        double worst = 0;
        StringBuilder log = new StringBuilder("weak contrast (peak enhancement / tissue, truth → estimate):");
        for (double contrast : new double[] {1.5, 2}) {
            for (double frac : new double[] {0.25, 0.5}) {
                SpeckleLoop s = new SpeckleLoop(77 + (long) (frac * 100 + contrast * 10), frac, contrast, 0.5);
                double est = run(s, NonEnhancingAnalyzer.defaults()).fraction();
                log.append(String.format(" [%.1f×] %.4f→%.4f", contrast, s.truth, est));
                assertEquals(s.truth, est, 0.05, "contrast " + contrast + ", core " + frac);
                worst = Math.max(worst, Math.abs(est - s.truth));
            }
        }
        System.out.println(log + String.format("; worst |error| %.4f", worst));
    }

    @Test
    void pixelMapMatchesTheCore() {
        SpeckleLoop s = new SpeckleLoop(4242, 0.5, 20, 0.5);
        NonEnhancingAnalyzer.Result r = run(s, NonEnhancingAnalyzer.defaults());
        double wrongFraction = misclassified(s, r);
        System.out.printf("pixel map: %.4f of %d ROI pixels misclassified%n", wrongFraction, r.roiPixels());
        assertTrue(wrongFraction < 0.02, "misclassified pixels: " + wrongFraction);
        assertEquals(40, r.baselineFrames());
        assertEquals(s.roi.area(), r.roiPixels());
    }

    private static double misclassified(SpeckleLoop s, NonEnhancingAnalyzer.Result r) {
        RoiMask roi = s.roi;
        int wrong = 0;
        for (int j = 0; j < roi.height(); j++) {
            for (int i = 0; i < roi.width(); i++) {
                int b = j * roi.width() + i;
                if (roi.inside()[b]) {
                    wrong += r.nonEnhancing()[b] != s.core[(roi.y() + j) * SpeckleLoop.W + roi.x() + i] ? 1 : 0;
                } else {
                    assertTrue(!r.nonEnhancing()[b], "outside the ROI is never flagged");
                }
            }
        }
        return (double) wrong / r.roiPixels();
    }

    @Test
    void allNecroticGivesOne() {
        for (long seed = 9; seed < 12; seed++) {
            SpeckleLoop s = new SpeckleLoop(seed, 4.0, 20, 0.5);
            assertEquals(1.0, s.truth, 0);
            NonEnhancingAnalyzer.Result r = run(s, NonEnhancingAnalyzer.defaults());
            assertEquals(1.0, r.fraction(), 0, "seed " + seed);
            assertEquals(r.roiPixels(), r.nonEnhancingPixels());
            assertTrue(r.roiEnhancementZ() < NonEnhancingAnalyzer.DEFAULT_Z_THRESHOLD);
        }
    }

    @Test
    void faintLeakIntoTheCoreIsNotEnhancement() {
        // the core enhances by 3 % of the viable tissue's mean: significant over 300 frames, yet necrotic
        SpeckleLoop s = new SpeckleLoop(555, 0.5, 20, 0.5, 0.03);
        double est = run(s, NonEnhancingAnalyzer.defaults()).fraction();
        double noRelativeRule = run(s, NonEnhancingAnalyzer.defaults().withRelativeThreshold(0)).fraction();
        System.out.printf("3 %% leak into a %.4f core: estimate %.4f, without the relative rule %.4f%n",
                s.truth, est, noRelativeRule);
        assertEquals(s.truth, est, 0.05);
        assertTrue(noRelativeRule < s.truth - 0.1, "the z test alone calls the faint leak enhancement");
    }

    @Test
    void majorityFilterRemovesSpeckleFalseDetections() {
        SpeckleLoop s = new SpeckleLoop(31, 0.5, 2, 0.5);
        double filtered = misclassified(s, run(s, NonEnhancingAnalyzer.defaults()));
        double raw = misclassified(s, run(s, NonEnhancingAnalyzer.defaults().withMajorityFilter(false)));
        System.out.printf("weak contrast 2×, misclassified pixels: %.4f with majority filter, %.4f without%n",
                filtered, raw);
        assertTrue(filtered < raw / 2, "filter halves the errors at least");
    }

    @Test
    void emptyWindowsAreRejected() {
        SpeckleLoop s = new SpeckleLoop(3, 0.25, 20, 0.5);
        Linearizer lin = Linearizer.logCompressed(DR, 255);
        NonEnhancingAnalyzer a = NonEnhancingAnalyzer.defaults();
        assertThrows(IllegalArgumentException.class, () -> a.fraction(s.loop(), s.roi, lin, 0, 12, 20));
        assertThrows(IllegalArgumentException.class, () -> a.fraction(s.loop(), s.roi, lin, 0.1, 12, 20));
        assertThrows(IllegalArgumentException.class, () -> a.fraction(s.loop(), s.roi, lin, 8, 70, 80));
    }
}
