package org.ceusperfusion.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.TDistribution;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.FitStatus;
import org.ceusperfusion.model.LognormalModel;
import org.junit.jupiter.api.Test;

class ParameterCalculatorTest {

    private final LognormalModel m = new LognormalModel();
    private final double[] ref = {0, 100, Math.log(20), 0.6, 5};

    private static void rel(double expected, double actual, PerfusionParameter q) {
        assertEquals(expected, actual, 1e-3 * Math.abs(expected), q.label());
    }

    @Test
    void referenceVectorEveryValue() {
        double[] v = ParameterCalculator.values(m, ref);
        rel(100.000, v[PerfusionParameter.AUC.ordinal()], PerfusionParameter.AUC);
        rel(3.9802, v[PerfusionParameter.PE.ordinal()], PerfusionParameter.PE);
        rel(18.9535, v[PerfusionParameter.TTP.ordinal()], PerfusionParameter.TTP);
        rel(23.9442, v[PerfusionParameter.MTT.ordinal()], PerfusionParameter.MTT);
        rel(0.5800, v[PerfusionParameter.WIR.ordinal()], PerfusionParameter.WIR);
        rel(8.4486, v[PerfusionParameter.TI.ordinal()], PerfusionParameter.TI);
        rel(10.5049, v[PerfusionParameter.RT.ordinal()], PerfusionParameter.RT);
        rel(-0.1716, v[PerfusionParameter.WOR.ordinal()], PerfusionParameter.WOR);
        rel(44.3894, v[PerfusionParameter.TO.ordinal()], PerfusionParameter.TO);
        rel(25.4359, v[PerfusionParameter.FT.ordinal()], PerfusionParameter.FT);
        rel(27.2556, v[PerfusionParameter.WIAUC.ordinal()], PerfusionParameter.WIAUC);
        rel(59.6426, v[PerfusionParameter.WOAUC.ordinal()], PerfusionParameter.WOAUC);
        rel(86.8982, v[PerfusionParameter.WIWOAUC.ordinal()], PerfusionParameter.WIWOAUC);
        rel(2.5946, v[PerfusionParameter.WIPI.ordinal()], PerfusionParameter.WIPI);
        rel(5, v[PerfusionParameter.T0.ordinal()], PerfusionParameter.T0);
    }

    @Test
    void referenceVectorSlopeLocations() {
        double ttp = m.timeToPeakS(ref);
        SlopeSearch s = new SlopeSearch(m, ref, ttp - 5);
        double[] wi = s.extremeSlope(5, ttp, 5, false, +1);
        double[] wo = s.extremeSlope(ttp, 5 + 20 * (ttp - 5), 5, true, -1);
        assertEquals(11.2296, wi[0], 1e-3 * 11.2296);
        assertEquals(0.5800, wi[1], 1e-3 * 0.58);
        assertEquals(26.8052, wo[0], 1e-3 * 26.8052);
        assertEquals(-0.1716, wo[1], 1e-3 * 0.1716);
    }

    @Test
    void quadratureIntegratesKnownFunctions() {
        assertEquals(2.0, Quadrature.integrate(Math::sin, 0, Math.PI, 1e-12), 1e-12);
        assertEquals(Math.exp(3) - 1, Quadrature.integrate(Math::exp, 0, 3, 1e-12), 1e-10);
        assertEquals(0, Quadrature.integrate(Math::exp, 2, 2, 1e-12));
    }

    private FitResult syntheticFit(FitStatus status, double[][] cov, int samples) {
        return new FitResult(m, status, "", ref.clone(), cov, 0.97, 1.0, samples, 5, 0, 60);
    }

