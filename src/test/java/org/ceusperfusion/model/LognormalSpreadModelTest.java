package org.ceusperfusion.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class LognormalSpreadModelTest {

    private final LognormalSpreadModel m = new LognormalSpreadModel();
    private final LognormalModel lognormal = new LognormalModel();
    /** The reference lognormal (A = 100, μ = ln 20, σ = 0.6, t0 = 5 s) with onsets spread over 8 s. */
    private final double[] ref = {0, 100, Math.log(20), 0.6, 5, 8};

    @Test
    void isTheMeanOfLognormalsWhoseOnsetsSpreadEvenlyOverTheWindow() {
        // midpoint rule over 4000 onsets in [t0, t0 + W]
        int k = 4000;
        for (double t : new double[] {6, 9, 14, 20, 27, 40, 80}) {
            double mean = 0;
            for (int j = 0; j < k; j++) {
                double onset = ref[4] + (j + 0.5) * ref[5] / k;
                mean += lognormal.value(t, new double[] {0, 100, ref[2], ref[3], onset}) / k;
            }
            assertEquals(mean, m.value(t, ref), 1e-6 * Math.max(mean, 1e-3), "t = " + t);
        }
    }

    @Test
    void closedFormsAgreeWithTheCurveItself() {
        double[] p = {3, 250, Math.log(12), 0.45, 2, 6};
        double ttp = m.timeToPeakS(p);
        double h = 1e-3;
        assertTrue(m.value(ttp, p) > m.value(ttp - h, p) && m.value(ttp, p) > m.value(ttp + h, p));
        assertEquals(m.peakEnhancement(p), m.value(ttp, p) - 3, 1e-12);
        double[] areaAndMtt = CurveMoments.areaAndMeanTransitTime(m, p, 600);
        assertEquals(250, areaAndMtt[0], 250 * 1e-5);
        assertEquals(m.meanTransitTimeS(p), areaAndMtt[1], 1e-3);
        // the reference lognormal's mTT (23.9442 s) plus half the window
        assertEquals(lognormal.meanTransitTimeS(new double[] {0, 100, Math.log(20), 0.6, 5}) + 4,
                m.meanTransitTimeS(ref), 1e-12);
    }

    @Test
    void aNarrowWindowIsTheLognormal() {
        double[] ln = {2, 100, Math.log(20), 0.6, 5};
        double[] narrow = {2, 100, Math.log(20), 0.6, 5 - LognormalSpreadModel.W_MIN / 2, LognormalSpreadModel.W_MIN};
        for (double t = 0; t < 120; t += 0.37) {
            assertEquals(lognormal.value(t, ln), m.value(t, narrow), 1e-5 * lognormal.peakEnhancement(ln), "t = " + t);
        }
        assertEquals(lognormal.timeToPeakS(ln), m.timeToPeakS(narrow), 1e-3);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Random r = new Random(3);
        double[] g = new double[6];
        for (int trial = 0; trial < 200; trial++) {
            double[] p = {r.nextDouble() * 10, 50 + r.nextDouble() * 500, Math.log(3 + 20 * r.nextDouble()),
                0.2 + r.nextDouble(), r.nextDouble() * 5, 0.5 + r.nextDouble() * 10};
            double t = r.nextDouble() * 80;
            double v = m.valueAndGradient(t, p, g);
            assertEquals(m.value(t, p), v, 1e-12 * Math.max(1, Math.abs(v)));
            for (int k = 0; k < 6; k++) {
                double numeric = FiniteDifferences.slope(m, t, p, k);
                assertEquals(numeric, g[k], 1e-5 * Math.max(1, Math.abs(numeric)), "parameter " + k + " at t = " + t);
            }
        }
    }

    @Test
    void standardNormalTableMatchesTheErrorFunction() {
        double worst = 0;
        for (double z = -10; z <= 10; z += 0.001237) {
            double exact = 0.5 * Erf.erfc(z / Math.sqrt(2));
            worst = Math.max(worst, Math.abs(StandardNormal.upperTail(z) - exact));
            assertEquals(1 - exact, StandardNormal.cdf(z), 2e-15);
        }
        assertTrue(worst < 2e-15, "worst " + worst);
        // the far upper tail keeps its relative accuracy where 1 − Φ would cancel
        assertEquals(0.5 * Erf.erfc(6 / Math.sqrt(2)), StandardNormal.upperTail(6), 1e-5 * 9.87e-10);
    }
}
