package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceusperfusion.io.RealData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end: plain ImageJ 1.54p in a subprocess, with the plugin jar installed in {@code plugins/}, runs
 * macros that call the menu commands exactly as a user's macro would ({@link ImageJProcess}).
 */
@Tag("integration") // real ImageJ in a separate JVM, needs a display: xvfb-run (see ImageJProcess)
class ImageJMacroE2ETest {
    /** The real echo cine with an irregular DICOM Frame Time Vector (bundled in test-data/real). */
    static final Path ECHO_FTV = RealData.echo("raw-mono2-frametimevector");
    /** Its frame times, s (reference values from an independent reader, real-data/README.md). */
    static final double[] ECHO_FTV_TIMES = {0, .076, .152, .232, .304, .380, .480, .532, .608, .684};

    @TempDir
    static Path tmp;
    static ImageJProcess imagej;

    @BeforeAll
    static void install() throws IOException {
        imagej = ImageJProcess.install(tmp.resolve("imagej"));
    }

    @Test
    void menuIsInstalledAndAboutRunsFromAMacro() throws Exception {
        Path marker = tmp.resolve("about-done.txt");
        ImageJProcess.Run run = imagej.runMacro("run(\"About CEUS Perfusion\");\n"
                + "File.saveString(\"done\", \"" + macroPath(marker) + "\");\n");
        String version = ImageJProcess.projectVersion();
        assertTrue(run.output().contains("CEUS Perfusion " + version), "About text with version " + version
                + " expected in ImageJ's output:\n" + run.output());
        assertTrue(run.output().contains("GPL-3.0-or-later"), run.output());
        assertFalse(run.output().contains("Unrecognized command"), run.output());
        assertTrue(Files.exists(marker), "the macro did not reach its end:\n" + run.output());
    }

    @Test
    void installHoldsThePluginJarAndItsLibrariesButNotImageJ() throws Exception {
        try (var plugins = Files.list(imagej.dir().resolve("plugins"));
             var jars = Files.list(imagej.dir().resolve("plugins/jars"))) {
            assertEquals(1, plugins.filter(p -> p.getFileName().toString().matches("CEUS_Perfusion-.*\\.jar")).count());
            var names = jars.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("commons-math3-")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("gson-")), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("ij-") || n.startsWith("junit")), names.toString());
        }
    }

    @Test
    void badInputIsOneLineAndStopsTheMacroWithoutBlocking() throws Exception {
        ImageJProcess.Run run = imagej.runMacro("newImage(\"loop\", \"8-bit ramp\", 64, 48, 5);\n"
                + "run(\"Analyze TIC...\", \"dynamic_range=abc\");\n"
                + "print(\"still-running\");\n");
        assertTrue(run.output().contains("error: dynamic_range=: expected a number, got 'abc'"), run.output());
        assertFalse(run.output().contains("still-running"), "the macro should stop at the error:\n" + run.output());
        assertFalse(run.output().contains("Exception"), "no stack trace expected:\n" + run.output());
    }

    @Test
    void openCineLoopGivesTheDicomFrameTimes() throws Exception {
        ImageJProcess.Run run = imagej.runMacro("run(\"Open Cine Loop...\", \"open=[" + macroPath(ECHO_FTV) + "]\");\n"
                + "Stack.getDimensions(w, h, c, s, f);\n"
                + "print(\"dims=\" + c + \",\" + s + \",\" + f);\n"
                + "print(\"interval=\" + d2s(Stack.getFrameInterval(), 6));\n"
                + "Stack.getUnits(x, y, z, t, v);\n"
                + "print(\"timeunit=\" + t);\n"
                + "print(\"times=\" + Property.get(\"CEUS.times\"));\n");
        String out = run.output();
        assertEquals("1,1,10", value(out, "dims"), out);
        assertEquals(0.076, Double.parseDouble(value(out, "interval")), 1e-6, out);
        assertEquals("s", value(out, "timeunit"), out);
        double[] times = Arrays.stream(value(out, "times").split(",")).mapToDouble(Double::parseDouble).toArray();
        assertArrayEquals(ECHO_FTV_TIMES, times, 1e-6, out);
    }

    @Test
    void analyzeTicFromAMacroWritesAnalysisJson() throws Exception {
        Path out = tmp.resolve("analysis out");
        ImageJProcess.Run run = imagej.runMacro("run(\"Open Cine Loop...\", \"open=[" + macroPath(ECHO_FTV) + "]\");\n"
                + "makeOval(100, 100, 80, 60);\n"
                + "run(\"Analyze TIC...\", \"dynamic_range=40 model=lognormal save_to=[" + macroPath(out) + "]\");\n"
                + "print(\"status=\" + Table.getString(\"Status\", 0, \"CEUS Perfusion\"));\n");
        Path json = out.resolve("analysis.json");
        assertTrue(Files.exists(json), "no analysis.json written; ImageJ said:\n" + run.output());
        String text = Files.readString(json);
        assertTrue(text.contains("ceus-perfusion/analysis@1"), text);
        assertTrue(Pattern.compile("\"frames\"\\s*:\\s*10\\b").matcher(text).find(), text);
        assertTrue(Pattern.compile("\"dynamicRangeDb\"\\s*:\\s*40(\\.0)?\\b").matcher(text).find(), text);
        assertFalse(value(run.output(), "status").isEmpty(), run.output());
    }

    @Test
    void shippedExampleMacroAnalysesTheBundledLoop() throws Exception {
        Path project = Path.of(System.getProperty("ceus.projectDir", "."));
        Path baseline = project.resolve("test-data/baseline.dcm");
        Path link = imagej.dir().resolve("test-data");
        if (!Files.exists(link)) {
            Files.createSymbolicLink(link, project.resolve("test-data").toAbsolutePath());
        }
        Path out = tmp.resolve("example-out");
        ImageJProcess.Run run = imagej.runMacroFile(project.resolve(ExampleMacrosE2ETest.EXAMPLES).resolve("CEUS_Analyze_Example.ijm"),
                out.toString());
        assertTrue(Files.exists(out.resolve("analysis.json")), "no analysis.json; ImageJ said:\n" + run.output());
        assertTrue(run.output().contains("Status: OK"), run.output());
        assertFalse(run.output().contains("Exception"), run.output());
    }

    /** @return the value printed as {@code key=value} on a line of ImageJ's output */
    static String value(String output, String key) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "=(.*)$").matcher(output);
        assertTrue(m.find(), "'" + key + "=' not printed by ImageJ:\n" + output);
        return m.group(1).trim();
    }

    /** @return {@code p} as an absolute path for a macro string literal (forward slashes) */
    static String macroPath(Path p) {
        return p.toAbsolutePath().toString().replace('\\', '/');
    }
}
