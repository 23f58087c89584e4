package org.ceusperfusion.params;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.LevenbergMarquardtFitter;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.BolusModels;
import org.ceusperfusion.synth.CurveNoiseSampler;
import org.ceusperfusion.synth.Realism;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Coverage of the analysis's (unweighted) 95 % intervals on the fast bolus (rise 3 s, σ 0.35, 40-s loop, 900 speckle
 * cells; {@link WeightingSurvey#FAST}): bubble speckle correlated over 1 s, multiplicative CV 0.1, no region gain,
 * 200 seeded curves per frame rate (seeds 8 000 000 +, not those of the survey), the ROI analysis's bolus fitter
 * (recirculation term allowed). The intervals' noise model must see that the noise is white at the baseline and
 * correlated speckle at the peak ({@link StructuredNoise}); the earlier stationary-correlation model covered PE
 * 0.24 / 0.67 / 0.77 at 1 / 2 / 10 fps on the survey's seeds, 0.270 / 0.660 / 0.770 on these (docs/intervals.md).
 * Asserted: 90–98 % for PE, AUC, TTP and mTT. Disabled until a noise model passes it.
 */
@Disabled("fails with either noise model; the structured one (-Dceus.noise=structured, not the default) covers "
        + "PE/AUC/TTP/mTT 0.945/0.940/0.960/0.995 (1 fps), 0.895/0.865/0.935/0.965 (2 fps), 0.970/0.940/0.985/0.995 "
        + "(10 fps); the shipped one 0.27-0.90 (docs/intervals.md, 'A physically structured noise model')")
class FastBolusCoverageTest {
    private static final PerfusionParameter[] CHECKED = {
        PerfusionParameter.PE, PerfusionParameter.AUC, PerfusionParameter.TTP, PerfusionParameter.MTT};
    private static final int CURVES = 200;
    private static final BolusModel M = BolusModels.fromLabel("lognormal");
    private static final LevenbergMarquardtFitter FITTER = new LevenbergMarquardtFitter().withRecirculationTerm(true);

    @ParameterizedTest(name = "{0} fps")
    @CsvSource({"1", "2", "10"})
    void intervalsCoverTheFastBolus(double fps) {
        Realism re = Realism.defaults().withSpeckle(1, 1).withNoise(0.1, 0, 5);
        double[] p = WeightingSurvey.FAST;
        double[] t = ModelCiCoverageCase.times(fps, 40);
        double[] e = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            e[i] = M.value(t[i], p) - p[0];
        }
        double[] truth = ParameterCalculator.values(M, p);
        int[] hits = new int[CHECKED.length];
        double[] z2 = new double[CHECKED.length];
        int n = 0;
        for (int k = 0; k < CURVES; k++) {
            double[] y = CurveNoiseSampler.sample(t, e, 30, 2, true, 900, 900, re, 8_000_000L + k);
            FitResult fit = FITTER.fit(M, t, y);
            if (!fit.hasParameters()) {
                continue;
            }
            n++;
            ParameterEstimates est = Intervals.compute(fit, t, y);
            for (int j = 0; j < CHECKED.length; j++) {
                double tv = truth[CHECKED[j].ordinal()];
                double[] ci = est.ci(CHECKED[j]);
                hits[j] += ci[0] <= tv && tv <= ci[1] ? 1 : 0;
                double z = (est.value(CHECKED[j]) - tv) / est.standardError(CHECKED[j]);
                z2[j] += z * z;
            }
        }
        StringBuilder sb = new StringBuilder(String.format("fast bolus, %.0f fps, %d curves:", fps, n));
        for (int j = 0; j < CHECKED.length; j++) {
            sb.append(String.format(" %s %.3f (rms z %.2f)", CHECKED[j].label(), hits[j] / (double) n,
                    Math.sqrt(z2[j] / n)));
        }
        System.out.println(sb);
        assertTrue(n >= CURVES - 2, sb.toString());
        for (int h : hits) {
            assertTrue(h >= 0.90 * n && h <= 0.98 * n, sb.toString());
        }
    }
}
