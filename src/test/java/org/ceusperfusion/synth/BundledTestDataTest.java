package org.ceusperfusion.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.Opener;
import ij.plugin.DICOM;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed demo pair in {@code test-data/}: present, small, reproducible, with the intended truth. */
class BundledTestDataTest {
    private static final long MAX_BYTES = 3_000_000;
    private static final String[] FILES = {"baseline.dcm", "baseline.truth.json", "day14.tif", "day14.truth.json",
        "README.md"};

    private static Path testData() {
        return Path.of(System.getProperty("ceus.projectDir", ".")).resolve("test-data");
    }

    @Test
    void bundledFilesExistAreSmallAndMatchRegeneration(@TempDir Path dir) throws IOException {
        TestDataMain.regenerate(dir, null);
        for (String f : FILES) {
            Path bundled = testData().resolve(f);
            assertTrue(Files.isRegularFile(bundled), bundled + " missing");
            assertTrue(Files.size(bundled) <= MAX_BYTES, bundled + " is " + Files.size(bundled) + " bytes");
            assertArrayEquals(Files.readAllBytes(dir.resolve(f)), Files.readAllBytes(bundled),
                    f + " differs from a fresh regeneration (run TestDataMain, see test-data/README.md)");
        }
    }

    @Test
    void demoPairHasTheIntendedTruth() throws IOException {
        JsonObject base = tumour("baseline.truth.json");
        JsonObject d14 = tumour("day14.truth.json");
        double coreBase = base.get("nonEnhancingFraction").getAsDouble();
        double coreD14 = d14.get("nonEnhancingFraction").getAsDouble();
        assertTrue(coreBase >= 0.02 && coreBase <= 0.05, "baseline necrosis " + coreBase);
        assertTrue(coreD14 >= 0.45 && coreD14 <= 0.55, "day-14 necrosis " + coreD14);
        double change = d14.get("AUC").getAsDouble() / base.get("AUC").getAsDouble() - 1;
        assertTrue(change > -0.8 && change < -0.6, "tumour AUC change " + change);
        assertTrue(d14.get("areaPx").getAsInt() > base.get("areaPx").getAsInt(), "tumour grows");
        assertEquals(DemoLoops.baseline().tumour().ovalSpec("tumour"), base.get("spec").getAsString());
    }

    private static JsonObject tumour(String file) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(testData().resolve(file))).getAsJsonObject();
        return o.getAsJsonObject("rois").getAsJsonObject("tumour");
    }

    @Test
    void linearisedRoiMeansOfBundledFilesReadByImageJMatchTruth() {
        DICOM dcm = new DICOM();
        dcm.open(testData().resolve("baseline.dcm").toString());
        checkAuc(dcm.getStack(), SyntheticLoopGenerator.generate(DemoLoops.baseline()).truth());
        ImagePlus tif = new Opener().openImage(testData().resolve("day14.tif").toString());
        checkAuc(tif.getStack(), SyntheticLoopGenerator.generate(DemoLoops.day14()).truth());
    }

    private static void checkAuc(ImageStack stack, SyntheticTruth truth) {
        double[] t = truth.timesS();
        assertEquals(t.length, stack.getSize());
        for (RoiTruth r : new RoiTruth[] {truth.tumour(), truth.normal()}) {
            boolean[] mask = SynthTestSupport.imageJOval(stack.getWidth(), stack.getHeight(), r.spec());
            double[] mean = new double[t.length];
            for (int k = 0; k < t.length; k++) {
                byte[] px = (byte[]) stack.getPixels(k + 1);
                double s = 0;
                int n = 0;
                for (int i = 0; i < px.length; i++) {
                    if (mask[i]) {
                        s += Math.pow(10, (px[i] & 0xFF) * truth.spec().dynamicRangeDb() / 2550.0);
                        n++;
                    }
                }
                mean[k] = s / n;
            }
            double window = r.curve().areaUntil(t[t.length - 1]);
            double auc = SynthTestSupport.trapezoid(t, mean, r.baseline());
            assertEquals(window, auc, 0.05 * window, truth.spec().name() + " " + r.name() + " AUC");
        }
    }
}
