package org.ceusperfusion.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ceusperfusion.model.LognormalModel;
import org.junit.jupiter.api.Test;

/** First-pass detection and fitting on an explicit window. */
class FitWindowTest {

    private final LognormalModel m = new LognormalModel();
    /** First pass: PE ≈ 4, mode 19 s. */
    private final double[] first = {2, 100, Math.log(20), 0.6, 5};
    /** Recirculation: a broader, smaller second bolus starting at 38 s. */
    private final double[] second = {0, 45, Math.log(15), 0.7, 38};

    private double[] times() {
        double[] t = new double[1001];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * 0.1;
        }
        return t;
    }

    private double[] curve(double[] t, double noise, long seed) {
        Random rnd = new Random(seed);
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = m.value(t[i], first) + m.value(t[i], second) + noise * rnd.nextGaussian();
        }
        return y;
    }

    @Test
    void recirculationIsDetectedAtTheLocalMinimum() {
        double[] t = times();
        double[] y = curve(t, 0, 0);
        FitWindow w = FitWindow.detect(t, y);
        assertTrue(w.recirculation());
        assertEquals(0, w.startS());
        int iMin = 190;
        for (int i = 190; i < 470; i++) {
            if (y[i] < y[iMin]) {
                iMin = i;
            }
        }
        assertEquals(t[iMin], w.endS(), 1.0, "window ends at the dip between the passes");
    }

    @Test
    void singlePassCurvesKeepTheWholeWindowEvenWithNoise() {
        double[] t = times();
        int falsePositives = 0;
        for (int seed = 0; seed < 100; seed++) {
            Random rnd = new Random(seed);
            double[] y = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                y[i] = m.value(t[i], first) + 0.1 * m.peakEnhancement(first) * rnd.nextGaussian();
            }
            FitWindow w = FitWindow.detect(t, y);
            if (w.recirculation()) {
                falsePositives++;
            } else {
                assertEquals(100, w.endS(), 1e-9);
            }
        }
        assertTrue(falsePositives <= 2, "false recirculation detections: " + falsePositives);
    }

    @Test
    void firstPassFitRecoversTheTruthWhereTheWholeCurveFitIsBiased() {
        double[] t = times();
        double[] y = curve(t, 0.1, 5);
        LevenbergMarquardtFitter fitter = new LevenbergMarquardtFitter();
        FitResult firstPass = fitter.fit(m, t, y);
        FitResult whole = fitter.withFitWindow(FitWindowPolicy.WHOLE_CURVE).fit(m, t, y);
        assertEquals(FitStatus.OK, firstPass.status(), firstPass.message());
        assertTrue(firstPass.windowEndS() < 60 && firstPass.windowEndS() > 38, "window end " + firstPass.windowEndS());
        assertEquals(100, whole.windowEndS(), 1e-9);
        double mttTrue = m.meanTransitTimeS(first);
        double errFirst = Math.abs(m.meanTransitTimeS(firstPass.params()) - mttTrue) / mttTrue;
        double errWhole = Math.abs(m.meanTransitTimeS(whole.params()) - mttTrue) / mttTrue;
        double aucFirst = Math.abs(m.area(firstPass.params()) - 100) / 100;
        double aucWhole = Math.abs(m.area(whole.params()) - 100) / 100;
        System.out.printf("recirculation: mTT error first pass %.3f vs whole %.3f; AUC error %.3f vs %.3f%n",
                errFirst, errWhole, aucFirst, aucWhole);
        assertTrue(errFirst < 0.05 && aucFirst < 0.05, "first pass recovers the truth");
        assertTrue(errWhole > 0.15 || aucWhole > 0.15, "whole-curve fit is biased");
        assertTrue(errWhole > 3 * errFirst);
    }

    @Test
    void explicitWindowIsUsedAndRecorded() {
        double[] t = times();
        double[] y = curve(t, 0, 0);
        LevenbergMarquardtFitter fitter = new LevenbergMarquardtFitter();
        FitResult r = fitter.fit(m, t, y, 1.0, 40.0);
        assertEquals(1.0, r.windowStartS(), 1e-9);
        assertEquals(40.0, r.windowEndS(), 1e-9);
        assertEquals(391, r.samples());
        assertEquals(fitter.windowFor(t, y), FitWindow.detect(t, y));
        assertFalse(fitter.withFitWindow(FitWindowPolicy.WHOLE_CURVE).windowFor(t, y).recirculation());
        assertThrows(IllegalArgumentException.class, () -> fitter.fit(m, t, y, 50.0, 40.0));
        assertThrows(IllegalArgumentException.class, () -> fitter.withFitWindow(null));
        assertEquals(FitStatus.TOO_FEW_POINTS, fitter.fit(m, t, y, 1.0, 1.2).status());
    }
}
