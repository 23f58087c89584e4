package org.ceusperfusion.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.FitStatus;
import org.ceusperfusion.fit.LevenbergMarquardtFitter;
import org.ceusperfusion.params.ParameterCalculator;
import org.ceusperfusion.params.ParameterEstimates;
import org.ceusperfusion.params.PerfusionParameter;
import org.junit.jupiter.api.Test;

/** Values, gradients, closed forms and recovery of the destruction–replenishment model. */
class ReplenishmentModelTest {

    private static final ReplenishmentModel M = new ReplenishmentModel();

    @Test
    void valuesMatchTheFormula() {
        double[] p = {2, 10, 0.5, 4};
        assertEquals(2, M.value(3, p), 0);
        assertEquals(2, M.value(4, p), 0);
        assertEquals(2 + 10 * (1 - Math.exp(-1)), M.value(6, p), 1e-12); // 8.3212
        assertEquals(8.321205588285577, M.value(6, p), 1e-12);
        assertEquals(12, M.value(1e4, p), 1e-12);
        assertEquals(List.of("O", "A", "beta", "tf"), M.parameterNames());
        assertEquals("replenishment", M.name());
    }

    @Test
    void gradientMatchesCentralDifferencesAtSeededPoints() {
        Random rnd = new Random(11);
        double[] g = new double[4];
        for (int trial = 0; trial < 200; trial++) {
            double[] p = {rnd.nextGaussian(), 1 + 20 * rnd.nextDouble(), 0.05 + 3 * rnd.nextDouble(),
                    10 * rnd.nextDouble()};
            double t = p[3] + 0.01 + 15 * rnd.nextDouble() * (rnd.nextBoolean() ? 1 : -1);
            if (Math.abs(t - p[3]) < 1e-3) {
                continue; // the kink
            }
            double v = M.valueAndGradient(t, p, g);
            assertEquals(M.value(t, p), v, 1e-12);
            for (int k = 0; k < 4; k++) {
                double h = 1e-6 * Math.max(1, Math.abs(p[k]));
                double[] pp = p.clone();
                double[] pm = p.clone();
                pp[k] += h;
                pm[k] -= h;
                double fd = (M.value(t, pp) - M.value(t, pm)) / (2 * h);
                assertEquals(fd, g[k], 1e-6 * Math.max(1, Math.abs(fd)), "d/d" + M.parameterNames().get(k));
            }
        }
    }

    @Test
    void fixedOnsetGradientMatchesTheFullModel() {
        FixedOnsetReplenishment f = ReplenishmentModel.fixedOnset(3);
        double[] g3 = new double[3];
        double[] g4 = new double[4];
        for (double t : new double[] {1, 3, 3.5, 9, 40}) {
            double[] p3 = {1.5, 7, 0.8};
            double v = f.valueAndGradient(t, p3, g3);
            assertEquals(M.valueAndGradient(t, f.embed(p3), g4), v, 1e-12);
            assertArrayEquals(new double[] {g4[0], g4[1], g4[2]}, g3, 1e-12);
        }
    }

    @Test
    void closedFormsAndParameterCalculatorCope() {
        double[] p = {2, 10, 0.5, 4};
        assertTrue(Double.isNaN(M.area(p)));
        assertTrue(Double.isNaN(M.timeToPeakS(p)));
        assertEquals(2, M.meanTransitTimeS(p), 1e-15);
        assertEquals(10, M.peakEnhancement(p), 0);
        assertEquals(4, M.onsetS(p), 0);
        assertEquals(2, M.baseline(p), 0);
        double[][] cov = {{0.01, 0, 0, 0}, {0, 0.04, 0.001, 0}, {0, 0.001, 0.0004, 0}, {0, 0, 0, 0}};
        FitResult fit = new FitResult(M, FitStatus.OK, "", p, cov, 0.99, 1, 50, 5, 4, 30);
        ParameterEstimates e = ParameterCalculator.compute(fit);
        assertEquals(10, e.value(PerfusionParameter.PE), 0);
        assertEquals(2, e.value(PerfusionParameter.MTT), 1e-12);
        assertEquals(4, e.value(PerfusionParameter.T0), 0);
        assertTrue(Double.isNaN(e.value(PerfusionParameter.AUC)));
        assertTrue(Double.isNaN(e.value(PerfusionParameter.TTP)));
        assertTrue(Double.isNaN(e.value(PerfusionParameter.WIR)));
        // mTT = 1/β: sd = sd(β)/β² = 0.02/0.25 = 0.08
        double[] ci = e.ci(PerfusionParameter.MTT);
        assertEquals(0.08, (ci[1] - ci[0]) / 2 / tQuantile(46), 1e-6);
    }

