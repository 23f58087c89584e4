package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
 * {@code Analyze TIC...} with {@code Model: gamma} chosen in the real dialog, recorded by ImageJ's Recorder,
 * replays to the same numbers ({@link RecordReplayMain} under Xvfb).
 */
@Tag("integration")
class RecordReplayE2ETest {
    @TempDir
    Path tmp;

    @Test
    void gammaChosenInTheDialogIsRecordedAndReplaysToTheSameNumbers() throws Exception {
        String out = run();
        String recorded = ImageJMacroE2ETest.value(out, "recorded");
        assertTrue(recorded.contains("model=gamma"), recorded);
        for (String key : List.of("dynamic_range=", "target=", "reference=", "bootstrap=")) {
            assertTrue(recorded.contains(key), key + " not recorded: " + recorded);
        }
        String dialog = ImageJMacroE2ETest.value(out, "row0");
        String replay = ImageJMacroE2ETest.value(out, "row1");
        assertTrue(dialog.startsWith("gamma;"), dialog);
        assertEquals(dialog, replay, "the replayed macro gives other numbers:\n" + out);
        assertNotEquals("NaN", dialog.split(";")[2], "AUC of the gamma fit");
    }

    private String run() throws Exception {
        List<String> cmd = new ArrayList<>();
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            cmd.addAll(List.of("/usr/bin/xvfb-run", "-a", "-s", "-screen 0 1366x768x24"));
        }
        cmd.addAll(List.of(ImageJProcess.javaExe(), "-Djava.awt.headless=false",
                "-Duser.home=" + Files.createDirectories(tmp.resolve("home"))));
        String shots = System.getProperty("ceus.screenshots");
        if (shots != null && !shots.isBlank()) {
            cmd.add("-Dceus.screenshots=" + WorkbenchGuiTest.PROJECT.resolve(shots));
        }
        cmd.addAll(List.of("-cp", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")).replace(File.pathSeparator + File.pathSeparator,
                File.pathSeparator), RecordReplayMain.class.getName(), ImageJOpenedLoopTest.BASELINE.toAbsolutePath().toString()));
        Path log = tmp.resolve("record-output.txt");
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
