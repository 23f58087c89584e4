package org.ceusperfusion.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.BolusModels;
import org.ceusperfusion.params.ParameterCalculator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fitter recovers gamma, LDRW and FPT curves (noise-free exactly, noisy within tolerance); odd input never throws. */
class ModelRecoveryTest {

    private final LevenbergMarquardtFitter fitter = new LevenbergMarquardtFitter();

    @ParameterizedTest
    @ValueSource(strings = {"gamma", "ldrw", "fpt"})
    void noiseFreeCurvesAreRecoveredExactly(String label) {
        BolusModel m = BolusModels.fromLabel(label);
        Random rnd = new Random(5 + label.hashCode());
        for (int k = 0; k < 15; k++) {
            double[] truth = ModelSelectorTest.randomTruth(label, rnd);
            double fps = 2 + 10 * rnd.nextDouble();
            double[] t = ModelSelectorTest.times(fps, truth[4] + 5 * m.meanTransitTimeS(truth));
            FitResult r = fitter.fit(m, t, ModelSelectorTest.sample(m, truth, t, 0, null));
            assertEquals(FitStatus.OK, r.status(), label + " " + k + ": " + r.message());
            for (int j = 0; j < 5; j++) {
                double scale = Math.max(Math.abs(truth[j]), j == 0 ? 1 : 1e-12);
                assertEquals(truth[j], r.params()[j], 1e-4 * scale, label + " curve " + k + " parameter " + j);
            }
            assertEquals(1.0, r.r2(), 1e-9);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gamma", "ldrw", "fpt"})
    void noisyCurvesRecoverTheClinicalParameters(String label) {
        BolusModel m = BolusModels.fromLabel(label);
        Random rnd = new Random(9 + label.hashCode());
        for (int k = 0; k < 30; k++) {
            double[] truth = ModelSelectorTest.randomTruth(label, rnd);
            double[] t = ModelSelectorTest.times(8, truth[4] + 5 * m.meanTransitTimeS(truth));
            double pe = m.peakEnhancement(truth);
            FitResult r = fitter.fit(m, t, ModelSelectorTest.sample(m, truth, t, 0.05 * pe, rnd));
            assertEquals(FitStatus.OK, r.status(), r.message());
            double[] p = r.params();
            assertEquals(m.timeToPeakS(truth), m.timeToPeakS(p), 0.5 + 0.03 * m.timeToPeakS(truth), label + " TTP");
            assertEquals(m.meanTransitTimeS(truth), m.meanTransitTimeS(p), 0.1 * m.meanTransitTimeS(truth), label + " mTT");
            assertEquals(m.area(truth), m.area(p), 0.1 * m.area(truth), label + " AUC");
            assertEquals(pe, m.peakEnhancement(p), 0.05 * pe, label + " PE");
        }
    }

    /** Seeded odd curves (noise, spikes, steps, random walks, partial boluses): a status, parameters in bounds. */
    @ParameterizedTest
    @ValueSource(strings = {"gamma", "ldrw", "fpt"})
    void oddCurvesNeverThrowAndStayInBounds(String label) {
        BolusModel m = BolusModels.fromLabel(label);
        Random rnd = new Random(99);
        for (int k = 0; k < 60; k++) {
            int n = 5 + rnd.nextInt(300);
            double[] t = new double[n];
            double acc = 10 * rnd.nextDouble();
            for (int i = 0; i < n; i++) {
                acc += 0.01 + 0.5 * rnd.nextDouble();
                t[i] = acc;
            }
            double[] y = new double[n];
            double[] bolus = ModelSelectorTest.randomTruth(label, rnd);
            bolus[4] = t[0] + rnd.nextDouble() * (t[n - 1] - t[0]);
            for (int i = 0; i < n; i++) {
                y[i] = switch (k % 5) {
                    case 0 -> rnd.nextGaussian();
                    case 1 -> i == n / 2 ? 100 : 0;
                    case 2 -> t[i] > t[n / 3] ? 10 : 0;
                    case 3 -> (i > 0 ? y[i - 1] : 0) + rnd.nextGaussian();
                    default -> rnd.nextDouble() < 0.1 ? Double.NaN : m.value(t[i], bolus) + 0.2 * rnd.nextGaussian();
                };
            }
            FitResult r = fitter.fit(m, t, y);
            assertNotNull(r.status());
            ParameterCalculator.compute(r);
            if (r.hasParameters()) {
                double[] lo = m.lowerBounds(t, y);
                double[] hi = m.upperBounds(t, y);
                for (int j = 0; j < 5; j++) {
                    double pj = r.params()[j];
                    assertTrue(Double.isFinite(pj) && pj >= lo[j] && pj <= hi[j], label + " curve " + k + " param " + j);
                }
            }
        }
    }
}
