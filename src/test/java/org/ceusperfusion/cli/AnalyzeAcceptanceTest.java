package org.ceusperfusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ceusperfusion.report.Json;
import org.ceusperfusion.synth.AmplitudeVariation;
import org.ceusperfusion.synth.BolusSpec;
import org.ceusperfusion.synth.Ellipse;
import org.ceusperfusion.synth.FrameTiming;
import org.ceusperfusion.synth.LoopFiles;
import org.ceusperfusion.synth.LoopFormat;
import org.ceusperfusion.synth.RoiTruth;
import org.ceusperfusion.synth.SpeckleMode;
import org.ceusperfusion.synth.SyntheticLoopSpec;
import org.ceusperfusion.synth.SyntheticTruth;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ceus analyze} end to end on synthetic loops the tests generate (40 dB log compression, lognormal
 * boluses, speckle, 8–12 frames/s, regular and irregular times) in every format the spine reads:
 * TTP within 0.5 s and mTT within 10 % of truth, R² ≥ 0.95, and a 95 % CI around every parameter.
 */
class AnalyzeAcceptanceTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} at {1} fps, jitter {2}, seed {3}")
    @CsvSource({
        "dicom, 8, 0, 11",
        "dicom, 12, 0.3, 12",
        "tiff, 10, 0, 13",
        "tiff, 9, 0.25, 14",
        "ome-tiff, 9, 0.25, 17",
        "avi-mjpeg, 10, 0, 15",
        "avi-raw, 8, 0, 16"})
    void recoversTheTruthOfTheTumourCurve(String format, double fps, double jitter, long seed) throws Exception {
        LoopFormat f = LoopFormat.fromLabel(format);
        SyntheticLoopSpec spec = spec(fps, jitter, seed);
        Path loop = tmp.resolve("loop" + f.extension());
        SyntheticTruth truth = LoopFiles.writeLoop(spec, f, loop);
        RoiTruth tumour = truth.tumour();
        Path out = tmp.resolve("out");

        CliRun run = CliRun.of("analyze", loop.toString(), "--roi", tumour.spec(), "--dynamic-range", "40",
                "--out", out.toString());

        assertEquals(0, run.exitCode(), run.toString());
        JsonObject a = Json.parse(Files.readString(out.resolve("analysis.json")));
        JsonObject roi = a.getAsJsonArray("rois").get(0).getAsJsonObject();
        JsonObject p = roi.getAsJsonObject("parameters");
        assertEquals("OK", roi.getAsJsonObject("fit").get("status").getAsString(), run.toString());
        assertTrue(roi.getAsJsonObject("fit").get("r2").getAsDouble() >= 0.95, roi.toString());
        assertEquals(tumour.ttpS(), p.get("TTP").getAsDouble(), 0.5, "TTP");
        assertEquals(tumour.mttS(), p.get("mTT").getAsDouble(), 0.10 * tumour.mttS(), "mTT");
        assertEquals(truth.timesS().length, a.getAsJsonObject("input").get("frames").getAsInt());
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(loop))), a.getAsJsonObject("input").get("sha256").getAsString(),
                "the hash taken beside the analysis is the file's");
        JsonArray times = a.getAsJsonObject("input").getAsJsonArray("timesS");
        assertEquals(truth.timesS()[truth.timesS().length - 1], times.get(times.size() - 1).getAsDouble(), 1e-6);
        JsonObject ci = roi.getAsJsonObject("ci95");
        for (Map.Entry<String, ?> e : p.entrySet()) {
            if (e.getKey().equals("QOF")) {
                continue; // quality of fit, not a perfusion estimate
            }
            JsonArray lohi = ci.getAsJsonArray(e.getKey());
            double v = p.get(e.getKey()).getAsDouble();
            assertTrue(!lohi.get(0).isJsonNull() && !lohi.get(1).isJsonNull(), "CI of " + e.getKey() + ": " + ci);
            double lo = lohi.get(0).getAsDouble();
            double hi = lohi.get(1).getAsDouble();
            assertTrue(lo <= v && v <= hi && lo < hi, e.getKey() + " " + v + " outside [" + lo + ", " + hi + "]");
        }
        assertTrue(Files.exists(out.resolve("tic.csv")) && Files.exists(out.resolve("tic.png")));
    }

    /** A 96×72 loop of 75 s with a tumour bolus (random per-pixel amplitude) and a normal region. */
    static SyntheticLoopSpec spec(double fps, double jitter, long seed) {
        int frames = (int) Math.round(75 * fps);
        FrameTiming timing = jitter == 0 ? FrameTiming.regular(fps, frames)
                : new FrameTiming(fps, frames, jitter, 0.05);
        return SyntheticLoopSpec.defaults().withName("accept").withSize(96, 72).withTiming(timing)
                .withTumour(Ellipse.ofBox(30, 20, 36, 28), new Ellipse(48, 34, 5, 4))
                .withTumourBolus(BolusSpec.of(2500, Math.log(12) + 0.05 * (seed % 5), 0.5, 3 + seed % 4)
                        .withVariation(0.3, AmplitudeVariation.SMOOTH))
                .withNormal(Ellipse.ofBox(4, 50, 20, 16), BolusSpec.of(1200, Math.log(14), 0.6, 5))
                .withSpeckle(SpeckleMode.CORRELATED_2X2)
                .withSeed(seed);
    }
}
