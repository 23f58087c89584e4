package org.ceusperfusion.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceusperfusion.cli.CeusCli;
import org.ceusperfusion.synth.AmplitudeVariation;
import org.ceusperfusion.synth.BolusSpec;
import org.ceusperfusion.synth.Ellipse;
import org.ceusperfusion.synth.FrameTiming;
import org.ceusperfusion.synth.RoiTruth;
import org.ceusperfusion.synth.SpeckleMode;
import org.ceusperfusion.synth.SyntheticLoopSpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Acceptance scenario of "open every cine loop a clinic exports": an unseen side-by-side loop (B-mode
 * left, contrast right, JPEG baseline YBR_FULL_422, two ultrasound regions with physical deltas,
 * 8–12 frames/s, with a Frame Time Vector or a Frame Time) analysed by {@code ceus analyze} with the
 * ROI given in stored-frame pixels: TTP within 0.5 s of the generator's truth, R² ≥ 0.95, pixel size
 * from the regions, frame times as written; {@code ceus info} lists both regions in mm.
 */
class SideBySideJpegAcceptanceTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} fps, frame time vector {1}, jitter {2}, seed {3}")
    @CsvSource({
        "8, false, 0, 21",
        "10, true, 0.25, 22",
        "12, true, 0.3, 23"})
    void ttpOfTheContrastPanelMatchesTheTruth(double fps, boolean vector, double jitter, long seed) throws Exception {
        double deltaCm = 0.042;
        SideBySideJpegLoop.Written w = SideBySideJpegLoop.write(spec(fps, jitter, seed), vector, deltaCm,
                tmp.resolve("side-by-side.dcm"));
        RoiTruth tumour = w.truth().tumour();
        Path out = tmp.resolve("out");

        Run run = cli("analyze", w.file().toString(), "--roi", w.tumourRoiInStoredPixels(), "--out", out.toString());

        assertEquals(0, run.code(), run.text());
        JsonObject a = JsonParser.parseString(Files.readString(out.resolve("analysis.json"))).getAsJsonObject();
        JsonObject input = a.getAsJsonObject("input");
        JsonObject roi = a.getAsJsonArray("rois").get(0).getAsJsonObject();
        double ttp = roi.getAsJsonObject("parameters").get("TTP").getAsDouble();
        System.out.printf("side-by-side JPEG %s fps, vector %s: TTP %.3f s, truth %.3f s, error %+.3f s, R2 %.4f%n",
                fps, vector, ttp, tumour.ttpS(), ttp - tumour.ttpS(),
                roi.getAsJsonObject("fit").get("r2").getAsDouble());
        assertEquals(tumour.ttpS(), ttp, 0.5, "TTP, s");
        assertTrue(roi.getAsJsonObject("fit").get("r2").getAsDouble() >= 0.95, roi.toString());
        assertEquals(tumour.areaPx(), roi.get("areaPx").getAsInt(), "ROI area on the contrast panel, px");
        assertEquals(w.deltaMm(), input.get("pixelSizeMm").getAsDouble(), 1e-12, "pixel size from the regions, mm");
        assertEquals(tumour.areaPx() * w.deltaMm() * w.deltaMm(), roi.get("areaMm2").getAsDouble(), 1e-6);
        assertEquals(w.width(), input.get("width").getAsInt());
        assertEquals("1.2.840.10008.1.2.4.50", input.get("transferSyntax").getAsString());
        assertEquals(vector ? "FrameTimeVector" : "FrameTime", input.get("timingSource").getAsString());
        double[] truthTimes = w.truth().timesS();
        JsonArray times = input.getAsJsonArray("timesS");
        assertEquals(truthTimes.length, input.get("frames").getAsInt());
        for (int i = 0; i < truthTimes.length; i++) {
            assertEquals(truthTimes[i], times.get(i).getAsDouble(), 1e-6, "time of frame " + (i + 1));
        }
        assertInfoListsBothRegions(w);
    }

    private void assertInfoListsBothRegions(SideBySideJpegLoop.Written w) {
        Run info = cli("info", w.file().toString());
        assertEquals(0, info.code(), info.text());
        JsonObject in = JsonParser.parseString(info.out()).getAsJsonObject();
        JsonArray regions = in.getAsJsonArray("ultrasoundRegions");
        assertEquals(2, regions.size(), info.out());
        int[][] xs = {{0, w.panelX() - SideBySideJpegLoop.GAP - 1}, {w.panelX(), w.width() - 1}};
        for (int i = 0; i < 2; i++) {
            JsonObject r = regions.get(i).getAsJsonObject();
            assertEquals(xs[i][0], r.get("minX0").getAsInt());
            assertEquals(xs[i][1], r.get("maxX1").getAsInt());
            assertEquals(w.height() - 1, r.get("maxY1").getAsInt());
            assertEquals(1, r.get("dataType").getAsInt());
            assertEquals(w.deltaMm(), r.get("physicalDeltaXMm").getAsDouble(), 1e-12);
            assertEquals(w.deltaMm(), r.get("physicalDeltaYMm").getAsDouble(), 1e-12);
        }
        assertEquals("YBR_FULL_422", in.get("photometric").getAsString());
    }

    /** A 96×72 contrast panel, 75 s, tumour bolus with varying amplitude, correlated speckle. */
    private static SyntheticLoopSpec spec(double fps, double jitter, long seed) {
        int frames = (int) Math.round(75 * fps);
        FrameTiming timing = jitter == 0 ? FrameTiming.regular(fps, frames) : new FrameTiming(fps, frames, jitter, 0.05);
        return SyntheticLoopSpec.defaults().withName("side-by-side").withSize(96, 72).withTiming(timing)
                .withTumour(Ellipse.ofBox(30, 20, 36, 28), new Ellipse(48, 34, 5, 4))
                .withTumourBolus(BolusSpec.of(2500, Math.log(12) + 0.05 * (seed % 5), 0.5, 3 + seed % 4)
                        .withVariation(0.3, AmplitudeVariation.SMOOTH))
                .withNormal(Ellipse.ofBox(4, 50, 20, 16), BolusSpec.of(1200, Math.log(14), 0.6, 5))
                .withSpeckle(SpeckleMode.CORRELATED_2X2).withSeed(seed);
    }

    private record Run(int code, String out, String err) {
        String text() {
            return "exit " + code + "\n" + out + "\n" + err;
        }
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CeusCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}