    @Test
    void deltaMethodMatchesAnalyticGradients() {
        double[] var = {0.01, 4.0, 0.0009, 0.0004, 0.04};
        double[][] cov = new double[5][5];
        for (int k = 0; k < 5; k++) {
            cov[k][k] = var[k];
        }
        cov[2][3] = cov[3][2] = -0.0002;   // μ and σ correlated
        int n = 605;
        ParameterEstimates e = ParameterCalculator.compute(syntheticFit(FitStatus.OK, cov, n));
        double tq = new TDistribution(n - 5).inverseCumulativeProbability(0.975);
        double mu = ref[2];
        double s = ref[3];
        // AUC = A, t0 = t0: unit gradients
        assertCi(e, PerfusionParameter.AUC, 100, tq * Math.sqrt(var[1]));
        assertCi(e, PerfusionParameter.T0, 5, tq * Math.sqrt(var[4]));
        // TTP = t0 + e^(μ−σ²): g = (0, 0, m, −2σm, 1), m = e^(μ−σ²)
        double mo = Math.exp(mu - s * s);
        double[] g = {0, 0, mo, -2 * s * mo, 1};
        assertCi(e, PerfusionParameter.TTP, 5 + mo, tq * Math.sqrt(quad(g, cov)));
        // mTT = e^(μ+σ²/2): g = (0, 0, M, σM, 0)
        double mt = Math.exp(mu + 0.5 * s * s);
        assertCi(e, PerfusionParameter.MTT, mt, tq * Math.sqrt(quad(new double[] {0, 0, mt, s * mt, 0}, cov)));
        // PE = A e^(σ²/2−μ)/(√(2π)σ): g = (0, PE/A, −PE, PE(σ − 1/σ), 0)
        double pe = m.peakEnhancement(ref);
        double[] gp = {0, pe / 100, -pe, pe * (s - 1 / s), 0};
        assertCi(e, PerfusionParameter.PE, pe, tq * Math.sqrt(quad(gp, cov)));
        // every other parameter has a finite interval around its value
        for (PerfusionParameter q : PerfusionParameter.values()) {
            double[] ci = e.ci(q);
            if (q == PerfusionParameter.QOF) {
                // Olkin–Finn: Var(R²) ≈ 4R²(1−R²)²(n−k−1)²/((n²−1)(n+3)), k = 4 predictors
                double se = Math.sqrt(4 * 0.97 * 0.03 * 0.03 * Math.pow(n - 5, 2) / ((n * (double) n - 1) * (n + 3)));
                assertEquals(97, e.value(q), 1e-9);
                assertEquals(97 - tq * 100 * se, ci[0], 1e-9);
                assertEquals(97 + tq * 100 * se, ci[1], 1e-9);
            } else {
                assertTrue(ci[0] < e.value(q) && e.value(q) < ci[1], q.label());
            }
        }
    }

    private static void assertCi(ParameterEstimates e, PerfusionParameter q, double value, double halfWidth) {
        assertEquals(value, e.value(q), 1e-9 * Math.abs(value), q.label());
        double[] ci = e.ci(q);
        assertEquals(value - halfWidth, ci[0], 1e-5 * halfWidth, q.label() + " lower");
        assertEquals(value + halfWidth, ci[1], 1e-5 * halfWidth, q.label() + " upper");
    }

    private static double quad(double[] g, double[][] c) {
        double s = 0;
        for (int a = 0; a < g.length; a++) {
            for (int b = 0; b < g.length; b++) {
                s += g[a] * c[a][b] * g[b];
            }
        }
        return s;
    }

    @Test
    void failedFitGivesEmptyEstimatesExceptQof() {
        FitResult failed = new FitResult(m, FitStatus.NO_BOLUS, "no bolus", null, null, 0.42, Double.NaN, 300,
                0, 0, 30);
        ParameterEstimates e = ParameterCalculator.compute(failed);
        for (PerfusionParameter q : PerfusionParameter.values()) {
            if (q == PerfusionParameter.QOF) {
                assertEquals(42, e.value(q), 1e-9);
            } else {
                assertTrue(Double.isNaN(e.value(q)), q.label());
            }
            assertTrue(Double.isNaN(e.ci(q)[0]) && Double.isNaN(e.ci(q)[1]), q.label());
        }
        FitResult noR2 = new FitResult(m, FitStatus.TOO_FEW_POINTS, "", null, null, Double.NaN, Double.NaN, 3,
                0, 0, 2);
        assertTrue(Double.isNaN(ParameterCalculator.compute(noR2).value(PerfusionParameter.QOF)));
    }

    @Test
    void qofIntervalIsClampedToPercentRange() {
        double[] ci = ParameterCalculator.qofCi(0.95, 8, 5, 2.5);   // SE shrinks like 1 − R² near 1
        assertTrue(ci[0] < 95 && 95 < ci[1] && ci[1] <= 100, java.util.Arrays.toString(ci));
        double[] low = ParameterCalculator.qofCi(0.01, 20, 5, 2.1);
        assertTrue(low[0] == 0 && low[1] > 1, java.util.Arrays.toString(low));
        double[] perfect = ParameterCalculator.qofCi(1.0, 200, 5, 1.97);
        assertEquals(100, perfect[0]);
        assertEquals(100, perfect[1]);
        assertTrue(Double.isNaN(ParameterCalculator.qofCi(Double.NaN, 200, 5, 1.97)[0]));
    }

    @Test
    void withoutCovarianceValuesComeWithNanIntervals() {
        ParameterEstimates e = ParameterCalculator.compute(syntheticFit(FitStatus.NOT_CONVERGED, null, 600));
        assertEquals(18.9535, e.value(PerfusionParameter.TTP), 1e-3 * 18.9535);
        assertTrue(Double.isNaN(e.ci(PerfusionParameter.TTP)[0]));
    }
}
