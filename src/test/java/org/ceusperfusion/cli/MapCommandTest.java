package org.ceusperfusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import ij.ImagePlus;
import ij.io.Opener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceusperfusion.maps.MapBenchmarkLoop;
import org.ceusperfusion.report.Json;
import org.ceusperfusion.synth.LoopFiles;
import org.ceusperfusion.synth.LoopFormat;
import org.ceusperfusion.synth.SyntheticLoopSpec;
import org.ceusperfusion.synth.SyntheticTruth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceus map} end to end on a written TIFF loop: outputs, ROI, summary, and bad input (exit 2, no files). */
class MapCommandTest {
    @TempDir
    static Path tmp;
    private static Path loop;
    private static SyntheticTruth truth;

    @BeforeAll
    static void writeLoop() throws Exception {
        SyntheticLoopSpec spec = MapBenchmarkLoop.spec(21, 48, 36, 160);
        loop = tmp.resolve("loop.tif");
        truth = LoopFiles.writeLoop(spec, LoopFormat.TIFF, loop);
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        return CeusCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void mapsTheTumourRoiAndWritesTheFiles() throws Exception {
        Path dir = tmp.resolve("out");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String roi = truth.tumour().spec();
        int code = run(out, err, "map", loop.toString(), "--roi", roi, "--params", "PE,TTP", "--threads", "2",
                "--out", dir.toString());
        assertEquals(0, code, err.toString());
        for (String f : new String[] {"PE.tif", "TTP.tif", "R2.tif", "status.tif", "map-PE.png", "map-TTP.png", "map.json"}) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        JsonObject o = Json.parse(Files.readString(dir.resolve("map.json")));
        assertEquals(truth.tumour().areaPx(), o.get("pixelsMapped").getAsInt());
        assertEquals("tumour", o.getAsJsonObject("settings").get("roi").getAsString());
        ImagePlus pe = new Opener().openImage(dir.resolve("PE.tif").toString());
        assertEquals(truth.spec().pixelSizeMm(), pe.getCalibration().pixelWidth, 1e-6);
        assertTrue(Float.isNaN(pe.getProcessor().getf(0, 0)), "outside the ROI is NaN");
        assertTrue(out.toString().contains("mapped " + truth.tumour().areaPx() + " pixels"), out.toString());
        assertTrue(out.toString().contains("TTP"), out.toString());
    }

    @Test
    void badInputExitsWith2AndWritesNothing() {
        String[][] bad = {
            {"map", tmp.resolve("missing.tif").toString()},
            {"map", loop.toString(), "--roi", "oval:40,30,20,20"},
            {"map", loop.toString(), "--params", "PE,BOGUS"},
            {"map", loop.toString(), "--bin", "0"},
            {"map", loop.toString(), "--frame-bin", "x"},
            {"map", loop.toString(), "--model", "nonsense"},
            {"map", loop.toString(), "--threads", "0"},
        };
        for (String[] args : bad) {
            Path dir = tmp.resolve("bad-" + Math.abs(String.join(" ", args).hashCode()));
            String[] withOut = java.util.Arrays.copyOf(args, args.length + 2);
            withOut[args.length] = "--out";
            withOut[args.length + 1] = dir.toString();
            StringWriter err = new StringWriter();
            assertEquals(2, run(new StringWriter(), err, withOut), String.join(" ", args) + ": " + err);
            assertTrue(err.toString().startsWith("error: "), err.toString());
            assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
            assertFalse(Files.exists(dir), "nothing written for " + String.join(" ", args));
        }
    }
}
