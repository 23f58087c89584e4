package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Parametric Maps...} and {@code Batch...}: options changed in the real dialog are recorded by ImageJ's
 * Recorder under the keys the macro reads, and the recorded line replays to the same numbers
 * ({@link RecordReplayFormsMain} under Xvfb).
 */
@Tag("integration")
class RecordReplayFormsE2ETest {
    @TempDir
    Path tmp;

    @Test
    void mapsOptionsChosenInTheDialogAreRecordedAndReplayToTheSameMaps() throws Exception {
        String out = run("maps", ImageJOpenedLoopTest.BASELINE.toAbsolutePath().toString());
        String recorded = ImageJMacroE2ETest.value(out, "recorded");
        for (String key : List.of("model=gamma", "params=PE,AUC", "bin=4", "smooth=1", "frame_bin=2", " ci",
                "threads=2", "dynamic_range=")) {
            assertTrue(recorded.contains(key), key + " not recorded: " + recorded);
        }
        String dialog = ImageJMacroE2ETest.value(out, "run0");
        assertTrue(dialog.startsWith("PE (a.u.)="), dialog);
        assertTrue(dialog.contains(";PE_lo (a.u., 95% CI low)=") && dialog.contains(";AUC_hi ("),
                "CI slices mapped (ci): " + dialog);
        assertEquals(dialog, ImageJMacroE2ETest.value(out, "run1"), "the replayed macro maps other numbers");
    }

    @Test
    void batchOptionsChosenInTheDialogAreRecordedAndReplayToTheSameNumbers() throws Exception {
        String out = run("batch", ImageJOpenedLoopTest.BASELINE.toAbsolutePath().toString(), tmp.toString());
        String recorded = ImageJMacroE2ETest.value(out, "recorded");
        for (String key : List.of("model=gamma", "keep_flash", "no_compare", "threads=1", "bootstrap=0",
                "roi=tumour=oval:40,27,40,30")) {
            assertTrue(recorded.contains(key), key + " not recorded: " + recorded);
        }
        String dialog = ImageJMacroE2ETest.value(out, "run0");
        assertTrue(dialog.startsWith("ok;"), dialog);
        assertEquals(dialog, ImageJMacroE2ETest.value(out, "run1"), "the replayed macro gives other numbers");
        assertEquals("2", ImageJMacroE2ETest.value(out, "summary0"), "one item, no comparison (no_compare)");
    }

    @Test
    void helpButtonShowsTheGuidesSectionAboutTheDialogOffline() throws Exception {
        String help = ImageJMacroE2ETest.value(run("help", ImageJOpenedLoopTest.BASELINE.toAbsolutePath().toString()),
                "help");
        for (String s : List.of("CEUS Perfusion: Analyze TIC...", "Macro keys: dynamic_range",
                "Analyze TIC: dialog, macro and Recorder are one form", "motion_correction",
                "Help > CEUS Perfusion Documentation")) {
            assertTrue(help.contains(s), "'" + s + "' not on the Help page: " + help);
        }
        assertTrue(!help.contains("example.org") && !help.contains("github.com/ceus-perfusion"), help);
    }

    /** @return {@code -Dceus.screenshots} of this run, resolved in the project; empty: none */
    private static String screenshots() {
        String shots = System.getProperty("ceus.screenshots");
        return shots == null || shots.isBlank() ? "" : WorkbenchGuiTest.PROJECT.resolve(shots).toString();
    }

    private String run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            cmd.addAll(List.of("/usr/bin/xvfb-run", "-a", "-s", "-screen 0 1366x768x24"));
        }
        cmd.addAll(List.of(ImageJProcess.javaExe(), "-Djava.awt.headless=false",
                "-Duser.home=" + Files.createDirectories(tmp.resolve("home")),
                "-Dceus.screenshots=" + screenshots(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                        .replace(File.pathSeparator + File.pathSeparator, File.pathSeparator),
                RecordReplayFormsMain.class.getName()));
        cmd.addAll(List.of(args));
        Path log = tmp.resolve("forms-output.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(ImageJProcess.TIMEOUT_S, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("not finished in time (a dialog waiting?):\n" + Files.readString(log));
        }
        String text = Files.readString(log);
        assertEquals(0, p.exitValue(), text);
        return text;
    }
}
