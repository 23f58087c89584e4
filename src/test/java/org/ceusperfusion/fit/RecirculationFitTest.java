package org.ceusperfusion.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.GammaVariateModel;
import org.ceusperfusion.model.LognormalModel;
import org.ceusperfusion.model.RecirculationModel;
import org.ceusperfusion.synth.CurveNoiseSampler;
import org.ceusperfusion.synth.Realism;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The first pass + recirculation fit ({@link RecirculationFit}, {@link RecirculationModel}) on curves drawn from
 * the realistic phantoms' noise model ({@link CurveNoiseSampler}: speckle correlated over 1 s, multiplicative CV
 * 0.1, background 30 a.u., 900 cells) with a first pass like the phantoms' tumour (lognormal, area 3000 a.u.·s,
 * median 10 s, σ 0.45, onset 4 s; 10 frames/s, 80 s).
 */
class RecirculationFitTest {
    private static final LognormalModel M = new LognormalModel();
    private static final double[] FIRST = {30, 3000, Math.log(10), 0.45, 4};

    static double[] times(double fps, double durationS) {
        double[] t = new double[(int) Math.round(durationS * fps) + 1];
        for (int i = 0; i < t.length; i++) {
            t[i] = i / fps;
        }
        return t;
    }

    /**
     * The first pass's enhancement plus a recirculation that starts {@code delayS} after its onset with
     * {@code fraction} of its area: a {@code width}× stretched copy (the model's own form) when {@code convolved}
     * is false, else the first pass convolved with a gamma kernel (shape 2, mean (width − 1)·mTT), a form the
     * model does not contain.
     */
    static double[] enhancement(double[] t, double[] p, double fraction, double delayS, double width,
                                boolean convolved) {
        double[] e = new double[t.length];
        double theta = Math.max(0.5, (width - 1) * M.meanTransitTimeS(p)) / 2;
        for (int i = 0; i < t.length; i++) {
            double v = M.value(t[i], p) - p[0];
            double tau = t[i] - p[4] - delayS;
            if (tau > 0 && fraction > 0 && !convolved) {
                v += fraction / width * (M.value(p[4] + tau / width, p) - p[0]);
            } else if (tau > 0 && fraction > 0) {
                double s = 0;
                double h = 0.02;
                for (double u = h / 2; u < tau; u += h) {
                    s += u / (theta * theta) * Math.exp(-u / theta) * (M.value(p[4] + tau - u, p) - p[0]) * h;
                }
                v += fraction * s;
            }
            e[i] = v;
        }
        return e;
    }

    @Test
    void analyticGradientMatchesFiniteDifferences() {
        List<BolusModel> bases = List.of(new LognormalModel(), new GammaVariateModel());
        List<double[]> params = List.of(new double[] {30, 3000, Math.log(10), 0.45, 4},
                new double[] {30, 200, 2.5, 3.0, 4});
        for (int b = 0; b < bases.size(); b++) {
            RecirculationModel rm = new RecirculationModel(bases.get(b), 5);
            double[] p = rm.withRecirculation(params.get(b), 0.3, 16, 1.6);
            for (double t : new double[] {3, 8, 19, 25, 33, 50}) {
                double[] g = new double[p.length];
                double v = rm.valueAndGradient(t, p, g);
                assertEquals(rm.value(t, p), v, 1e-9 * Math.abs(v));
                for (int j = 0; j < p.length; j++) {
                    double h = 1e-6 * Math.max(1, Math.abs(p[j]));
                    double[] hi = p.clone();
                    double[] lo = p.clone();
                    hi[j] += h;
                    lo[j] -= h;
                    double fd = (rm.value(t, hi) - rm.value(t, lo)) / (2 * h);
                    assertEquals(fd, g[j], 1e-5 * Math.max(1, Math.abs(fd)), rm.parameterNames().get(j) + " at " + t);
                }
            }
        }
    }

    @Test
    void closedFormsAreTheFirstPassesAndTheRecirculationIsSeparate() {
        RecirculationModel rm = new RecirculationModel(M, 5);
        double[] p = rm.withRecirculation(FIRST, 0.3, 15, 1.5);
        assertEquals(M.area(FIRST), rm.area(p), 1e-9);
        assertEquals(M.meanTransitTimeS(FIRST), rm.meanTransitTimeS(p), 1e-12);
        assertEquals(M.peakEnhancement(FIRST), rm.peakEnhancement(p), 1e-9);
        assertEquals(19, rm.recirculationOnsetS(p), 1e-12);
        assertEquals(0, rm.recirculationValue(18.9, p), 0);
        double area = 0;
        for (double t = 19; t < 600; t += 0.01) {
            area += rm.recirculationValue(t + 0.005, p) * 0.01;
        }
        assertEquals(0.3 * 3000, area, 1.0, "the recirculation's area is r·AUC");
        assertEquals("lognormal", rm.name());
    }

