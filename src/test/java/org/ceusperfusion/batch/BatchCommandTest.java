package org.ceusperfusion.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.ceusperfusion.report.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance manifest through {@code ceus batch}: statuses, messages, comparison, progress lines. */
class BatchCommandTest {
    @TempDir
    static Path data;
    static Path manifest;
    static Path out;
    static BatchFixtures.Run run;

    @BeforeAll
    static void runBatch() throws IOException {
        manifest = BatchFixtures.acceptance(data);
        out = data.resolve("out");
        run = BatchFixtures.ceus("batch", manifest.toString(), "--out", out.toString(), "--threads", "2",
                "--progress", "auto");
    }

    private static Map<String, Map<String, String>> byId(List<Map<String, String>> lines) {
        Map<String, Map<String, String>> m = new HashMap<>();
        lines.forEach(l -> m.put(l.get("id"), l));
        return m;
    }

    @Test
    void exitOneAndOneSummaryLinePerRowAndComparison() {
        assertEquals(1, run.exit(), run.err());
        List<Map<String, String>> lines = Summary.read(out.resolve("summary.csv"));
        assertEquals(List.of("p1-d14", "p1-base", "other", "cut", "missing", "compare:P1"),
                lines.stream().map(l -> l.get("id")).toList(), "rows in manifest order, then comparisons");
        Map<String, Map<String, String>> s = byId(lines);
        for (String ok : List.of("p1-d14", "p1-base", "other", "compare:P1")) {
            assertEquals("ok", s.get(ok).get("status"), ok + ": " + s.get(ok).get("message"));
            assertEquals("", s.get(ok).get("message"));
        }
        assertEquals("error", s.get("cut").get("status"));
        assertTrue(s.get("cut").get("message").contains("cut.dcm"), s.get("cut").get("message"));
        assertEquals("error", s.get("missing").get("status"));
        assertTrue(s.get("missing").get("message").contains("no-such-loop.dcm")
                && s.get("missing").get("message").contains("not found"), s.get("missing").get("message"));
        assertEquals(Summary.COLUMNS, List.copyOf(lines.get(0).keySet()));
    }

    @Test
    void summaryValuesAreThoseOfEachRowsAnalysisJson() throws IOException {
        Map<String, Map<String, String>> s = byId(Summary.read(out.resolve("summary.csv")));
        for (String id : List.of("p1-d14", "p1-base", "other")) {
            Path folder = out.resolve(s.get(id).get("output"));
            assertEquals(id, folder.getFileName().toString());
            JsonObject roi = Json.parse(Files.readString(folder.resolve("analysis.json"))).getAsJsonArray("rois")
                    .get(0).getAsJsonObject();
            assertEquals("tumour", roi.get("name").getAsString());
            assertEquals("tumour", s.get(id).get("roi"));
            for (String p : List.of("PE", "AUC", "TTP", "mTT")) {
                double json = roi.getAsJsonObject("parameters").get(p).getAsDouble();
                assertEquals(RowJob.num(json), s.get(id).get(p), id + " " + p);
                double lo = Double.parseDouble(s.get(id).get(p + "_lo"));
                double hi = Double.parseDouble(s.get(id).get(p + "_hi"));
                assertTrue(lo <= json && json <= hi, id + " " + p + " CI");
            }
            assertTrue(Files.isRegularFile(folder.resolve("tic.png")) && Files.isRegularFile(folder.resolve("tic.csv")));
            assertTrue(Files.isRegularFile(folder.resolve(ItemMarker.FILE)));
        }
        // the day-14 loop was generated with 40 % of the baseline's tumour bolus area
        double ratio = Double.parseDouble(s.get("p1-d14").get("AUC")) / Double.parseDouble(s.get("p1-base").get("AUC"));
        assertEquals(0.4, ratio, 0.1);
        assertFalse(Files.exists(out.resolve("cut")), "a failed row leaves no folder");
        assertFalse(Files.exists(out.resolve("missing")));
    }

