package org.ceusperfusion.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ceusperfusion.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's presets file and the assumed-dynamic-range flag. */
class ScannerPresetTest {
    @TempDir
    Path tmp;

    @Test
    void readsANamedPresetAndNamesTheOthersWhenMissing() throws Exception {
        Path f = tmp.resolve("presets.properties");
        Files.writeString(f, "lab1.dynamic-range = 46\nlab1.repeatability-cv = 0.15\nlin.linear = true\nlin.model = auto\n");
        ScannerPreset p = ScannerPreset.load(f, "LAB1");
        assertEquals(46.0, p.dynamicRangeDb());
        assertEquals(0.15, p.repeatabilityCv());
        assertFalse(p.linear());
        assertNull(p.model());
        ScannerPreset q = ScannerPreset.load(f, "lin");
        assertTrue(q.linear());
        assertEquals("auto", q.model());
        InputException e = assertThrows(InputException.class, () -> ScannerPreset.load(f, "epiq"));
        assertTrue(e.getMessage().contains("[lab1, lin]"), e.getMessage());
        Files.writeString(f, "lab1.dynamic-range = minus\n");
        assertThrows(InputException.class, () -> ScannerPreset.load(f, "lab1"));
        assertThrows(InputException.class, () -> ScannerPreset.load(tmp.resolve("none"), "lab1"));
    }

    @Test
    void anAssumedDynamicRangeIsFlagged() {
        AnalysisSettings assumed = new AnalysisSettings(null, false, "lognormal");
        assertTrue(assumed.dynamicRangeAssumed());
        assertEquals(AnalysisSettings.DEFAULT_DYNAMIC_RANGE_DB, assumed.dynamicRangeDb());
        assertTrue(assumed.dynamicRangeWarning().startsWith("dynamic range not given: assumed 40.0 dB"));
        AnalysisSettings given = new AnalysisSettings(40.0, false, "lognormal");
        assertFalse(given.dynamicRangeAssumed());
        assertNull(given.dynamicRangeWarning());
        assertEquals("preset lab1", assumed.withDynamicRange(46, "preset lab1").dynamicRangeSource());
        assertTrue(assumed.withMotion(null).dynamicRangeAssumed());
        assertFalse(new AnalysisSettings(null, true, "lognormal").dynamicRangeAssumed());
    }
}
