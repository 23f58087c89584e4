package org.ceusperfusion.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.Analyzer;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.motion.MotionSettings;
import org.ceusperfusion.report.AnalysisJson;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.roi.RoiSpecParser;
import org.ceusperfusion.synth.BolusSpec;
import org.ceusperfusion.synth.Ellipse;
import org.ceusperfusion.synth.FrameTiming;
import org.ceusperfusion.synth.SpeckleMode;
import org.ceusperfusion.synth.SyntheticLoopSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detail-region hint on a streamed JPEG DICOM: the analysis reads its ROI and tracking pixels from
 * {@link BaselineJpegLuma} decoding only that region, and gives the same analysis.json numbers (to 1e-6
 * relative) as the same file held in memory, decoded in full by the JDK.
 */
class DetailRegionAnalysisTest {
    private static final long IN_MEMORY = 1L << 34;
    private static final long STREAMED = 1L;

    @TempDir
    Path tmp;

    @Test
    void analysisIsTheSameWithAndWithoutTheRegionHint() {
        SideBySideJpegLoop.Written w = SideBySideJpegLoop.write(spec(), true, 0.042, tmp.resolve("sbs.dcm"));
        RoiMask roi = RoiSpecParser.parse(w.tumourRoiInStoredPixels(), "tumour");
        for (boolean correction : new boolean[] {false, true}) {
            AnalysisSettings settings = AnalysisSettings.logCompressed(40)
                    .withMotion(MotionSettings.defaults().withCorrection(correction));
            CineLoop full = LoopReader.open(w.file(), LoadOptions.NONE, IN_MEMORY);
            CineLoop streamed = LoopReader.open(w.file(), LoadOptions.NONE, STREAMED);
            assertEquals("memory", full.metadata().tags().get("frames"));
            assertEquals("streamed", streamed.metadata().tags().get("frames"));
            assertEquals("java", streamed.metadata().tags().get("jpegRegionDecoder"));
            LoopAnalysis a = Analyzer.analyze(full, "x", List.of(roi), null, settings);
            LoopAnalysis b = Analyzer.analyze(streamed, "x", List.of(roi), null, settings);
            JsonObject ja = AnalysisJson.toJson(a);
            JsonObject jb = AnalysisJson.toJson(b);
            int[] compared = {0};
            sameNumbers("rois", ja.get("rois"), jb.get("rois"), compared);
            sameNumbers("warnings", ja.get("warnings"), jb.get("warnings"), compared);
            System.out.printf("motion correction %s: %d numbers in rois/warnings equal to 1e-6%n", correction, compared[0]);
            assertTrue(compared[0] > 20, "compared " + compared[0] + " numbers");
        }
    }

    @Test
    void theHintDecodesTheRegionExactlyAndBlockMeansElsewhere() {
        SideBySideJpegLoop.Written w = SideBySideJpegLoop.write(spec(), false, 0.042, tmp.resolve("hint.dcm"));
        CineLoop full = LoopReader.open(w.file(), LoadOptions.NONE, IN_MEMORY);
        CineLoop streamed = LoopReader.open(w.file(), LoadOptions.NONE, STREAMED);
        int[] region = {w.panelX() + 20, 10, w.panelX() + 70, 50};
        streamed.detailRegion(region);
        int f = full.frameCount() / 2;
        float[] exact = full.frame(f);
        float[] hinted = streamed.frame(f);
        int width = full.width();
        for (int y = region[1]; y < region[3]; y++) {
            for (int x = region[0]; x < region[2]; x++) {
                assertEquals(exact[y * width + x], hinted[y * width + x], 0.0, "pixel " + x + "," + y);
            }
        }
        int differ = 0;
        for (int i = 0; i < exact.length; i++) {
            differ += exact[i] != hinted[i] ? 1 : 0;
        }
        int bx = 40;
        int by = 32;
        for (int y = by; y < by + 8; y++) {
            for (int x = bx; x < bx + 8; x++) {
                assertEquals(hinted[by * width + bx], hinted[y * width + x], 0.0, "B-mode block outside: its mean");
            }
        }
        assertTrue(differ > exact.length / 4, differ + " of " + exact.length + " pixels differ outside the region");
        streamed.detailRegion(null);
        float[] again = streamed.frame(f);
        for (int i = 0; i < exact.length; i++) {
            assertEquals(exact[i], again[i], 0.0, "no hint: the full frame");
        }
    }

    private static void sameNumbers(String at, JsonElement a, JsonElement b, int[] count) {
        if (a == null || a.isJsonNull()) {
            assertTrue(b == null || b.isJsonNull(), at);
        } else if (a.isJsonObject()) {
            assertEquals(a.getAsJsonObject().keySet(), b.getAsJsonObject().keySet(), at);
            for (Map.Entry<String, JsonElement> e : a.getAsJsonObject().entrySet()) {
                sameNumbers(at + "." + e.getKey(), e.getValue(), b.getAsJsonObject().get(e.getKey()), count);
            }
        } else if (a.isJsonArray()) {
            assertEquals(a.getAsJsonArray().size(), b.getAsJsonArray().size(), at);
            for (int i = 0; i < a.getAsJsonArray().size(); i++) {
                sameNumbers(at + "[" + i + "]", a.getAsJsonArray().get(i), b.getAsJsonArray().get(i), count);
            }
        } else if (a.getAsJsonPrimitive().isNumber()) {
            double x = a.getAsDouble();
            double y = b.getAsDouble();
            count[0]++;
            assertEquals(x, y, 1e-6 * Math.max(1, Math.abs(x)), at);
        } else {
            assertEquals(a, b, at);
        }
    }

    /** A 96×72 contrast panel beside its B-mode panel, 10 frames/s for 40 s, correlated speckle. */
    private static SyntheticLoopSpec spec() {
        return SyntheticLoopSpec.defaults().withName("hint").withSize(96, 72)
                .withTiming(FrameTiming.regular(10, 400))
                .withTumour(Ellipse.ofBox(30, 20, 36, 28), new Ellipse(48, 34, 5, 4))
                .withTumourBolus(BolusSpec.of(2500, Math.log(12), 0.5, 3))
                .withNormal(Ellipse.ofBox(4, 50, 20, 16), BolusSpec.of(1200, Math.log(14), 0.6, 5))
                .withSpeckle(SpeckleMode.CORRELATED_2X2).withSeed(31);
    }
}
