package org.ceusperfusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ceusperfusion.fit.LevenbergMarquardtFitter;
import org.ceusperfusion.model.LognormalModel;
import org.ceusperfusion.params.ParameterCalculator;
import org.ceusperfusion.params.ParameterEstimates;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.tic.CurveCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ceus analyze CURVE.csv}: the real diaphragm/liver curves (35.2 fps) thinned to 0.28–0.74 s per sample,
 * as coarse exports are, must give the TTP and PE of a fit of the full-rate curve (an independent sampling).
 */
class CurveInputCliTest {
    @TempDir
    Path dir;

    private static final Path REAL = Path.of("test-data/real/diaphragm-tic/example_TIC.csv");

    /** Measured (0.28 / 0.57 / 0.74 s): see the printed lines; TTP within 0.5 s, PE within 10 %. */
    @ParameterizedTest
    @CsvSource({"dia, 10", "dia, 20", "dia, 26", "liver, 10", "liver, 20", "liver, 26", "cw, 20"})
    void coarseRealCurvesMatchTheFullRateFit(String column, int step) throws Exception {
        CurveCsv.Table full = CurveCsv.read(REAL);
        int c = full.names().indexOf(column);
        var ref = new LevenbergMarquardtFitter().fit(new LognormalModel(), full.timesS(), full.values().get(c));
        ParameterEstimates e = ParameterCalculator.compute(ref);
        StringBuilder csv = new StringBuilder("Time (s);" + column + "\n");
        for (int i = 0; i < full.size(); i += step) {
            csv.append(String.format(Locale.GERMANY, "%.4f;%.4f%n", full.timesS()[i], full.values().get(c)[i]));
        }
        Path in = dir.resolve("coarse.csv");
        Files.writeString(in, csv);
        CliRun r = CliRun.of("analyze", in.toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        JsonObject roi = JsonParser.parseString(Files.readString(dir.resolve("out/analysis.json"))).getAsJsonObject()
                .getAsJsonArray("rois").get(0).getAsJsonObject();
        JsonObject p = roi.getAsJsonObject("parameters");
        double ttp = p.get("TTP").getAsDouble();
        double pe = p.get("PE").getAsDouble();
        System.out.printf(Locale.ROOT, "real %s every %d (%.2f s): TTP %.2f vs %.2f s, PE %.2f vs %.2f (%+.1f %%), rejected %s%n",
                column, step, full.timesS()[step], ttp, e.value(PerfusionParameter.TTP), pe,
                e.value(PerfusionParameter.PE), 100 * (pe / e.value(PerfusionParameter.PE) - 1),
                roi.getAsJsonObject("quality").get("framesRejected"));
        assertEquals(e.value(PerfusionParameter.TTP), ttp, 0.5, "TTP");
        assertEquals(e.value(PerfusionParameter.PE), pe, 0.10 * e.value(PerfusionParameter.PE), "PE");
        assertEquals(0, roi.getAsJsonObject("quality").get("framesRejected").getAsInt(), "no frame of the real curve left out");
    }

    /**
     * A destruction flash without refill exported as a curve (bolus, plateau, two bright flash frames, floor; the
     * realistic phantom's tumour curve drawn by the curve-level sampler): the fit stops before the flash, the drop is
     * reported, and the bolus result is right (PE = the plateau within 10 %) or flagged — a plateau has no wash-out,
     * so AUC and mTT are extrapolated and must carry {@code auc-extrapolated} or make the result not interpretable.
     */
    @ParameterizedTest
    @CsvSource({"401", "402", "403"})
    void aDestructionFlashCurveStopsAtTheFlashAndIsRightOrFlagged(long seed) throws Exception {
        var spec = org.ceusperfusion.synth.RealisticPhantoms.destructionNoRefill(81);
        var r = org.ceusperfusion.synth.RealisticLoopGenerator.generate(spec);
        boolean[] mask = spec.base().tumour().mask(spec.base().width(), spec.base().height());
        double[] t = r.loop().timesS();
        double[] y = org.ceusperfusion.synth.CurveNoiseSampler.sample(spec, t, r.truth().curve(mask)::value, mask, seed);
        var truth = r.truth().replenishment();
        StringBuilder csv = new StringBuilder("Time [s];Lesion\n");
        int[] flashFrames = r.truth().destructionFrames();
        for (int i = 0; i < t.length; i++) {
            int frame = i;
            boolean flash = java.util.Arrays.stream(flashFrames).anyMatch(f -> f == frame);
            double v = flash ? 40 * (truth.baseline() + truth.tumourA()) : y[i];
            csv.append(String.format(Locale.GERMANY, "%.2f;%.4f%n", t[i], v));
        }
        Path in = dir.resolve("flash.csv");
        Files.writeString(in, csv);
        CliRun run = CliRun.of("analyze", in.toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        JsonObject roi = JsonParser.parseString(Files.readString(dir.resolve("out/analysis.json"))).getAsJsonObject()
                .getAsJsonArray("rois").get(0).getAsJsonObject();
        JsonObject window = roi.getAsJsonObject("fitWindow");
        JsonObject step = roi.getAsJsonObject("destructionFlash");
        JsonObject q = roi.getAsJsonObject("quality");
        double pe = roi.getAsJsonObject("parameters").get("PE").getAsDouble();
        boolean interpretable = q.get("interpretable").getAsBoolean();
        String flags = q.getAsJsonArray("flags").toString();
        System.out.printf(Locale.ROOT, "flash curve seed %d: window %s, drop %.1f for %.1f, PE %.1f for %.1f, quality %s %s%n",
                seed, window, step.get("difference").getAsDouble(), truth.tumourA(), pe, truth.tumourA(),
                q.get("status").getAsString(), flags);
        assertEquals("destruction-flash", window.get("reason").getAsString());
        assertTrue(window.get("endS").getAsDouble() < truth.tfS(), "the fit window ends before the flash");
        assertEquals(truth.tumourA(), step.get("difference").getAsDouble(), 0.10 * truth.tumourA(), "drop");
        assertTrue(!interpretable || Math.abs(pe - truth.tumourA()) <= 0.10 * truth.tumourA(), "PE right or flagged");
        assertTrue(!interpretable || flags.contains("auc-extrapolated"), "AUC and mTT flagged");
    }

    @Test
    void writesTheSameOutputsWithTheImageStepsAbsentAndLinearValuesRecorded() throws Exception {
        CliRun r = CliRun.of("analyze", REAL.toString(), "--roi", "liver", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String f : List.of("analysis.json", "tic.csv", "tic.png")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        JsonObject a = JsonParser.parseString(Files.readString(dir.resolve("analysis.json"))).getAsJsonObject();
        assertTrue(a.getAsJsonObject("settings").get("linear").getAsBoolean());
        assertEquals("CSV", a.getAsJsonObject("input").get("format").getAsString());
        JsonObject roi = a.getAsJsonArray("rois").get(0).getAsJsonObject();
        assertEquals("liver", roi.get("name").getAsString());
        assertEquals(1, a.getAsJsonArray("rois").size());
        assertTrue(roi.get("nonEnhancingFraction").isJsonNull());
        assertTrue(roi.getAsJsonObject("nonEnhancing").get("reason").getAsString().contains("curve input"));
    }

    @Test
    void anExplicitDynamicRangeMeansGreyLevels() throws Exception {
        Path in = dir.resolve("grey.csv");
        StringBuilder sb = new StringBuilder("time_s,roi\n");
        for (int i = 0; i < 60; i++) {
            double t = i * 0.5;
            double g = t < 5 ? 20 : 20 + 100 * Math.exp(-Math.pow(Math.log((t - 4.5) / 6), 2) / 0.5);
            sb.append(t).append(',').append(g).append('\n');
        }
        Files.writeString(in, sb);
        CliRun r = CliRun.of("analyze", in.toString(), "--dynamic-range", "40", "--out", dir.resolve("o").toString(),
                "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        JsonObject s = JsonParser.parseString(Files.readString(dir.resolve("o/analysis.json"))).getAsJsonObject()
                .getAsJsonObject("settings");
        assertFalse(s.get("linear").getAsBoolean());
        assertEquals(40, s.get("dynamicRangeDb").getAsDouble());
    }

    @Test
    void aBadTableIsOneErrorLineAndExitCode2() throws Exception {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "a,b\n1,2\n3,4\n5,6\n7,8\n");
        CliRun r = CliRun.of("analyze", in.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: " + in + ": no time column"), r.err());
        assertFalse(Files.exists(dir.resolve("o/analysis.json")));
    }

    @Test
    void aLoopStillNeedsARoi() {
        CliRun r = CliRun.of("analyze", "test-data/baseline.dcm");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--roi"), r.err());
    }
}
