package org.ceusperfusion.params;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.FitWeighting;
import org.ceusperfusion.fit.LevenbergMarquardtFitter;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.BolusModels;
import org.ceusperfusion.synth.CurveNoiseSampler;
import org.ceusperfusion.synth.Realism;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Coverage of the 95 % intervals of a {@link FitWeighting#FITTED_VARIANCE} fit (the ROI analysis's bolus fitter,
 * recirculation term allowed), 200 seeded curves per case ({@link CurveNoiseSampler}, speckle correlated over 1 s,
 * multiplicative CV 0.1, with or without the 5 % region gain over 5 s).
 *
 * <p>{@link #estimatedIntervalsCoverTheSlowerBolus}: the five lognormal truths and seeds of
 * {@link RealisticCoverageTest}, intervals of {@link Intervals}. Measured (PE / AUC / TTP / mTT; unweighted in
 * brackets): 1 fps gain 0.05: 0.955 / 0.955 / 0.960 / 0.960 (0.940 / 0.960 / 0.950 / 0.960); 2 fps without gain
 * 0.935 / 0.975 / 0.930 / 0.965 (0.925 / 0.970 / 0.925 / 0.965); 2 fps gain 0.05: 0.960 / 0.935 / 0.960 / 0.960
 * (0.945 / 0.950 / 0.950 / 0.970); 10 fps without gain 0.945 / 0.950 / 0.960 / 0.965 (0.950 / 0.970 / 0.935 / 0.975).
 *
 * <p>{@link #trueNoiseSandwichCoversTheFastBolus}: the fast bolus of {@code WeightedFitTest}, where the intervals
 * from the estimated noise do not cover (weighted 0.82–0.88 at 1–2 fps without gain, 0.985–0.995 at 2 fps with it;
 * unweighted 0.24–0.84 and 0.90–0.92; docs/intervals.md): the weighted sandwich with the sampler's true noise
 * covariance covers 0.95 / 0.96 / 0.95 / 0.97 at 1 fps, 0.96 / 0.96 / 0.955 / 0.955 at 2 fps and 0.945 / 0.935 /
 * 0.965 / 0.955 at 2 fps with the gain: the sandwich is right, the noise estimate on 4–8 bolus frames is what fails.
 * Asserted: 90–98 % each.
 */
class WeightedCoverageTest {
    private static final PerfusionParameter[] CHECKED = {
        PerfusionParameter.PE, PerfusionParameter.AUC, PerfusionParameter.TTP, PerfusionParameter.MTT};
    private static final int CURVES = 200;
    private static final BolusModel M = BolusModels.fromLabel("lognormal");
    private static final LevenbergMarquardtFitter WEIGHTED = new LevenbergMarquardtFitter().withRecirculationTerm(true)
            .withWeighting(FitWeighting.FITTED_VARIANCE);

    @ParameterizedTest(name = "{0} fps, gain CV {1}")
    @CsvSource({"1, 0.05", "2, 0", "2, 0.05", "10, 0"})
    void estimatedIntervalsCoverTheSlowerBolus(double fps, double gainCv) {
        Realism re = Realism.defaults().withSpeckle(1, 1).withNoise(0.1, gainCv, 5);
        double[] t = ModelCiCoverageCase.times(fps, 75);
        int[] hits = new int[CHECKED.length];
        for (int k = 0; k < CURVES; k++) {
            double[] p = WeightingSurvey.SLOW[k % WeightingSurvey.SLOW.length];
            double[] y = CurveNoiseSampler.sample(t, enhancement(p, t), 30, 2, true, 940, 940, re,
                    1000L * (k % WeightingSurvey.SLOW.length) + k / WeightingSurvey.SLOW.length);
            FitResult fit = WEIGHTED.fit(M, t, y);
            tally(hits, Intervals.compute(fit, t, y), ParameterCalculator.values(M, p));
        }
        checkErringWide(hits, String.format("weighted intervals, slower bolus, %.0f fps, gain %.2f:", fps, gainCv));
    }

    /**
     * The fast bolus (rise 3 s, the case where one loop holds only a few speckle correlation times) with the
     * analysis default, an unweighted fit, and the intervals of {@link Intervals} from the estimated noise.
     */
    @ParameterizedTest(name = "{0} fps")
    @CsvSource({"1", "2", "10"})
    void estimatedIntervalsCoverTheFastBolus(double fps) {
        Realism re = Realism.defaults().withSpeckle(1, 1).withNoise(0.1, 0, 5);
        double[] p = WeightingSurvey.FAST;
        double[] t = ModelCiCoverageCase.times(fps, 40);
        double[] e = enhancement(p, t);
        LevenbergMarquardtFitter plain = new LevenbergMarquardtFitter().withRecirculationTerm(true);
        int[] hits = new int[CHECKED.length];
        for (int k = 0; k < CURVES; k++) {
            double[] y = CurveNoiseSampler.sample(t, e, 30, 2, true, 900, 900, re, 7_000_000L + k);
            FitResult fit = plain.fit(M, t, y);
            tally(hits, Intervals.compute(fit, t, y), ParameterCalculator.values(M, p));
        }
        checkErringWide(hits, String.format("unweighted fits, estimated noise, fast bolus, %.0f fps:", fps));
    }

    @ParameterizedTest(name = "{0} fps, gain CV {1}")
    @CsvSource({"1, 0", "2, 0", "2, 0.05"})
    void trueNoiseSandwichCoversTheFastBolus(double fps, double gainCv) {
        Realism re = Realism.defaults().withSpeckle(1, 1).withNoise(0.1, gainCv, 5);
        double[] p = WeightingSurvey.FAST;
        double[] t = ModelCiCoverageCase.times(fps, 40);
        double[] e = enhancement(p, t);
        double[][] v = WeightingSurvey.trueCovariance(t, e, 900, re);
        int[] hits = new int[CHECKED.length];
        for (int k = 0; k < CURVES; k++) {
            double[] y = CurveNoiseSampler.sample(t, e, 30, 2, true, 900, 900, re, 7_000_000L + k);
            FitResult fit = WEIGHTED.fit(M, t, y);
            double[][] cov = WeightingSurvey.oracle(fit, t, v);
            if (cov != null) {
                tally(hits, ParameterCalculator.compute(fit, cov, 1.959964), ParameterCalculator.values(M, p));
            }
        }
        check(hits, String.format("weighted sandwich with the true noise, fast bolus, %.0f fps, gain %.2f:", fps,
                gainCv));
    }

    private static void tally(int[] hits, ParameterEstimates est, double[] truth) {
        for (int j = 0; j < CHECKED.length; j++) {
            double tv = truth[CHECKED[j].ordinal()];
            double[] ci = est.ci(CHECKED[j]);
            hits[j] += ci[0] <= tv && tv <= ci[1] ? 1 : 0;
        }
    }

    private static void check(int[] hits, String label) {
        String s = report(hits, label);
        for (int h : hits) {
            assertTrue(h >= 0.90 * CURVES && h <= 0.98 * CURVES, s);
        }
    }

    /**
     * At least 90 % per parameter and at most 98.5 % pooled over the four: the estimated intervals err wide on some
     * parameters (each parameter's own ν counts how poorly one loop knows its speckle and gain), e.g. AUC 200 of 200
     * at 2 fps without gain.
     */
    static void checkErringWide(int[] hits, String label) {
        String s = report(hits, label);
        int pooled = 0;
        for (int h : hits) {
            assertTrue(h >= 0.90 * CURVES, s);
            pooled += h;
        }
        assertTrue(pooled <= 0.985 * CURVES * hits.length, s);
    }

    private static String report(int[] hits, String label) {
        StringBuilder sb = new StringBuilder(label);
        for (int j = 0; j < CHECKED.length; j++) {
            sb.append(String.format(" %s %.3f", CHECKED[j].label(), hits[j] / (double) CURVES));
        }
        System.out.println(sb);
        return sb.toString();
    }

    private static double[] enhancement(double[] p, double[] t) {
        double[] e = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            e[i] = M.value(t[i], p) - p[0];
        }
        return e;
    }
}
