package org.ceusperfusion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ComparisonBuilder;
import org.ceusperfusion.compare.ExamInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonWriterTest {
    /** The teaching example of perfusion-reference.md §1 (volume 295 -> 341 -> 285 ml, necrosis 2.09 -> 53.07 -> 51.03 %). */
    static Comparison example() {
        return ComparisonBuilder.compare(List.of(
                new ExamInput("baseline", 0.0, Fixtures.analysis("/data/patient7/baseline.dcm", 100, 0.1, 0.05),
                        null, 295.0, 2.09, new double[] {62, 44}),
                new ExamInput("D14", 14.0, Fixtures.analysis("/data/patient7/d14.dcm", 23, 0.12, 0.52,
                        new AnalysisSettings(46.0, false, "lognormal")), null, 341.0, 53.07, new double[] {64, 46}),
                new ExamInput("D60", 60.0, Fixtures.analysis("/data/patient7/d60.dcm", 30, 0.15, 0.50),
                        null, 285.0, 51.03, new double[] {60, 43})));
    }

    @Test
    void writesEveryOutput(@TempDir Path tmp) throws IOException {
        Comparison c = example();
        ComparisonWriter.writeAll(c, tmp);
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("analysis-D14.json", "analysis-D60.json", "analysis-baseline.json", "comparison.csv",
                    "comparison.json", "report.pdf", "report.png"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        BufferedImage png = ImageIO.read(tmp.resolve("report.png").toFile());
        assertEquals(1768, png.getWidth());
        assertEquals(1250, png.getHeight());
        byte[] pdf = Files.readAllBytes(tmp.resolve("report.pdf"));
        String pdfText = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(pdfText.startsWith("%PDF"));
        assertTrue(pdfText.trim().endsWith("%%EOF"));
        assertTrue(pdf.length > 1024);
        assertEquals(AnalysisJson.toText(c.exams().get(1).analysis()), Files.readString(tmp.resolve("analysis-D14.json")));
        String preview = System.getProperty("ceus.reportPreview");
        if (preview != null) {
            Files.copy(tmp.resolve("report.png"), Path.of(preview), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void comparisonJsonFollowsTheSchema() {
        Comparison c = example();
        JsonObject j = Json.parse(ComparisonJson.toText(c));
        assertEquals(List.of("schema", "software", "options", "exams", "changes", "response", "warnings"),
                List.copyOf(j.keySet()));
        assertEquals("ceus-perfusion/comparison@1", j.get("schema").getAsString());
        JsonObject exam = j.getAsJsonArray("exams").get(1).getAsJsonObject();
        assertEquals("D14", exam.get("label").getAsString());
        assertEquals(14.0, exam.get("day").getAsDouble());
        assertEquals(110.0, exam.get("sumDiametersMm").getAsDouble());
        assertEquals(AnalysisJson.roi(c.exams().get(1).roi()), exam.getAsJsonObject("roi"));
        assertEquals(AnalysisJson.input(c.exams().get(1).analysis().input()), exam.getAsJsonObject("input"));
        assertEquals(3, j.getAsJsonArray("changes").size());
        JsonObject ch = j.getAsJsonArray("changes").get(0).getAsJsonObject();
        assertEquals("baseline", ch.get("from").getAsString());
        assertEquals(-77.0, ch.getAsJsonObject("parameters").getAsJsonObject("AUC").get("pct").getAsDouble(), 1e-9);
        assertEquals(2, ch.getAsJsonObject("parameters").getAsJsonObject("AUC").getAsJsonArray("ci95").size());
        assertEquals(100 * (341.0 / 295 - 1), ch.get("volumePct").getAsDouble(), 1e-9);
        assertEquals(53.07 - 2.09, ch.get("necrosisPctPoints").getAsDouble(), 1e-9);
        JsonObject size = j.getAsJsonObject("response").getAsJsonObject("size");
        assertEquals("SD", size.get("category").getAsString()); // 106 -> 103 mm
        assertEquals("RECIST-like (ultrasound)", size.get("criteria").getAsString());
        assertEquals(4, size.getAsJsonObject("probability").size());
        JsonObject perf = j.getAsJsonObject("response").getAsJsonObject("perfusion");
        assertEquals("responder", perf.get("category").getAsString()); // AUC 100 -> 30: -70 %
        assertTrue(j.getAsJsonObject("response").get("summary").getAsString().endsWith("."));
        assertTrue(j.getAsJsonArray("warnings").toString().contains("dynamic range differs"));
    }

    @Test
    void comparisonCsvHasExamRowsThenChangeRows() throws IOException {
        Comparison c = example();
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(ComparisonCsv.toText(c))).getRecords();
        assertEquals(ComparisonCsv.header(), rows.get(0).toList());
        assertEquals(1 + 3 + 3, rows.size());
        CSVRecord d14 = rows.get(2);
        int auc = ComparisonCsv.header().indexOf("AUC");
        int vol = ComparisonCsv.header().indexOf("volume");
        assertEquals(List.of("exam", "D14", "", "", "14"), d14.toList().subList(0, 5));
        assertEquals("341", d14.get(vol));
        assertEquals("23", d14.get(auc));
        assertEquals("52", d14.get(ComparisonCsv.header().indexOf("non_enhancing")));
        CSVRecord change = rows.get(4);
        assertEquals(List.of("change", "baseline>D14", "baseline", "D14", ""), change.toList().subList(0, 5));
        assertEquals(-77.0, Double.parseDouble(change.get(auc)), 1e-9);
        assertEquals(47.0, Double.parseDouble(change.get(ComparisonCsv.header().indexOf("non_enhancing"))), 1e-9);
        assertEquals("D14>D60", rows.get(6).get(1));
    }

    @Test
    void pdfPageHoldsTheTextInAscii() throws IOException, DataFormatException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ComparisonReport.writePdf(example(), bytes);
        String pdf = new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1);
        int start = pdf.indexOf("stream", pdf.indexOf("/FlateDecode")) + "stream".length();
        while (pdf.charAt(start) == '\r' || pdf.charAt(start) == '\n') {
            start++;
        }
        Inflater inflater = new Inflater();
        inflater.setInput(bytes.toByteArray(), start, pdf.indexOf("endstream", start) - start);
        byte[] buf = new byte[4 << 20];
        String page = new String(buf, 0, inflater.inflate(buf), StandardCharsets.ISO_8859_1);
        assertTrue(page.contains("(CEUS perfusion follow-up: baseline -> D60) Tj"));
        assertTrue(page.contains("RECIST-like, US"), "size line");
        assertTrue(page.contains("Change from baseline"), "forest plot title");
        assertTrue(page.contains("(a.u. s) Tj"));
        assertFalse(page.contains("?"), "a character the PDF font cannot show");
    }

    @Test
    void reportTextIsAscii() {
        assertEquals("AUC -77 % -> 52 %, a.u. s, >= 5 mm, Lassau, mu", ReportText.safe("AUC \u221277 % \u2192 52 %, a.u.\u00b7s, \u2265 5 mm, L\u00e0ssau, \u03bc"));
    }

    @Test
    void labelsBecomeSafeFileNames() {
        assertEquals("analysis-D_14_post.json", ComparisonWriter.analysisFileName("D 14/post"));
    }
}
