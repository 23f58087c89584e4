package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single self-contained plugin jar for plain ImageJ ({@code target/CEUS_Perfusion-<version>-imagej.jar},
 * made by {@code mvn package}), dropped ALONE into an empty ImageJ 1.54p {@code plugins/} folder, runs the
 * shipped example macros. Runs after {@code package} (failsafe, {@code mvn verify -Pintegration}) under
 * {@code xvfb-run}.
 */
@Tag("integration")
class SingleJarIT {
    @TempDir
    static Path tmp;
    static ImageJProcess imagej;
    static final Path PROJECT = Path.of(System.getProperty("ceus.projectDir", ".")).toAbsolutePath();

    static Path singleJar() throws IOException {
        Path jar = PROJECT.resolve("target/CEUS_Perfusion-" + ImageJProcess.projectVersion() + "-imagej.jar");
        assertTrue(Files.isRegularFile(jar), "run after `mvn package`: missing " + jar);
        return jar;
    }

    @BeforeAll
    static void install() throws IOException {
        imagej = ImageJProcess.installSingleJar(tmp.resolve("imagej"), singleJar());
        Files.createSymbolicLink(imagej.dir().resolve("test-data"), PROJECT.resolve("test-data"));
    }

    @Test
    void theJarBundlesEveryLibraryRelocatedAndNotImageJ() throws IOException {
        try (JarFile jar = new JarFile(singleJar().toFile())) {
            List<String> foreign = jar.stream().map(e -> e.getName())
                    .filter(n -> n.endsWith(".class") && !n.startsWith("org/ceusperfusion/")).toList();
            assertEquals(List.of(), foreign, "classes outside org.ceusperfusion (not relocated)");
            for (String lib : new String[] {"gson/Gson", "commons/csv/CSVParser", "commons/math3/util/FastMath",
                                            "jfree/chart/JFreeChart", "picocli/CommandLine", "jcodec/api/FrameGrab"}) {
                assertTrue(jar.getEntry("org/ceusperfusion/shaded/" + lib + ".class") != null, lib);
            }
            assertTrue(jar.getEntry("plugins.config") != null);
        }
        try (Stream<Path> files = Files.list(imagej.dir().resolve("plugins"))) {
            assertEquals(List.of(singleJar().getFileName().toString()),
                    files.map(p -> p.getFileName().toString()).toList(), "plugins/ holds the one jar");
        }
    }

    @Test
    void aboutShowsTheVersion() throws Exception {
        ImageJProcess.Run run = imagej.runMacro("run(\"About CEUS Perfusion\");\n");
        assertTrue(run.output().contains("CEUS Perfusion " + ImageJProcess.projectVersion()), run.output());
        assertFalse(run.output().contains("Unrecognized command") || run.output().contains("Exception"), run.output());
    }

    @Test
    void analyzeExampleWritesTheAnalysis() throws Exception {
        Path out = tmp.resolve("analyze");
        ImageJProcess.Run run = imagej.runMacroFile(PROJECT.resolve(ExampleMacrosE2ETest.EXAMPLES).resolve("CEUS_Analyze_Example.ijm"), out.toString());
        assertTrue(Files.exists(out.resolve("analysis.json")), "no analysis.json; ImageJ said:\n" + run.output());
        assertTrue(run.output().contains("Status: OK"), run.output());
        assertFalse(run.output().contains("Exception"), run.output());
    }

    @Test
    void compareExampleWritesTheComparisonAndReport() throws Exception {
        Path out = tmp.resolve("compare");
        ImageJProcess.Run run = imagej.runMacroFile(PROJECT.resolve(ExampleMacrosE2ETest.EXAMPLES).resolve("CEUS_Compare_Example.ijm"), out.toString());
        for (String f : new String[] {"comparison.json", "comparison.csv", "report.pdf", "report.png"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)) && Files.size(out.resolve(f)) > 0, f + "\n" + run.output());
        }
        assertFalse(run.output().contains("Exception"), run.output());
    }

    @Test
    void mapsExampleWritesTheMaps() throws Exception {
        Path out = tmp.resolve("maps");
        ImageJProcess.Run run = imagej.runMacroFile(PROJECT.resolve(ExampleMacrosE2ETest.EXAMPLES).resolve("CEUS_Maps_Example.ijm"), out.toString());
        assertTrue(Files.exists(out.resolve("map.json")) && Files.exists(out.resolve("PE.tif")), run.output());
        assertFalse(run.output().contains("Exception"), run.output());
    }

    @Test
    void extensionsExampleRuns() throws Exception {
        Path out = tmp.resolve("ext");
        ImageJProcess.Run run = imagej.runMacroFile(PROJECT.resolve(ExampleMacrosE2ETest.EXAMPLES).resolve("CEUS_Extensions_Example.ijm"), out.toString());
        assertTrue(run.output().contains("CEUS extensions example: done"), run.output());
        assertTrue(Files.isRegularFile(out.resolve("comparison/comparison.json")), run.output());
    }
}
