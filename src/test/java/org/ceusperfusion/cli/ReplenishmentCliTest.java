package org.ceusperfusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ceus analyze --model replenishment} on a synthetic destruction–replenishment loop: steady contrast,
 * one bright flash frame, then refill {@code P = O + A(1 − e^(−β(t − tf)))} in the ROI, with exponential
 * speckle, log-compressed at 40 dB into 8-bit grey levels and saved as a TIFF stack at 10 frames/s.
 */
class ReplenishmentCliTest {
    private static final double O = 30;
    private static final double A = 300;
    private static final double BETA = 0.4;
    private static final int FLASH = 50;
    private static final double DT = 0.1;
    private static final int FRAMES = 220;
    private static final int SIZE = 64;

    @TempDir
    Path dir;

    @Test
    void fitsTheReplenishmentAfterTheDetectedFlash() throws Exception {
        Path loop = writeLoop(dir.resolve("dr.tif"));
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("analyze", loop.toString(), "--roi", "r=oval:12,12,40,40", "--dynamic-range", "40",
                "--model", "replenishment", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.toString());
        JsonObject a = JsonParser.parseString(Files.readString(out.resolve("analysis.json"))).getAsJsonObject();
        JsonObject roi = a.getAsJsonArray("rois").get(0).getAsJsonObject();
        JsonObject fit = roi.getAsJsonObject("fit");
        assertEquals("replenishment", fit.get("model").getAsString());
        assertEquals("OK", fit.get("status").getAsString());
        JsonArray window = fit.getAsJsonArray("windowS");
        assertEquals((FLASH + 1) * DT, window.get(0).getAsDouble(), 1e-6, "fit starts after the flash frame");
        JsonObject r = roi.getAsJsonObject("replenishment");
        double beta = r.get("beta").getAsDouble();
        double amp = r.get("A").getAsDouble();
        System.out.printf("end-to-end replenishment: A %.2f (truth %.0f), beta %.4f (truth %.2f), tf %.3f, "
                + "beta CI %s%n", amp, A, beta, BETA, r.get("tfS").getAsDouble(), r.getAsJsonObject("ci95").get("beta"));
        assertEquals(FLASH * DT, r.get("tfS").getAsDouble(), 1e-6);
        assertEquals(BETA, beta, 0.06 * BETA);
        assertEquals(A, amp, 0.05 * A);
        assertEquals(amp * beta, r.get("flow").getAsDouble(), 1e-9 * amp * beta);
        JsonArray ciBeta = r.getAsJsonObject("ci95").getAsJsonArray("beta");
        assertTrue(ciBeta.get(0).getAsDouble() < beta && beta < ciBeta.get(1).getAsDouble());
        // replenishment results live under their own names; the bolus parameters stay empty
        assertEquals(1 / beta, r.get("meanTransitS").getAsDouble(), 1e-9 / beta);
        assertTrue(roi.getAsJsonObject("parameters").get("mTT").isJsonNull());
        assertTrue(roi.getAsJsonObject("parameters").get("PE").isJsonNull());
    }

    @Test
    void warnsWhenNoFlashIsFound() throws Exception {
        Path out = dir.resolve("bolus");
        CliRun run = CliRun.of("analyze", Path.of("test-data", "baseline.dcm").toString(), "--roi",
                "tumour=oval:40,27,40,30", "--model", "replenishment", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.toString());
        String json = Files.readString(out.resolve("analysis.json"));
        assertTrue(json.contains("no destruction flash found"), json);
    }

    /** Linear power → grey: G = 255/40·10·log10(P), rounded and clipped to 0..255. */
    private static Path writeLoop(Path path) {
        Random rnd = new Random(42);
        ImageStack stack = new ImageStack(SIZE, SIZE);
        double tf = FLASH * DT;
        for (int k = 0; k < FRAMES; k++) {
            double t = k * DT;
            double roiPower = k < FLASH ? O + A : k == FLASH ? 5000 : O + A * -Math.expm1(-BETA * (t - tf));
            double tissue = k == FLASH ? 3000 : O;
            byte[] px = new byte[SIZE * SIZE];
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    double dx = (x + 0.5 - 32) / 20;
                    double dy = (y + 0.5 - 32) / 20;
                    double mean = dx * dx + dy * dy <= 1 ? roiPower : tissue;
                    double p = mean * -Math.log(1 - rnd.nextDouble()); // exponential speckle, mean 1
                    double g = Math.rint(255.0 / 40 * 10 * Math.log10(Math.max(p, 1e-12)));
                    px[y * SIZE + x] = (byte) Math.max(0, Math.min(255, g));
                }
            }
            stack.addSlice(null, new ByteProcessor(SIZE, SIZE, px));
        }
        ImagePlus imp = new ImagePlus("dr", stack);
        imp.setDimensions(1, 1, FRAMES);
        Calibration cal = imp.getCalibration();
        cal.frameInterval = DT;
        cal.fps = 1 / DT;
        cal.setTimeUnit("s");
        assertTrue(new FileSaver(imp).saveAsTiffStack(path.toString()));
        return path;
    }
}
