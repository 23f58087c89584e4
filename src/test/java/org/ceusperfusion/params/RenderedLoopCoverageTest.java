package org.ceusperfusion.params;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.Analyzer;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.compare.PercentChange;
import org.ceusperfusion.compare.TimeShift;
import org.ceusperfusion.roi.RoiSpecParser;
import org.ceusperfusion.synth.Ellipse;
import org.ceusperfusion.synth.FrameTiming;
import org.ceusperfusion.synth.Realism;
import org.ceusperfusion.synth.RealisticLoopGenerator;
import org.ceusperfusion.synth.RealisticPhantoms;
import org.ceusperfusion.synth.RealisticSpec;
import org.ceusperfusion.synth.RoiTruth;
import org.ceusperfusion.synth.SyntheticLoopSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Coverage of the 95 % intervals on RENDERED realistic loops, through the whole pipeline of {@code analyze}
 * ({@link RealisticLoopGenerator} grey frames → linearisation → ROI mean → frame checks → fit window → fit
 * → {@link Intervals}) and of the change intervals of a baseline/follow-up pair ({@link PercentChange} for
 * PE, AUC and mTT, {@link TimeShift} in seconds for TTP), against each loop's exact truth.
 *
 * <p>Phantom: the standard realistic phantom ({@link RealisticPhantoms#standard}: tumour bolus 3000 a.u.·s,
 * t0 4 s, σ 0.45, ±20 % smooth amplitude variation, background 30 a.u., 940-px tumour ROI, DR 40 dB) on a
 * 72×40 px frame (the tumour and the normal ROI only, to keep the test fast), 10 frames/s for 60 s. The
 * follow-up has 40 % of the tumour's bolus area and its own seed. Cases: speckle decorrelating over τ = 1 s
 * with the realistic multiplicative noise (CV 0.1) and region gain (CV 0.05 over 5 s), i.e.
 * {@link Realism#defaults()}; the control, independent speckle and nothing else ({@link Realism#off()}); and
 * the realistic case on a tumour whose pixels start spread evenly over ±4 s around its 4 s onset (the
 * earliest with the first frame; {@link RealisticPhantoms#heterogeneousTumour}), whose ROI mean no single
 * lognormal fits (the analysis then fits the lognormal averaged over an onset window).
 * 40 pairs each (80 single-exam intervals, 40 change intervals per parameter), seeds fixed in advance.
 *
 * <p>Asserted: single-exam coverage 85–99 % for each parameter (the acceptance range); change
 * coverage at least 85 % for each parameter and at most 99 % pooled over the four (40 pairs alone cannot
 * tell 99 % from 100 %). The test prints coverage with the mean and SD of z = (estimate − truth)/SE, and
 * the median degrees of freedom, so a miss can be read as bias (mean z) or width (SD z).
 */
class RenderedLoopCoverageTest {
    private static final PerfusionParameter[] CHECKED = {
        PerfusionParameter.PE, PerfusionParameter.AUC, PerfusionParameter.TTP, PerfusionParameter.MTT};
    private static final int PAIRS = Integer.getInteger("ceus.coverage.pairs", 40);
    private static final double FPS = 10;
    private static final double DURATION_S = 60;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"realistic tau 1 s, 1.0, 11000, 0", "independent speckle control, 0, 12000, 0",
        "onset spread ±4 s, 1.0, 13000, 4"})
    void intervalsOnRenderedLoopsCoverTheTruth(String name, double tauS, long seed0, double onsetSpreadS) {
        seed0 += Long.getLong("ceus.coverage.seedOffset", 0);
        Realism realism = tauS > 0 ? Realism.defaults().withSpeckle(tauS, 1) : Realism.off();
        realism = onsetSpreadS > 0 ? realism.withOnsetSpread(onsetSpreadS, false) : realism;
        Tally single = new Tally();
        int[] changeHits = new int[CHECKED.length];
        for (int s = 0; s < PAIRS; s++) {
            long seed = seed0 + 2 * s;
            SyntheticLoopSpec b = smallFrame(onsetSpreadS > 0
                    ? RealisticPhantoms.heterogeneousTumour(onsetSpreadS, 7, seed).base()
                    : RealisticPhantoms.standard(seed).base());
            SyntheticLoopSpec f = b.withTumourBolus(b.tumourBolus().withMeanArea(0.4 * b.tumourBolus().meanArea()))
                    .withSeed(seed0 + 2 * s + 1);
            Exam base = Exam.of(new RealisticSpec(b, realism));
            Exam follow = Exam.of(new RealisticSpec(f, realism));
            single.add(base);
            single.add(follow);
            for (int j = 0; j < CHECKED.length; j++) {
                changeHits[j] += changeCovers(CHECKED[j], base, follow) ? 1 : 0;
            }
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "rendered loops, %s, %.0f fps, %d exams, %d pairs:%n", name, FPS, single.n, PAIRS));
        int pooledChange = 0;
        for (int j = 0; j < CHECKED.length; j++) {
            sb.append(String.format(Locale.ROOT, "  %-4s single %.3f (mean z %+.2f, SD z %.2f, median dof %.1f,"
                    + " median half-width %.2f%s)  change %.3f%n", CHECKED[j].label(), single.hits[j] / (double) single.n,
                    single.meanZ(j), single.sdZ(j), single.medianDof(j), single.medianHalfWidth(j),
                    CHECKED[j] == PerfusionParameter.TTP ? " s" : " %", changeHits[j] / (double) PAIRS));
            pooledChange += changeHits[j];
        }
        System.out.print(sb);
        for (int j = 0; j < CHECKED.length; j++) {
            assertTrue(single.hits[j] >= 0.85 * single.n && single.hits[j] <= CoverageLimits.upper(single.n) * single.n, sb.toString());
            assertTrue(changeHits[j] >= 0.85 * PAIRS, sb.toString());
        }
        assertTrue(pooledChange <= 0.99 * PAIRS * CHECKED.length, sb.toString());
    }

    /** The standard phantom's tumour and normal ROI on a 72×40 px frame (same ROI sizes, fewer pixels). */
    private static SyntheticLoopSpec smallFrame(SyntheticLoopSpec standard) {
        return standard.withSize(72, 40).withTumour(Ellipse.ofBox(4, 5, 40, 30), new Ellipse(26, 20, 3.2, 2.8))
                .withNormal(Ellipse.ofBox(50, 10, 18, 18), standard.normalBolus())
                .withTiming(FrameTiming.regular(FPS, (int) Math.round(DURATION_S * FPS) + 1));
    }

    private static boolean changeCovers(PerfusionParameter q, Exam a, Exam b) {
        ParameterEstimates pa = a.estimates;
        ParameterEstimates pb = b.estimates;
        double ta = truth(a.truth, q);
        double tb = truth(b.truth, q);
        if (q == PerfusionParameter.TTP) {
            return TimeShift.between(pa.value(q), pa.standardError(q), pa.dof(q), pb.value(q),
                    pb.standardError(q), pb.dof(q)).contains(tb - ta);
        }
        return PercentChange.between(pa.value(q), pa.standardError(q), pa.dof(q), pb.value(q),
                pb.standardError(q), pb.dof(q), 0).contains(100 * (tb / ta - 1));
    }

    static double truth(RoiTruth t, PerfusionParameter p) {
        return switch (p) {
            case PE -> t.pe();
            case AUC -> t.auc();
            case TTP -> t.ttpS();
            case MTT -> t.mttS();
            default -> throw new IllegalArgumentException(p.label());
        };
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
    }

    /** Hits, z-scores and degrees of freedom of single-exam intervals. */
    private static final class Tally {
        final int[] hits = new int[CHECKED.length];
        final double[] sumZ = new double[CHECKED.length];
        final double[] sumZ2 = new double[CHECKED.length];
        final java.util.List<java.util.List<Double>> dofs = new java.util.ArrayList<>();
        final java.util.List<java.util.List<Double>> halfWidths = new java.util.ArrayList<>();
        int n;

        Tally() {
            for (int j = 0; j < CHECKED.length; j++) {
                dofs.add(new java.util.ArrayList<>());
                halfWidths.add(new java.util.ArrayList<>());
            }
        }

        void add(Exam e) {
            n++;
            for (int j = 0; j < CHECKED.length; j++) {
                double tv = truth(e.truth, CHECKED[j]);
                double[] ci = e.estimates.ci(CHECKED[j]);
                dofs.get(j).add(e.estimates.dof(CHECKED[j]));
                double half = (ci[1] - ci[0]) / 2;
                halfWidths.get(j).add(CHECKED[j] == PerfusionParameter.TTP ? half : 100 * half / tv);
                hits[j] += ci[0] <= tv && tv <= ci[1] ? 1 : 0;
                double z = (e.estimates.value(CHECKED[j]) - tv) / e.estimates.standardError(CHECKED[j]);
                sumZ[j] += z;
                sumZ2[j] += z * z;
            }
        }

        double meanZ(int j) {
            return sumZ[j] / n;
        }

        double sdZ(int j) {
            double m = meanZ(j);
            return Math.sqrt(Math.max(0, sumZ2[j] / n - m * m));
        }

        /** @return the median of parameter j's own degrees of freedom */
        double medianDof(int j) {
            return median(dofs.get(j));
        }

        /** @return the median half-width of parameter j's intervals, % of the truth (s for TTP) */
        double medianHalfWidth(int j) {
            return median(halfWidths.get(j));
        }

        private static double median(java.util.List<Double> v) {
            return v.stream().sorted().skip(v.size() / 2).findFirst().orElse(Double.NaN);
        }
    }
}
