package org.ceusperfusion.params;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.Analyzer;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.compare.PercentChange;
import org.ceusperfusion.compare.TimeShift;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.LevenbergMarquardtFitter;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.BolusModels;
import org.ceusperfusion.roi.RoiSpecParser;
import org.ceusperfusion.synth.CurveNoiseSampler;
import org.ceusperfusion.synth.Ellipse;
import org.ceusperfusion.synth.FrameTiming;
import org.ceusperfusion.synth.Realism;
import org.ceusperfusion.synth.RealisticLoopGenerator;
import org.ceusperfusion.synth.RealisticPhantoms;
import org.ceusperfusion.synth.RealisticSpec;
import org.ceusperfusion.synth.RoiTruth;
import org.ceusperfusion.synth.SyntheticLoopSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The acceptance scenario read literally: bubble speckle correlated over τ = 1 s with the realistic
 * white multiplicative noise (CV 0.1) and NO slow region gain
 * ({@code Realism.defaults().withSpeckle(1, 1).withNoise(0.1, 0, 5)}), at 10 frames/s. Before the bolus-window
 * correlation estimate of {@link CorrelatedCovariance} these intervals covered PE in 0.60–0.71 with SD z 2–3.4.
 *
 * <p>Curves ({@link CurveNoiseSampler}, the five lognormal truths of {@link RealisticCoverageTest}, 30 each,
 * seeds not used during development): single-exam coverage of PE, AUC, TTP and mTT each ≥ 90 %, at most 98.5 %
 * pooled over the four, and the SD of z = (estimate − truth)/SE within 0.7–1.3 each; the same for white
 * multiplicative noise (τ = 0), the control that must not be widened, and at 2 frames/s (200 curves). Measured
 * with the structured noise model and each parameter's own ν (session 14), τ 1 s at 10 fps: 0.953 / 0.980 /
 * 0.987 / 1.000 (SD z 0.87–1.02: mTT errs wide); 2 fps 0.980 / 0.970 / 0.990 / 0.980 (SD z 0.90–0.99). The
 * stationary model before it (bolus-window correlation, removed): 10 fps 0.960 / 0.993 / 0.973 / 0.953, white
 * 0.953 / 0.973 / 0.973 / 0.947, 2 fps 0.925 / 0.950 / 0.935 / 0.920. Rendered loops (the set-up of
 * {@link RenderedLoopCoverageTest}, 30 baseline/follow-up pairs): single-exam coverage ≥ 85 % and at most the
 * 99 % binomial limit of a true 95 % per parameter ({@link CoverageLimits#upper}; 60 intervals: 100 % allowed),
 * change coverage ≥ 85 % per parameter, the acceptance range; measured single 1.000 / 0.983 / 0.967 /
 * 0.967, change 0.967 / 0.933 / 0.933 / 1.000.
 */
class SpeckleOnlyCoverageTest {
    private static final PerfusionParameter[] CHECKED = {
        PerfusionParameter.PE, PerfusionParameter.AUC, PerfusionParameter.TTP, PerfusionParameter.MTT};
    private static final double[][] TRUTHS = {
        {30, 1000, Math.log(20), 0.6, 5}, {30, 4000, Math.log(12), 0.4, 8}, {30, 600, Math.log(25), 0.8, 3},
        {30, 2000, Math.log(15), 0.5, 10}, {30, 1500, Math.log(18), 0.7, 6}};
    private static final int PAIRS = 30;
    private static final double FPS = 10;

    @ParameterizedTest(name = "speckle tau {1} s, no gain, {0} fps curves, {2} per truth")
    @CsvSource({"10, 1.0, 30", "10, 0, 30", "2, 1.0, 40"})
    void curveIntervalsCoverTheTruthWithoutSlowGain(double fps, double tauS, int perTruth) {
        BolusModel m = BolusModels.fromLabel("lognormal");
        LevenbergMarquardtFitter fitter = new LevenbergMarquardtFitter();
        Realism re = Realism.defaults().withSpeckle(tauS, 1).withNoise(0.1, 0, 5);
        Tally tally = new Tally();
        double[] t = ModelCiCoverageCase.times(fps, 75);
        for (int c = 0; c < TRUTHS.length; c++) {
            double[] truth = ParameterCalculator.values(m, TRUTHS[c]);
            double[] e = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                e[i] = m.value(t[i], TRUTHS[c]) - TRUTHS[c][0];
            }
            for (int k = 0; k < perTruth; k++) {
                double[] y = CurveNoiseSampler.sample(t, e, 30, 2, true, 940, 940, re, 70_000L + 1000L * c + k);
                FitResult fit = fitter.fit(m, t, y);
                ParameterEstimates est = Intervals.compute(fit, t, y);
                double[] tv = new double[CHECKED.length];
                for (int j = 0; j < CHECKED.length; j++) {
                    tv[j] = truth[CHECKED[j].ordinal()];
                }
                tally.add(est, tv);
            }
        }
        String s = tally.report(String.format(Locale.ROOT, "curves, speckle tau %.1f s, no gain, %.0f fps", tauS, fps));
        System.out.print(s);
        int pooled = 0;
        // per parameter at least 90 % and a standard error within 0.7-1.3 of the real spread; pooled over the four
        // parameters at most 98.5 % (the intervals err wide here: each parameter's own ν, e.g. mTT 150/150 at 10 fps)
        for (int j = 0; j < CHECKED.length; j++) {
            assertTrue(tally.hits[j] >= 0.90 * tally.n, s);
            assertTrue(tally.sdZ(j) >= 0.7 && tally.sdZ(j) <= 1.3, s);
            pooled += tally.hits[j];
        }
        assertTrue(pooled <= 0.985 * tally.n * CHECKED.length, s);
    }

    @Test
    void renderedLoopIntervalsCoverTheTruthWithoutSlowGain() {
        Realism realism = Realism.defaults().withSpeckle(1, 1).withNoise(0.1, 0, 5);
        Tally single = new Tally();
        int[] changeHits = new int[CHECKED.length];
        long seed0 = 21_000;
        for (int s = 0; s < PAIRS; s++) {
            SyntheticLoopSpec b = smallFrame(RealisticPhantoms.standard(seed0 + 2 * s).base());
            SyntheticLoopSpec f = b.withTumourBolus(b.tumourBolus().withMeanArea(0.4 * b.tumourBolus().meanArea()))
                    .withSeed(seed0 + 2 * s + 1);
            Exam base = Exam.of(new RealisticSpec(b, realism));
            Exam follow = Exam.of(new RealisticSpec(f, realism));
            single.add(base.estimates, base.truths());
            single.add(follow.estimates, follow.truths());
            for (int j = 0; j < CHECKED.length; j++) {
                changeHits[j] += changeCovers(CHECKED[j], base, follow) ? 1 : 0;
            }
        }
        StringBuilder sb = new StringBuilder(single.report("rendered loops, speckle tau 1 s, no gain, 10 fps"));
        for (int j = 0; j < CHECKED.length; j++) {
            sb.append(String.format(Locale.ROOT, "  %-4s change %.3f%n", CHECKED[j].label(),
                    changeHits[j] / (double) PAIRS));
        }
        System.out.print(sb);
        for (int j = 0; j < CHECKED.length; j++) {
            assertTrue(single.hits[j] >= 0.85 * single.n && single.hits[j] <= CoverageLimits.upper(single.n) * single.n, sb.toString());
            assertTrue(changeHits[j] >= 0.85 * PAIRS, sb.toString());
        }
    }

    private static SyntheticLoopSpec smallFrame(SyntheticLoopSpec standard) {
        return standard.withSize(72, 40).withTumour(Ellipse.ofBox(4, 5, 40, 30), new Ellipse(26, 20, 3.2, 2.8))
                .withNormal(Ellipse.ofBox(50, 10, 18, 18), standard.normalBolus())
                .withTiming(FrameTiming.regular(FPS, 601));
    }

    private static boolean changeCovers(PerfusionParameter q, Exam a, Exam b) {
        ParameterEstimates pa = a.estimates;
        ParameterEstimates pb = b.estimates;
        double ta = RenderedLoopCoverageTest.truth(a.truth, q);
        double tb = RenderedLoopCoverageTest.truth(b.truth, q);
        if (q == PerfusionParameter.TTP) {
            return TimeShift.between(pa.value(q), pa.standardError(q), pa.intervals().dof(), pb.value(q),
                    pb.standardError(q), pb.intervals().dof()).contains(tb - ta);
        }
        return PercentChange.between(pa.value(q), pa.standardError(q), pa.intervals().dof(), pb.value(q),
                pb.standardError(q), pb.intervals().dof(), 0).contains(100 * (tb / ta - 1));
    }

    /** One rendered loop analysed as {@code ceus analyze} does, with its tumour truth. */
    private record Exam(RoiTruth truth, ParameterEstimates estimates) {
        static Exam of(RealisticSpec spec) {
            var loop = RealisticLoopGenerator.generate(spec);
            RoiTruth truth = loop.truth().tumour();
            RoiAnalysis r = Analyzer.analyze(loop.loop(), null, List.of(RoiSpecParser.parse(truth.spec(), "tumour")),
                    null, AnalysisSettings.logCompressed(40)).target();
            return new Exam(truth, r.parameters());
        }

        double[] truths() {
            double[] v = new double[CHECKED.length];
            for (int j = 0; j < CHECKED.length; j++) {
                v[j] = RenderedLoopCoverageTest.truth(truth, CHECKED[j]);
            }
            return v;
        }
    }

    /** Hits, z-scores and degrees of freedom of single-exam intervals. */
    private static final class Tally {
        final int[] hits = new int[CHECKED.length];
        final double[] sumZ = new double[CHECKED.length];
        final double[] sumZ2 = new double[CHECKED.length];
        final java.util.List<Double> dofs = new java.util.ArrayList<>();
        int n;

        void add(ParameterEstimates est, double[] truth) {
            n++;
            dofs.add(est.intervals().dof());
            for (int j = 0; j < CHECKED.length; j++) {
                double[] ci = est.ci(CHECKED[j]);
                hits[j] += ci[0] <= truth[j] && truth[j] <= ci[1] ? 1 : 0;
                double z = (est.value(CHECKED[j]) - truth[j]) / est.standardError(CHECKED[j]);
                sumZ[j] += z;
                sumZ2[j] += z * z;
            }
        }

        double sdZ(int j) {
            double m = sumZ[j] / n;
            return Math.sqrt(Math.max(0, sumZ2[j] / n - m * m));
        }

        String report(String title) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s, %d intervals:%n", title, n));
            double medianDof = dofs.stream().sorted().skip(n / 2).findFirst().orElse(Double.NaN);
            for (int j = 0; j < CHECKED.length; j++) {
                sb.append(String.format(Locale.ROOT, "  %-4s single %.3f (mean z %+.2f, SD z %.2f, median dof %.1f)%n",
                        CHECKED[j].label(), hits[j] / (double) n, sumZ[j] / n, sdZ(j), medianDof));
            }
            return sb.toString();
        }
    }
}
