package org.ceusperfusion.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ColorProcessor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cli.CeusCli;
import org.ceusperfusion.synth.BolusSpec;
import org.ceusperfusion.synth.Ellipse;
import org.ceusperfusion.synth.FrameTiming;
import org.ceusperfusion.synth.SpeckleMode;
import org.ceusperfusion.synth.SyntheticLoopSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contrast loop exported in a "hot" colour map ({@link ColourCodedLoop}) read with the scanner's
 * colour bar ({@code --colour-bar}) gives back the grey loop's time-intensity curve to within the bar's
 * quantisation (128 samples for 256 levels: ≤ 1 grey level), while luminance distorts it.
 */
class ColourBarLoadingTest {
    @TempDir
    static Path tmp;
    static ColourCodedLoop.Written coded;
    static ColourBarLine bar;

    @BeforeAll
    static void write() {
        SyntheticLoopSpec spec = SyntheticLoopSpec.defaults().withName("hot").withSize(96, 72)
                .withTiming(FrameTiming.regular(4, 240))
                .withTumour(Ellipse.ofBox(30, 20, 36, 28), new Ellipse(48, 34, 5, 4))
                .withNormal(Ellipse.ofBox(4, 50, 20, 16), BolusSpec.of(1200, Math.log(14), 0.6, 5))
                .withSpeckle(SpeckleMode.CORRELATED_2X2).withSeed(31);
        coded = ColourCodedLoop.write(spec, tmp.resolve("hot.dcm"));
        bar = ColourBarLine.parse(coded.barOption(), "--colour-bar");
    }

    @Test
    void colourBarGivesTheGreyCurveBackAndLuminanceDoesNot() {
        CineLoop grey = coded.loop().loop();
        CineLoop viaBar = LoopReader.open(coded.file(), LoadOptions.NONE.withColourBar(bar));
        CineLoop viaLuminance = LoopReader.open(coded.file(), LoadOptions.NONE);
        boolean[] roi = Ellipse.ofBox(30, 20, 36, 28).mask(grey.width(), grey.height());
        double worstBar = 0;
        double worstLuminance = 0;
        for (int k = 0; k < grey.frameCount(); k++) {
            double truth = mean(grey.frame(k), grey.width(), grey.width(), roi);
            worstBar = Math.max(worstBar, Math.abs(mean(viaBar.frame(k), coded.width(), grey.width(), roi) - truth));
            worstLuminance = Math.max(worstLuminance,
                    Math.abs(mean(viaLuminance.frame(k), coded.width(), grey.width(), roi) - truth));
        }
        System.out.printf("hot colour map: worst tumour ROI-mean error %.3f grey levels via the bar, %.1f via luminance%n",
                worstBar, worstLuminance);
        assertTrue(worstBar <= 1.0, "colour bar: worst ROI-mean error " + worstBar + " grey levels");
        assertTrue(worstLuminance > 10, "luminance should distort the curve, worst error " + worstLuminance);
        assertEquals("colour-bar " + bar, viaBar.metadata().tags().get("greyConversion"));
        assertEquals("luminance", viaLuminance.metadata().tags().get("greyConversion"));
        assertEquals(255, viaBar.metadata().maxGrey());
    }

    /** Mean over an ROI of the contrast panel, which sits at (0, 0) of a frame {@code stride} wide. */
    private static double mean(float[] frame, int stride, int panelWidth, boolean[] roi) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < roi.length; i++) {
            if (roi[i]) {
                sum += frame[(i / panelWidth) * stride + i % panelWidth];
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void analyzeWithColourBarFindsTheTrueTtp() throws Exception {
        Path out = tmp.resolve("out-bar");
        String roi = coded.loop().truth().tumour().spec();
        String[] run = cli("analyze", coded.file().toString(), "--roi", roi, "--colour-bar", coded.barOption(),
                "--out", out.toString());
        assertEquals("0", run[0], String.join("\n", run));
        JsonObject a = JsonParser.parseString(Files.readString(out.resolve("analysis.json"))).getAsJsonObject();
        double ttp = a.getAsJsonArray("rois").get(0).getAsJsonObject().getAsJsonObject("parameters")
                .get("TTP").getAsDouble();
        assertEquals(coded.loop().truth().tumour().ttpS(), ttp, 0.5, "TTP through the colour bar, s");
    }

    @Test
    void colourBarOnAGreyLoopOrMalformedIsAOneLineError() throws Exception {
        Path greyDicom = tmp.resolve("grey.dcm");
        org.ceusperfusion.synth.LoopFiles.writeLoop(SyntheticLoopSpec.defaults().withTiming(FrameTiming.regular(4, 8)),
                org.ceusperfusion.synth.LoopFormat.fromLabel("dicom"), greyDicom);
        String[] grey = cli("info", greyDicom.toString(), "--colour-bar", "1,1,1,50");
        assertEquals("2", grey[0]);
        assertTrue(grey[2].contains("the loop is not colour") && grey[2].strip().lines().count() == 1, grey[2]);
        String[] malformed = cli("info", coded.file().toString(), "--colour-bar", "1,2,3");
        assertEquals("2", malformed[0]);
        assertTrue(malformed[2].contains("--colour-bar: expected x0,y0,x1,y1"), malformed[2]);
        InputException outside = assertThrows(InputException.class, () -> LoopReader.open(coded.file(),
                LoadOptions.NONE.withColourBar(new ColourBarLine(5, 5, 500, 5))));
        assertTrue(outside.getMessage().contains("outside the " + coded.width() + "x" + coded.height() + " frame"),
                outside.getMessage());
        assertThrows(InputException.class, () -> ColourBarLine.parse("3,3,3,3", "--colour-bar"));
        assertThrows(InputException.class, () -> ColourBarLine.parse("a,3,3,3", "--colour-bar"));
    }

    @Test
    void rgbTiffIsMeasuredOnItsBarToo() throws Exception {
        int w = 96;
        int h = 72;
        int width = ColourCodedLoop.BAR_X + 8;
        int height = ColourCodedLoop.BAR_LOW_Y + 1;
        ImageStack stack = new ImageStack(width, height);
        float[][] truth = new float[3][w * h];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < w * h; i++) {
                truth[k][i] = (i * 7 + k * 53) % 256;
            }
            stack.addSlice(new ColorProcessor(width, height, ColourCodedLoop.frame(truth[k], w, h, width, height)));
        }
        Path tif = tmp.resolve("hot.tif");
        assertTrue(new FileSaver(new ImagePlus("hot", stack)).saveAsTiffStack(tif.toString()));
        CineLoop loop = LoopReader.open(tif, LoadOptions.NONE.withColourBar(bar));
        for (int k = 0; k < 3; k++) {
            float[] f = loop.frame(k);
            for (int i = 0; i < w * h; i++) {
                float got = f[(i / w) * width + i % w];
                assertTrue(Math.abs(got - truth[k][i]) <= 1.01, "frame " + k + " pixel " + i + ": " + got
                        + " for grey " + truth[k][i]);
            }
        }
        assertEquals("colour-bar " + bar, loop.metadata().tags().get("greyConversion"));
    }

    /** @return exit code, stdout, stderr */
    private static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CeusCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }
}
