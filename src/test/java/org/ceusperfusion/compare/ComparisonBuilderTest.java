package org.ceusperfusion.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.FitStatus;
import org.ceusperfusion.model.LognormalSpreadModel;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.report.Fixtures;
import org.junit.jupiter.api.Test;

class ComparisonBuilderTest {
    private static final LoopAnalysis BASE = Fixtures.analysis("base.dcm", 100, 0.1, 0.05);
    private static final LoopAnalysis D14 = Fixtures.analysis("d14.dcm", 23, 0.1, 0.52);

    private static ExamInput exam(String label, double day, LoopAnalysis a, Double vol, double[] diam) {
        return new ExamInput(label, day, a, null, vol, null, diam);
    }

    @Test
    void changesAndPerfusionResponseOfTheTeachingExample() {
        Comparison c = ComparisonBuilder.compare(List.of(
                new ExamInput("baseline", 0.0, BASE, null, 295.0, 2.09, new double[] {50, 30}),
                new ExamInput("D14", 14.0, D14, null, 341.0, 53.07, new double[] {52, 31})));
        ExamChange ch = c.overall();
        assertEquals(-77.0, ch.parameter(PerfusionParameter.AUC).pct(), 1e-9);
        assertEquals(-80.03316, ch.parameter(PerfusionParameter.AUC).lo(), 1e-4);
        assertEquals(100 * (341.0 / 295 - 1), ch.volumePct(), 1e-9);
        assertEquals(53.07 - 2.09, ch.necrosisPctPoints(), 1e-9);
        assertEquals(47.0, ch.nonEnhancingPctPoints(), 1e-9);
        assertEquals(100 * (83.0 / 80 - 1), ch.sumDiametersPct(), 1e-9);
        // time parameters do not change between the two fixtures (same mu, sigma, t0); TTP is a clock time
        // (from the first frame): a difference in seconds, never a percent change
        assertEquals(0.0, ch.timeShift(PerfusionParameter.TTP).diffS(), 1e-9);
        assertNull(ch.parameter(PerfusionParameter.TTP));
        assertEquals(0.0, ch.parameter(PerfusionParameter.MTT).pct(), 1e-9);
        assertFalse(ch.parameters().containsKey(PerfusionParameter.QOF));

        PerfusionResponse p = c.response().perfusion();
        assertEquals(PerfusionResponse.RESPONDER, p.category());
        assertTrue(p.probability().get(PerfusionResponse.RESPONDER) > 0.999);
        assertFalse(p.indeterminate());
        assertEquals("STIC (Lassau 2014): AUC decrease > 40 % at day 30", p.rule());
        assertTrue(p.warning().contains("day 14"), p.warning());
        assertTrue(c.warnings().contains(p.warning()));
        assertEquals(SizeCategory.SD, c.response().size().category());
        assertEquals("Tumour volume +15.6 % but AUC \u221277 % (95 % CI \u221280 to \u221274 %, measurement only) "
                + "and non-enhancing fraction 5 % \u2192 52 %: perfusion response despite growth.", c.response().summary());
    }

    @Test
    void perfusionProbabilityFromTheCi() {
        // AUC 100 [60, 140] -> 55 [33, 77]: -45 %, sd(ln r) 0.28862; P(true < -40 %) = Phi(ln(0.6/0.55)/0.28862) = 0.6185
        LoopAnalysis a = Fixtures.analysis("a", 100, 0.4, 0.1);
        LoopAnalysis b = Fixtures.analysis("b", 55, 0.4, 0.1);
        Comparison c = ComparisonBuilder.compare(List.of(ExamInput.of("D0", 0.0, a), ExamInput.of("D30", 30.0, b)));
        PerfusionResponse p = c.response().perfusion();
        assertEquals(PerfusionResponse.RESPONDER, p.category());
        assertEquals(0.618473, p.probability().get(PerfusionResponse.RESPONDER), 1e-5);
        assertTrue(p.indeterminate());
        assertNull(p.warning());
        assertNull(c.response().size());
        assertTrue(c.response().summary().startsWith("AUC \u221245 %"), c.response().summary());
    }

