package org.ceusperfusion.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ceusperfusion.model.LognormalModel;
import org.junit.jupiter.api.Test;

/** {@link FitWeights}: the variance shape a + b·e² recovered from residuals with a known variance. */
class FitWeightsTest {
    private static final LognormalModel M = new LognormalModel();
    /** A fast bolus like the coarse phantoms' tumour: baseline 30, area 1500, mode 3 s after onset 4 s, σ 0.35.
     */
    static final double[] BOLUS = {30, 1500, Math.log(3) + 0.35 * 0.35, 0.35, 4};

    private static double[] times(double fps, double durationS) {
        double[] t = new double[(int) Math.round(durationS * fps) + 1];
        for (int i = 0; i < t.length; i++) {
            t[i] = i / fps;
        }
        return t;
    }

    /**
     * Independent Gaussian noise of variance 4 + 0.01·e² at 20 frames/s for 200 s (many samples, so the regression
     * is sharp): the recovered weight ratio baseline/peak is the true one, (4 + 0.01·PE²)/4, within 10 % (measured 694 for 719).
     */
    @Test
    void recoversAKnownVarianceShape() {
        double[] t = times(20, 200);
        double[] y = new double[t.length];
        SplittableRandom rng = new SplittableRandom(13);
        for (int i = 0; i < t.length; i++) {
            double e = M.value(t[i], BOLUS) - BOLUS[0];
            y[i] = BOLUS[0] + e + Math.sqrt(4 + 0.01 * e * e) * rng.nextGaussian();
        }
        double[] w = FitWeights.fittedVariance(M, BOLUS, t, y);
        double pe = M.peakEnhancement(BOLUS);
        double truthRatio = (4 + 0.01 * pe * pe) / 4;
        int peak = 0;
        double mean = 0;
        for (int i = 0; i < t.length; i++) {
            peak = M.value(t[i], BOLUS) > M.value(t[peak], BOLUS) ? i : peak;
            mean += w[i] / t.length;
        }
        double ratio = w[0] / w[peak];
        System.out.printf("weight ratio baseline/peak %.1f, truth %.1f%n", ratio, truthRatio);
        assertEquals(truthRatio, ratio, 0.10 * truthRatio);
        assertEquals(1, mean, 1e-12, "weights have mean 1");
    }

    /** Equal-variance noise gives (nearly) equal weights; no weight ratio ever exceeds the cap. */
    @Test
    void equalNoiseGivesEqualWeightsAndTheRatioIsCapped() {
        double[] t = times(10, 60);
        double[] y = new double[t.length];
        double[] spiky = new double[t.length];
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < t.length; i++) {
            double f = M.value(t[i], BOLUS);
            y[i] = f + 3 * rng.nextGaussian();
            double e = f - BOLUS[0];
            spiky[i] = f + (i % 2 == 0 ? 0.05 : -0.05) * e;
        }
        double[] w = FitWeights.fittedVariance(M, BOLUS, t, y);
        double max = java.util.Arrays.stream(w).max().orElseThrow();
        double min = java.util.Arrays.stream(w).min().orElseThrow();
        System.out.printf("equal noise: weights %.3f .. %.3f%n", min, max);
        assertTrue(max / min < 1.5, "equal noise: max/min weight " + max / min);
        double[] c = FitWeights.fittedVariance(M, BOLUS, t, spiky);
        double cmax = java.util.Arrays.stream(c).max().orElseThrow();
        double cmin = java.util.Arrays.stream(c).min().orElseThrow();
        assertEquals(FitWeights.MAX_WEIGHT_RATIO, cmax / cmin, 1e-6 * FitWeights.MAX_WEIGHT_RATIO,
                "residuals exactly proportional to the enhancement hit the cap");
    }

    /** No parameters or mismatched arrays: no weights. */
    @Test
    void noWeightsWithoutAFit() {
        assertNull(FitWeights.fittedVariance(M, null, new double[] {0, 1}, new double[] {1, 2}));
        assertNull(FitWeights.fittedVariance(M, BOLUS, new double[] {0, 1}, new double[] {1}));
    }

    /** A weighted solver with all weights 1 is the unweighted solver, to the last bit. */
    @Test
    void unitWeightsChangeNothing() {
        double[] t = times(2, 40);
        double[] y = new double[t.length];
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < t.length; i++) {
            y[i] = M.value(t[i], BOLUS) * (1 + 0.05 * rng.nextGaussian());
        }
        double[] lo = M.lowerBounds(t, y);
        double[] hi = M.upperBounds(t, y);
        double[] start = M.initialGuess(t, y);
        LmSolver.Outcome plain = new LmSolver(M, t, y, lo, hi).run(start, 200, 1e-10, 1e-8);
        LmSolver weighted = new LmSolver(M, t, y, lo, hi);
        double[] ones = new double[t.length];
        java.util.Arrays.fill(ones, 1);
        weighted.weights(ones);
        LmSolver.Outcome o = weighted.run(start, 200, 1e-10, 1e-8);
        assertArrayEquals(plain.params(), o.params(), 0);
        assertEquals(plain.rss(), o.rss(), 0);
    }
}
