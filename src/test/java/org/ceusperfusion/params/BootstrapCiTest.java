package org.ceusperfusion.params;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.FitStatus;
import org.ceusperfusion.fit.LevenbergMarquardtFitter;
import org.ceusperfusion.model.LognormalModel;
import org.junit.jupiter.api.Test;

/** Seeded residual bootstrap: determinism, agreement with the truth's coverage, edge cases. */
class BootstrapCiTest {

    private final LognormalModel m = new LognormalModel();
    private final LevenbergMarquardtFitter fitter = new LevenbergMarquardtFitter();

    private double[][] curve(double[] p, double fps, double dur, double noise, long seed) {
        int n = (int) Math.round(dur * fps) + 1;
        double[] t = new double[n];
        double[] y = new double[n];
        Random rnd = new Random(seed);
        for (int i = 0; i < n; i++) {
            t[i] = i / fps;
            y[i] = m.value(t[i], p) + noise * rnd.nextGaussian();
        }
        return new double[][] {t, y};
    }

    @Test
    void sameSeedSameIntervalsOtherSeedOtherIntervals() {
        double[] p = {1, 100, Math.log(20), 0.6, 5};
        double[][] c = curve(p, 4, 70, 0.4, 1);
        FitResult fit = fitter.fit(m, c[0], c[1]);
        ParameterEstimates a = BootstrapCi.compute(fit, c[0], c[1], 7L);
        ParameterEstimates b = BootstrapCi.compute(fit, c[0], c[1], 7L);
        ParameterEstimates other = BootstrapCi.compute(fit, c[0], c[1], 8L);
        ParameterEstimates delta = ParameterCalculator.compute(fit);
        for (PerfusionParameter q : PerfusionParameter.values()) {
            assertArrayEquals(a.ci(q), b.ci(q), q.label());
            assertEquals(delta.value(q), a.value(q), 1e-12, q.label() + " point value is the fit's");
            double[] ci = a.ci(q);
            assertTrue(ci[0] <= ci[1], q.label());
        }
        assertFalse(Arrays.equals(a.ci(PerfusionParameter.TTP), other.ci(PerfusionParameter.TTP)));
        // bootstrap and delta-method widths agree roughly for a well-determined parameter
        double wb = a.ci(PerfusionParameter.AUC)[1] - a.ci(PerfusionParameter.AUC)[0];
        double wd = delta.ci(PerfusionParameter.AUC)[1] - delta.ci(PerfusionParameter.AUC)[0];
        assertEquals(1, wb / wd, 0.3, "bootstrap / delta width");
        double[] qof = a.ci(PerfusionParameter.QOF);
        assertTrue(qof[0] > 0 && qof[1] <= 100);
    }

    /** Measured with these seeds (100 curves, B = 200): printed; asserted within [0.85, 0.99]. */
    @Test
    void percentileIntervalsCoverTheTruthRoughly() {
        double[] p = {1, 100, Math.log(20), 0.6, 5};
        double[] truth = ParameterCalculator.values(m, p);
        PerfusionParameter[] checked = ModelCiCoverageCase.CHECKED;
        int[] hits = new int[checked.length];
        int curves = 100;
        for (int k = 0; k < curves; k++) {
            double[][] c = curve(p, 3, 60, 0.1 * m.peakEnhancement(p), 500 + k);
            FitResult fit = fitter.fit(m, c[0], c[1]);
            assertEquals(FitStatus.OK, fit.status(), fit.message());
            ParameterEstimates e = BootstrapCi.compute(fit, c[0], c[1], 1000L + k);
            for (int j = 0; j < checked.length; j++) {
                double[] ci = e.ci(checked[j]);
                double tj = truth[checked[j].ordinal()];
                if (ci[0] <= tj && tj <= ci[1]) {
                    hits[j]++;
                }
            }
        }
        StringBuilder report = new StringBuilder("bootstrap coverage over " + curves + " curves:");
        for (int j = 0; j < checked.length; j++) {
            report.append(String.format(" %s %.2f", checked[j].label(), hits[j] / (double) curves));
        }
        System.out.println(report);
        for (int h : hits) {
            assertTrue(h >= 85 && h <= 99, report.toString());
        }
    }

    @Test
    void badArgumentsAndFailedFits() {
        double[] p = {1, 100, Math.log(20), 0.6, 5};
        double[][] c = curve(p, 4, 70, 0.4, 1);
        FitResult fit = fitter.fit(m, c[0], c[1]);
        assertThrows(IllegalArgumentException.class, () -> BootstrapCi.compute(fit, c[0], new double[3], 1L));
        assertThrows(IllegalArgumentException.class, () -> BootstrapCi.compute(fit, c[0], c[1], 5, 1L));
        double[] flat = new double[c[0].length];
        FitResult none = fitter.fit(m, c[0], flat);
        assertSame(FitStatus.NO_BOLUS, none.status());
        ParameterEstimates e = BootstrapCi.compute(none, c[0], flat, 1L);
        assertTrue(Double.isNaN(e.value(PerfusionParameter.AUC)) && Double.isNaN(e.ci(PerfusionParameter.AUC)[0]));
    }
}