    /**
     * Without the phantoms' 5 % region gain noise (which alone moves a single pass's AUC by a few % per seed; see
     * RealisticPhantomAnalysisTest), the first pass comes out within the acceptance (AUC 5 %, mTT 10 %) for
     * recirculations 15–25 s after the onset with 20–40 % of the area, 1.3–2× wider, of the model's own form and
     * of another (convolution with a dispersion kernel). Measured worst of 4 seeds per row: AUC 1.6–2.3 % (the
     * whole-curve fit: 7.1–45.6 %), mTT 2.0–3.1 %.
     */
    @ParameterizedTest
    @CsvSource({"15, 0.2, 1.5, false", "15, 0.4, 1.3, false", "20, 0.3, 1.5, false", "25, 0.4, 2.0, false",
        "15, 0.3, 1.5, true", "20, 0.2, 1.8, true", "25, 0.4, 1.5, true", "22, 0.3, 2.0, true"})
    void firstPassIsRecoveredUnderRecirculation(double delayS, double fraction, double width, boolean convolved) {
        LevenbergMarquardtFitter fitter = new LevenbergMarquardtFitter().withRecirculationTerm(true);
        double[] t = times(10, 80);
        double[] e = enhancement(t, FIRST, fraction, delayS, width, convolved);
        Realism noGain = Realism.defaults().withNoise(0.1, 0, 5);
        double worstAuc = 0;
        double worstMtt = 0;
        double worstWholeAuc = 0;
        for (int s = 0; s < 4; s++) {
            double[] y = CurveNoiseSampler.sample(t, e, 30, 2, true, 900, 900, noGain, 61_000L + 97 * s);
            FitResult f = fitter.fit(M, t, y);
            FitResult whole = fitter.withFitWindow(FitWindowPolicy.WHOLE_CURVE).fit(M, t, y);
            assertTrue(f.hasRecirculation(), "recirculation term, seed " + s);
            assertEquals(t[t.length - 1], f.windowEndS(), 1e-9, "nothing is cut");
            worstAuc = Math.max(worstAuc, Math.abs(f.model().area(f.params()) / M.area(FIRST) - 1));
            worstMtt = Math.max(worstMtt, Math.abs(f.model().meanTransitTimeS(f.params())
                    / M.meanTransitTimeS(FIRST) - 1));
            worstWholeAuc = Math.max(worstWholeAuc, Math.abs(M.area(whole.params()) / M.area(FIRST) - 1));
        }
        System.out.printf("recirculation %.0f s, %.0f %%, %.1fx, %s: worst AUC error %.1f %% (whole-curve fit %.1f %%),"
                + " mTT %.1f %%%n", delayS, 100 * fraction, width, convolved ? "convolved" : "stretched copy",
                100 * worstAuc, 100 * worstWholeAuc, 100 * worstMtt);
        assertTrue(worstAuc <= 0.05, "AUC error " + worstAuc);
        assertTrue(worstMtt <= 0.10, "mTT error " + worstMtt);
    }

    /**
     * Single-pass curves (the five lognormal truths of params.RealisticCoverageTest, realistic noise with the gain
     * drift) are never cut and rarely get a recirculation term: measured 0 of 500 at 2 frames/s, 1 of 500 at 10
     * frames/s (the old shoulder cut cut 69 of 1000). Seeds differ from those the rule was calibrated on.
     */
    @ParameterizedTest
    @CsvSource({"2", "10"})
    void singlePassCurvesKeepEverySampleAndGetNoTerm(double fps) {
        double[][] truths = {
            {30, 1000, Math.log(20), 0.6, 5}, {30, 4000, Math.log(12), 0.4, 8}, {30, 600, Math.log(25), 0.8, 3},
            {30, 2000, Math.log(15), 0.5, 10}, {30, 1500, Math.log(18), 0.7, 6}};
        LevenbergMarquardtFitter fitter = new LevenbergMarquardtFitter().withRecirculationTerm(true);
        double[] t = times(fps, 75);
        int terms = 0;
        int cut = 0;
        int n = 0;
        for (int c = 0; c < truths.length; c++) {
            double[] e = enhancement(t, truths[c], 0, 0, 1, false);
            for (int k = 0; k < 100; k++) {
                double[] y = CurveNoiseSampler.sample(t, e, 30, 2, true, 940, 940, Realism.defaults(),
                        90_000L + 1000L * c + k);
                FitResult f = fitter.fit(M, t, y);
                n++;
                terms += f.hasRecirculation() ? 1 : 0;
                cut += f.windowEndS() < t[t.length - 1] ? 1 : 0;
            }
        }
        System.out.printf("single pass at %.0f fps: recirculation term on %d of %d curves, %d cut%n", fps, terms, n,
                cut);
        assertEquals(0, cut, "no single-pass curve is cut");
        assertTrue(terms <= n / 100, "false recirculation terms: " + terms + " of " + n);
    }
}
