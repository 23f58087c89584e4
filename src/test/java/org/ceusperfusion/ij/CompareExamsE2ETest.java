package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceusperfusion.cli.CeusCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end: plain ImageJ in a subprocess opens the bundled baseline (DICOM) and day-14 (TIFF) loops
 * with Open Cine Loop, sets a ROI on each and runs Compare Exams with {@code save_to}; its
 * {@code comparison.json} must hold the numbers of {@code ceus compare} on the same files, ROIs and options.
 */
@Tag("integration") // real ImageJ in a separate JVM, needs a display: xvfb-run (see ImageJProcess)
class CompareExamsE2ETest {
    static final Path PROJECT = Path.of(System.getProperty("ceus.projectDir", "."));
    static final Path DATA = PROJECT.resolve("test-data");

    @TempDir
    static Path tmp;
    static ImageJProcess imagej;

    @BeforeAll
    static void install() throws Exception {
        imagej = ImageJProcess.install(tmp.resolve("imagej"));
    }

    @Test
    void theWorkbenchRecordsARunnableComparison() throws Exception {
        Path ijOut = tmp.resolve("recorded out");
        java.util.List<WorkbenchExam> exams = java.util.List.of(
                new WorkbenchExam("baseline", 0.0, DATA.resolve("baseline.dcm"), null, null, "tumour=oval:40,27,40,30",
                        "normal=oval:8,62,24,20", 295.0, null, new double[] {84, 80}, null),
                new WorkbenchExam("D14", 14.0, DATA.resolve("day14.tif"), null, null, "tumour=oval:38,25,44,34",
                        "normal=oval:8,62,24,20", 341.0, null, new double[] {88, 84}, null));
        String recorded = WorkbenchMacro.compare(exams,
                org.ceusperfusion.analysis.AnalysisSettings.logCompressed(40), ijOut);
        ImageJProcess.Run run = imagej.runMacro("roiManager(\"reset\");\n" + recorded);
        Path json = ijOut.resolve("comparison.json");
        assertTrue(Files.exists(json), "no comparison.json from the recorded macro:\n" + recorded + "\n" + run.output());

        Path cliOut = tmp.resolve("recorded cli");
        int code = CeusCli.execute(new String[] {"compare", DATA.resolve("baseline.dcm").toString(),
            DATA.resolve("day14.tif").toString(), "--roi", "tumour=oval:40,27,40,30", "--roi", "tumour=oval:38,25,44,34",
            "--reference-roi", "normal=oval:8,62,24,20", "--labels", "baseline,D14", "--days", "0,14",
            "--volume-ml", "295,341", "--diameters-mm", "84,80;88,84", "--quiet", "--out", cliOut.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        JsonObject ij = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        JsonObject cli = JsonParser.parseString(Files.readString(cliOut.resolve("comparison.json"))).getAsJsonObject();
        assertEquals(cli.get("changes"), ij.get("changes"), recorded);
        assertEquals(cli.get("response"), ij.get("response"), recorded);
    }

    @Test
    void compareExamsFromAMacroGivesTheCliNumbers() throws Exception {
        Path ijOut = tmp.resolve("ij out");
        String options = "labels=[baseline,D14] days=[0,14] volume_ml=[295,341] necrosis_pct=[2.09,53.07]"
                + " diameters_mm=[84,80;88,84] reference=normal dynamic_range=40 save_to=["
                + ImageJMacroE2ETest.macroPath(ijOut) + "]";
        String macro = "run(\"Open Cine Loop...\", \"open=[" + ImageJMacroE2ETest.macroPath(DATA.resolve("baseline.dcm")) + "]\");\n"
                + "roiManager(\"reset\");\n"
                + "makeOval(8, 62, 24, 20); Roi.setName(\"normal\"); roiManager(\"add\");\n"
                + "a = getTitle(); makeOval(40, 27, 40, 30); Roi.setName(\"tumour\");\n"
                + "run(\"Open Cine Loop...\", \"open=[" + ImageJMacroE2ETest.macroPath(DATA.resolve("day14.tif")) + "]\");\n"
                + "b = getTitle(); makeOval(38, 25, 44, 34); Roi.setName(\"tumour\");\n"
                + "run(\"Compare Exams...\", \"exams=[\" + a + \",\" + b + \"] " + options + "\");\n"
                + "print(\"auc=\" + Table.get(\"AUC %\", 0, \"CEUS Comparison\"));\n";
        ImageJProcess.Run run = imagej.runMacro(macro);
        Path json = ijOut.resolve("comparison.json");
        assertTrue(Files.exists(json), "no comparison.json; ImageJ said:\n" + run.output());
        assertFalse(run.output().contains("Exception"), run.output());
        for (String f : new String[] {"comparison.csv", "report.pdf", "report.png"}) {
            assertTrue(Files.size(ijOut.resolve(f)) > 0, f);
        }

        Path cliOut = tmp.resolve("cli out");
        StringWriter err = new StringWriter();
        int code = CeusCli.execute(new String[] {"compare", DATA.resolve("baseline.dcm").toString(),
            DATA.resolve("day14.tif").toString(), "--roi", "tumour=oval:40,27,40,30", "--roi", "tumour=oval:38,25,44,34",
            "--reference-roi", "normal=oval:8,62,24,20", "--labels", "baseline,D14", "--days", "0,14",
            "--volume-ml", "295,341", "--necrosis-pct", "2.09,53.07", "--diameters-mm", "84,80;88,84",
            "--dynamic-range", "40", "--quiet", "--out", cliOut.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());

        JsonObject ij = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        JsonObject cli = JsonParser.parseString(Files.readString(cliOut.resolve("comparison.json"))).getAsJsonObject();
        JsonObject ijCh = ij.getAsJsonArray("changes").get(0).getAsJsonObject();
        JsonObject cliCh = cli.getAsJsonArray("changes").get(0).getAsJsonObject();
        for (String p : new String[] {"AUC", "PE", "TTP", "mTT", "WiR"}) {
            assertSame(cliCh.getAsJsonObject("parameters").getAsJsonObject(p),
                    ijCh.getAsJsonObject("parameters").getAsJsonObject(p), p);
            assertSame(cliCh.getAsJsonObject("ratioToReference").getAsJsonObject(p),
                    ijCh.getAsJsonObject("ratioToReference").getAsJsonObject(p), p + "/ref");
        }
        assertEquals(cliCh.get("nonEnhancingPctPoints").getAsDouble(), ijCh.get("nonEnhancingPctPoints").getAsDouble(), 1e-9);
        assertEquals(cliCh.get("volumePct").getAsDouble(), ijCh.get("volumePct").getAsDouble(), 1e-12);
        assertEquals(cli.getAsJsonObject("response").get("summary").getAsString(),
                ij.getAsJsonObject("response").get("summary").getAsString());
        double printed = Double.parseDouble(ImageJMacroE2ETest.value(run.output(), "auc"));
        assertEquals(cliCh.getAsJsonObject("parameters").getAsJsonObject("AUC").get("pct").getAsDouble(), printed, 1e-3);
    }

    @Test
    void modelAutoAcrossExamsAndRepeatabilityAsInTheCli() throws Exception {
        Path ijOut = tmp.resolve("ij auto");
        String macro = "run(\"Open Cine Loop...\", \"open=[" + ImageJMacroE2ETest.macroPath(DATA.resolve("baseline.dcm")) + "]\");\n"
                + "roiManager(\"reset\");\n"
                + "a = getTitle(); makeOval(40, 27, 40, 30); Roi.setName(\"tumour\");\n"
                + "run(\"Open Cine Loop...\", \"open=[" + ImageJMacroE2ETest.macroPath(DATA.resolve("day14.tif")) + "]\");\n"
                + "b = getTitle(); makeOval(38, 25, 44, 34); Roi.setName(\"tumour\");\n"
                + "run(\"Compare Exams...\", \"exams=[\" + a + \",\" + b + \"] labels=[baseline,D14] days=[0,14]"
                + " dynamic_range=40 model=auto repeatability_cv=0.15 save_to=[" + ImageJMacroE2ETest.macroPath(ijOut) + "]\");\n";
        ImageJProcess.Run run = imagej.runMacro(macro);
        Path json = ijOut.resolve("comparison.json");
        assertTrue(Files.exists(json), "no comparison.json; ImageJ said:\n" + run.output());

        Path cliOut = tmp.resolve("cli auto");
        StringWriter err = new StringWriter();
        int code = CeusCli.execute(new String[] {"compare", DATA.resolve("baseline.dcm").toString(),
            DATA.resolve("day14.tif").toString(), "--roi", "tumour=oval:40,27,40,30", "--roi", "tumour=oval:38,25,44,34",
            "--labels", "baseline,D14", "--days", "0,14", "--dynamic-range", "40", "--model", "auto",
            "--repeatability-cv", "0.15", "--quiet", "--out", cliOut.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        JsonObject ij = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        JsonObject cli = JsonParser.parseString(Files.readString(cliOut.resolve("comparison.json"))).getAsJsonObject();
        String note = cli.getAsJsonArray("warnings").get(0).getAsString();
        assertTrue(note.startsWith("model auto: every exam fitted with "), note);
        assertEquals(note, ij.getAsJsonArray("warnings").get(0).getAsString());
        JsonObject ijCh = ij.getAsJsonArray("changes").get(0).getAsJsonObject();
        JsonObject cliCh = cli.getAsJsonArray("changes").get(0).getAsJsonObject();
        assertEquals("measurement + test-retest repeatability (CV 15 %)", cliCh.get("ciCovers").getAsString());
        assertEquals(cliCh.get("ciCovers"), ijCh.get("ciCovers"));
        for (String p : new String[] {"AUC", "PE", "TTP", "mTT"}) {
            assertSame(cliCh.getAsJsonObject("parameters").getAsJsonObject(p),
                    ijCh.getAsJsonObject("parameters").getAsJsonObject(p), p);
        }
    }

    private static void assertSame(JsonObject cli, JsonObject ij, String what) {
        String key = cli.has("pct") ? "pct" : "diffS"; // clock times (TTP) change in seconds
        assertEquals(cli.get(key).getAsDouble(), ij.get(key).getAsDouble(), 1e-9, what);
        JsonArray a = cli.getAsJsonArray("ci95");
        JsonArray b = ij.getAsJsonArray("ci95");
        assertEquals(a.get(0).getAsDouble(), b.get(0).getAsDouble(), 1e-9, what + " lo");
        assertEquals(a.get(1).getAsDouble(), b.get(1).getAsDouble(), 1e-9, what + " hi");
    }
}
