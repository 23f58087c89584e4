package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ColorProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ceusperfusion.io.RealData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end in plain ImageJ, one run: {@code Open Cine Loop...} opens every re-encoding of the real echo
 * cine (DICOM native, RLE, JPEG baseline YBR_FULL_422/YBR_FULL, JPEG lossless, palette, Frame Time and
 * Frame Time Vector; the RLE PALETTE original; AVI MJPEG/PNG/raw, H.264 MP4) as a 10-frame time series
 * with the reference frame times (76 ms, or the irregular vector), and {@code colour_bar=[...]} measures
 * a "hot"-coded RGB TIFF on its colour bar.
 */
@Tag("integration") // real ImageJ in a separate JVM, needs a display: xvfb-run (see ImageJProcess)
class OpenEveryExportE2ETest {
    /** A MONOCHROME2 re-encoding: not colour, so a colour bar is refused. */
    private static final Path GREY = RealData.echo("raw-mono2-frametime");
    /** Grey levels of the three frames of the colour-coded TIFF. */
    private static final int[] HOT_LEVELS = {40, 120, 200};

    @TempDir
    Path tmp;

    @Test
    void everyExportOpensWithItsFrameTimesAndTheColourBarKeyWorks() throws Exception {
        List<Path> files = loops();
        Path hot = hotTiff(tmp.resolve("hot.tif"));
        StringBuilder macro = new StringBuilder("files = newArray(");
        for (int i = 0; i < files.size(); i++) {
            macro.append(i == 0 ? "" : ", ").append('"').append(ImageJMacroE2ETest.macroPath(files.get(i))).append('"');
        }
        macro.append(");\n")
                .append("for (i = 0; i < files.length; i++) {\n")
                .append("  run(\"Open Cine Loop...\", \"open=[\" + files[i] + \"]\");\n")
                .append("  Stack.getDimensions(w, h, c, s, f);\n")
                .append("  print(\"loop\" + i + \"=\" + f + \";\" + d2s(Stack.getFrameInterval(), 6) + \";\""
                        + " + Property.get(\"CEUS.times\"));\n")
                .append("  close();\n")
                .append("}\n")
                .append("run(\"Open Cine Loop...\", \"open=[").append(ImageJMacroE2ETest.macroPath(hot))
                .append("] colour_bar=[104,129,104,2]\");\n")
                .append("for (k = 1; k <= 3; k++) {\n")
                .append("  Stack.setFrame(k);\n")
                .append("  makeRectangle(0, 0, 96, 72);\n")
                .append("  getStatistics(area, mean, min, max);\n")
                .append("  print(\"hot\" + k + \"=\" + d2s(mean, 4) + \";\" + d2s(min, 4) + \";\" + d2s(max, 4));\n")
                .append("}\n")
                .append("close();\n")
                .append("run(\"Open Cine Loop...\", \"open=[").append(ImageJMacroE2ETest.macroPath(GREY))
                .append("] colour_bar=[0,0,0,5]\");\n")
                .append("print(\"after-grey-colour-bar\");\n");
        ImageJProcess.Run run = ImageJProcess.install(tmp.resolve("imagej")).runMacro(macro.toString());
        String out = run.output();
        for (int i = 0; i < files.size(); i++) {
            String[] v = ImageJMacroE2ETest.value(out, "loop" + i).split(";");
            String name = files.get(i).getFileName().toString();
            assertEquals("10", v[0], name + ": frames\n" + out);
            assertEquals(0.076, Double.parseDouble(v[1]), 1e-4, name + ": frame interval, s");
            double[] times = Arrays.stream(v[2].split(",")).mapToDouble(Double::parseDouble).toArray();
            assertArrayEquals(expectedTimes(name), times, 1e-4, name + ": frame times, s");
        }
        for (int k = 0; k < 3; k++) {
            String[] v = ImageJMacroE2ETest.value(out, "hot" + (k + 1)).split(";");
            for (String s : v) {
                assertEquals(HOT_LEVELS[k], Double.parseDouble(s), 1.01, "colour-bar value of frame " + (k + 1));
            }
        }
        assertTrue(out.contains("the loop is not colour"), out);
        assertFalse(out.contains("after-grey-colour-bar"), "the macro should stop at the error:\n" + out);
        assertFalse(out.contains("Exception"), out);
    }

    /** @return derived DICOMs, the RLE original, and every echo video ImageJ-free readers decode */
    private static List<Path> loops() {
        List<Path> files = new ArrayList<>();
        RealData.ECHO_VARIANTS.forEach(v -> files.add(RealData.echo(v)));
        files.add(RealData.dicom("US-PAL-8-10x-echo.dcm"));
        RealData.VIDEOS.stream().filter(v -> !v.equals("echo_mpeg4part2.avi")).forEach(v -> files.add(RealData.video(v)));
        assertEquals(8 + 1 + 5, files.size(), files.toString());
        return files;
    }

    private static double[] expectedTimes(String name) {
        if (name.contains("frametimevector")) {
            return ImageJMacroE2ETest.ECHO_FTV_TIMES;
        }
        double[] t = new double[10];
        for (int i = 0; i < t.length; i++) {
            t[i] = 0.076 * i;
        }
        return t;
    }

    /**
     * Three RGB frames 112×130: a 96×72 panel of one grey level per frame in the "hot" map, and the
     * bar (128 samples, low end at row 129, high end at row 2) in columns 101..107.
     */
    private static Path hotTiff(Path file) {
        ImageStack stack = new ImageStack(112, 130);
        for (int level : HOT_LEVELS) {
            int[] rgb = new int[112 * 130];
            for (int y = 0; y < 72; y++) {
                Arrays.fill(rgb, y * 112, y * 112 + 96, hot(level));
            }
            for (int i = 0; i < 128; i++) {
                Arrays.fill(rgb, (129 - i) * 112 + 101, (129 - i) * 112 + 108, hot((int) Math.round(255.0 * i / 127)));
            }
            stack.addSlice(new ColorProcessor(112, 130, rgb));
        }
        assertTrue(new FileSaver(new ImagePlus("hot", stack)).saveAsTiffStack(file.toString()));
        return file;
    }

    /** Black → red → yellow → white, 256 distinct colours. */
    private static int hot(int g) {
        return (Math.min(255, 3 * g) << 16) | (Math.max(0, Math.min(255, 3 * g - 255)) << 8)
                | Math.max(0, Math.min(255, 3 * g - 510));
    }
}