    @Test
    void comparisonIsInDayOrderWithTheManifestsSizeData() throws IOException {
        Map<String, String> c = byId(Summary.read(out.resolve("summary.csv"))).get("compare:P1");
        assertEquals("compare-P1", c.get("output"));
        assertEquals("baseline;D14", c.get("exams"));
        assertEquals("1", c.get("row"), "a comparison sorts at the patient's first manifest row (the day-14 row)");
        JsonObject cmp = Json.parse(Files.readString(out.resolve("compare-P1/comparison.json")));
        var exams = cmp.getAsJsonArray("exams");
        assertEquals("baseline", exams.get(0).getAsJsonObject().get("label").getAsString());
        assertEquals(295, exams.get(0).getAsJsonObject().get("volumeMl").getAsDouble(), 1e-9);
        assertEquals(172, exams.get(1).getAsJsonObject().get("sumDiametersMm").getAsDouble(), 1e-9);
        double auc = cmp.getAsJsonArray("changes").get(0).getAsJsonObject().getAsJsonObject("parameters")
                .getAsJsonObject("AUC").get("pct").getAsDouble();
        assertEquals(-60, auc, 10, "AUC change of a bolus generated at 40 % of the baseline's");
        assertTrue(Files.isRegularFile(out.resolve("compare-P1/report.pdf")));
    }

    @Test
    void plainLogLinesWhenNotOnATerminal() {
        Pattern line = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d \\[(\\d+)/6] (ok|error) (\\S+)", Pattern.MULTILINE);
        var m = line.matcher(run.err());
        int n = 0;
        while (m.find()) {
            n++;
            assertEquals(Integer.toString(n), m.group(1), run.err());
        }
        assertEquals(6, n, run.err());
        assertFalse(run.err().contains("\r"), "no bar redraws in a log");
        assertTrue(run.err().contains("error cut: "), run.err());
        assertTrue(run.out().contains("6 items: 4 ok (0 already complete), 2 failed"), run.out());
    }

    @Test
    void badManifestExitsTwoAndWritesNothing() throws IOException {
        Path o = data.resolve("bad-out");
        BatchFixtures.Run missing = BatchFixtures.ceus("batch", data.resolve("nope.csv").toString(), "--out", o.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("error: ") && missing.err().contains("manifest not found"), missing.err());

        Path noRoi = data.resolve("no-roi.csv");
        Files.writeString(noRoi, "id,loop\n1,other.tif\n", StandardCharsets.UTF_8);
        BatchFixtures.Run r = BatchFixtures.ceus("batch", noRoi.toString(), "--out", o.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("required column 'roi'"), r.err());

        Path dup = data.resolve("dup.csv");
        Files.writeString(dup, "id,loop,roi\na,other.tif,rect:1,1,4,4\na,other.tif,rect:1,1,4,4\n");
        BatchFixtures.Run d = BatchFixtures.ceus("batch", dup.toString(), "--out", o.toString());
        assertEquals(2, d.exit());
        assertTrue(d.err().contains("same id"), d.err());

        Path clash = data.resolve("clash.csv");
        Files.writeString(clash, "id,patient,loop,roi\ncompare-Q,,other.tif,rect:1,1,4,4\n"
                + "q1,Q,other.tif,rect:1,1,4,4\nq2,Q,other.tif,rect:1,1,4,4\n");
        BatchFixtures.Run c = BatchFixtures.ceus("batch", clash.toString(), "--out", o.toString());
        assertEquals(2, c.exit());
        assertTrue(c.err().contains("the folder of row 'compare-Q'"), c.err());

        BatchFixtures.Run only = BatchFixtures.ceus("batch", manifest.toString(), "--out", o.toString(), "--only", "nobody");
        assertEquals(2, only.exit());
        assertTrue(only.err().contains("--only nobody: no such row id"), only.err());

        BatchFixtures.Run shard = BatchFixtures.ceus("batch", manifest.toString(), "--out", o.toString(), "--shard", "3/2");
        assertEquals(2, shard.exit());
        assertFalse(Files.exists(o), "nothing written for bad input");
    }

    @Test
    void bundledDemoManifestIsValid() {
        Path demo = Path.of("test-data/demo.csv");
        Manifest m = Manifest.read(demo);
        assertEquals(List.of("1", "2"), m.rows().stream().map(ManifestRow::id).toList());
        assertEquals(List.of("demo"), List.copyOf(m.patients().keySet()));
        assertTrue(Files.isRegularFile(m.rows().get(0).loop()) && Files.isRegularFile(m.rows().get(1).loop()));
        assertEquals(List.of("1", "2", "compare:demo"), m.itemIds());
    }
}
