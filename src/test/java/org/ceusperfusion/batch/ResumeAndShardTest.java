package org.ceusperfusion.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --resume} after complete and crashed runs; {@code --shard} coverage and {@code ceus merge}. */
class ResumeAndShardTest {
    @TempDir
    static Path data;
    static Path manifest;
    static Path full;
    static byte[] fullSummary;

    @BeforeAll
    static void fullRun() throws IOException {
        manifest = BatchFixtures.acceptance(data);
        full = data.resolve("full");
        assertEquals(1, BatchFixtures.ceus("batch", manifest.toString(), "--out", full.toString(), "--quiet").exit());
        fullSummary = Files.readAllBytes(full.resolve("summary.csv"));
    }

    private static List<String> ids(Path summary) {
        return Summary.read(summary).stream().map(l -> l.get("id")).toList();
    }

    @Test
    void resumeSkipsCompleteItemsAndRedoesACrashedOne() throws IOException {
        Path out = data.resolve("resume");
        assertEquals(1, BatchFixtures.ceus("batch", manifest.toString(), "--out", out.toString(), "--quiet").exit());
        byte[] first = Files.readAllBytes(out.resolve("summary.csv"));
        Path otherJson = out.resolve("other/analysis.json");
        FileTime before = Files.getLastModifiedTime(otherJson);
        byte[] otherBytes = Files.readAllBytes(otherJson);

        BatchFixtures.Run again = BatchFixtures.ceus("batch", manifest.toString(), "--out", out.toString(),
                "--resume", "--progress", "log");
        assertEquals(1, again.exit(), "the two bad rows still fail");
        assertEquals(4, count(again.err(), "(complete, skipped)"), again.err());
        assertArrayEquals(first, Files.readAllBytes(out.resolve("summary.csv")), "byte-identical summary");
        assertEquals(before, Files.getLastModifiedTime(otherJson), "complete outputs are not rewritten");

        // a run killed while writing row 'other': marker missing, a temporary file left behind
        Files.delete(out.resolve("other/" + ItemMarker.FILE));
        Path stale = out.resolve("other/.tic.csv.tmp-1234abcd");
        Files.writeString(stale, "half a file");
        BatchFixtures.Run redo = BatchFixtures.ceus("batch", manifest.toString(), "--out", out.toString(),
                "--resume", "--progress", "log");
        assertTrue(redo.err().contains("] ok other\n") || redo.err().contains("] ok other" + System.lineSeparator()),
                redo.err());
        assertEquals(3, count(redo.err(), "(complete, skipped)"), "the other complete items are skipped");
        assertFalse(Files.exists(stale), "left-over temporary files are removed");
        assertTrue(Files.isRegularFile(out.resolve("other/" + ItemMarker.FILE)));
        assertArrayEquals(otherBytes, Files.readAllBytes(otherJson), "the redone row gives the same analysis");
        assertArrayEquals(first, Files.readAllBytes(out.resolve("summary.csv")));
        try (var files = Files.list(out.resolve("other"))) {
            assertEquals(List.of("analysis.json", "done.json", "tic.csv", "tic.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "nothing duplicated");
        }
        assertArrayEquals(fullSummary, first, "same summary as any other full run");
    }

    @Test
    void changedRowIsRedoneUnderResume() throws IOException {
        Path out = data.resolve("changed");
        Path m2 = data.resolve("changed.csv");
        Files.writeString(m2, BatchFixtures.HEADER + "\nonly,,,,other.tif,\"" + BatchFixtures.TUMOUR + "\",,,,\n");
        assertEquals(0, BatchFixtures.ceus("batch", m2.toString(), "--out", out.toString(), "--quiet").exit());
        Files.writeString(m2, BatchFixtures.HEADER + "\nonly,,,,other.tif,\"tumour=oval:20,10,18,12\",,,,\n");
        BatchFixtures.Run r = BatchFixtures.ceus("batch", m2.toString(), "--out", out.toString(), "--resume",
                "--progress", "log");
        assertEquals(0, count(r.err(), "(complete, skipped)"), "a row whose ROI changed is not complete");
        assertEquals(0, r.exit());
    }

    @Test
    void shardsCoverEveryRowOnceAndMergeEqualsTheUnshardedSummary() throws IOException {
        Path out = data.resolve("sharded");
        int exit1 = BatchFixtures.ceus("batch", manifest.toString(), "--out", out.toString(), "--shard", "1/2", "--quiet").exit();
        int exit2 = BatchFixtures.ceus("batch", manifest.toString(), "--out", out.toString(), "--shard", "2/2", "--quiet").exit();
        List<String> s1 = ids(out.resolve("summary.shard-1-of-2.csv"));
        List<String> s2 = ids(out.resolve("summary.shard-2-of-2.csv"));
        assertEquals(List.of("p1-d14", "other", "missing", "compare:P1"), s1, "rows 0, 2, 4 and P1 (first row 0)");
        assertEquals(List.of("p1-base", "cut"), s2);
        assertEquals(1, exit1, "shard 1 holds the missing file");
        assertEquals(1, exit2, "shard 2 holds the truncated DICOM");
        List<String> all = new ArrayList<>(s1);
        all.addAll(s2);
        Collections.sort(all);
        List<String> expected = new ArrayList<>(Manifest.read(manifest).itemIds());
        Collections.sort(expected);
        assertEquals(expected, all, "every item exactly once");

        BatchFixtures.Run merged = BatchFixtures.ceus("merge", "--out", out.toString(), "--manifest", manifest.toString());
        assertEquals(1, merged.exit(), merged.err());
        assertArrayEquals(fullSummary, Files.readAllBytes(out.resolve("summary.csv")), "merge = unsharded summary");
        assertArrayEquals(Files.readAllBytes(full.resolve("compare-P1/comparison.csv")),
                Files.readAllBytes(out.resolve("compare-P1/comparison.csv")),
                "a shard's comparison (one exam analysed in memory) equals the unsharded one");
    }

    @Test
    void mergeRefusesDuplicatesAndMissingShards() throws IOException {
        Path out = data.resolve("merge-bad");
        Files.createDirectories(out);
        Path a = out.resolve("summary.shard-1-of-2.csv");
        Summary.write(a, List.of(Map.of("id", "x", "status", "ok", "row", "1")));
        BatchFixtures.Run dup = BatchFixtures.ceus("merge", a.toString(), a.toString(), "--out", out.toString());
        assertEquals(2, dup.exit());
        assertTrue(dup.err().contains("id 'x' is also in"), dup.err());
        BatchFixtures.Run missing = BatchFixtures.ceus("merge", "--out", out.toString(), "--manifest", manifest.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("6 items have no summary line"), missing.err());
        BatchFixtures.Run none = BatchFixtures.ceus("merge", "--out", data.resolve("empty").toString());
        assertEquals(2, none.exit());
        BatchFixtures.Run ok = BatchFixtures.ceus("merge", "--out", out.toString(), "--quiet");
        assertEquals(0, ok.exit(), ok.err());
    }

    @Test
    void shardSpecPartitionsIndices() {
        for (int n = 1; n <= 5; n++) {
            for (int i = 0; i < 23; i++) {
                int owners = 0;
                for (int k = 1; k <= n; k++) {
                    owners += new ShardSpec(k, n).contains(i) ? 1 : 0;
                }
                assertEquals(1, owners, "index " + i + " of " + n + " shards");
            }
        }
        assertEquals(new ShardSpec(2, 8), ShardSpec.parse(" 2/8 "));
        assertEquals("summary.shard-2-of-8.csv", ShardSpec.parse("2/8").summaryFileName());
        assertEquals("summary.csv", ShardSpec.parse("1/1").summaryFileName());
        for (String bad : List.of("0/2", "3/2", "2", "a/b", "1/0")) {
            org.junit.jupiter.api.Assertions.assertThrows(org.ceusperfusion.InputException.class,
                    () -> ShardSpec.parse(bad), bad);
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
