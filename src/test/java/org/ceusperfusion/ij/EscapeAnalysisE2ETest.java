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
 * Esc pressed in real ImageJ while {@code Analyze TIC...} reads the loop's frames stops the analysis at the
 * next frame: no table row, no file in {@code save_to}, one Log line, Esc reset; the same macro without Esc
 * then writes everything ({@link EscapeAnalysisMain} under Xvfb).
 */
@Tag("integration")
class EscapeAnalysisE2ETest {
    @TempDir
    Path tmp;

    @Test
    void escMidAnalysisStopsWithoutWritingHalfAnOutput() throws Exception {
        String out = run();
        int stoppedAfter = Integer.parseInt(ImageJMacroE2ETest.value(out, "framesRead0"));
        int full = Integer.parseInt(ImageJMacroE2ETest.value(out, "framesRead1"));
        assertTrue(stoppedAfter >= EscapeAnalysisMain.ESC_AT_FRAME && stoppedAfter < full,
                "stopped at frame " + stoppedAfter + " of a pass reading " + full + " frames");
        assertEquals("0", ImageJMacroE2ETest.value(out, "files0"), "nothing written after Esc");
        assertEquals("0", ImageJMacroE2ETest.value(out, "rows0"), "no table row after Esc");
        assertEquals("false", ImageJMacroE2ETest.value(out, "escape0"), "Esc reset for the next command");
        assertTrue(ImageJMacroE2ETest.value(out, "log").contains("Analyze TIC stopped (Esc)"), out);
        assertEquals("3", ImageJMacroE2ETest.value(out, "files1"), "analysis.json, tic.csv, tic.png");
        assertEquals("1", ImageJMacroE2ETest.value(out, "rows1"));
    }

    private String run() throws Exception {
        List<String> cmd = new ArrayList<>();
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            cmd.addAll(List.of("/usr/bin/xvfb-run", "-a", "-s", "-screen 0 1366x768x24"));
        }
        cmd.addAll(List.of(ImageJProcess.javaExe(), "-Djava.awt.headless=false",
                "-Duser.home=" + Files.createDirectories(tmp.resolve("home")), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                        .replace(File.pathSeparator + File.pathSeparator, File.pathSeparator),
                EscapeAnalysisMain.class.getName(), ImageJOpenedLoopTest.BASELINE.toAbsolutePath().toString(),
                tmp.toString()));
        Path log = tmp.resolve("escape-output.txt");
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
