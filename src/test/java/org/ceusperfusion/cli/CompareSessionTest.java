package org.ceusperfusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ceusperfusion.io.LoopReader;
import org.ceusperfusion.session.Session;
import org.ceusperfusion.session.SessionJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceus compare --session FILE} gives exactly the numbers of the same comparison with explicit options. */
class CompareSessionTest {
    static final Path TEST_DATA = Path.of(System.getProperty("ceus.projectDir", ".")).resolve("test-data")
            .toAbsolutePath().normalize();
    static final Path BASELINE = TEST_DATA.resolve("baseline.dcm");
    static final Path DAY14 = TEST_DATA.resolve("day14.tif");

    @TempDir
    Path tmp;

    static Session bundledSession(String shaBaseline, String shaDay14) {
        return new Session(List.of(
                new Session.Exam("baseline", 0.0, BASELINE.toString(), shaBaseline, "tumour=oval:40,27,40,30",
                        "normal=oval:8,62,24,20", 295.0, 2.09, new double[] {50, 30}),
                new Session.Exam("D14", 14.0, DAY14.toString(), shaDay14, "tumour=oval:38,25,44,34",
                        "normal=oval:8,62,24,20", 341.0, 53.07, new double[] {52, 31})),
                new Session.Settings(40.0, false, "lognormal"));
    }

    @Test
    void sessionRunEqualsExplicitOptions() throws Exception {
        Path explicit = tmp.resolve("explicit");
        CliRun a = CliRun.of("compare", BASELINE.toString(), DAY14.toString(),
                "--roi", "tumour=oval:40,27,40,30", "--roi", "tumour=oval:38,25,44,34",
                "--reference-roi", "normal=oval:8,62,24,20", "--labels", "baseline,D14", "--days", "0,14",
                "--volume-ml", "295,341", "--necrosis-pct", "2.09,53.07", "--diameters-mm", "50,30;52,31",
                "--dynamic-range", "40", "--out", explicit.toString(), "--quiet");
        assertEquals(0, a.exitCode(), a.toString());

        Path file = tmp.resolve("study.ceus-session.json");
        SessionJson.write(bundledSession(LoopReader.sha256(BASELINE), LoopReader.sha256(DAY14)), file);
        Path viaSession = tmp.resolve("session");
        CliRun b = CliRun.of("compare", "--session", file.toString(), "--out", viaSession.toString());
        assertEquals(0, b.exitCode(), b.toString());
        assertFalse(b.err().contains("warning"), b.toString());

        for (String f : List.of("comparison.json", "comparison.csv", "analysis-baseline.json", "analysis-D14.json")) {
            assertEquals(Files.readString(explicit.resolve(f)), Files.readString(viaSession.resolve(f)), f);
        }
        assertTrue(Files.readString(viaSession.resolve("analysis-baseline.json")).contains("\"name\": \"normal\""),
                "the reference ROI of the session is analysed");
    }

    @Test
    void sessionWithMotionExclusionsFlashAndBootstrapEqualsExplicitOptions() throws Exception {
        Path explicit = tmp.resolve("explicit");
        CliRun a = CliRun.of("compare", BASELINE.toString(), DAY14.toString(),
                "--roi", "tumour=oval:40,27,40,30", "--roi", "tumour=oval:38,25,44,34",
                "--labels", "baseline,D14", "--days", "0,14", "--dynamic-range", "40", "--motion-correction",
                "--exclude-frames", "5-8,30", "--no-flash-detection", "--bootstrap", "40", "--out", explicit.toString(),
                "--quiet");
        assertEquals(0, a.exitCode(), a.toString());

        Session s = new Session(List.of(
                new Session.Exam("baseline", 0.0, BASELINE.toString(), null, "tumour=oval:40,27,40,30", null, null,
                        null, null),
                new Session.Exam("D14", 14.0, DAY14.toString(), null, "tumour=oval:38,25,44,34", null, null, null,
                        null)),
                new Session.Settings(40.0, false, "lognormal", true, "5-8,30", true, 40));
        Path file = tmp.resolve("moving.ceus-session.json");
        SessionJson.write(s, file);
        Path viaSession = tmp.resolve("session");
        CliRun b = CliRun.of("compare", "--session", file.toString(), "--out", viaSession.toString(), "--quiet");
        assertEquals(0, b.exitCode(), b.toString());
        for (String f : List.of("comparison.json", "analysis-baseline.json", "analysis-D14.json")) {
            assertEquals(Files.readString(explicit.resolve(f)), Files.readString(viaSession.resolve(f)), f);
        }
        String analysis = Files.readString(viaSession.resolve("analysis-baseline.json"));
        for (String setting : List.of("\"bootstrapReplicates\": 40", "\"motionCorrection\": true",
                "\"excludeFrames\": \"5-8,30\"")) {
            assertTrue(analysis.contains(setting), setting + " not in the session run's analysis");
        }
    }

    @Test
    void aChangedLoopIsAWarningAndBadUsageIsOneLine() throws Exception {
        Path file = tmp.resolve("s.json");
        SessionJson.write(bundledSession(LoopReader.sha256(BASELINE), "0".repeat(64)), file);
        CliRun run = CliRun.of("compare", "--session", file.toString(), "--out", tmp.resolve("o").toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("warning: exam D14: " + DAY14 + " changed since the session was saved (SHA-256 differs):"
                + " results may differ from the saved session's", run.err().strip());

        CliRun mixed = CliRun.of("compare", "--session", file.toString(), BASELINE.toString());
        assertEquals(2, mixed.exitCode(), mixed.toString());
        assertTrue(mixed.err().startsWith("error: --session gives the loops and ROIs"), mixed.toString());

        CliRun none = CliRun.of("compare", BASELINE.toString(), DAY14.toString());
        assertEquals(2, none.exitCode(), none.toString());
        assertTrue(none.err().startsWith("error: Missing required option: '--roi=SPEC'"), none.toString());

        CliRun missing = CliRun.of("compare", "--session", tmp.resolve("nope.json").toString());
        assertEquals(2, missing.exitCode(), missing.toString());
        assertEquals("error: " + tmp.resolve("nope.json") + ": session file not found", missing.err().strip());
    }
}
