package org.ceusperfusion.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.Analyzer;
import org.ceusperfusion.synth.DemoLoops;
import org.ceusperfusion.synth.RoiTruth;
import org.ceusperfusion.synth.SpeckleMode;
import org.ceusperfusion.synth.SyntheticLoop;
import org.ceusperfusion.synth.SyntheticLoopGenerator;
import org.ceusperfusion.synth.SyntheticLoopSpec;
import org.ceusperfusion.roi.RoiSpecParser;
import org.junit.jupiter.api.Test;

/**
 * The bundled day-14 demo loop's PE interval misses its truth (57.55 [55.67, 59.44] against 60.80, z = −3.4).
 * This test separates an estimator bias from the draw of that one loop: the same day-14 specification
 * ({@link DemoLoops#day14()}) rendered with 60 other seeds (5000–5059, each with its own exact truth) and
 * analysed as {@code ceus analyze} does. Asserted per parameter (PE, AUC, TTP, mTT): no bias (mean z within
 * ±0.35, i.e. under a third of a standard error; the SE of the mean is 0.13), honest width (SD of z 0.75–1.25)
 * and coverage of at least 85 %. Measured: PE mean z −0.08, SD 0.96, coverage 0.93; AUC −0.09, 0.97, 0.97;
 * TTP +0.10, 0.84, 0.98; mTT +0.21, 0.90, 0.98 (over 120 seeds: PE −0.05, 1.02, 0.92, the lowest PE z −2.6).
 * And the noise-free loop (no speckle, constant noise floor) fits the truth within 0.3 % (measured: PE 0.03 %,
 * AUC −0.12 %, the grey-level rounding): rendering, log compression and linearisation add no bias.
 */
class DemoSpecificationIntervalsTest {
    private static final PerfusionParameter[] CHECKED = {
        PerfusionParameter.PE, PerfusionParameter.AUC, PerfusionParameter.TTP, PerfusionParameter.MTT};
    private static final int SEEDS = 60;

    @Test
    void dayFourteenSpecificationIsUnbiasedWithHonestIntervalsOverOtherSeeds() {
        double[] sum = new double[CHECKED.length];
        double[] sum2 = new double[CHECKED.length];
        int[] hits = new int[CHECKED.length];
        for (int s = 0; s < SEEDS; s++) {
            SyntheticLoop loop = SyntheticLoopGenerator.generate(DemoLoops.day14().withSeed(5000 + s));
            RoiTruth truth = loop.truth().tumour();
            ParameterEstimates p = analyze(loop);
            for (int j = 0; j < CHECKED.length; j++) {
                double tv = RenderedLoopCoverageTest.truth(truth, CHECKED[j]);
                double z = (p.value(CHECKED[j]) - tv) / p.standardError(CHECKED[j]);
                sum[j] += z;
                sum2[j] += z * z;
                double[] ci = p.ci(CHECKED[j]);
                hits[j] += ci[0] <= tv && tv <= ci[1] ? 1 : 0;
            }
        }
        StringBuilder sb = new StringBuilder("day-14 specification, " + SEEDS + " seeds:");
        double[] mean = new double[CHECKED.length];
        double[] sd = new double[CHECKED.length];
        for (int j = 0; j < CHECKED.length; j++) {
            mean[j] = sum[j] / SEEDS;
            sd[j] = Math.sqrt(sum2[j] / SEEDS - mean[j] * mean[j]);
            sb.append(String.format(Locale.ROOT, " %s mean z %+.2f SD z %.2f coverage %.3f;", CHECKED[j].label(),
                    mean[j], sd[j], hits[j] / (double) SEEDS));
        }
        System.out.println(sb);
        for (int j = 0; j < CHECKED.length; j++) {
            assertTrue(Math.abs(mean[j]) <= 0.35, sb.toString());
            assertTrue(sd[j] >= 0.75 && sd[j] <= 1.25, sb.toString());
            assertTrue(hits[j] >= 0.85 * SEEDS, sb.toString());
        }
    }

    @Test
    void noiseFreeDayFourteenLoopFitsItsTruth() {
        SyntheticLoopSpec quiet = DemoLoops.day14().withSpeckle(SpeckleMode.NONE).withNoiseFloor(2, false);
        SyntheticLoop loop = SyntheticLoopGenerator.generate(quiet);
        RoiTruth truth = loop.truth().tumour();
        ParameterEstimates p = analyze(loop);
        // 0.3 %: well under the 2 % bias once suspected; one grey level is a 3.7 % step of power (DR 40 dB)
        assertEquals(truth.pe(), p.value(PerfusionParameter.PE), 3e-3 * truth.pe());
        assertEquals(truth.auc(), p.value(PerfusionParameter.AUC), 3e-3 * truth.auc());
        assertEquals(truth.ttpS(), p.value(PerfusionParameter.TTP), 0.05);
        assertEquals(truth.mttS(), p.value(PerfusionParameter.MTT), 0.05);
    }

    private static ParameterEstimates analyze(SyntheticLoop loop) {
        RoiTruth truth = loop.truth().tumour();
        return Analyzer.analyze(loop.loop(), null, List.of(RoiSpecParser.parse(truth.spec(), "tumour")), null,
                AnalysisSettings.logCompressed(40)).target().parameters();
    }
}
