package org.ceusperfusion.params;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.FitWeighting;
import org.ceusperfusion.fit.LevenbergMarquardtFitter;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.BolusModels;
import org.ceusperfusion.synth.CurveNoiseSampler;
import org.ceusperfusion.synth.Realism;
import org.junit.jupiter.api.Test;

/** The weighted sandwich of {@link CorrelatedCovariance} and the weights a {@link FitResult} carries to it. */
class WeightedCovarianceTest {
    private static final StructuredNoise NOISE = new StructuredNoise(2, 0.3, 0.01, 0.8, 0.002, 6);

    /** @return the fitted signal the gain is loaded on: a 20 a.u. baseline plus the enhancement */
    private static double[] signal(double[] e) {
        double[] m = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            m[i] = 20 + e[i];
        }
        return m;
    }

    /** Against the dense matrices: {@code rss / tr((I − H)V(I − H)ᵀ) · A⁻¹ JᵀQVQJ A⁻¹}. */
    @Test
    void sandwichMatchesTheDenseFormula() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 40;
        int k = 3;
        double[] t = new double[n];
        double[] e = new double[n];
        double[] q = new double[n];
        double[][] j = new double[n][k];
        for (int i = 0; i < n; i++) {
            t[i] = i == 0 ? 0 : t[i - 1] + 0.2 + rnd.nextDouble();
            e[i] = 30 * rnd.nextDouble();
            q[i] = 0.1 + rnd.nextDouble();
            for (int a = 0; a < k; a++) {
                j[i][a] = rnd.nextGaussian();
            }
        }
        double rss = 17;
        double[] m = signal(e);
        NoiseCovariance nc = NOISE.covariance(t, e, m);
        CorrelatedCovariance cc = CorrelatedCovariance.sandwich(nc, j, q, rss);
        assertNotNull(cc);

        // the structured model's covariance (white + e-loaded and signal-loaded exponential kernels), dense
        double[][] v = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double dt = Math.abs(t[a] - t[b]);
                v[a][b] = NOISE.b() * e[a] * e[b] * Math.exp(-dt / NOISE.tau1S())
                        + NOISE.gamma() * m[a] * m[b] * Math.exp(-dt / NOISE.tau2S())
                        + (a == b ? NOISE.a() + NOISE.c() * e[a] : 0);
            }
        }
        RealMatrix jm = new Array2DRowRealMatrix(j);
        double[][] qd = new double[n][n];
        for (int i = 0; i < n; i++) {
            qd[i][i] = q[i];
        }
        RealMatrix qm = new Array2DRowRealMatrix(qd);
        RealMatrix vm = new Array2DRowRealMatrix(v);
        RealMatrix aInv = new LUDecomposition(jm.transpose().multiply(qm).multiply(jm)).getSolver().getInverse();
        RealMatrix h = jm.multiply(aInv).multiply(jm.transpose()).multiply(qm);
        RealMatrix l = new Array2DRowRealMatrix(n, n).add(org.apache.commons.math3.linear.MatrixUtils
                .createRealIdentityMatrix(n)).subtract(h);
        double tr = l.multiply(vm).multiply(l.transpose()).getTrace();
        RealMatrix cov = aInv.multiply(jm.transpose()).multiply(qm).multiply(vm).multiply(qm).multiply(jm)
                .multiply(aInv).scalarMultiply(rss / tr);
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                assertEquals(cov.getEntry(a, b), cc.covariance()[a][b], 1e-9 * Math.abs(cov.getEntry(a, a)));
            }
        }
        // ν: the exact Satterthwaite count of rᵀr under V, tr(PV)²/tr((PV)²) with P = (I − H)ᵀ(I − H)
        RealMatrix pv = l.transpose().multiply(l).multiply(vm);
        assertEquals(pv.getTrace() * pv.getTrace() / pv.multiply(pv).getTrace(), cc.dof(), 1e-8 * cc.dof());

        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = rnd.nextGaussian();
        }
        assertArrayEquals(vm.operate(u), nc.times(u), 1e-9 * vm.getNorm());
        assertEquals(vm.getTrace(), nc.trace(), 1e-9 * nc.trace());
        assertEquals(vm.multiply(vm).getTrace(), nc.traceSquare(), 1e-9 * nc.traceSquare());
        double[] traces = CorrelatedCovariance.residualTraces(nc, j, q);
        assertEquals(pv.getTrace(), traces[0], 1e-9 * traces[0]);
        assertEquals(pv.multiply(pv).getTrace(), traces[1], 1e-8 * traces[1]);
    }

    /** Equal weights give the unweighted sandwich (to rounding). */
    @Test
    void equalWeightsGiveTheUnweightedSandwich() {
        SplittableRandom rnd = new SplittableRandom(9);
        int n = 60;
        double[] t = new double[n];
        double[] e = new double[n];
        double[][] j = new double[n][4];
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 0.5 * i;
            e[i] = 50 * Math.exp(-Math.pow((t[i] - 10) / 4, 2));
            q[i] = 1;
            for (int a = 0; a < 4; a++) {
                j[i][a] = rnd.nextGaussian();
            }
        }
        CorrelatedCovariance plain = CorrelatedCovariance.sandwich(NOISE.covariance(t, e, signal(e)), j, null, 40);
        CorrelatedCovariance weighted = CorrelatedCovariance.sandwich(NOISE.covariance(t, e, signal(e)), j, q, 40);
        assertEquals(plain.dof(), weighted.dof(), 1e-12 * plain.dof());
        for (int a = 0; a < 4; a++) {
            assertArrayEquals(plain.covariance()[a], weighted.covariance()[a], 1e-10 * plain.covariance()[a][a]);
        }
    }

    /** A weighted fit carries its weights, and the intervals use them; an unweighted fit carries none. */
    @Test
    void intervalsOfAWeightedFitUseItsWeights() {
        BolusModel m = BolusModels.fromLabel("lognormal");
        double[] p = {30, 1500, Math.log(12), 0.5, 5};
        double[] t = ModelCiCoverageCase.times(2, 75);
        double[] e = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            e[i] = m.value(t[i], p) - p[0];
        }
        double[] y = CurveNoiseSampler.sample(t, e, 30, 2, true, 940, 940, Realism.defaults(), 17);
        LevenbergMarquardtFitter plain = new LevenbergMarquardtFitter().withRecirculationTerm(true);
        FitResult a = plain.fit(m, t, y);
        FitResult b = plain.withWeighting(FitWeighting.FITTED_VARIANCE).fit(m, t, y);
        assertNull(a.weights());
        assertEquals(FitWeighting.NONE, a.weighting());
        assertEquals(FitWeighting.FITTED_VARIANCE, b.weighting());
        assertEquals(b.samples(), b.weights().length);
        double[][] ty = Intervals.fittedSamples(b, t, y);
        assertEquals(ty[0].length, b.weights().length);

        ParameterEstimates weighted = Intervals.compute(b, t, y);
        FitResult stripped = new FitResult(b.model(), b.status(), b.message(), b.params(), b.covariance(), b.r2(),
                b.rss(), b.samples(), b.iterations(), b.windowStartS(), b.windowEndS());
        ParameterEstimates asIfUnweighted = Intervals.compute(stripped, t, y);
        assertEquals(IntervalInfo.CORRELATED, weighted.intervals().method());
        assertNotEquals(asIfUnweighted.ci(PerfusionParameter.PE)[0], weighted.ci(PerfusionParameter.PE)[0]);
        assertEquals(asIfUnweighted.value(PerfusionParameter.PE), weighted.value(PerfusionParameter.PE));

        // other samples than the fitted ones (one frame inside the window left out): weights recomputed, not misaligned
        double[] t2 = new double[t.length - 1];
        double[] y2 = new double[t.length - 1];
        for (int i = 0, o = 0; i < t.length; i++) {
            if (i != 40) {
                t2[o] = t[i];
                y2[o++] = y[i];
            }
        }
        ParameterEstimates fewer = Intervals.compute(b, t2, y2);
        assertEquals(IntervalInfo.CORRELATED, fewer.intervals().method());
        assertEquals(b.samples() - 1, fewer.intervals().samples());

        ParameterEstimates boot = BootstrapCi.compute(b, t, y, 40, 3L);
        double[] ci = boot.ci(PerfusionParameter.PE);
        assertTrue(ci[0] < weighted.value(PerfusionParameter.PE) && weighted.value(PerfusionParameter.PE) < ci[1],
                java.util.Arrays.toString(ci));
    }
}
