package org.ceusperfusion.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ceusperfusion.model.LognormalModel;
import org.ceusperfusion.model.LognormalSpreadModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link OnsetSpreadFit} through the ROI analysis's fitter: a curve whose pixels start over an 8 s window from
 * the first frame gets the window (and its true peak time), a plain lognormal keeps the lognormal; both with
 * 3 % multiplicative noise correlated over 1 s (AR(1)) at 10 frames/s, as the realistic phantoms' speckle.
 * (With baseline frames before the earliest onset the window is found less often: docs/intervals.md,
 * "Session 16".)
 */
class OnsetSpreadFitTest {
    private static final double FPS = 10;
    private static final int N = 801;
    private final LevenbergMarquardtFitter fitter = new LevenbergMarquardtFitter().withRecirculationTerm(true)
            .withOnsetSpread(true).withWeighting(FitWeighting.FITTED_VARIANCE);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aCurveSmearedOverAnOnsetWindowGetsTheWindowAndItsPeakTime(long seed) {
        LognormalSpreadModel spread = new LognormalSpreadModel();
        double[] truth = {30, 3000, Math.log(10), 0.45, 0, 8};
        double[][] ty = noisy(t -> spread.value(t, truth), seed);
        FitResult f = fitter.fit(new LognormalModel(), ty[0], ty[1]);
        assertInstanceOf(LognormalSpreadModel.class, f.model(), "seed " + seed);
        assertEquals("lognormal", f.model().name());
        assertEquals(spread.timeToPeakS(truth), f.model().timeToPeakS(f.params()), 0.3, "TTP, seed " + seed);
        assertEquals(8, f.params()[LognormalSpreadModel.W], 2.0, "window, seed " + seed);
        // the plain lognormal's TTP on the same curve is early by about a second
        FitResult plain = new LevenbergMarquardtFitter().withRecirculationTerm(true).fit(new LognormalModel(), ty[0], ty[1]);
        assertTrue(plain.model().timeToPeakS(plain.params()) < spread.timeToPeakS(truth) - 0.5, "seed " + seed);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aPlainLognormalKeepsTheLognormal(long seed) {
        LognormalModel lognormal = new LognormalModel();
        double[] truth = {30, 3000, Math.log(10), 0.45, 4};
        double[][] ty = noisy(t -> lognormal.value(t, truth), seed);
        FitResult f = fitter.fit(lognormal, ty[0], ty[1]);
        assertInstanceOf(LognormalModel.class, f.model(), "seed " + seed);
    }

    /** {@code curve} at 10 frames/s for 80 s with multiplicative AR(1) noise, SD 3 %, correlation time 1 s. */
    private static double[][] noisy(java.util.function.DoubleUnaryOperator curve, long seed) {
        Random r = new Random(seed);
        double rho = Math.exp(-1 / FPS);
        double e = r.nextGaussian();
        double[] t = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            t[i] = i / FPS;
            e = rho * e + Math.sqrt(1 - rho * rho) * r.nextGaussian();
            y[i] = curve.applyAsDouble(t[i]) * (1 + 0.03 * e);
        }
        return new double[][] {t, y};
    }
}
