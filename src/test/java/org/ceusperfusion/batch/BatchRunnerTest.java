package org.ceusperfusion.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.synth.LoopFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core without the CLI: cancellation, folders as manifests, per-row values, relative ROI files. */
class BatchRunnerTest {
    @TempDir
    static Path data;

    @BeforeAll
    static void loops() throws IOException {
        BatchFixtures.loop(data, "l1", LoopFormat.TIFF, 1.0, 31);
        BatchFixtures.loop(data, "l2", LoopFormat.TIFF, 0.6, 32);
        BatchFixtures.loop(data, "l3", LoopFormat.TIFF, 0.3, 33);
    }

    private static BatchOptions options(Path out) {
        return BatchOptions.of(out, AnalysisSettings.logCompressed(40)).withThreads(1);
    }

    @Test
    void cancellingAfterTheFirstItemReportsTheRestAsCancelled() throws IOException {
        Manifest m = Manifest.ofFolder(data, BatchFixtures.TUMOUR, null);
        assertEquals(List.of("l1.tif", "l2.tif", "l3.tif"), m.rows().stream().map(ManifestRow::id).toList());
        AtomicBoolean cancel = new AtomicBoolean();
        List<String> seen = new ArrayList<>();
        BatchRunner.Listener stopAfterFirst = new BatchRunner.Listener() {
            @Override
            public void finished(ItemResult r, int done, int total) {
                seen.add(done + "/" + total + " " + r.id());
                cancel.set(true);
            }
        };
        BatchResult r = new BatchRunner(options(data.resolve("cancel"))).run(m, stopAfterFirst, cancel);
        assertEquals(List.of("1/3 l1.tif", "2/3 l2.tif", "3/3 l3.tif"), seen);
        assertTrue(r.items().get(0).ok());
        assertEquals("row l2.tif: cancelled", r.items().get(1).message());
        assertEquals(2, r.failed());
        assertEquals(1, r.exitCode());
        assertEquals(3, Summary.read(r.summary()).size(), "the summary of a cancelled run lists every item");
    }

    @Test
    void badValuesFailTheirRowOnlyAndRoiFilesAreRelativeToTheManifest() throws IOException {
        Path m = data.resolve("values.csv");
        Files.writeString(m, "id,loop,roi,day,patient,frame_interval_s,model\n"
                + "a,l1.tif,\"" + BatchFixtures.TUMOUR + "\",0,P,,\n"
                + "b,l2.tif,\"" + BatchFixtures.TUMOUR + "\",soon,P,,\n"
                + "c,l3.tif,\"" + BatchFixtures.TUMOUR + "\",,,-1,\n"
                + "d,l3.tif,\"" + BatchFixtures.TUMOUR + "\",,,,cubic\n"
                + "e,l3.tif,rois/none.roi,,,,\n");
        BatchResult r = new BatchRunner(options(data.resolve("values"))).run(Manifest.read(m),
                BatchRunner.Listener.NONE, new AtomicBoolean());
        List<String> messages = r.items().stream().map(ItemResult::message).toList();
        assertEquals("", messages.get(0));
        assertEquals("row b, column day: 'soon' is not a number", messages.get(1));
        assertTrue(messages.get(2).startsWith("row c, column frame_interval_s: must be a positive"), messages.get(2));
        assertTrue(messages.get(3).contains("cubic"), messages.get(3));
        assertTrue(messages.get(4).contains(data.resolve("rois/none.roi").toString()), messages.get(4));
        assertEquals("compare:P", r.items().get(5).id());
        assertEquals("row b: cannot be compared: row b, column day: 'soon' is not a number", messages.get(5));
    }

    @Test
    void folderWithoutLoopsOrMissingFolderIsBadInput() {
        assertThrows(InputException.class, () -> Manifest.ofFolder(data.resolve("nope"), "rect:1,1,2,2", null));
        assertThrows(InputException.class, () -> Manifest.ofFolder(data.resolve("values"), "rect:1,1,2,2", null));
    }
}
