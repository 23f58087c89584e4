package org.ceusperfusion.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.io.LoopReader;
import org.ceusperfusion.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionJsonTest {
    @TempDir
    Path tmp;

    static Session sample(Path a, String shaA, Path b, String shaB) {
        return new Session(List.of(
                new Session.Exam("baseline", 0.0, a.toString(), shaA, "tumour=oval:40,27,40,30",
                        "normal=oval:8,62,24,20", 295.0, 2.09, new double[] {50, 30}),
                new Session.Exam("D14", 14.0, b.toString(), shaB, "tumour=polygon:38,25,82,25,60,59", null,
                        341.0, 53.07, new double[] {52, 31})),
                new Session.Settings(35.5, false, "lognormal"));
    }

    @Test
    void writeThenReadGivesTheSameSession() throws Exception {
        Path a = Files.writeString(tmp.resolve("a.dcm"), "loop a");
        Path b = Files.writeString(tmp.resolve("b.tif"), "loop b");
        Session s = sample(a, LoopReader.sha256(a), b, LoopReader.sha256(b));
        Path file = tmp.resolve("study.ceus-session.json");
        SessionJson.write(s, file);
        Session back = SessionJson.read(file);
        assertEquals(s.settings(), back.settings());
        assertEquals(2, back.exams().size());
        for (int i = 0; i < 2; i++) {
            Session.Exam e = s.exams().get(i);
            Session.Exam r = back.exams().get(i);
            assertEquals(List.of(e.label(), e.day(), e.path(), e.sha256(), e.targetRoi()),
                    List.of(r.label(), r.day(), r.path(), r.sha256(), r.targetRoi()));
            assertEquals(e.referenceRoi(), r.referenceRoi());
            assertEquals(e.volumeMl(), r.volumeMl());
            assertEquals(e.necrosisPct(), r.necrosisPct());
            assertArrayEquals(e.diametersMm(), r.diametersMm());
        }
        assertEquals(Session.SCHEMA, Json.parse(Files.readString(file)).get("schema").getAsString());
        assertTrue(SessionCheck.fileWarnings(back).isEmpty(), SessionCheck.fileWarnings(back).toString());
        try (var files = Files.list(tmp)) {
            assertEquals(3, files.count(), "no temporary file left beside the session");
        }
    }

    @Test
    void motionExclusionsFlashAndBootstrapAreSavedAndOldSessionsLoadWithout() throws Exception {
        Session s = new Session(List.of(new Session.Exam("a", 0.0, "/x/a.tif", null, "oval:1,1,4,4", null, null, null,
                null)), new Session.Settings(40.0, false, "gamma", true, "10-20,35", true, 200));
        Path file = tmp.resolve("moving.json");
        SessionJson.write(s, file);
        Session back = SessionJson.read(file);
        assertEquals(s.settings(), back.settings());
        AnalysisSettings a = back.settings().toAnalysisSettings();
        assertTrue(a.motion().correction());
        assertEquals("10-20,35", a.motion().excludeFrames());
        assertEquals(false, a.motion().detectFlashes());
        assertEquals(200, a.bootstrapReplicates());
        assertEquals(s.settings(), Session.Settings.of(a), "settings -> core -> settings is lossless");

        Path old = tmp.resolve("old.json");
        Files.writeString(old, """
                {"schema": "ceus-perfusion/session@1",
                 "settings": {"dynamicRangeDb": 40.0, "linear": false, "model": "lognormal"},
                 "exams": [{"label": "baseline", "day": 0, "path": "/x/a.dcm", "targetRoi": "oval:1,1,4,4"}]}
                """);
        Session.Settings before = SessionJson.read(old).settings();
        assertEquals(new Session.Settings(40.0, false, "lognormal", false, null, false, 0), before);
        assertEquals(AnalysisSettings.logCompressed(40), before.toAnalysisSettings());

        Files.writeString(old, Files.readString(old).replace("\"model\": \"lognormal\"",
                "\"model\": \"lognormal\", \"bootstrap\": 2.5"));
        assertThrows(InputException.class, () -> SessionJson.read(old));
    }

    @Test
    void linearSettingsKeepNoDynamicRange() throws Exception {
        Session s = new Session(List.of(new Session.Exam("a", null, "/x/a.tif", null, null, null, null, null, null)),
                Session.Settings.of(new AnalysisSettings(null, true, "lognormal")));
        Path file = tmp.resolve("s.json");
        SessionJson.write(s, file);
        Session back = SessionJson.read(file);
        assertTrue(back.settings().linear());
        assertNull(back.settings().dynamicRangeDb());
        assertNull(back.exams().get(0).day());
        assertNull(back.exams().get(0).diametersMm());
        assertEquals(new AnalysisSettings(null, true, "lognormal"), back.settings().toAnalysisSettings());
    }

    @Test
    void relativePathsAreReadFromTheSessionFolder() throws Exception {
        Path study = Files.createDirectories(tmp.resolve("study"));
        Path file = study.resolve("s.json");
        Files.writeString(file, """
                {"schema": "ceus-perfusion/session@1",
                 "settings": {"dynamicRangeDb": 40, "linear": false, "model": "lognormal"},
                 "exams": [{"label": "baseline", "day": 0, "path": "loops/a.dcm", "targetRoi": "oval:1,1,4,4"}]}
                """);
        Session s = SessionJson.read(file);
        assertEquals(study.resolve("loops/a.dcm").toAbsolutePath().normalize().toString(), s.exams().get(0).path());
        assertEquals(40.0, s.settings().dynamicRangeDb());
        assertNull(s.exams().get(0).sha256());
    }

    @Test
    void aChangedOrMissingFileIsReportedByExam() throws Exception {
        Path a = Files.writeString(tmp.resolve("a.dcm"), "loop a");
        Path b = Files.writeString(tmp.resolve("b.tif"), "loop b");
        Session s = sample(a, LoopReader.sha256(a), b, LoopReader.sha256(b));
        Files.writeString(b, "loop b, edited");
        List<String> w = SessionCheck.fileWarnings(s);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("exam D14: " + b + " changed since the session was saved"), w.get(0));
        Files.delete(a);
        w = SessionCheck.fileWarnings(s);
        assertEquals(2, w.size(), w.toString());
        assertEquals("exam baseline: loop file not found: " + a, w.get(0));
    }

    @Test
    void badFilesAreOneLineInputErrors() throws Exception {
        Path missing = tmp.resolve("none.json");
        assertEquals(missing + ": session file not found",
                assertThrows(InputException.class, () -> SessionJson.read(missing)).getMessage());
        Path notJson = Files.writeString(tmp.resolve("bad.json"), "{ not json");
        assertTrue(assertThrows(InputException.class, () -> SessionJson.read(notJson)).getMessage()
                .startsWith(notJson + ": not a valid session file"));
        Path other = Files.writeString(tmp.resolve("other.json"), "{\"schema\": \"ceus-perfusion/analysis@1\"}");
        assertEquals(other + ": session: schema is 'ceus-perfusion/analysis@1', expected 'ceus-perfusion/session@1'",
                assertThrows(InputException.class, () -> SessionJson.read(other)).getMessage());
    }
}
