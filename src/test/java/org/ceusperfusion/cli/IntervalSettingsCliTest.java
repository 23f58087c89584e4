package org.ceusperfusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceusperfusion.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: settings that change numbers are never silent, and intervals say what they cover. */
class IntervalSettingsCliTest {
    static final Path PROJECT = Path.of(System.getProperty("ceus.projectDir", "."));
    private static final String ROI = "tumour=oval:40,27,40,30";

    @TempDir
    Path tmp;

    @Test
    void anAssumedDynamicRangeIsFlaggedAndAPresetIsRecorded() throws Exception {
        Path loop = PROJECT.resolve("test-data/baseline.dcm");
        Path out = tmp.resolve("assumed");
        CliRun run = CliRun.of("analyze", loop.toString(), "--roi", ROI, "--out", out.toString());
        assertEquals(0, run.exitCode(), run.toString());
        JsonObject a = Json.parse(Files.readString(out.resolve("analysis.json")));
        JsonObject s = a.getAsJsonObject("settings");
        assertTrue(s.get("dynamicRangeAssumed").getAsBoolean());
        assertTrue(a.getAsJsonArray("warnings").toString().contains("dynamic range not given: assumed 40.0 dB"));
        assertTrue(run.out().contains("warning: dynamic range not given"), run.out());
        JsonObject iv = a.getAsJsonArray("rois").get(0).getAsJsonObject().getAsJsonObject("intervals");
        assertEquals("correlated-noise-sandwich", iv.get("method").getAsString());
        assertTrue(iv.get("covers").getAsString().startsWith("measurement noise"), iv.toString());
        assertTrue(run.out().contains("[95 % intervals cover measurement noise"), run.out());

        Path presets = tmp.resolve("presets.properties");
        Files.writeString(presets, "lab1.dynamic-range = 40\n");
        Path out2 = tmp.resolve("preset");
        CliRun p = CliRun.of("analyze", loop.toString(), "--roi", ROI, "--preset", "lab1", "--presets",
                presets.toString(), "--out", out2.toString(), "--quiet");
        assertEquals(0, p.exitCode(), p.toString());
        JsonObject s2 = Json.parse(Files.readString(out2.resolve("analysis.json"))).getAsJsonObject("settings");
        assertFalse(s2.get("dynamicRangeAssumed").getAsBoolean());
        assertEquals("preset lab1", s2.get("dynamicRangeSource").getAsString());

        CliRun bad = CliRun.of("analyze", loop.toString(), "--roi", ROI, "--preset", "nope", "--presets",
                presets.toString(), "--out", tmp.resolve("bad").toString());
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().startsWith("error: " + presets + ": no preset named 'nope'"), bad.err());
        assertFalse(Files.exists(tmp.resolve("bad").resolve("analysis.json")));
    }

    @Test
    void modelAutoInACompareFitsEveryExamWithOneModel() throws Exception {
        Path out = tmp.resolve("auto");
        CliRun run = CliRun.of("compare", PROJECT.resolve("test-data/baseline.dcm").toString(),
                PROJECT.resolve("test-data/day14.tif").toString(), "--roi", ROI, "--model", "auto",
                "--dynamic-range", "40", "--repeatability-cv", "0.2", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.toString());
        JsonObject c = Json.parse(Files.readString(out.resolve("comparison.json")));
        String note = c.getAsJsonArray("warnings").get(0).getAsString();
        assertTrue(note.startsWith("model auto: every exam fitted with "), note);
        String m0 = c.getAsJsonArray("exams").get(0).getAsJsonObject().getAsJsonObject("roi").getAsJsonObject("fit")
                .get("model").getAsString();
        String m1 = c.getAsJsonArray("exams").get(1).getAsJsonObject().getAsJsonObject("roi").getAsJsonObject("fit")
                .get("model").getAsString();
        assertEquals(m0, m1);
        assertTrue(note.contains("fitted with " + m0 + " "), note);
        assertEquals(0.2, c.getAsJsonObject("options").get("repeatabilityCv").getAsDouble(), 1e-12);
        assertEquals("measurement + test-retest repeatability (CV 20 %)",
                c.getAsJsonArray("changes").get(0).getAsJsonObject().get("ciCovers").getAsString());
        assertTrue(run.out().contains("change intervals: measurement + test-retest repeatability (CV 20 %)"), run.out());
    }
}
