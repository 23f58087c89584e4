package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.compare.PerfusionRule;
import org.ceusperfusion.params.PerfusionParameter;
import org.junit.jupiter.api.Test;

/** Macro keys of Compare Exams..., parsed without a dialog. */
class CompareExamsOptionsTest {
    @Test
    void examsListLabelsAndRule() {
        CompareExamsOptions o = CompareExamsOptions.fromMacro(new MacroOptions("exams=[baseline.dcm,day 14.tif]"
                + " labels=[baseline,D14] days=[0,14] volume_ml=[295,341] diameters_mm=[84,80;88,84]"
                + " dynamic_range=45 diameter_sd=2 response_parameter=PE response_threshold=-50 response_day=none"
                + " save_to=[/tmp/a b]"));
        assertEquals(List.of("baseline.dcm", "day 14.tif"), o.exams());
        assertEquals(List.of("baseline", "D14"), o.labelList());
        assertEquals(45.0, o.settings().dynamicRangeDb());
        assertEquals(2.0, o.comparison().diameterSdMm());
        assertEquals(PerfusionParameter.PE, o.comparison().perfusionRule().parameter());
        assertNull(o.comparison().perfusionRule().day());
        assertEquals("/tmp/a b", o.saveTo());
        assertNull(o.reference());
    }

    @Test
    void baselineAndFollowUpKeysAndDefaults() {
        CompareExamsOptions o = CompareExamsOptions.fromMacro(new MacroOptions(
                "baseline=[a.dcm] followup=[b.tif,c.tif] days=[0,7,30] reference=normal linear"));
        assertEquals(List.of("a.dcm", "b.tif", "c.tif"), o.exams());
        assertEquals(List.of("baseline", "D7", "D30"), o.labelList());
        assertTrue(o.settings().linear());
        assertEquals("normal", o.reference());
        assertEquals(PerfusionRule.STIC, o.comparison().perfusionRule());
        assertFalse(o.saveTo() != null);
    }

    @Test
    void badInputNamesTheKey() {
        InputException one = assertThrows(InputException.class,
                () -> CompareExamsOptions.fromMacro(new MacroOptions("exams=[a.dcm]")));
        assertTrue(one.getMessage().contains("at least two exams"), one.getMessage());
        InputException dup = assertThrows(InputException.class, () -> CompareExamsOptions.fromMacro(
                new MacroOptions("exams=[a,b] labels=[x,x]")).labelList());
        assertTrue(dup.getMessage().contains("labels="), dup.getMessage());
        assertThrows(InputException.class,
                () -> CompareExamsOptions.fromMacro(new MacroOptions("exams=[a,b] response_parameter=XYZ")));
    }

    @Test
    void repeatabilityCvAndModelAutoAsInTheCli() {
        CompareExamsOptions o = CompareExamsOptions.fromMacro(new MacroOptions(
                "exams=[a.dcm,b.tif] model=auto repeatability_cv=0.15"));
        assertEquals("auto", o.settings().model());
        assertEquals(0.15, o.comparison().repeatabilityCv());
        assertEquals("measurement + test-retest repeatability (CV 15 %)", o.comparison().changeIntervalCovers());
        CompareExamsOptions none = CompareExamsOptions.fromMacro(new MacroOptions("exams=[a.dcm,b.tif]"));
        assertNull(none.comparison().repeatabilityCv());
        assertEquals("measurement only", none.comparison().changeIntervalCovers());
        assertThrows(InputException.class,
                () -> CompareExamsOptions.fromMacro(new MacroOptions("exams=[a,b] repeatability_cv=-0.1")));
    }
}
