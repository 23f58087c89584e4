package org.ceusperfusion.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.ceusperfusion.cli.CeusCli;
import org.ceusperfusion.synth.AmplitudeVariation;
import org.ceusperfusion.synth.BolusSpec;
import org.ceusperfusion.synth.Ellipse;
import org.ceusperfusion.synth.FrameTiming;
import org.ceusperfusion.synth.LoopFiles;
import org.ceusperfusion.synth.LoopFormat;
import org.ceusperfusion.synth.SpeckleMode;
import org.ceusperfusion.synth.SyntheticLoopSpec;
import org.ceusperfusion.synth.SyntheticTruth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance check on an unseen pair: a fresh baseline (DICOM) and day-14 (TIFF) loop made
 * by the generator with other seeds, sizes, geometry and boluses than {@code test-data/}, compared
 * through {@code CeusCli.execute(["compare", ...])} against the generator's truth.
 */
class CompareAcceptanceTest {
    @TempDir
    static Path tmp;
    static SyntheticTruth base;
    static SyntheticTruth d14;
    static JsonObject json;
    static Path out;

    static SyntheticLoopSpec common() {
        return SyntheticLoopSpec.defaults().withSize(128, 96).withPixelSizeMm(0.4)
                .withTiming(FrameTiming.regular(4, 260)).withDynamicRangeDb(45)
                .withNormal(Ellipse.ofBox(8, 68, 26, 20), BolusSpec.of(1200, Math.log(12), 0.5, 4)
                        .withVariation(0.1, AmplitudeVariation.SMOOTH))
                .withBackgroundPower(25).withSpeckle(SpeckleMode.CORRELATED_2X2).withNoiseFloor(2, true);
    }

    @BeforeAll
    static void compare() throws Exception {
        SyntheticLoopSpec b = common().withName("accept-base")
                .withTumour(Ellipse.ofBox(48, 22, 44, 34), new Ellipse(71, 40, 4, 3))
                .withTumourBolus(BolusSpec.of(2600, Math.log(9), 0.5, 3).withVariation(0.15, AmplitudeVariation.SMOOTH))
                .withSeed(70001);
        SyntheticLoopSpec f = common().withName("accept-d14")
                .withTumour(Ellipse.ofBox(44, 20, 50, 38), new Ellipse(70, 39, 15, 11))
                .withTumourBolus(BolusSpec.of(1500, Math.log(12), 0.6, 4).withVariation(0.2, AmplitudeVariation.SMOOTH))
                .withSeed(70014);
        Path bf = tmp.resolve("base.dcm");
        Path ff = tmp.resolve("d14.tif");
        base = LoopFiles.writeLoop(b, LoopFormat.fromFileName("base.dcm"), bf);
        d14 = LoopFiles.writeLoop(f, LoopFormat.fromFileName("d14.tif"), ff);
        out = tmp.resolve("out");
        StringWriter err = new StringWriter();
        int code = CeusCli.execute(new String[] {"compare", bf.toString(), ff.toString(),
            "--roi", base.tumour().spec(), "--roi", d14.tumour().spec(), "--reference-roi", base.normal().spec(),
            "--labels", "baseline,D14", "--days", "0,14", "--dynamic-range", "45",
            "--volume-ml", "295,341", "--diameters-mm", "62,44;64,46", "--quiet", "--out", out.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        json = JsonParser.parseString(Files.readString(out.resolve("comparison.json"))).getAsJsonObject();
    }

    private static JsonObject change(String p) {
        return json.getAsJsonArray("changes").get(0).getAsJsonObject().getAsJsonObject("parameters").getAsJsonObject(p);
    }

    @Test
    void aucAndPeChangesMatchTheTruthAndTheAucCiContainsIt() {
        double trueAuc = 100 * (d14.tumour().auc() / base.tumour().auc() - 1);
        double truePe = 100 * (d14.tumour().pe() / base.tumour().pe() - 1);
        JsonObject auc = change("AUC");
        double pct = auc.get("pct").getAsDouble();
        assertEquals(trueAuc, pct, 5, "AUC change, percentage points");
        assertEquals(truePe, change("PE").get("pct").getAsDouble(), 6, "PE change, percentage points");
        double lo = auc.getAsJsonArray("ci95").get(0).getAsDouble();
        double hi = auc.getAsJsonArray("ci95").get(1).getAsDouble();
        System.out.printf("acceptance: AUC change %.2f %% [%.2f, %.2f] (truth %.2f); PE change %.2f %% (truth %.2f)%n",
                pct, lo, hi, trueAuc, change("PE").get("pct").getAsDouble(), truePe);
        assertTrue(lo <= trueAuc && trueAuc <= hi, "AUC truth " + trueAuc + " outside [" + lo + ", " + hi + "]");
    }

    @Test
    void nonEnhancingFractionsMatchTheTruth() {
        double ne0 = json.getAsJsonArray("exams").get(0).getAsJsonObject().getAsJsonObject("roi")
                .get("nonEnhancingFraction").getAsDouble();
        double ne1 = json.getAsJsonArray("exams").get(1).getAsJsonObject().getAsJsonObject("roi")
                .get("nonEnhancingFraction").getAsDouble();
        System.out.printf("acceptance: non-enhancing %.4f (truth %.4f), %.4f (truth %.4f)%n", ne0,
                base.tumour().nonEnhancingFraction(), ne1, d14.tumour().nonEnhancingFraction());
        assertEquals(base.tumour().nonEnhancingFraction(), ne0, 0.08);
        assertEquals(d14.tumour().nonEnhancingFraction(), ne1, 0.10);
    }

    @Test
    void volumeChangeIsExactAndSizeIsStable() {
        JsonObject ch = json.getAsJsonArray("changes").get(0).getAsJsonObject();
        assertEquals(100 * (341.0 / 295.0 - 1), ch.get("volumePct").getAsDouble(), 1e-9);
        JsonObject size = json.getAsJsonObject("response").getAsJsonObject("size");
        assertEquals("SD", size.get("category").getAsString());
        assertEquals("RECIST-like (ultrasound)", size.get("criteria").getAsString());
    }

    @Test
    void reportFilesAreAValidPdfAndALargePng() throws Exception {
        byte[] pdf = Files.readAllBytes(out.resolve("report.pdf"));
        String head = new String(pdf, 0, 5, StandardCharsets.ISO_8859_1);
        String tail = new String(pdf, Math.max(0, pdf.length - 8), Math.min(8, pdf.length), StandardCharsets.ISO_8859_1);
        assertEquals("%PDF-", head);
        assertTrue(tail.contains("%%EOF"), tail);
        BufferedImage png = ImageIO.read(out.resolve("report.png").toFile());
        assertTrue(png.getWidth() >= 1600 && png.getHeight() >= 1200, png.getWidth() + "x" + png.getHeight());
        String summary = json.getAsJsonObject("response").get("summary").getAsString();
        assertTrue(summary.contains("perfusion response despite growth"), summary);
    }
}
