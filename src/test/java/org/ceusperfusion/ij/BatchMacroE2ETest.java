package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceusperfusion.cli.CeusCli;
import org.ceusperfusion.report.Json;
import org.ceusperfusion.synth.Ellipse;
import org.ceusperfusion.synth.FrameTiming;
import org.ceusperfusion.synth.LoopFiles;
import org.ceusperfusion.synth.LoopFormat;
import org.ceusperfusion.synth.SyntheticLoopSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped batch and macro-extension examples run in real ImageJ ({@code -batch}) and give what the CLI
 * gives: the same summary.csv for a manifest, the same parameters for a loop.
 */
@Tag("integration") // real ImageJ in a separate JVM, needs a display: xvfb-run (see ImageJProcess)
class BatchMacroE2ETest {
    @TempDir
    static Path tmp;
    static ImageJProcess imagej;
    static Path project = Path.of("").toAbsolutePath();

    @BeforeAll
    static void install() throws IOException {
        imagej = ImageJProcess.install(tmp.resolve("imagej"));
    }

    private static int ceus(String... args) {
        return CeusCli.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @Test
    void batchExampleWritesTheSummaryOfCeusBatch() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        SyntheticLoopSpec spec = SyntheticLoopSpec.defaults().withName("small").withSize(48, 36)
                .withTiming(FrameTiming.regular(4, 120)).withTumour(Ellipse.ofBox(20, 10, 20, 14), null)
                .withNormal(Ellipse.ofBox(2, 20, 12, 12), SyntheticLoopSpec.defaults().normalBolus()).withSeed(5);
        LoopFiles.writeLoop(spec, LoopFormat.TIFF, data.resolve("small.tif"));
        Path manifest = data.resolve("m.csv");
        Files.writeString(manifest, "id,loop,roi\nok,small.tif,\"tumour=oval:20,10,20,14\"\ngone,gone.dcm,\"rect:1,1,5,5\"\n");
        Path cli = tmp.resolve("cli-out");
        assertEquals(1, ceus("batch", manifest.toString(), "--out", cli.toString(), "--quiet"));
        Path ij = tmp.resolve("ij-out");

        ImageJProcess.Run run = imagej.runMacroFile(project.resolve(ExampleMacrosE2ETest.EXAMPLES).resolve("CEUS_Batch_Example.ijm"), manifest + " " + ij);
        assertTrue(run.output().contains("CEUS batch: 2 items, 1 failed"), run.output());
        assertTrue(run.output().contains("gone: error: ") && run.output().contains("gone.dcm"), run.output());
        assertArrayEquals(Files.readAllBytes(cli.resolve("summary.csv")), Files.readAllBytes(ij.resolve("summary.csv")),
                "Batch... and ceus batch write the same summary");
        assertArrayEquals(Files.readAllBytes(cli.resolve("ok/tic.csv")), Files.readAllBytes(ij.resolve("ok/tic.csv")));
    }

    @Test
    void extensionsExampleReturnsTheCliNumbers() throws Exception {
        Path out = tmp.resolve("ext-out");
        ImageJProcess.Run run = imagej.runMacroFile(project.resolve(ExampleMacrosE2ETest.EXAMPLES).resolve("CEUS_Extensions_Example.ijm"), out.toString());
        assertTrue(run.output().contains("CEUS extensions example: done"), run.output());
        Path cli = tmp.resolve("ext-cli");
        assertEquals(0, ceus("analyze", "test-data/baseline.dcm", "--roi", "tumour=oval:40,27,40,30",
                "--reference-roi", "normal=oval:8,62,24,20", "--out", cli.toString(), "--quiet"));
        JsonObject p = Json.parse(Files.readString(cli.resolve("analysis.json"))).getAsJsonArray("rois").get(0)
                .getAsJsonObject().getAsJsonObject("parameters");
        JsonObject q = Json.parse(Files.readString(out.resolve("baseline/analysis.json"))).getAsJsonArray("rois").get(0)
                .getAsJsonObject().getAsJsonObject("parameters");
        assertEquals(p, q, "Ext.ceusAnalyze gives the parameters of ceus analyze");
        Matcher m = Pattern.compile("AUC ([0-9.eE+-]+) \\[").matcher(run.output());
        assertTrue(m.find(), run.output());
        assertEquals(p.get("AUC").getAsDouble(), Double.parseDouble(m.group(1)), 1e-3 * p.get("AUC").getAsDouble());
        assertTrue(run.output().matches("(?s).*TIC: \\d+ frames, highest mean at t = .*"), run.output());
        assertTrue(Files.isRegularFile(out.resolve("comparison/comparison.json")), run.output());
        assertTrue(run.output().matches("(?s).*baseline -> D14: AUC -\\d+\\.\\d %.*"), run.output());
    }
}
