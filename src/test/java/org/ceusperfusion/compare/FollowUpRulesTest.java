package org.ceusperfusion.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.InputInfo;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.report.Fixtures;
import org.junit.jupiter.api.Test;

/** The follow-up rules of the issue: volume, reference ratios, new lesions, thresholds, rules, settings. */
class FollowUpRulesTest {
    private static final LoopAnalysis BASE = Fixtures.analysis("base.dcm", 100, 0.1, 0.05);
    private static final LoopAnalysis D14 = Fixtures.analysis("d14.dcm", 23, 0.1, 0.52);

    private static ExamInput exam(String label, double day, LoopAnalysis a, double[] diam, boolean newLesion,
                                  double[] ellipsoid, Map<String, String> tags) {
        return new ExamInput(label, day, a, null, null, null, diam, newLesion, ellipsoid, tags);
    }

    @Test
    void ellipsoidVolumeAndItsCi() {
        Volume v = Volume.of(null, new double[] {80, 60, 50});
        assertEquals(Math.PI / 6 * 80 * 60 * 50 / 1000, v.ml(), 1e-12);
        assertEquals(125.66370614359171, v.ml(), 1e-9);
        assertEquals(Volume.ELLIPSOID, v.source());
        // SE/V = 1.5 * sqrt(1/80^2 + 1/60^2 + 1/50^2)
        assertEquals(0.04331930862790864, v.relativeSe(1.5), 1e-12);
        Volume entered = Volume.of(295.0, new double[] {80, 60, 50});
        assertEquals(295.0, entered.ml());
        assertEquals(0.0, entered.relativeSe(1.5));
        assertEquals(295.0, entered.ci95(1.5)[0]);
        assertEquals(295.0, entered.ci95(1.5)[1]);
    }

    @Test
    void volumeChangeFromEllipsoidsHasAPropagatedCi() {
        Comparison c = ComparisonBuilder.compare(List.of(
                exam("b", 0, BASE, null, false, new double[] {80, 60, 50}, Map.of()),
                exam("f", 14, D14, null, false, new double[] {82, 62, 52}, Map.of())));
        PercentChange v = c.overall().volumeChange();
        assertEquals(10.153333333333304, v.pct(), 1e-9);
        assertEquals(-2.1134572133828624, v.lo(), 1e-9);
        assertEquals(23.95735408589118, v.hi(), 1e-9);
    }

    @Test
    void enteredVolumesGiveAnExactChange() {
        Comparison c = ComparisonBuilder.compare(List.of(
                new ExamInput("b", 0.0, BASE, null, 295.0, null, null),
                new ExamInput("f", 14.0, D14, null, 341.0, null, null)));
        assertEquals(100 * (341.0 / 295 - 1), c.overall().volumePct(), 1e-12);
        assertEquals(c.overall().volumePct(), c.overall().volumeChange().lo(), 1e-12);
    }

    @Test
    void ratioToReferenceWithIndependentCis() {
        RatioEstimate r = RatioEstimate.of(100, new double[] {90, 110}, 50, new double[] {45, 55});
        assertEquals(2.0, r.value(), 1e-12);
        assertEquals(1.7362468907891697, r.lo(), 1e-9);
        assertEquals(2.303819820337818, r.hi(), 1e-9);
        // Fixtures: tumour AUC 100 and 23, reference "liver" AUC 200 in both exams, every CI +-10 %
        Comparison c = ComparisonBuilder.compare(List.of(ExamInput.of("b", 0.0, BASE), ExamInput.of("f", 14.0, D14)));
        assertTrue(c.referenceNormalised());
        assertEquals("liver", c.estimates(0).referenceName());
        assertEquals(0.5, c.estimates(0).ratio(PerfusionParameter.AUC).value(), 1e-12);
        PercentChange rc = c.overall().ratioChange(PerfusionParameter.AUC);
        assertEquals(-77.0, rc.pct(), 1e-9);
        double sd = 2 * 0.1 / PercentChange.Z95; // four independent relative SEs of 0.1/1.96
        assertEquals(sd, rc.sdLogRatio(), 1e-12);
        assertEquals(100 * Math.expm1(Math.log(0.23) - PercentChange.Z95 * sd), rc.lo(), 1e-9);
    }

    @Test
    void newLesionAtAFollowUpIsCertainProgression() {
        Comparison c = ComparisonBuilder.compare(List.of(
                exam("b", 0, BASE, new double[] {50, 30}, false, null, Map.of()),
                exam("f", 30, D14, new double[] {30, 20}, true, null, Map.of())));
        SizeResponse s = c.response().size();
        assertEquals(SizeCategory.PD, s.category());
        assertEquals(1.0, s.probability(SizeCategory.PD));
        assertFalse(s.indeterminate());
        assertTrue(s.newLesion());
        assertEquals(-37.5, s.pctFromBaseline(), 1e-9);
        Comparison noDiam = ComparisonBuilder.compare(List.of(exam("b", 0, BASE, null, false, null, Map.of()),
                exam("f", 30, D14, null, true, null, Map.of())));
        assertEquals(SizeCategory.PD, noDiam.response().size().category());
    }

    @Test
    void exactlyTwentyPercentAndFiveMillimetresIsNotAConfidentProgression() {
        for (double sd : new double[] {1.0, 1.5, 2.0}) {
            Comparison c = ComparisonBuilder.compare(List.of(exam("b", 0, BASE, new double[] {25}, false, null, Map.of()),
                    exam("f", 14, D14, new double[] {30}, false, null, Map.of())),
                    new ComparisonOptions(PerfusionRule.STIC, sd, 7));
            SizeResponse s = c.response().size();
            assertEquals(SizeCategory.PD, s.category(), "the measured sums meet both PD thresholds");
            assertTrue(s.indeterminate(), "sd " + sd);
            assertTrue(s.probability(SizeCategory.PD) < 0.7 && s.probability(SizeCategory.SD) > 0.3,
                    "sd " + sd + ": " + s.probability());
        }
    }

