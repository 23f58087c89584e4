package org.ceusperfusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceusperfusion.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OME-TIFF loops written by an independent writer (Python tifffile, deflate-compressed; see
 * {@code src/test/resources/ome/make_tifffile_loops.py}): 32×24, 40 frames 0.1–2 s apart (DeltaT in s),
 * PhysicalSizeX/Y 200 µm, a lognormal bolus of TTP 7.717 s. Read without Bio-Formats through the CLI.
 */
class TifffileOmeTiffTest {
    @TempDir
    Path tmp;

    private static Path resource(String name) throws Exception {
        return Path.of(TifffileOmeTiffTest.class.getResource("/ome/" + name).toURI());
    }

    @Test
    void infoGivesTheWrittenDeltaTAndPixelSize() throws Exception {
        JsonObject truth = Json.parse(Files.readString(resource("tifffile-loops.truth.json")));
        CliRun run = CliRun.of("info", resource("tifffile-zlib.ome.tif").toString());
        assertEquals(0, run.exitCode(), run.toString());
        JsonObject in = Json.parse(run.out());
        JsonArray times = in.getAsJsonArray("timesS");
        JsonArray expected = truth.getAsJsonArray("timesS");
        assertEquals(40, times.size());
        for (int i = 0; i < 40; i++) {
            assertEquals(expected.get(i).getAsDouble(), times.get(i).getAsDouble(), 1e-9, "frame " + (i + 1));
        }
        assertEquals(0.2, in.get("pixelSizeMm").getAsDouble(), 1e-12);
    }

    @Test
    void analyzeFindsTheTrueTtpAndTheTwoChannelFileNeedsChannelTwo() throws Exception {
        JsonObject truth = Json.parse(Files.readString(resource("tifffile-loops.truth.json")));
        double ttp = truth.get("ttpS").getAsDouble();
        String roi = truth.get("roi").getAsString();
        double one = ttp("tifffile-zlib.ome.tif", roi);
        assertEquals(ttp, one, 0.1, "TTP");
        assertEquals(one, ttp("tifffile-2ch.ome.tif", roi, "--channel", "2"), 1e-9, "channel 2 = the one-channel loop");
        Path two = resource("tifffile-2ch.ome.tif");
        CliRun refused = CliRun.of("analyze", two.toString(), "--roi", roi, "--out", tmp.resolve("no").toString());
        assertEquals(2, refused.exitCode());
        assertEquals("error: " + two + ": 2 channels (1 \"B-mode\", 2 \"CEUS\"): choose one with --channel N"
                + " (ImageJ: channel=N)\n", refused.err());
    }

    private double ttp(String file, String roi, String... extra) throws Exception {
        Path out = tmp.resolve(file + extra.length);
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"analyze", resource(file).toString(), "--roi", roi, "--out", out.toString()},
                0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.toString());
        JsonObject r = Json.parse(Files.readString(out.resolve("analysis.json"))).getAsJsonArray("rois").get(0)
                .getAsJsonObject();
        assertEquals("OK", r.getAsJsonObject("fit").get("status").getAsString(), r.toString());
        return r.getAsJsonObject("parameters").get("TTP").getAsDouble();
    }
}
