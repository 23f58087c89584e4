package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ceusperfusion.cli.CeusCli;
import org.ceusperfusion.report.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench in a real window: {@link WorkbenchGuiMain} runs in a subprocess with a display
 * ({@code xvfb-run -a} when there is no {@code DISPLAY}), because this JVM is headless. It opens the bundled
 * loops, sets the ROIs of test-data/README.md on the loop windows, compares and exports; the exported
 * {@code comparison.json} must equal {@code ceus compare}'s for the same loops, ROIs and options, and so must
 * the export after saving the session and reopening it in a new window.
 *
 * <p>{@code -Dceus.screenshots=DIR} (passed on to the subprocess) also writes the screenshots of
 * {@code docs/workbench.md} into {@code DIR}; without it nothing outside the temporary folder is written.
 */
@Tag("integration") // real ImageJ in a separate JVM, needs a display: xvfb-run (see ImageJProcess)
class WorkbenchGuiTest {
    static final Path PROJECT = Path.of(System.getProperty("ceus.projectDir", ".")).toAbsolutePath().normalize();
    static final Path TEST_DATA = PROJECT.resolve("test-data");

    @TempDir
    Path tmp;

    @Test
    void workbenchGivesExactlyTheCliNumbers() throws Exception {
        Path out = tmp.resolve("gui");
        String log = runWorkbench(out);
        assertTrue(Files.readString(out.resolve("status.txt")).endsWith("done\n"), log);

        Path cli = tmp.resolve("cli");
        StringWriter err = new StringWriter();
        int code = CeusCli.execute(new String[] {"compare", TEST_DATA.resolve("baseline.dcm").toString(),
            TEST_DATA.resolve("day14.tif").toString(), "--roi", WorkbenchGuiMain.BASELINE_TARGET,
            "--roi", WorkbenchGuiMain.DAY14_TARGET, "--reference-roi", WorkbenchGuiMain.REFERENCE,
            "--labels", "baseline,D14", "--days", "0,14", "--diameters-mm", "20;22", "--dynamic-range", "40",
            "--out", cli.toString(), "--quiet"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());

        JsonObject expected = Json.parse(Files.readString(cli.resolve("comparison.json")));
        for (String run : List.of("export", "reopened")) {
            JsonObject actual = Json.parse(Files.readString(out.resolve(run).resolve("comparison.json")));
            assertEquals(expected, actual, run + ": the workbench's comparison.json differs from ceus compare's");
            for (String f : List.of("analysis-baseline.json", "analysis-D14.json", "comparison.csv")) {
                assertEquals(Files.readString(cli.resolve(f)), Files.readString(out.resolve(run).resolve(f)), run + "/" + f);
            }
        }
        double auc = expected.getAsJsonArray("changes").get(0).getAsJsonObject().getAsJsonObject("parameters")
                .getAsJsonObject("AUC").get("pct").getAsDouble();
        assertEquals(-67.8, auc, 2.0, "tumour AUC change near the generator's truth (test-data/README.md)");
        String session = Files.readString(out.resolve("session.ceus.json"));
        assertTrue(session.contains("\"targetRoi\": \"tumour=oval:40,27,40,30\""), session);
        assertTrue(session.contains("\"referenceRoi\": \"normal=oval:8,62,24,20\""), session);
    }

    private String runWorkbench(Path out) throws Exception {
        List<String> cmd = new ArrayList<>();
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            Path xvfb = Path.of("/usr/bin/xvfb-run");
            if (!Files.isExecutable(xvfb)) {
                fail("the workbench test needs a display: no DISPLAY and no xvfb-run (apt-get install -y xvfb xauth)");
            }
            cmd.addAll(List.of(xvfb.toString(), "-a", "-s", "-screen 0 1600x1000x24"));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Djava.awt.headless=false");
        cmd.add("-Duser.home=" + Files.createDirectories(tmp.resolve("home")));
        String shots = System.getProperty("ceus.screenshots");
        if (shots != null && !shots.isBlank()) {
            cmd.add("-Dceus.screenshots=" + PROJECT.resolve(shots));
        }
        cmd.addAll(List.of("-cp", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")).replace(File.pathSeparator + File.pathSeparator,
                File.pathSeparator), WorkbenchGuiMain.class.getName(), TEST_DATA.toString(), out.toString()));
        return runWorkbench(cmd, tmp.resolve("workbench-output.txt"));
    }

    /**
     * Runs a workbench test program and waits for it ({@link ImageJProcess#TIMEOUT_S} at most).
     *
     * @return its output; fails the test when it times out or exits non-zero
     */
    static String runWorkbench(List<String> cmd, Path log) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(ImageJProcess.TIMEOUT_S, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("the workbench did not finish within " + ImageJProcess.TIMEOUT_S + " s:\n" + Files.readString(log));
        }
        String text = Files.readString(log);
        assertEquals(0, p.exitValue(), "workbench run failed:\n" + text);
        return text;
    }
}
