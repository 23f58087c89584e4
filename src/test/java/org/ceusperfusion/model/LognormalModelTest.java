package org.ceusperfusion.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LognormalModelTest {

    private final LognormalModel m = new LognormalModel();
    /** perfusion-reference.md §4 test vector: A = 100, μ = ln 20, σ = 0.6, t0 = 5 s, O = 0. */
    private final double[] ref = {0, 100, Math.log(20), 0.6, 5};

    @Test
    void closedFormsMatchReferenceVector() {
        assertEquals(100.000, m.area(ref), 1e-3 * 100);
        assertEquals(3.9802, m.peakEnhancement(ref), 1e-3 * 3.9802);
        assertEquals(18.9535, m.timeToPeakS(ref), 1e-3 * 18.9535);
        assertEquals(23.9442, m.meanTransitTimeS(ref), 1e-3 * 23.9442);
        assertEquals(5, m.onsetS(ref));
        assertEquals(0, m.baseline(ref));
    }

    @Test
    void closedFormsAgreeWithTheCurveItself() {
        double[] p = {3, 250, Math.log(12), 0.45, 2};
        double ttp = m.timeToPeakS(p);
        double h = 1e-4;
        assertTrue(m.value(ttp, p) > m.value(ttp - h, p) && m.value(ttp, p) > m.value(ttp + h, p));
        assertEquals(m.peakEnhancement(p), m.value(ttp, p) - 3, 1e-12);
        double[] areaAndMtt = CurveMoments.areaAndMeanTransitTime(m, p, 400);
        assertEquals(250, areaAndMtt[0], 250 * 1e-5);
        assertEquals(m.meanTransitTimeS(p), areaAndMtt[1], 1e-4);
    }

    @Test
    void baselineOnlyBeforeOnset() {
        double[] p = {7, 100, Math.log(20), 0.6, 5};
        assertEquals(7, m.value(5, p));
        assertEquals(7, m.value(-3, p));
        double[] g = new double[5];
        assertEquals(7, m.valueAndGradient(4.9, p, g));
        assertArrayEquals(new double[] {1, 0, 0, 0, 0}, g);
    }

    @Test
    void analyticGradientMatchesCentralDifferences() {
        Random rnd = new Random(20240601);
        double[] g = new double[5];
        for (int trial = 0; trial < 500; trial++) {
            double[] p = {rnd.nextGaussian() * 10, 1 + 500 * rnd.nextDouble(), Math.log(2 + 40 * rnd.nextDouble()),
                0.1 + 1.5 * rnd.nextDouble(), 20 * rnd.nextDouble()};
            double t = p[4] + 0.05 + 80 * rnd.nextDouble();
            double f = m.valueAndGradient(t, p, g);
            assertEquals(m.value(t, p), f, 1e-12 * Math.max(1, Math.abs(f)));
            for (int k = 0; k < 5; k++) {
                double fd = FiniteDifferences.slope(m, t, p, k);
                double scale = Math.max(1e-6, Math.abs(fd) + Math.abs(g[k]));
                assertEquals(fd, g[k], 1e-5 * scale + 1e-9, "param " + k + " at " + java.util.Arrays.toString(p)
                        + ", t=" + t);
            }
        }
    }

    @Test
    void initialGuessIsCloseToTruthOnCleanCurve() {
        double[] t = new double[600];
        double[] y = new double[600];
        double[] p = {2, 100, Math.log(20), 0.6, 5};
        for (int i = 0; i < t.length; i++) {
            t[i] = 0.1 * i;
            y[i] = m.value(t[i], p);
        }
        double[] g = m.initialGuess(t, y);
        assertNotNull(g);
        assertEquals(m.timeToPeakS(p), m.timeToPeakS(g), 1.0);
        assertEquals(m.peakEnhancement(p), m.peakEnhancement(g), 0.2 * m.peakEnhancement(p));
        assertEquals(2, g[0], 0.1);
    }

    @Test
    void initialGuessIsNullWithoutBolus() {
        int n = 300;
        double[] t = new double[n];
        double[] flat = new double[n];
        double[] decreasing = new double[n];
        double[] noise = new double[n];
        Random rnd = new Random(7);
        for (int i = 0; i < n; i++) {
            t[i] = 0.2 * i;
            flat[i] = 40;
            decreasing[i] = 50 * Math.exp(-t[i] / 20) + 0.3 * rnd.nextGaussian();
            noise[i] = 10 + rnd.nextGaussian();
        }
        assertNull(m.initialGuess(t, flat));
        assertNull(m.initialGuess(t, decreasing));
        assertNull(m.initialGuess(t, noise));
        assertNull(m.initialGuess(t, new double[n]));
    }

    @Test
    void boundsContainTheDataRange() {
        double[] t = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] y = {1, 1, 2, 5, 4, 3, 2, 1};
        double[] lo = m.lowerBounds(t, y);
        double[] hi = m.upperBounds(t, y);
        assertEquals(1, lo[4]);
        assertEquals(8, hi[4]);
        assertEquals(0.05, lo[3]);
        assertEquals(3, hi[3]);
        assertEquals(0, lo[1]);
        assertTrue(lo[0] <= 1 && hi[0] >= 5);
    }

    @Test
    void registryKnowsLognormalAndNamesValidLabels() {
        assertEquals("lognormal", BolusModels.fromLabel(" LogNormal ").name());
        assertEquals("lognormal", BolusModels.labels().get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BolusModels.fromLabel("gauss"));
        assertTrue(e.getMessage().contains("gauss") && e.getMessage().contains("lognormal"), e.getMessage());
        assertEquals(List.of("O", "A", "mu", "sigma", "t0"), m.parameterNames());
    }

    @Test
    void alternativeStartsKeepPeakTimeAndHeight() {
        double[] t = {0, 10, 20, 30, 40, 50, 60};
        double[] start = {1, 100, Math.log(20), 0.6, 5};
        List<double[]> alts = m.alternativeStarts(start, t, new double[t.length]);
        assertEquals(4, alts.size());
        for (double[] a : alts) {
            assertEquals(m.timeToPeakS(start), m.timeToPeakS(a), 1e-9);
            assertEquals(m.peakEnhancement(start), m.peakEnhancement(a), 1e-9);
            assertTrue(a[3] >= LognormalModel.SIGMA_MIN && a[3] <= LognormalModel.SIGMA_MAX && a[4] >= t[0]);
        }
    }

    /** The one-scan bounds the map uses are exactly the separate lower and upper bounds. */
    @Test
    void boundsInOneCallAreTheSeparateBounds() {
        Random rnd = new Random(5);
        double[] t = new double[300];
        double[] y = new double[300];
        for (int i = 0; i < t.length; i++) {
            t[i] = 2 + 0.125 * i;
            y[i] = m.value(t[i], ref) + 0.3 * rnd.nextGaussian();
        }
        y[17] = Double.NaN;   // non-finite samples are ignored by both
        double[][] b = m.bounds(t, y);
        assertArrayEquals(m.lowerBounds(t, y), b[0], 0.0);
        assertArrayEquals(m.upperBounds(t, y), b[1], 0.0);
    }

    @Test
    void batchEvaluatorGivesTheSameBitsAsValuesAndGradientsWhetherItReusesItsLogsOrNot() {
        double[] t = new double[300];
        for (int i = 0; i < t.length; i++) {
            t[i] = 0.125 * i;
        }
        BolusModel.BatchEvaluator e = m.batchEvaluator();
        double[][] points = {
            {3, 250, Math.log(12), 0.45, 2},
            {3.5, 260, Math.log(11), 0.5, 2},        // same onset: logs reused
            {3.5, 260, Math.log(11), 0.5, 2.0625},   // onset moved
            {1, 90, Math.log(20), 0.3, 0},           // onset on the first frame
            {1, 95, Math.log(19), 0.35, 0},
            {1, 95, Math.log(19), 0.35, Double.NaN},   // NaN values, as from one loop
            {1, 95, Math.log(19), Double.NaN, 3}};
        int[] lengths = {300, 200, 300, 300, 120, 300, 300};
        for (int c = 0; c < points.length; c++) {
            int n = lengths[c];
            double[] v = new double[n];
            double[] g = new double[5 * n];
            double[] v2 = new double[n];
            double[] g2 = new double[5 * n];
            onePass(t, n, points[c], v, g);
            e.valuesAndGradients(t, n, points[c], v2, g2);
            assertArrayEquals(v, v2, "values, point " + c);
            assertArrayEquals(g, g2, "gradients, point " + c);
            m.valuesAndGradients(t, n, points[c], v2, g2);
            assertArrayEquals(v, v2, "values without evaluator, point " + c);
            assertArrayEquals(g, g2, "gradients without evaluator, point " + c);
        }
    }

    /** The lognormal's values and gradients computed sample by sample in one loop (the reference bits). */
    private static void onePass(double[] t, int n, double[] p, double[] values, double[] gradients) {
        double invS = 1 / p[3];
        double c = 1 / (Math.sqrt(2 * Math.PI) * p[3]);
        for (int i = 0; i < n; i++) {
            double tau = t[i] - p[4];
            gradients[5 * i] = 1;
            if (tau <= 0) {
                values[i] = p[0];
                continue;
            }
            double invTau = 1 / tau;
            double z = (Math.log(tau) - p[2]) * invS;
            double g = Math.exp(-0.5 * z * z) * c * invTau;
            double fb = p[1] * g;
            double fz = fb * invS;
            values[i] = p[0] + fb;
            gradients[5 * i + 1] = g;
            gradients[5 * i + 2] = fz * z;
            gradients[5 * i + 3] = fz * (z * z - 1);
            gradients[5 * i + 4] = (fb + fz * z) * invTau;
        }
    }
}
