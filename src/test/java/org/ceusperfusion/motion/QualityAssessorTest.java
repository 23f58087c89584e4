package org.ceusperfusion.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.LevenbergMarquardtFitter;
import org.ceusperfusion.model.BolusModels;
import org.ceusperfusion.tic.TimeIntensityCurve;
import org.junit.jupiter.api.Test;

/** Quality flags and the NOT_INTERPRETABLE verdict on crafted curves. */
class QualityAssessorTest {
    private static final double[] T = times(240, 0.25);

    @Test
    void aCleanBolusIsInterpretableWithoutFlags() {
        RoiQuality q = assess(curve(1, 0, 0, 0), 0);
        assertTrue(q.interpretable(), q.toString());
        assertEquals(java.util.List.of(), q.flags());
        assertTrue(Math.abs(q.residualLag1()) < 0.2, q.toString());
        assertEquals(2, q.durbinWatson(), 0.4);
    }

    @Test
    void periodicMotionGivesAutocorrelatedResiduals() {
        RoiQuality q = assess(curve(1, 0.15, 0, 0), 0);
        assertTrue(q.flags().contains("autocorrelated-residuals"), q.toString());
        assertTrue(q.residualLag1() > 0.5 && q.durbinWatson() < 1, q.toString());
    }

    @Test
    void aCutOffBolusIsFlaggedAtTheEdge() {
        double[] y = curve(1, 0, 0, 0);
        RoiQuality q = assessOn(Arrays.copyOf(T, 48), Arrays.copyOf(y, 48), 0);
        assertTrue(q.flags().contains("peak-at-edge"), q.toString());
        assertTrue(q.peakAtEdge());
    }

    @Test
    void saturatedOrNoiseOnlyCurvesAreNotInterpretable() {
        RoiQuality sat = assess(curve(1, 0, 0, 0), 0.4);
        assertFalse(sat.interpretable(), sat.toString());
        assertTrue(sat.flags().containsAll(java.util.List.of("clipped", "saturated")));
        assertEquals(RoiQuality.NOT_INTERPRETABLE, sat.status());

        RoiQuality noise = assess(curve(0.02, 0, 0, 3), 0);
        assertFalse(noise.interpretable(), noise.toString());
    }

    private static RoiQuality assess(double[] y, double clipped) {
        return assessOn(T, y, clipped);
    }

    private static RoiQuality assessOn(double[] t, double[] y, double clipped) {
        double[] c = new double[t.length];
        Arrays.fill(c, clipped);
        TimeIntensityCurve tic = new TimeIntensityCurve("roi", t, y, c);
        FitResult fit = new LevenbergMarquardtFitter().fit(BolusModels.fromLabel("lognormal"), t, y);
        boolean[] used = new boolean[t.length];
        Arrays.fill(used, true);
        return QualityAssessor.assess(tic, used, fit, null, null);
    }

    /** Lognormal bolus (A = 1000·scale) on baseline 30, times (1 + wobble·sin(2πt/4)), plus Gaussian noise. */
    private static double[] curve(double scale, double wobble, double unused, double noiseSd) {
        SplittableRandom rng = new SplittableRandom(11);
        double[] y = new double[T.length];
        for (int i = 0; i < y.length; i++) {
            double tau = T[i] - 4;
            double b = tau > 0 ? 1000 * scale / (Math.sqrt(2 * Math.PI) * 0.5 * tau)
                    * Math.exp(-Math.pow(Math.log(tau) - Math.log(12), 2) / (2 * 0.25)) : 0;
            y[i] = (30 + b) * (1 + wobble * Math.sin(2 * Math.PI * T[i] / 4)) + rng.nextGaussian() * (0.5 + noiseSd);
        }
        return y;
    }

    private static double[] times(int n, double dt) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * dt;
        }
        return t;
    }
}
