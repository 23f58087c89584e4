package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.cli.CeusCli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Motion correction, frame exclusions, kept flash frames and bootstrap set in the workbench window
 * ({@link WorkbenchSettingsMain} under Xvfb) give exactly the files of {@code ceus compare} with
 * {@code --motion-correction --exclude-frames 5-8,30 --no-flash-detection --bootstrap 40}; they are saved in the
 * session, shown again when it is reopened, and {@code ceus compare --session} reproduces them.
 */
@Tag("integration")
class WorkbenchSettingsE2ETest {
    static final List<String> FILES = List.of("comparison.json", "analysis-baseline.json", "analysis-D14.json");

    @TempDir
    Path tmp;

    @Test
    void motionExclusionsFlashAndBootstrapSetInTheWorkbenchAreSavedAndReproducedByTheCli() throws Exception {
        Path out = tmp.resolve("gui");
        String log = runWorkbench(out);
        assertTrue(Files.readString(out.resolve("status.txt")).endsWith("done\n"), log);
        assertEquals("Settings[dynamicRangeDb=40.0, linear=false, model=lognormal, motionCorrection=true,"
                + " excludeFrames=5-8,30, keepFlash=true, bootstrap=40]", ImageJMacroE2ETest.value(log, "shown"),
                "the reopened window shows the saved settings");

        Path cli = tmp.resolve("cli");
        cli("compare", WorkbenchGuiTest.TEST_DATA.resolve("baseline.dcm").toString(),
                WorkbenchGuiTest.TEST_DATA.resolve("day14.tif").toString(), "--roi", WorkbenchGuiMain.BASELINE_TARGET,
                "--roi", WorkbenchGuiMain.DAY14_TARGET, "--labels", "baseline,D14", "--days", "0,14",
                "--dynamic-range", "40", "--motion-correction", "--exclude-frames", WorkbenchSettingsMain.EXCLUSIONS,
                "--no-flash-detection", "--bootstrap", String.valueOf(WorkbenchSettingsMain.REPLICATES),
                "--out", cli.toString(), "--quiet");
        Path session = tmp.resolve("session-cli");
        cli("compare", "--session", out.resolve("session.ceus.json").toString(), "--out", session.toString(),
                "--quiet");
        for (String f : FILES) {
            String expected = Files.readString(cli.resolve(f));
            assertEquals(expected, Files.readString(out.resolve("export").resolve(f)), "workbench export " + f);
            assertEquals(expected, Files.readString(out.resolve("reopened").resolve(f)), "reopened session " + f);
            assertEquals(expected, Files.readString(session.resolve(f)), "ceus compare --session " + f);
        }
        String analysis = Files.readString(cli.resolve("analysis-baseline.json"));
        for (String s : List.of("\"motionCorrection\": true", "\"excludeFrames\": \"5-8,30\"",
                "\"bootstrapReplicates\": 40")) {
            assertTrue(analysis.contains(s), s);
        }
    }

    private static void cli(String... args) {
        StringWriter err = new StringWriter();
        int code = CeusCli.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
    }

    private String runWorkbench(Path out) throws Exception {
        List<String> cmd = new ArrayList<>();
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            cmd.addAll(List.of("/usr/bin/xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"));
        }
        cmd.addAll(List.of(ImageJProcess.javaExe(), "-Djava.awt.headless=false",
                "-Duser.home=" + Files.createDirectories(tmp.resolve("home")), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                        .replace(File.pathSeparator + File.pathSeparator, File.pathSeparator),
                WorkbenchSettingsMain.class.getName(), WorkbenchGuiTest.TEST_DATA.toString(), out.toString()));
        return WorkbenchGuiTest.runWorkbench(cmd, tmp.resolve("workbench-output.txt"));
    }
}