    @Test
    void twoLesionsGrowingALittleAreStable() {
        Comparison c = ComparisonBuilder.compare(List.of(exam("b", 0, BASE, new double[] {62, 44}, false, null, Map.of()),
                exam("f", 14, D14, new double[] {64, 46}, false, null, Map.of())));
        assertEquals(SizeCategory.SD, c.response().size().category());
        assertFalse(c.response().size().indeterminate());
    }

    @Test
    void configurableRuleKeepsItsWordsAndDay() {
        assertSame(PerfusionRule.STIC, PerfusionRule.of(PerfusionParameter.AUC, -40, 30.0));
        PerfusionRule pe = PerfusionRule.of(PerfusionParameter.PE, -50, null);
        assertEquals("user rule: PE decrease > 50 %", pe.text());
        Comparison c = ComparisonBuilder.compare(List.of(ExamInput.of("b", 0.0, BASE), ExamInput.of("f", 14.0, D14)),
                new ComparisonOptions(pe, 1.5, 1));
        PerfusionResponse p = c.response().perfusion();
        assertEquals(PerfusionResponse.RESPONDER, p.category());
        assertNull(p.warning(), "a rule without a day has no day warning");
        assertEquals(-77.0, p.change().pct(), 1e-9); // PE scales with the area in the fixtures
        assertThrows(InputException.class, () -> ExamLists.options("QOF", -40, "30", 1.5, 1));
        assertThrows(InputException.class, () -> ExamLists.options("AUC", -120, "30", 1.5, 1));
        assertEquals(7.0, ExamLists.options("mTT", 25, "7", 1.5, 1).perfusionRule().day());
    }

    @Test
    void settingsWarningsNameTheValuesAndPointToReferenceValues() {
        LoopAnalysis other = withPixelSize(Fixtures.analysis("d14.dcm", 23, 0.1, 0.52,
                AnalysisSettings.logCompressed(50)), 0.3);
        Comparison c = ComparisonBuilder.compare(List.of(
                exam("b", 0, withPixelSize(BASE, 0.2), null, false, null,
                        Map.of("Manufacturer", "Acme", "ManufacturerModelName", "Sono 1", "TransducerData", "C5-1")),
                exam("f", 14, other, null, false, null,
                        Map.of("Manufacturer", "Acme", "ManufacturerModelName", "Sono 2", "TransducerData", "C5-1"))));
        String all = String.join("\n", c.warnings());
        assertTrue(all.contains("dynamic range differs between exams (b 40 dB, f 50 dB)"), all);
        assertTrue(all.contains("pixel size differs between exams (b 0.2 mm, f 0.3 mm)"), all);
        assertTrue(all.contains("scanner model differs between exams (b Sono 1, f Sono 2)"), all);
        assertFalse(all.contains("manufacturer differs"), all);
        assertFalse(all.contains("probe"), all);
        assertTrue(all.contains("use the reference-normalised changes (ratio to ROI 'liver')"), all);
    }

    @Test
    void withoutAReferenceTheWarningAsksForOne() {
        LoopAnalysis noRef = new LoopAnalysis(D14.input(), AnalysisSettings.logCompressed(50), List.of(),
                List.of(D14.rois().get(0)));
        Comparison c = ComparisonBuilder.compare(List.of(ExamInput.of("b", 0.0, BASE), ExamInput.of("f", 14.0, noRef)));
        assertFalse(c.referenceNormalised());
        assertNull(c.overall().ratioChange(PerfusionParameter.AUC));
        String all = String.join("\n", c.warnings());
        assertTrue(all.contains("add a reference ROI (--reference-roi)"), all);
    }

    @Test
    void examListsParseAndRejectWithTheOptionName() {
        assertEquals(List.of(false, true, false), ExamLists.flags("--new-lesions", "0,yes,", 3));
        InputException e = assertThrows(InputException.class, () -> ExamLists.flags("--new-lesions", "1,0", 2));
        assertTrue(e.getMessage().contains("baseline"), e.getMessage());
        assertThrows(InputException.class, () -> ExamLists.perExam("--diameters-mm", "1,2;3", 3));
        assertEquals(2, ExamLists.perExam("--diameters-mm", "62,44;64,46", 2).get(1).length);
        assertNull(ExamLists.numbers("--days", "0,", 2).get(1));
    }

    @Test
    void examIntervalsFallBackToTheAnalysisWithoutACovariance() {
        RoiAnalysis r = BASE.target();
        assertSame(r.parameters(), ExamIntervals.of(r));
        assertNotNull(ComparisonBuilder.estimates(ExamInput.of("b", 0.0, BASE)).ratio(PerfusionParameter.PE));
    }

    private static LoopAnalysis withPixelSize(LoopAnalysis a, double mm) {
        InputInfo i = a.input();
        InputInfo j = new InputInfo(i.path(), i.sha256(), i.format(), i.frames(), i.width(), i.height(),
                i.frameIntervalS(), i.durationS(), mm, i.timesS(), i.photometric(), i.transferSyntax(),
                i.timingSource(), i.regions());
        return new LoopAnalysis(j, a.settings(), a.warnings(), a.rois());
    }

}
