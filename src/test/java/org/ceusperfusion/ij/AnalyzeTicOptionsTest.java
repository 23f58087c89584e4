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
                CompareExamsOptions.form("a,b"), ParametricMapsOptions.form(), BatchPlugin.Options.form())) {
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

    @Test
    void everyMapsOptionIsReachableFromAMacro() {
        ParametricMapsOptions o = ParametricMapsOptions.fromMacro(new MacroOptions("dynamic_range=50 model=gamma"
                + " params=PE,TTP bin=1 smooth=3 frame_bin=2 ci threads=3 save_to=[/tmp/m]"));
        var s = o.settings();
        assertEquals(50.0, s.analysis().dynamicRangeDb());
        assertEquals("gamma", s.analysis().model());
        assertEquals(java.util.List.of(org.ceusperfusion.params.PerfusionParameter.PE,
                org.ceusperfusion.params.PerfusionParameter.TTP), s.params());
        assertEquals(3, s.smooth());
        assertEquals(2, s.frameBin());
        assertTrue(s.withCi());
        assertEquals(3, s.threads());
        assertEquals("/tmp/m", o.saveTo());
        var d = ParametricMapsOptions.fromMacro(new MacroOptions("")).settings();
        assertEquals(1, d.smooth());
        assertFalse(d.withCi());
        assertEquals(org.ceusperfusion.maps.MapSettings.availableCores(), d.threads(), "0 threads: all cores");
        assertThrows(InputException.class, () -> ParametricMapsOptions.fromMacro(new MacroOptions("bin=1.5")));
        assertThrows(InputException.class, () -> ParametricMapsOptions.fromMacro(new MacroOptions("smooth=2")).settings());
    }

    @Test
    void everyBatchOptionIsReachableFromAMacro() {
        BatchPlugin.Options o = BatchPlugin.Options.fromMacro(new MacroOptions("input=[/d/study.csv] roi=[t=oval:1,2,3,4]"
                + " reference_roi=[liver=rect:5,6,7,8] output=[/d/out] dynamic_range=45 linear model=gamma"
                + " motion_correction exclude=[10-20,35] keep_flash bootstrap=50 threads=2 resume no_compare"));
        assertEquals("/d/study.csv", o.input());
        assertEquals("t=oval:1,2,3,4", o.roi());
        assertEquals("liver=rect:5,6,7,8", o.reference());
        assertEquals("/d/out", o.output());
        assertTrue(o.resume());
        assertTrue(o.noCompare());
        assertEquals(2, o.threads());
        AnalysisSettings s = o.settings();
        assertTrue(s.linear());
        assertEquals("gamma", s.model());
        assertTrue(s.motion().correction());
        assertEquals("10-20,35", s.motion().excludeFrames());
        assertFalse(s.motion().detectFlashes());
        assertEquals(50, s.bootstrapReplicates());
        BatchPlugin.Options d = BatchPlugin.Options.fromMacro(new MacroOptions("input=[a.csv]"));
        assertFalse(d.noCompare());
        assertEquals(AnalysisSettings.DEFAULT_DYNAMIC_RANGE_DB, d.settings().dynamicRangeDb());
        assertFalse(d.settings().motion().correction());
        assertThrows(InputException.class, () -> BatchPlugin.Options.fromMacro(new MacroOptions("bootstrap=-1")));
    }
}
