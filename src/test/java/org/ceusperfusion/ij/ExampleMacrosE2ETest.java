package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's headless command, run verbatim (only {@code ij.jar}, {@code java} and {@code OUTDIR} are
 * replaced by real paths) from a folder laid out as the repository ({@code plugins/} with the plugin jar and
 * the example macros, {@code test-data/}), and every example macro of {@code plugins/} with a relative
 * path: each finishes within the acceptance limit of 60 s and writes its outputs.
 */
@Tag("integration")
class ExampleMacrosE2ETest {
    static final Path PROJECT = Path.of(System.getProperty("ceus.projectDir", "."));
    /** Where the example macros are in the repository (a subfolder, so ImageJ lists them under Plugins >
     *  CEUS Perfusion instead of at the top of the Plugins menu). */
    static final String EXAMPLES = "plugins/CEUS Perfusion";
    /** Acceptance limit of issue 15 for one example macro, s. */
    static final long LIMIT_S = 60;

    @TempDir
    static Path tmp;
    static ImageJProcess imagej;
    static Path repo;

    @BeforeAll
    static void install() throws IOException {
        repo = tmp.resolve("repo");
        imagej = ImageJProcess.install(repo);
        Path examples = Files.createDirectories(repo.resolve(EXAMPLES));
        try (Stream<Path> macros = Files.list(PROJECT.resolve(EXAMPLES))) {
            for (Path m : (Iterable<Path>) macros.filter(p -> p.toString().endsWith(".ijm"))::iterator) {
                Files.copy(m, examples.resolve(m.getFileName()));
            }
        }
        Files.createSymbolicLink(repo.resolve("test-data"), PROJECT.resolve("test-data").toAbsolutePath());
    }

    /** @return the README's headless command line */
    static String readmeCommand() throws IOException {
        Matcher m = Pattern.compile("`(xvfb-run [^`]*-batch \"plugins/CEUS Perfusion/CEUS_Analyze_Example\\.ijm\" OUTDIR)`")
                .matcher(Files.readString(PROJECT.resolve("README.md")));
        assertTrue(m.find(), "README.md has no headless example command");
        return m.group(1);
    }

    static String realPaths(String command, Path out) {
        return command.replace("java -jar ij.jar", ImageJProcess.javaExe() + " -jar " + ImageJProcess.ijJar())
                .replace("OUTDIR", out.toString());
    }

    @Test
    void readmeHeadlessCommandRunsVerbatimFromTheRepositoryRoot() throws Exception {
        Path out = tmp.resolve("readme-out");
        ImageJProcess.Run run = imagej.runCommandLine(realPaths(readmeCommand(), out), repo, LIMIT_S);
        assertEquals(0, run.exitCode(), run.output());
        for (String f : List.of("analysis.json", "tic.csv", "tic.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f + " missing; ImageJ said:\n" + run.output());
        }
        assertTrue(run.output().contains("Status: OK"), run.output());
        assertFalse(run.output().contains("Exception"), run.output());
    }

    @Test
    void examplesOfTheRepositorySitInThePluginsSubmenuNotAtTheTopOfPlugins() throws Exception {
        String menus = ImageJAsUsersMeetItE2ETest.menus(repo, tmp.resolve("menus.txt"));
        for (String name : List.of("Analyze", "Compare", "Maps", "Batch", "Extensions")) {
            assertTrue(menus.contains("menu:Plugins>CEUS Perfusion>CEUS " + name + " Example\n"), name + ":\n" + menus);
            assertFalse(menus.contains("menu:Plugins>CEUS " + name + " Example\n"), name + ":\n" + menus);
        }
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("CEUS_Analyze_Example.ijm", List.of("analysis.json", "tic.csv", "tic.png")),
                Arguments.of("CEUS_Compare_Example.ijm", List.of("comparison.json", "comparison.csv", "report.pdf")),
                Arguments.of("CEUS_Extensions_Example.ijm", List.of("baseline/analysis.json",
                        "comparison/comparison.json")),
                Arguments.of("CEUS_Maps_Example.ijm", List.of("map.json", "AUC.tif")),
                Arguments.of("CEUS_Batch_Example.ijm", List.of("summary.csv", "1/analysis.json", "2/analysis.json")));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleMacroRunsWithARelativePath(String macro, List<String> outputs) throws Exception {
        Path out = tmp.resolve("out-" + macro);
        String cmd = readmeCommand().replace("CEUS_Analyze_Example.ijm", macro);
        ImageJProcess.Run run = imagej.runCommandLine(realPaths(cmd, out), repo, LIMIT_S);
        for (String f : outputs) {
            assertTrue(Files.exists(out.resolve(f)), macro + ": " + f + " missing; ImageJ said:\n" + run.output());
        }
        assertFalse(run.output().contains("error:"), run.output());
        assertFalse(run.output().contains("Exception"), run.output());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleShippedInTheJarRunsWithoutTheRepositoryOnGeneratedDemoLoops(String macro, List<String> outputs)
            throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/macros"));
        String text = ExampleMacroPlugin.text(macro);
        assertTrue(text != null, macro + " not in the jar's script_templates");
        Files.writeString(elsewhere.resolve(macro), text);
        Path out = tmp.resolve("from-jar-" + macro);
        ImageJProcess.Run run = imagej.runMacroFile(elsewhere.resolve(macro), out.toString());
        for (String f : outputs) {
            assertTrue(Files.exists(out.resolve(f)), macro + ": " + f + " missing; ImageJ said:\n" + run.output());
        }
        assertTrue(run.output().contains("Demo loops generated in "), "generated demo loops used:\n" + run.output());
        assertFalse(run.output().contains("error:"), run.output());
    }
}
