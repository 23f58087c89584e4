package org.ceusperfusion.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.LognormalModel;
import org.junit.jupiter.api.Test;

/** Shape-started fits against the truth and against the ordinary fitter; the no-bolus screen. */
class SharedShapeFitterTest {
    private static final BolusModel M = new LognormalModel();
    private static final double[] REFERENCE = {0, 1, Math.log(13), 0.55, 5};

    private static double[] times() {
        double[] t = new double[90];
        for (int i = 0; i < t.length; i++) {
            t[i] = 0.4375 + i;   // 1 s samples (8 frames at 8 frames/s)
        }
        return t;
    }

    private static double[] curve(double[] t, double[] p, double noise, long seed) {
        Random rnd = new Random(seed);
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = M.value(t[i], p) + noise * rnd.nextGaussian();
        }
        return y;
    }

    @Test
    void noiseFreeCurveOfAnotherShapeIsRecovered() {
        double[] t = times();
        double[] truth = {30, 1500, Math.log(16), 0.45, 6.5};   // later, narrower than the reference
        LevenbergMarquardtFitter lm = new LevenbergMarquardtFitter().withCovariance(false);
        SharedShapeFitter f = new SharedShapeFitter(M, t, lm, 4);
        FitResult r = f.fit(curve(t, truth, 0, 1), ReferenceShape.of(M, t, REFERENCE, t.length));
        assertEquals(FitStatus.OK, r.status());
        for (int k = 0; k < truth.length; k++) {
            assertEquals(truth[k], r.params()[k], 1e-5 * Math.max(1, Math.abs(truth[k])), "parameter " + k);
        }
        assertNull(r.covariance());
        assertEquals(0, f.fallbacks());
    }

    @Test
    void agreesWithTheOrdinaryFitterOnNoisyCurves() {
        double[] t = times();
        LevenbergMarquardtFitter lm = new LevenbergMarquardtFitter().withTolerances(1e-10, 1e-8);
        SharedShapeFitter f = new SharedShapeFitter(M, t, lm, 4);
        ReferenceShape shape = ReferenceShape.of(M, t, REFERENCE, t.length);
        Random rnd = new Random(11);
        for (int c = 0; c < 20; c++) {
            double[] truth = {30, 1800 * (0.75 + 0.5 * rnd.nextDouble()), Math.log(13) + 0.1 * rnd.nextGaussian(),
                    0.55, 5 + 0.5 * rnd.nextGaussian()};
            double[] y = curve(t, truth, 8, 100 + c);
            FitResult fast = f.fit(y, shape);
            FitResult ordinary = lm.fit(M, t, y);
            assertEquals(FitStatus.OK, fast.status());
            assertNotNull(fast.covariance(), "the fitter's covariance setting is followed");
            assertEquals(M.timeToPeakS(ordinary.params()), M.timeToPeakS(fast.params()), 1e-4, "TTP of curve " + c);
            double pe = M.peakEnhancement(ordinary.params());
            assertEquals(pe, M.peakEnhancement(fast.params()), 1e-5 * pe, "PE of curve " + c);
            assertEquals(ordinary.rss(), fast.rss(), 1e-8 * ordinary.rss());
        }
    }

    @Test
    void curvesWithoutEnhancementAreScreenedOutWithoutAFit() {
        double[] t = times();
        SharedShapeFitter f = new SharedShapeFitter(M, t, new LevenbergMarquardtFitter(), 4);
        ReferenceShape shape = ReferenceShape.of(M, t, REFERENCE, t.length);
        int noBolus = 0;
        for (int c = 0; c < 200; c++) {
            FitResult r = f.fit(curve(t, new double[] {30, 0, 0, 1, 0}, 10, c), shape);
            noBolus += r.status() == FitStatus.NO_BOLUS ? 1 : 0;
            assertEquals(0, r.iterations());
        }
        assertTrue(noBolus >= 199, noBolus + " of 200 pure-noise curves screened out");
        assertEquals(noBolus, f.screened());
        // a weak bolus (peak ≈ 3 noise SD) is kept: its amplitude is many standard errors above 0
        FitResult weak = f.fit(curve(t, new double[] {30, 600, Math.log(13), 0.55, 5}, 10, 7), shape);
        assertEquals(FitStatus.OK, weak.status());
    }

    @Test
    void withoutCovarianceTheFitterGivesTheSameParameters() {
        double[] t = times();
        double[] y = curve(t, new double[] {30, 1800, Math.log(13), 0.55, 5}, 8, 5);
        FitResult with = new LevenbergMarquardtFitter().fit(M, t, y);
        FitResult without = new LevenbergMarquardtFitter().withCovariance(false).fit(M, t, y);
        assertEquals(with.status(), without.status());
        org.junit.jupiter.api.Assertions.assertArrayEquals(with.params(), without.params(), 0.0);
        assertEquals(with.r2(), without.r2(), 0.0);
        assertNotNull(with.covariance());
        assertNull(without.covariance());
    }

    @Test
    void longWindowsStartedFromTheirMeansEndAtTheFitOfEverySample() {
        // 720 frames at 8 frames/s: the window is first fitted on means of consecutive samples
        double[] t = new double[720];
        for (int i = 0; i < t.length; i++) {
            t[i] = i / 8.0;
        }
        LevenbergMarquardtFitter map = new LevenbergMarquardtFitter().withTolerances(1e-4, 1e-4).withCovariance(false);
        SharedShapeFitter f = new SharedShapeFitter(M, t, map, 4);
        ShiftedShapes shapes = ShiftedShapes.of(M, t, new double[] {0, 1, Math.log(9), 0.5, 8}, 480);
        Random rnd = new Random(14);
        for (int c = 0; c < 10; c++) {
            double[] truth = {20, 900 * (0.7 + 0.6 * rnd.nextDouble()), Math.log(9) + 0.15 * rnd.nextGaussian(),
                    0.5, 8 + 3 * rnd.nextGaussian()};
            double[] y = curve(t, truth, 15, 500 + c);
            FitResult r = f.fit(y, shapes);
            assertEquals(FitStatus.OK, r.status());
            int n = r.samples();
            assertTrue(n >= 2 * SharedShapeFitter.COARSE_MIN_SAMPLES, "window " + n);
            double[] tw = java.util.Arrays.copyOf(t, n);
            double[] yw = java.util.Arrays.copyOf(y, n);
            LmSolver.Outcome best = new LmSolver(M, tw, yw, M.lowerBounds(tw, yw), M.upperBounds(tw, yw))
                    .run(truth, 500, 1e-14, 1e-12);
            // the least-squares fit of every sample of the window, to the map's tolerance
            assertTrue(r.rss() <= best.rss() * (1 + 1e-3), "rss " + r.rss() + " vs optimum " + best.rss());
            assertEquals(M.timeToPeakS(best.params()), M.timeToPeakS(r.params()), 0.05, "TTP of curve " + c);
            assertEquals(M.peakEnhancement(best.params()), M.peakEnhancement(r.params()),
                    0.01 * M.peakEnhancement(best.params()), "PE of curve " + c);
        }
    }
}
