package org.ceusperfusion.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceusperfusion.io.RealData;
import org.ceusperfusion.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code info}, {@code demo}, {@code --help} and {@code --version}. */
class CommandsTest {
    static final Path PROJECT = Path.of(System.getProperty("ceus.projectDir", "."));

    @TempDir
    Path tmp;

    @Test
    void infoPrintsTheFrameTimeVectorOfARealFile() {
        Path ftv = RealData.echo("raw-mono2-frametimevector");
        CliRun run = CliRun.of("info", ftv.toString());
        assertEquals(0, run.exitCode(), run.toString());
        JsonObject in = Json.parse(run.out());
        assertEquals(10, in.get("frames").getAsInt());
        assertEquals("DICOM", in.get("format").getAsString());
        double[] times = new double[10];
        for (int i = 0; i < 10; i++) {
            times[i] = in.getAsJsonArray("timesS").get(i).getAsDouble();
        }
        assertArrayEquals(new double[] {0, .076, .152, .232, .304, .380, .480, .532, .608, .684}, times, 1e-9);
        assertEquals("FrameTimeVector", in.get("timingSource").getAsString());
        assertEquals("US", in.getAsJsonObject("tags").get("Modality").getAsString(), in.toString());
    }

    @Test
    void frameIntervalOptionWinsOverTheFile() {
        Path ft = RealData.echo("raw-mono2-frametime");
        JsonObject in = Json.parse(CliRun.of("info", ft.toString(), "--frame-interval", "0.5").out());
        assertEquals(0.5, in.get("frameIntervalS").getAsDouble(), 1e-12);
        assertEquals(4.5, in.get("durationS").getAsDouble(), 1e-12);
    }

    @Test
    void demoWritesTheComparisonReport() throws Exception {
        Path out = tmp.resolve("demo");
        CliRun run = CliRun.of("demo", "--out", out.toString(), "--data", PROJECT.resolve("test-data").toString());
        assertEquals(0, run.exitCode(), run.toString());
        for (String f : new String[] {"comparison.json", "comparison.csv", "report.pdf", "report.png",
                                      "analysis-baseline.json", "analysis-D14.json"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(run.out().contains("AUC"), run.out());
        JsonObject c = Json.parse(Files.readString(out.resolve("comparison.json")));
        double auc = c.getAsJsonArray("changes").get(0).getAsJsonObject().getAsJsonObject("parameters")
                .getAsJsonObject("AUC").get("pct").getAsDouble();
        // truth of the bundled pair (test-data/README.md): tumour AUC −67.8 %
        assertEquals(-67.8, auc, 5.0);
        assertEquals(15.593, c.getAsJsonArray("changes").get(0).getAsJsonObject().get("volumePct").getAsDouble(), 1e-3);
    }

    @Test
    void bootstrapCisAreSeededAndRecorded() throws Exception {
        Path loop = PROJECT.resolve("test-data/baseline.dcm");
        String[] args = {"analyze", loop.toString(), "--roi", "tumour=oval:40,27,40,30", "--bootstrap", "40",
                         "--quiet", "--out"};
        JsonObject[] runs = new JsonObject[2];
        for (int i = 0; i < 2; i++) {
            Path out = tmp.resolve("boot" + i);
            String[] a = java.util.Arrays.copyOf(args, args.length + 1);
            a[args.length] = out.toString();
            assertEquals(0, CliRun.of(a).exitCode());
            runs[i] = Json.parse(Files.readString(out.resolve("analysis.json")));
        }
        JsonObject settings = runs[0].getAsJsonObject("settings");
        assertEquals("residual-bootstrap", settings.get("ciMethod").getAsString());
        assertEquals(40, settings.get("bootstrapReplicates").getAsInt());
        JsonObject ci0 = runs[0].getAsJsonArray("rois").get(0).getAsJsonObject().getAsJsonObject("ci95");
        JsonObject ci1 = runs[1].getAsJsonArray("rois").get(0).getAsJsonObject().getAsJsonObject("ci95");
        assertEquals(ci0, ci1, "the same seed gives the same intervals");
        double auc = runs[0].getAsJsonArray("rois").get(0).getAsJsonObject().getAsJsonObject("parameters")
                .get("AUC").getAsDouble();
        assertTrue(ci0.getAsJsonArray("AUC").get(0).getAsDouble() < auc
                && auc < ci0.getAsJsonArray("AUC").get(1).getAsDouble(), ci0.toString());
    }

    @Test
    void helpAndVersion() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exitCode());
        for (String cmd : new String[] {"info", "analyze", "compare", "demo"}) {
            assertTrue(help.out().contains(cmd), help.out());
        }
        CliRun sub = CliRun.of("analyze", "--help");
        assertEquals(0, sub.exitCode());
        assertTrue(sub.out().contains("--dynamic-range") && sub.out().contains("--roi"), sub.out());
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("CEUS Perfusion "), version.out());
    }
}
