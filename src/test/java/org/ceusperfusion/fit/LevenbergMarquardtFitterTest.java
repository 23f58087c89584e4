package org.ceusperfusion.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ceusperfusion.model.LognormalModel;
import org.junit.jupiter.api.Test;

class LevenbergMarquardtFitterTest {

    private final LognormalModel m = new LognormalModel();
    private final LevenbergMarquardtFitter fitter = new LevenbergMarquardtFitter();

    private double[] sample(double[] t, double[] p, double noiseSd, Random rnd) {
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = m.value(t[i], p) + (noiseSd > 0 ? noiseSd * rnd.nextGaussian() : 0);
        }
        return y;
    }

    private static double[] regular(double dt, double duration) {
        int n = (int) Math.round(duration / dt) + 1;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * dt;
        }
        return t;
    }

    private static void assertRecovered(double[] truth, double[] got, double relTol) {
        for (int k = 0; k < truth.length; k++) {
            double scale = Math.max(Math.abs(truth[k]), 1.0);
            assertEquals(truth[k], got[k], relTol * scale, "parameter " + k);
        }
    }

    @Test
    void recoversNoiseFreeCurveAtTenthSecond() {
        double[] truth = {2, 100, Math.log(20), 0.6, 5};
        double[] t = regular(0.1, 90);
        FitResult r = fitter.fit(m, t, sample(t, truth, 0, null));
        assertEquals(FitStatus.OK, r.status(), r.message());
        assertRecovered(truth, r.params(), 1e-4);
        assertEquals(1.0, r.r2(), 1e-9);
        assertEquals(t.length, r.samples());
        assertEquals(0, r.windowStartS());
        assertEquals(90, r.windowEndS(), 1e-9);
    }

    @Test
    void recoversNoiseFreeCurveAtIrregularTimes() {
        Random rnd = new Random(11);
        double[] t = new double[700];
        double acc = 0.3;
        for (int i = 0; i < t.length; i++) {
            t[i] = acc;
            acc += 0.03 + 0.2 * rnd.nextDouble();
        }
        double[] truth = {15, 340, Math.log(9), 0.45, 7.3};
        FitResult r = fitter.fit(m, t, sample(t, truth, 0, null));
        assertEquals(FitStatus.OK, r.status(), r.message());
        assertRecovered(truth, r.params(), 1e-4);
    }

    @Test
    void noisyCurvesRecoverTtpAndMtt() {
        double[][] truths = {
            {1, 100, Math.log(20), 0.6, 5}, {10, 400, Math.log(12), 0.4, 8}, {0, 60, Math.log(25), 0.8, 3}};
        double[] fps = {8, 10, 12};
        double[] durations = {60, 75, 90};
        int seed = 100;
        for (double[] truth : truths) {
            for (int j = 0; j < 3; j++) {
                Random rnd = new Random(seed++);
                double[] t = regular(1 / fps[j], durations[j]);
                double pe = m.peakEnhancement(truth);
                FitResult r = fitter.fit(m, t, sample(t, truth, 0.05 * pe, rnd));
                assertEquals(FitStatus.OK, r.status(), r.message());
                assertEquals(m.timeToPeakS(truth), m.timeToPeakS(r.params()), 0.5, "TTP");
                double mtt = m.meanTransitTimeS(truth);
                assertEquals(mtt, m.meanTransitTimeS(r.params()), 0.1 * mtt, "mTT");
                assertTrue(r.r2() > 0.9, "R2 " + r.r2());
            }
        }
    }

    @Test
    void covarianceIsSymmetricPositiveAndScalesWithNoise() {
        double[] truth = {1, 100, Math.log(20), 0.6, 5};
        double[] t = regular(0.1, 80);
        FitResult low = fitter.fit(m, t, sample(t, truth, 0.05, new Random(1)));
        FitResult high = fitter.fit(m, t, sample(t, truth, 0.5, new Random(1)));
        double[][] c = low.covariance();
        assertNotNull(c);
        for (int a = 0; a < 5; a++) {
            assertTrue(c[a][a] > 0);
            for (int b = 0; b < 5; b++) {
                assertEquals(c[a][b], c[b][a], 1e-12 * Math.sqrt(c[a][a] * c[b][b]));
            }
        }
        // standard errors grow about tenfold with tenfold noise
        double ratio = Math.sqrt(high.covariance()[1][1] / c[1][1]);
        assertEquals(10, ratio, 2.5);
        assertEquals(t.length - 5, low.degreesOfFreedom());
    }

    @Test
    void explicitStartAndUnsortedInputAreHandled() {
        double[] truth = {2, 100, Math.log(20), 0.6, 5};
        double[] t = regular(0.25, 70);
        double[] y = sample(t, truth, 0, null);
        double[] ts = t.clone();
        double[] ys = y.clone();
        for (int i = 0; i + 1 < ts.length; i += 2) {   // swap pairs: the fitter sorts by time
            double a = ts[i];
            ts[i] = ts[i + 1];
            ts[i + 1] = a;
            a = ys[i];
            ys[i] = ys[i + 1];
            ys[i + 1] = a;
        }
        FitResult r = fitter.fit(m, ts, ys, new double[] {0, 80, Math.log(15), 0.8, 3});
        assertEquals(FitStatus.OK, r.status(), r.message());
        assertRecovered(truth, r.params(), 1e-4);
    }

    @Test
    void badCurvesGiveAStatusNeverAnException() {
        double[] t = regular(0.1, 30);
        int n = t.length;
        double[] zeros = new double[n];
        double[] constant = new double[n];
        double[] decreasing = new double[n];
        java.util.Arrays.fill(constant, 42);
        for (int i = 0; i < n; i++) {
            decreasing[i] = 100 - 2 * t[i];
        }
        assertEquals(FitStatus.NO_BOLUS, fitter.fit(m, t, zeros).status());
        assertEquals(FitStatus.NO_BOLUS, fitter.fit(m, t, constant).status());
        assertEquals(FitStatus.NO_BOLUS, fitter.fit(m, t, decreasing).status());
        FitResult three = fitter.fit(m, new double[] {0, 1, 2}, new double[] {0, 5, 1});
        assertEquals(FitStatus.TOO_FEW_POINTS, three.status());
        assertTrue(three.message().contains("3"), three.message());
        assertEquals(FitStatus.TOO_FEW_POINTS, fitter.fit(m, new double[0], new double[0]).status());
        double[] allNan = new double[n];
        java.util.Arrays.fill(allNan, Double.NaN);
        assertEquals(FitStatus.TOO_FEW_POINTS, fitter.fit(m, t, allNan).status());
    }

    @Test
    void nonFiniteSamplesInsideAreIgnoredAndCounted() {
        double[] truth = {2, 100, Math.log(20), 0.6, 5};
        double[] t = regular(0.1, 60);
        double[] y = sample(t, truth, 0, null);
        y[100] = Double.NaN;
        y[200] = Double.POSITIVE_INFINITY;
        t[300] = Double.NaN;
        FitResult r = fitter.fit(m, t, y);
        assertEquals(FitStatus.OK, r.status(), r.message());
        assertEquals(t.length - 3, r.samples());
        assertTrue(r.message().contains("3 non-finite"), r.message());
        assertRecovered(truth, r.params(), 1e-4);
    }

    @Test
    void configurationIsImmutableAndValidated() {
        LevenbergMarquardtFitter f2 = fitter.withMaxIterations(3);
        assertNotSame(fitter, f2);
        assertEquals(LevenbergMarquardtFitter.DEFAULT_MAX_ITERATIONS, fitter.maxIterations());
        assertEquals(3, f2.maxIterations());
        assertThrows(IllegalArgumentException.class, () -> fitter.withMaxIterations(0));
        assertThrows(IllegalArgumentException.class, () -> fitter.withTolerances(0, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> fitter.fit(m, new double[2], new double[3]));
    }

    @Test
    void iterationLimitGivesNotConvergedWithBestParameters() {
        double[] truth = {2, 100, Math.log(20), 0.6, 5};
        double[] t = regular(0.1, 60);
        double[] y = sample(t, truth, 0.05, new Random(3));
        double[] start = {0, 30, Math.log(8), 1.5, 1};
        FitResult r = fitter.withMaxIterations(1).withAlternativeStarts(false).fit(m, t, y, start);
        assertEquals(FitStatus.NOT_CONVERGED, r.status(), r.message());
        assertEquals(1, r.iterations());
        assertTrue(r.hasParameters());
        double rssStart = 0;
        for (int i = 0; i < t.length; i++) {
            rssStart += Math.pow(y[i] - m.value(t[i], start), 2);
        }
        assertTrue(r.rss() < rssStart);
    }

    @Test
    void parametersStayInsideTheBounds() {
        double[] t = regular(0.1, 40);
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {   // a triangle, not a lognormal
            y[i] = t[i] < 10 ? 0 : Math.max(0, 20 - Math.abs(t[i] - 20) * 2);
        }
        FitResult r = fitter.fit(m, t, y);
        assertTrue(r.hasParameters(), r.status() + " " + r.message());
        double[] lo = m.lowerBounds(t, y);
        double[] hi = m.upperBounds(t, y);
        for (int k = 0; k < 5; k++) {
            assertTrue(r.params()[k] >= lo[k] && r.params()[k] <= hi[k], "parameter " + k);
        }
        assertArrayEquals(new double[] {0, 40}, new double[] {r.windowStartS(), r.windowEndS()}, 1e-9);
    }

    @Test
    void alternativeStartsRescueAStartAfterThePeak() {
        double[] truth = {2, 100, Math.log(20), 0.6, 5};
        double[] t = regular(0.1, 60);
        double[] y = sample(t, truth, 0.1, new Random(1));
        double[] badStart = {2, 100, Math.log(2), 0.3, 40};   // onset after the peak: A collapses to 0
        FitResult single = fitter.withAlternativeStarts(false).fit(m, t, y, badStart);
        assertEquals(FitStatus.FAILED, single.status(), single.message());
        assertTrue(single.message().contains("singular"), single.message());
        FitResult rescued = fitter.fit(m, t, y, badStart);
        assertEquals(FitStatus.OK, rescued.status(), rescued.message());
        assertTrue(rescued.rss() < single.rss());
        assertEquals(m.timeToPeakS(truth), m.timeToPeakS(rescued.params()), 0.5);
    }

    @Test
    void recoveryDoesNotDependOnTheIntensityScale() {
        double[] t = regular(0.2, 80);
        for (double scale : new double[] {1e-6, 1e-2, 1e3, 1e7}) {
            double[] truth = {0.3 * scale, 100 * scale, Math.log(20), 0.6, 5};
            FitResult r = fitter.fit(m, t, sample(t, truth, 0, null));
            assertEquals(FitStatus.OK, r.status(), "scale " + scale + ": " + r.message());
            assertRecovered(new double[] {0.3, 100, Math.log(20), 0.6, 5},
                    new double[] {r.params()[0] / scale, r.params()[1] / scale, r.params()[2], r.params()[3],
                        r.params()[4]}, 1e-4);
        }
    }

    /** Seeded random odd curves (noise, spikes, steps, random walks, partial boluses): statuses, never throws. */
    @Test
    void oddCurvesNeverThrowAndStayInBounds() {
        Random rnd = new Random(99);
        for (int k = 0; k < 240; k++) {
            int n = 5 + rnd.nextInt(300);
            double[] t = new double[n];
            double acc = 10 * rnd.nextDouble();
            for (int i = 0; i < n; i++) {
                acc += 0.01 + 0.5 * rnd.nextDouble();
                t[i] = acc;
            }
            double[] y = oddCurve(k % 6, t, rnd);
            FitResult r = fitter.fit(m, t, y);
            assertNotNull(r.status());
            org.ceusperfusion.params.ParameterCalculator.compute(r);
            if (r.hasParameters()) {
                double[] lo = m.lowerBounds(t, y);
                double[] hi = m.upperBounds(t, y);
                for (int j = 0; j < 5; j++) {
                    double pj = r.params()[j];
                    assertTrue(Double.isFinite(pj) && pj >= lo[j] && pj <= hi[j], "curve " + k + " parameter " + j);
                }
            }
        }
    }

    private double[] oddCurve(int kind, double[] t, Random rnd) {
        int n = t.length;
        double[] y = new double[n];
        double[] bolus = {rnd.nextGaussian(), 50, Math.log(5 + 30 * rnd.nextDouble()), 0.1 + 2 * rnd.nextDouble(),
            t[0] + rnd.nextDouble() * (t[n - 1] - t[0])};
        for (int i = 0; i < n; i++) {
            y[i] = switch (kind) {
                case 0 -> rnd.nextGaussian();
                case 1 -> i == n / 2 ? 100 : 0;
                case 2 -> t[i] > t[n / 3] ? 10 : 0;
                case 3 -> (i > 0 ? y[i - 1] : 0) + rnd.nextGaussian();
                case 4 -> Math.sin(t[i]) + 3;
                default -> rnd.nextDouble() < 0.1 ? Double.NaN : m.value(t[i], bolus) + 0.2 * rnd.nextGaussian();
            };
        }
        return y;
    }
}
