package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.junit.jupiter.api.Test;

/** Macro options of Analyze TIC, parsed without a dialog (batch mode). */
class AnalyzeTicOptionsTest {
    @Test
    void recordedOptionsAreReadBack() {
        AnalyzeTicOptions o = AnalyzeTicOptions.fromMacro(new MacroOptions(
                "dynamic_range=46 model=lognormal reference=liver save_to=[/tmp/my results] "));
        assertEquals(46, o.dynamicRangeDb());
        assertFalse(o.linear());
        assertEquals("lognormal", o.model());
        assertEquals("liver", o.reference());
        assertEquals("/tmp/my results", o.saveTo());
        AnalysisSettings s = o.settings();
        assertEquals(46.0, s.dynamicRangeDb());
        assertFalse(s.linear());
    }

    @Test
    void absentKeysTakeDefaultsAndNoneMeansNoReference() {
        AnalyzeTicOptions o = AnalyzeTicOptions.fromMacro(new MacroOptions("reference=none"));
        assertEquals(AnalysisSettings.DEFAULT_DYNAMIC_RANGE_DB, o.dynamicRangeDb());
        assertEquals("lognormal", o.model());
        assertNull(o.reference());
        assertNull(o.saveTo());
    }

    @Test
    void linearCheckboxIsAWordOutsideBrackets() {
        AnalyzeTicOptions on = AnalyzeTicOptions.fromMacro(new MacroOptions("dynamic_range=40 linear"));
        assertTrue(on.linear());
        assertNull(on.settings().dynamicRangeDb(), "linear data are not linearised");
        assertFalse(new MacroOptions("save_to=[/data/linear]").flag("linear"));
        assertFalse(new MacroOptions("nonlinear").flag("linear"));
    }

    @Test
    void badNumbersAndImpossibleRangesAreInputErrors() {
        InputException e = assertThrows(InputException.class,
                () -> AnalyzeTicOptions.fromMacro(new MacroOptions("dynamic_range=forty")));
        assertEquals("dynamic_range=: expected a number, got 'forty'", e.getMessage());
        AnalyzeTicOptions negative = AnalyzeTicOptions.fromMacro(new MacroOptions("dynamic_range=-3"));
        assertThrows(InputException.class, negative::settings);
    }

    @Test
    void everyDialogLabelRecordsUnderTheKeyTheMacroParserReads() {
        for (OptionForm form : java.util.List.of(AnalyzeTicOptions.form(java.util.List.of("none"), true),
                CompareExamsOptions.form("a,b"))) {
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (OptionForm.Field f : form.fields()) {
                assertEquals(f.key(), ij.Macro.trimKey(f.label()), "the Recorder would write another key for '"
                        + f.label() + "'");
                assertTrue(keys.add(f.key()), "two fields share the key " + f.key());
            }
        }
    }

    @Test
    void everyModelAndOptionIsReachable() {
        assertEquals(java.util.List.of("lognormal", "gamma", "ldrw", "fpt", "auto", "replenishment"),
                AnalyzeTicOptions.MODELS);
        AnalyzeTicOptions o = AnalyzeTicOptions.fromMacro(new MacroOptions("dynamic_range=40.000 model=gamma"
                + " target=roi_manager reference=none motion_correction exclude=[10-20,35] keep_flash bootstrap=200"
                + " frame_interval=0.25 save_to=[]"));
        assertEquals("gamma", o.model());
        assertTrue(o.allRois());
        assertTrue(o.motionCorrection());
        assertEquals("10-20,35", o.exclude());
        assertEquals(0.25, o.frameIntervalS());
        assertNull(o.saveTo());
        AnalysisSettings s = o.settings();
        assertEquals(200, s.bootstrapReplicates());
        assertFalse(s.motion().detectFlashes());
        assertTrue(Double.isNaN(AnalyzeTicOptions.fromMacro(new MacroOptions("")).frameIntervalS()));
        InputException e = assertThrows(InputException.class,
                () -> AnalyzeTicOptions.fromMacro(new MacroOptions("target=all")));
        assertTrue(e.getMessage().startsWith("target=: expected selection or roi_manager"), e.getMessage());
        assertThrows(InputException.class, () -> AnalyzeTicOptions.fromMacro(new MacroOptions("bootstrap=2.5")));
    }
}
