package org.ceusperfusion.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ExamInput;

/**
 * Writes the files of a comparison: {@code comparison.json}, {@code comparison.csv}, {@code report.pdf},
 * {@code report.png} and one {@code analysis-<label>.json} per exam, all or none
 * ({@link AtomicFiles#writeAll}).
 */
public final class ComparisonWriter {
    private ComparisonWriter() {
    }

    /**
     * @param c      the comparison
     * @param outDir output folder, created when missing
     * @throws IOException when a file cannot be written; nothing is left under the final names then
     */
    public static void writeAll(Comparison c, Path outDir) throws IOException {
        AtomicFiles.writeAll(outDir, files(c));
    }

    /** @return file name → content of every output */
    public static Map<String, AtomicFiles.Content> files(Comparison c) {
        Map<String, AtomicFiles.Content> files = new LinkedHashMap<>();
        files.put("comparison.json", out -> Json.write(ComparisonJson.toJson(c), out));
        files.put("comparison.csv", out -> ComparisonCsv.write(c, out));
        files.put("report.pdf", out -> ComparisonReport.writePdf(c, out));
        files.put("report.png", out -> ComparisonReport.writePng(c, out));
        for (ExamInput e : c.exams()) {
            String name = analysisFileName(e.label());
            for (int k = 2; files.containsKey(name); k++) {
                name = analysisFileName(e.label() + "-" + k);
            }
            files.put(name, out -> Json.write(AnalysisJson.toJson(e.analysis()), out));
        }
        return files;
    }

    /**
     * @param label an exam label
     * @return {@code analysis-<label>.json}, with characters other than letters, digits, {@code . _ -}
     *         replaced by {@code _} (a clash between two exams' names gets {@code -2}, {@code -3}, ... appended)
     */
    public static String analysisFileName(String label) {
        return "analysis-" + label.replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
    }
}
