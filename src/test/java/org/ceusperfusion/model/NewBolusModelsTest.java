package org.ceusperfusion.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Gamma variate, LDRW and FPT: §4 test vectors, closed forms against the curve, gradients, starts, registry. */
class NewBolusModelsTest {

    private static void rel(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-3 * Math.abs(expected), what);
    }

    @Test
    void gammaReferenceVector() {
        GammaVariateModel m = new GammaVariateModel();
        double[] p = {0, 1, 2.5, 4, 0};
        rel(10, m.timeToPeakS(p), "TTP");
        rel(14, m.meanTransitTimeS(p), "mean");
        rel(425.389, m.area(p), "AUC");
        rel(25.958, m.peakEnhancement(p), "PE");
    }

    @Test
    void ldrwReferenceVector() {
        LdrwModel m = new LdrwModel();
        double[] p = {0, 1, 20, 3, 0};
        rel(1, m.area(p), "area");
        rel(26.667, m.meanTransitTimeS(p), "mean");
        rel(16.943, m.timeToPeakS(p), "mode");
    }

    @Test
    void fptReferenceVector() {
        FptModel m = new FptModel();
        double[] p = {0, 1, 20, 3, 0};
        rel(1, m.area(p), "area");
        rel(20, m.meanTransitTimeS(p), "mean");
        rel(12.361, m.timeToPeakS(p), "mode");
    }

    /** The reference vectors recomputed from the curve itself (numerical area, moment and maximum). */
    @Test
    void referenceVectorsMatchNumericalIntegration() {
        double[] g = numeric(new GammaVariateModel(), new double[] {0, 1, 2.5, 4, 0});
        rel(425.389, g[0], "gamma AUC");
        rel(14, g[1], "gamma mean");
        rel(10, g[2], "gamma TTP");
        rel(25.958, g[3], "gamma PE");
        double[] l = numeric(new LdrwModel(), new double[] {0, 1, 20, 3, 0});
        rel(1, l[0], "LDRW area");
        rel(26.667, l[1], "LDRW mean");
        rel(16.943, l[2], "LDRW mode (reference formula verified)");
        double[] f = numeric(new FptModel(), new double[] {0, 1, 20, 3, 0});
        rel(1, f[0], "FPT area");
        rel(20, f[1], "FPT mean");
        rel(12.361, f[2], "FPT mode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gamma", "ldrw", "fpt", "lognormal"})
    void closedFormsAgreeWithTheCurve(String label) {
        BolusModel m = BolusModels.fromLabel(label);
        Random rnd = new Random(label.hashCode());
        for (int k = 0; k < 20; k++) {
            double[] p = randomParams(label, rnd);
            double[] num = numeric(m, p);
            rel(num[0], m.area(p), label + " area " + java.util.Arrays.toString(p));
            rel(num[1], m.meanTransitTimeS(p), label + " mean");
            assertEquals(num[2], m.timeToPeakS(p), 2e-3 * (m.timeToPeakS(p) - p[4]), label + " TTP");
            rel(num[3], m.peakEnhancement(p), label + " PE");
            assertEquals(p[0], m.value(p[4] - 0.5, p), label + " baseline before onset");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gamma", "ldrw", "fpt"})
    void analyticGradientMatchesCentralDifferences(String label) {
        BolusModel m = BolusModels.fromLabel(label);
        Random rnd = new Random(7 + label.hashCode());
        double[] g = new double[5];
        for (int trial = 0; trial < 500; trial++) {
            double[] p = randomParams(label, rnd);
            double t = p[4] + 0.05 + (rnd.nextDouble() < 0.3 ? 2 : 60) * rnd.nextDouble();
            double f = m.valueAndGradient(t, p, g);
            assertEquals(m.value(t, p), f, 1e-12 * Math.max(1, Math.abs(f)));
            double[] g2 = new double[5];
            m.gradient(t, p, g2);
            for (int k = 0; k < 5; k++) {
                double h = 1e-6 * Math.max(1e-3, Math.abs(p[k]));
                double[] pp = p.clone();
                double[] pm = p.clone();
                pp[k] += h;
                pm[k] -= h;
                double fd = (m.value(t, pp) - m.value(t, pm)) / (2 * h);
                double rounding = 100 * Math.ulp(Math.abs(f) + Math.abs(p[0])) / h;
                assertEquals(fd, g[k], 1e-5 * (Math.abs(fd) + Math.abs(g[k])) + rounding, label + " param " + k + " at "
                        + java.util.Arrays.toString(p) + ", t=" + t);
                assertEquals(g[k], g2[k]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gamma", "ldrw", "fpt"})
    void initialGuessIsCloseOnNoiseFreeCurves(String label) {
        BolusModel m = BolusModels.fromLabel(label);
        Random rnd = new Random(31 + label.hashCode());
        for (int k = 0; k < 20; k++) {
            double[] p = randomParams(label, rnd);
            double[] t = new double[600];
            double[] y = new double[t.length];
            double dur = p[4] + 4 * m.meanTransitTimeS(p) + 10;
            for (int i = 0; i < t.length; i++) {
                t[i] = i * dur / (t.length - 1);
                y[i] = m.value(t[i], p);
            }
            double[] s = m.initialGuess(t, y);
            assertNotNull(s);
            double rise = m.timeToPeakS(p) - p[4];
            assertEquals(m.timeToPeakS(p), m.timeToPeakS(s), 0.15 * rise, label + " start TTP " + k);
            assertEquals(m.peakEnhancement(p), m.peakEnhancement(s), 0.2 * m.peakEnhancement(p), label + " start PE");
            for (double[] alt : m.alternativeStarts(s, t, y)) {
                assertTrue(LognormalStart.allFinite(alt), label + " alternative start");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gamma", "ldrw", "fpt"})
    void noBolusGivesNoGuessAndBoundsHoldTheTruth(String label) {
        BolusModel m = BolusModels.fromLabel(label);
        double[] t = new double[100];
        double[] flat = new double[100];
        for (int i = 0; i < 100; i++) {
            t[i] = i * 0.5;
            flat[i] = 3;
        }
        assertEquals(null, m.initialGuess(t, flat));
        double[] p = randomParams(label, new Random(3));
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            y[i] = m.value(t[i], p);
        }
        double[] lo = m.lowerBounds(t, y);
        double[] hi = m.upperBounds(t, y);
        for (int k = 1; k < 4; k++) {
            assertTrue(lo[k] <= p[k] && p[k] <= hi[k], label + " bound " + k);
        }
    }

    @Test
    void registryKnowsEveryModelAndAutoIsNotAModel() {
        assertEquals(List.of("lognormal", "gamma", "ldrw", "fpt"), BolusModels.labels());
        for (String l : BolusModels.labels()) {
            assertEquals(l, BolusModels.fromLabel(" " + l.toUpperCase() + " ").name());
            assertEquals(5, BolusModels.fromLabel(l).parameterNames().size());
        }
        assertTrue(BolusModels.isAuto("Auto "));
        assertFalse(BolusModels.isAuto("gamma"));
        assertFalse(BolusModels.isAuto(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BolusModels.fromLabel("auto"));
        assertTrue(e.getMessage().contains("auto"));
        assertThrows(IllegalArgumentException.class, () -> BolusModels.fromLabel("gaussian"));
        assertEquals(4, BolusModels.all().size());
    }

    @Test
    void quickselectMedianMatchesSorting() {
        Random rnd = new Random(12);
        for (int k = 0; k < 300; k++) {
            int n = 1 + rnd.nextInt(60);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(3) : rnd.nextGaussian();   // with ties
            }
            double[] s = v.clone();
            java.util.Arrays.sort(s);
            double expected = n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
            assertEquals(expected, CurveFeatures.median(v), 0.0, "n=" + n);
        }
    }

    static double[] randomParams(String label, Random rnd) {
        double o = 5 * rnd.nextGaussian();
        double t0 = 1 + 10 * rnd.nextDouble();
        return switch (label) {
            case "gamma" -> {
                double a = 1.5 + 5 * rnd.nextDouble();
                double b = 1 + 5 * rnd.nextDouble();
                yield new double[] {o, GammaVariateModel.kForPeak(10 + 90 * rnd.nextDouble(), a, b), a, b, t0};
            }
            case "lognormal" -> new double[] {o, 50 + 500 * rnd.nextDouble(), Math.log(5 + 20 * rnd.nextDouble()),
                0.3 + 0.6 * rnd.nextDouble(), t0};
            default -> new double[] {o, 50 + 500 * rnd.nextDouble(), 8 + 20 * rnd.nextDouble(),
                1 + 8 * rnd.nextDouble(), t0};
        };
    }

    /** @return {area, mean from t0, argmax time, max − O} on a fine grid (Simpson-free midpoint sums) */
    static double[] numeric(BolusModel m, double[] p) {
        double t0 = p[4];
        double o = p[0];
        double dt = 2e-4 * (m.timeToPeakS(p) - t0);
        double end = t0 + 60 * m.meanTransitTimeS(p);
        double area = 0;
        double moment = 0;
        double best = Double.NEGATIVE_INFINITY;
        double bestT = t0;
        for (double t = t0 + 0.5 * dt; t < end; t += dt) {
            double f = m.value(t, p) - o;
            area += f * dt;
            moment += f * (t - t0) * dt;
            if (f > best) {
                best = f;
                bestT = t;
            }
        }
        return new double[] {area, moment / area, bestT, best};
    }
}
