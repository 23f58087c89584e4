package org.ceusperfusion.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.roi.RoiSpecParser;
import org.ceusperfusion.synth.RealisticLoop;
import org.ceusperfusion.synth.RealisticLoopGenerator;
import org.ceusperfusion.synth.RealisticPhantoms;
import org.ceusperfusion.synth.RealisticSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The non-enhancing fraction against the phantoms' true necrotic fraction (pixels with no bubbles; a weakly
 * enhancing rim counts as perfused): weak rims, onset spread, contrast mode with black necrosis, small ROIs
 * around the core, and two exams that differ only in how much weakly enhancing tissue the ROI holds.
 */
class NonEnhancingPhantomTest {

    static RoiAnalysis analyze(RealisticLoop r, String spec) {
        RoiMask roi = RoiSpecParser.parse(spec, "tumour");
        AnalysisSettings s = AnalysisSettings.logCompressed(r.truth().realistic().base().dynamicRangeDb());
        return Analyzer.analyze(r.loop(), null, List.of(roi), null, s).target();
    }

    static double truth(RealisticLoop r, String spec) {
        RoiMask roi = RoiSpecParser.parse(spec, "tumour");
        int w = r.loop().width();
        boolean[] mask = new boolean[w * r.loop().height()];
        for (int i : roi.pixelIndices(w, r.loop().height())) {
            mask[i] = true;
        }
        return r.truth().pixels().necroticFraction(mask);
    }

    static void check(String what, RealisticLoop r, String spec) {
        RoiAnalysis a = analyze(r, spec);
        double t = truth(r, spec);
        System.out.printf("%s %s: non-enhancing %.4f truth %.4f (%+.4f), quality %s %s%n", what, spec,
                a.nonEnhancingFraction(), t, a.nonEnhancingFraction() - t, a.quality().status(), a.quality().flags());
        assertEquals(t, a.nonEnhancingFraction(), 0.05, what);
        assertTrue(a.quality().interpretable(), a.quality().reasons().toString());
    }

    @ParameterizedTest
    @CsvSource({"1.5, 0.1, 41", "3, 0.15, 42", "2, 0.2, 43"})
    void weakRimAroundANecroticCore(double rimPx, double ratio, long seed) {
        RealisticLoop r = RealisticLoopGenerator.generate(RealisticPhantoms.weakRimNecrosis(rimPx, ratio, seed));
        check("rim " + rimPx + " px x" + ratio, r, r.truth().tumour().spec());
        check("rim small ROI", r, "oval:46,32,28,20");
    }

    @ParameterizedTest
    @CsvSource({"4, 10, 51", "4, 5, 52", "2, 15, 53"})
    void onsetSpreadInsideTheTumour(double spread, double delay, long seed) {
        RealisticLoop r = RealisticLoopGenerator.generate(RealisticPhantoms.heterogeneousTumour(spread, delay, seed));
        check("onset +-" + spread + " s", r, r.truth().tumour().spec());
    }

    @ParameterizedTest
    @CsvSource({"false, 61", "true, 62"})
    void contrastModeWithBlackNecrosis(boolean topClipping, long seed) {
        RealisticLoop r = RealisticLoopGenerator.generate(RealisticPhantoms.contrastMode(topClipping, seed));
        RoiAnalysis a = analyze(r, r.truth().tumour().spec());
        assertFalse(a.quality().flags().contains("saturated") && !topClipping, a.quality().flags().toString());
        if (!topClipping) {
            check("contrast mode", r, r.truth().tumour().spec());
        } else {
            double t = truth(r, r.truth().tumour().spec());
            System.out.printf("contrast clipped: non-enhancing %.4f truth %.4f, flags %s%n", a.nonEnhancingFraction(),
                    t, a.quality().flags());
            assertEquals(t, a.nonEnhancingFraction(), 0.05);
        }
    }

    /** Two ROIs of one exam differing only in the share of weakly enhancing rim: same criterion, same core. */
    @ParameterizedTest
    @CsvSource({"3, 0.15, 71"})
    void theShareOfWeakTissueDoesNotMoveTheCriterion(double rimPx, double ratio, long seed) {
        RealisticLoop r = RealisticLoopGenerator.generate(RealisticPhantoms.weakRimNecrosis(rimPx, ratio, seed));
        String tight = "oval:47,33,26,18";
        String wide = "oval:44,30,32,24";
        double errTight = analyze(r, tight).nonEnhancingFraction() - truth(r, tight);
        double errWide = analyze(r, wide).nonEnhancingFraction() - truth(r, wide);
        System.out.printf("rim share: error tight %+.4f, wide %+.4f%n", errTight, errWide);
        assertEquals(errTight, errWide, 0.05);
    }

    /**
     * Issue 13: two exams of the same core that differ only in the share of weakly enhancing tissue (a 1 px vs a
     * 4 px rim at 10 % or 1.5 vs 5 px at 15 %), whole-tumour ROI, on seeds the local-tissue rule was not tuned on.
     * The own-floor rule (2 dB) read +0.015/+0.063 (differ by 0.048), +0.006/+0.048 (0.042) and +0.021/+0.080
     * (0.059) on these seeds; measured with the default local-tissue rule: +0.005/+0.032 (0.027), +0.002/+0.003
     * (0.001), +0.003/+0.014 (0.011).
     */
    @ParameterizedTest
    @CsvSource({"1, 4, 0.1, 571, 671", "1, 4, 0.1, 771, 871", "1.5, 5, 0.15, 773, 873"})
    void twoExamsDifferingOnlyInTheWeakRimShare(double narrow, double wide, double ratio, long s1, long s2) {
        RealisticLoop a = RealisticLoopGenerator.generate(RealisticPhantoms.weakRimNecrosis(narrow, ratio, s1));
        RealisticLoop b = RealisticLoopGenerator.generate(RealisticPhantoms.weakRimNecrosis(wide, ratio, s2));
        String spec = a.truth().tumour().spec();
        double errA = analyze(a, spec).nonEnhancingFraction() - truth(a, spec);
        double errB = analyze(b, spec).nonEnhancingFraction() - truth(b, spec);
        System.out.printf("two exams rim %s vs %s px x%s: errors %+.4f, %+.4f, differ by %.4f%n", narrow, wide, ratio,
                errA, errB, Math.abs(errA - errB));
        assertEquals(0, errA, 0.05);
        assertEquals(0, errB, 0.05);
        assertEquals(errA, errB, 0.05);
    }
}