    @Test
    void threeExamsGiveBaselineAndConsecutiveChanges() {
        Comparison c = ComparisonBuilder.compare(List.of(exam("A", 0, BASE, 10.0, null),
                exam("B", 7, Fixtures.analysis("b", 70, 0.1, 0.1), 11.0, null), exam("C", 30, D14, 12.0, null)));
        List<String> pairs = c.changes().stream().map(x -> x.from() + ">" + x.to()).toList();
        assertEquals(List.of("A>B", "A>C", "B>C"), pairs);
        assertEquals(100 * (23.0 / 70 - 1), c.changes().get(2).parameter(PerfusionParameter.AUC).pct(), 1e-9);
        assertEquals(-77.0, c.overall().parameter(PerfusionParameter.AUC).pct(), 1e-9);
        assertTrue(c.warnings().isEmpty(), c.warnings().toString());
    }

    @Test
    void warnsWhenSettingsDiffer() {
        LoopAnalysis b46 = Fixtures.analysis("b", 50, 0.1, 0.1, new AnalysisSettings(46.0, false, "gamma"));
        Comparison c = ComparisonBuilder.compare(List.of(ExamInput.of("D0", 0.0, BASE), ExamInput.of("D30", 30.0, b46)));
        // both fixtures' fits are lognormal: the requested label ("gamma") alone is not the model actually
        // fitted, so only the dynamic range differs
        assertEquals(1, c.warnings().size(), c.warnings().toString());
        assertTrue(c.warnings().get(0).startsWith(
                "DIFFERENT SETTINGS: dynamic range differs between exams (D0 40 dB, D30 46 dB)"));
        // the headline a clinician reads says so too, not only the warnings below it
        assertTrue(c.response().summary().endsWith(" CAUTION: dynamic range differs between exams (D0 40 dB, D30 46 dB),"
                + " so this change and response are not reliable."), c.response().summary());
        Comparison same = ComparisonBuilder.compare(List.of(ExamInput.of("D0", 0.0, BASE), ExamInput.of("D14", 14.0, D14)));
        assertFalse(same.response().summary().contains("CAUTION"), same.response().summary());
    }

    @Test
    void saysWhenOnlySomeExamsWereFittedWithAnOnsetWindow() {
        RoiAnalysis t = D14.target();
        double[] p = {1, 900, Math.log(12), 0.4, 3, 7.5};
        FitResult windowed = new FitResult(new LognormalSpreadModel(), FitStatus.OK, "", p, null, 0.98, 2, 180, 9, 0, 60);
        RoiAnalysis spread = new RoiAnalysis(t.name(), t.role(), t.areaPx(), t.areaMm2(), t.tic(), windowed,
                t.parameters(), t.nonEnhancingFraction(), t.ratioToReference());
        List<RoiAnalysis> rois = new java.util.ArrayList<>(D14.rois());
        rois.set(rois.indexOf(t), spread);
        LoopAnalysis d14 = new LoopAnalysis(D14.input(), D14.settings(), D14.warnings(), rois);
        Comparison c = ComparisonBuilder.compare(List.of(ExamInput.of("D0", 0.0, BASE), ExamInput.of("D14", 14.0, d14)));
        assertTrue(c.warnings().stream().anyMatch(w -> w.startsWith("onset window fitted in D14, W 7.5 s only:")),
                c.warnings().toString());
        // the same model name: no model warning and no CAUTION in the headline
        assertFalse(c.warnings().stream().anyMatch(w -> w.contains("model fitted")), c.warnings().toString());
        assertFalse(c.response().summary().contains("CAUTION"), c.response().summary());
        Comparison both = ComparisonBuilder.compare(List.of(ExamInput.of("D0", 0.0, d14), ExamInput.of("D14", 14.0, d14)));
        assertFalse(both.warnings().stream().anyMatch(w -> w.startsWith("onset window")), both.warnings().toString());
    }

    @Test
    void badInputIsAnInputException() {
        assertThrows(InputException.class, () -> ComparisonBuilder.compare(List.of(ExamInput.of("x", 0.0, BASE))));
        assertThrows(InputException.class, () -> ComparisonBuilder.compare(
                List.of(ExamInput.of("x", 0.0, BASE), ExamInput.of("x", 1.0, D14))));
        assertThrows(InputException.class, () -> ComparisonBuilder.compare(List.of(ExamInput.of("x", 0.0, BASE),
                new ExamInput("y", 1.0, D14, "liver", null, null, null))));
        assertThrows(InputException.class, () -> new ExamInput("y", 1.0, D14, null, null, null, new double[] {-1}));
    }
}