    @Test
    void replenishmentParametersUseTheDeltaMethod() {
        double[] p = {2, 10, 0.5, 4};
        double[][] cov = {{0.01, 0, 0, 0}, {0, 0.04, 0.001, 0}, {0, 0.001, 0.0004, 0}, {0, 0, 0, 0}};
        ReplenishmentParameters r = ReplenishmentParameters.of(p, cov, 50); // tf fixed: 47 dof
        assertEquals(5, r.flow(), 1e-12);
        double tq = tQuantile(47);
        assertEquals(0.2 * tq, r.aCi()[1] - 10, 1e-9);
        assertEquals(0.02 * tq, r.betaCi()[1] - 0.5, 1e-9);
        double sdFlow = Math.sqrt(0.25 * 0.04 + 2 * 10 * 0.5 * 0.001 + 100 * 0.0004);
        assertEquals(sdFlow * tq, r.flowCi()[1] - 5, 1e-9);
        assertTrue(Double.isNaN(ReplenishmentParameters.of(p, null, 50).betaCi()[0]));
    }

    @Test
    void freeOnsetFitRecoversANoiseFreeCurveWithFloorFrames() {
        double[] truth = {3, 20, 0.4, 2.05};
        double[][] c = curve(truth, 0, 0.1, 150, 0, null);
        FitResult f = new LevenbergMarquardtFitter().fit(M, c[0], c[1], 0, 15);
        assertEquals(FitStatus.OK, f.status(), f.message());
        assertArrayEquals(truth, f.params(), 1e-6);
        assertNotNull(f.covariance());
    }

    @Test
    void fixedOnsetFitRecoversNoisyCurvesAndBetaCiCoversTruth() {
        double[] truth = {5, 40, 0.35, 1.0};
        FixedOnsetReplenishment pinned = ReplenishmentModel.fixedOnset(truth[3]);
        Random rnd = new Random(2024);
        int curves = 200;
        int coveredBeta = 0;
        int coveredA = 0;
        double maxRelA = 0;
        double maxRelB = 0;
        for (int i = 0; i < curves; i++) {
            double[][] c = curve(truth, 1.1, 0.1, 190, 1.0, rnd); // σ = 1 a.u. on a 40 a.u. plateau
            FitResult f = new LevenbergMarquardtFitter().fit(pinned, c[0], c[1], 1.1, 20);
            assertEquals(FitStatus.OK, f.status(), f.message());
            ReplenishmentParameters r = ReplenishmentParameters.of(pinned.embed(f.params()),
                    pinned.embedCovariance(f.covariance()), f.samples());
            coveredBeta += r.betaCi()[0] <= truth[2] && truth[2] <= r.betaCi()[1] ? 1 : 0;
            coveredA += r.aCi()[0] <= truth[1] && truth[1] <= r.aCi()[1] ? 1 : 0;
            maxRelA = Math.max(maxRelA, Math.abs(r.a() / truth[1] - 1));
            maxRelB = Math.max(maxRelB, Math.abs(r.beta() / truth[2] - 1));
        }
        System.out.printf("replenishment CI coverage on %d curves: beta %.3f, A %.3f; max |rel err| A %.4f, "
                + "beta %.4f%n", curves, coveredBeta / (double) curves, coveredA / (double) curves, maxRelA, maxRelB);
        assertTrue(maxRelA < 0.03, "A within 3 %: " + maxRelA);
        assertTrue(maxRelB < 0.08, "beta within 8 %: " + maxRelB);
        assertTrue(coveredBeta >= 180 && coveredBeta <= 198, "beta coverage " + coveredBeta + "/200");
        assertTrue(coveredA >= 180 && coveredA <= 198, "A coverage " + coveredA + "/200");
    }

    /** Samples {@code t0 + i·dt}, i < n, of the model with Gaussian noise {@code sigma}. */
    static double[][] curve(double[] p, double t0, double dt, int n, double sigma, Random rnd) {
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = t0 + i * dt;
            y[i] = M.value(t[i], p) + (rnd == null ? 0 : sigma * rnd.nextGaussian());
        }
        return new double[][] {t, y};
    }

    private static double tQuantile(int dof) {
        return new org.apache.commons.math3.distribution.TDistribution(dof).inverseCumulativeProbability(0.975);
    }
}
