package org.ceusperfusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.report.Json;
import org.ceusperfusion.synth.BolusSpec;
import org.ceusperfusion.synth.Ellipse;
import org.ceusperfusion.synth.FrameTiming;
import org.ceusperfusion.synth.LoopFiles;
import org.ceusperfusion.synth.LoopFormat;
import org.ceusperfusion.synth.OmeTiffWriter;
import org.ceusperfusion.synth.RoiTruth;
import org.ceusperfusion.synth.SpeckleMode;
import org.ceusperfusion.synth.SyntheticLoop;
import org.ceusperfusion.synth.SyntheticLoopGenerator;
import org.ceusperfusion.synth.SyntheticLoopSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17 acceptance through the CLI, without Bio-Formats: OME-TIFF loops (uint8, 40 irregular frames with
 * DeltaT in s, PhysicalSizeX/Y 200 µm) written by the project's generator give {@code info} times equal to the
 * DeltaT and pixel size 0.2 mm, and {@code analyze} the true TTP; a 2-channel file with the bolus in channel 2
 * needs {@code --channel 2} (without it: one line listing the channels).
 */
class OmeTiffCliTest {
    @TempDir
    Path tmp;

    /** 64×48 px at 0.2 mm, 40 frames at irregular times (0.1–2 s apart), a lognormal tumour bolus. */
    static SyntheticLoop loop(long seed, double ttpShiftS) {
        SyntheticLoopSpec spec = SyntheticLoopSpec.defaults().withName("ome").withSize(64, 48).withPixelSizeMm(0.2)
                .withTiming(new FrameTiming(2, 60, 0.4, 0.33))
                .withTumour(Ellipse.ofBox(20, 14, 24, 20), new Ellipse(32, 24, 2, 2))
                .withTumourBolus(BolusSpec.of(2500, Math.log(7 + ttpShiftS), 0.45, 2))
                .withNormal(Ellipse.ofBox(2, 30, 14, 14), BolusSpec.of(1200, Math.log(14), 0.6, 5))
                .withSpeckle(SpeckleMode.NONE).noiseFree().withSeed(seed);
        return SyntheticLoopGenerator.generate(spec);
    }

    @ParameterizedTest(name = "BigTIFF {0}")
    @ValueSource(booleans = {false, true})
    void infoGivesTheDeltaTAndPixelSizeAndAnalyzeTheTrueTtp(boolean big) throws Exception {
        SyntheticLoop s = loop(171, 0);
        double[] truthT = s.truth().timesS();
        assertTrue(truthT.length >= 30 && truthT.length <= 50, "frames " + truthT.length);
        Path f = tmp.resolve("loop.ome.tif");
        OmeTiffWriter.write(f, new CineLoop[][] {{s.loop()}}, OmeTiffWriter.Layout.DEFAULT.withBigTiff(big));

        CliRun info = CliRun.of("info", f.toString());
        assertEquals(0, info.exitCode(), info.toString());
        JsonObject in = Json.parse(info.out());
        JsonArray times = in.getAsJsonArray("timesS");
        assertEquals(truthT.length, times.size());
        for (int i = 0; i < truthT.length; i++) {
            assertEquals(truthT[i], times.get(i).getAsDouble(), 1e-6, "time of frame " + (i + 1));
        }
        assertEquals(0.2, in.get("pixelSizeMm").getAsDouble(), 1e-12);
        assertEquals("OmeDeltaT", in.get("timingSource").getAsString());

        RoiTruth tumour = s.truth().tumour();
        double ttp = ttp(f, tumour);
        assertEquals(tumour.ttpS(), ttp, 0.1, "TTP");
        Path dicom = tmp.resolve("same.dcm");
        LoopFiles.write(s, LoopFormat.DICOM, dicom);
        assertEquals(ttp(dicom, tumour), ttp, 1e-6, "the same loop as DICOM");
    }

    @Test
    void twoChannelsNeedAChannelAndChannelTwoGivesTheSameTtp() throws Exception {
        SyntheticLoop s = loop(172, 0);
        SyntheticLoop decoy = loop(172, 6);
        Path one = tmp.resolve("one.ome.tif");
        Path two = tmp.resolve("two.ome.tif");
        OmeTiffWriter.write(one, new CineLoop[][] {{s.loop()}}, OmeTiffWriter.Layout.DEFAULT);
        OmeTiffWriter.write(two, new CineLoop[][] {{decoy.loop()}, {s.loop()}},
                OmeTiffWriter.Layout.DEFAULT.withChannelNames(List.of("B-mode", "contrast")));
        RoiTruth tumour = s.truth().tumour();

        CliRun refused = CliRun.of("analyze", two.toString(), "--roi", tumour.spec(), "--out", tmp.resolve("x").toString());
        assertEquals(2, refused.exitCode(), refused.toString());
        assertEquals("error: " + two + ": 2 channels (1 \"B-mode\", 2 \"contrast\"): choose one with --channel N"
                + " (ImageJ: channel=N)\n", refused.err());
        assertTrue(!Files.exists(tmp.resolve("x").resolve("analysis.json")));

        double single = ttp(one, tumour);
        double channel2 = ttp(two, tumour, "--channel", "2");
        assertEquals(tumour.ttpS(), channel2, 0.1, "TTP of channel 2");
        assertEquals(single, channel2, 1e-9, "channel 2 = the same loop alone");
        double channel1 = ttp(two, tumour, "--channel", "1");
        assertTrue(Math.abs(channel1 - tumour.ttpS()) > 3, "channel 1 is the other bolus: " + channel1);
    }

    @Test
    void aChannelBeyondTheFirstOfAFileWithoutChannelsIsRefused() {
        Path dicom = Path.of("test-data/baseline.dcm");
        CliRun run = CliRun.of("info", dicom.toString(), "--channel", "2");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("error: " + dicom + ": --channel 2 is not in the file: this DICOM loop has one channel, one Z plane"
                + " and one series\n", run.err());
        assertEquals(0, CliRun.of("info", dicom.toString(), "--channel", "1").exitCode());
    }

    private double ttp(Path loop, RoiTruth roi, String... extra) throws Exception {
        Path out = tmp.resolve("out-" + loop.getFileName() + String.join("", extra));
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"analyze", loop.toString(), "--roi", roi.spec(), "--out", out.toString()}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.toString());
        JsonObject a = Json.parse(Files.readString(out.resolve("analysis.json")));
        JsonObject r = a.getAsJsonArray("rois").get(0).getAsJsonObject();
        assertEquals("OK", r.getAsJsonObject("fit").get("status").getAsString(), r.toString());
        return r.getAsJsonObject("parameters").get("TTP").getAsDouble();
    }
}
