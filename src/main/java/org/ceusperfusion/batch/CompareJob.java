package org.ceusperfusion.batch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ComparisonBuilder;
import org.ceusperfusion.compare.ExamInput;
import org.ceusperfusion.report.ComparisonWriter;

/** Compares the rows of one patient in {@code day} order and writes the comparison into its folder. */
final class CompareJob {
    private final BatchOptions options;
    private final RowJob rows;

    CompareJob(BatchOptions options, RowJob rows) {
        this.options = options;
        this.rows = rows;
    }

    /** @return the patient's rows in day order (stable; rows without a day last) */
    static List<ManifestRow> inDayOrder(List<ManifestRow> members) {
        List<ManifestRow> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing(CompareJob::dayOrNull, Comparator.nullsLast(Comparator.naturalOrder())));
        return sorted;
    }

    private static Double dayOrNull(ManifestRow r) {
        try {
            return r.number("day");
        } catch (InputException e) {
            return null;
        }
    }

    /** @return the fingerprint of the comparison: those of its rows, in manifest order */
    String fingerprint(String patient, List<ManifestRow> members) throws IOException {
        StringBuilder sb = new StringBuilder("compare\n").append(patient).append('\n');
        for (ManifestRow r : members) {
            sb.append(rows.fingerprint(r)).append('\n');
        }
        return RowJob.sha256(sb.toString());
    }

    /**
     * Makes the comparison, or reuses it under {@code --resume}.
     *
     * @param analyses the analysis of a row of this run, or {@code null} when it must be analysed again
     * @param failures the error line of a row that failed in this run, or {@code null}
     */
    ItemResult run(String patient, List<ManifestRow> members, Function<String, LoopAnalysis> analyses,
                   Function<String, String> failures) {
        String id = Manifest.compareId(patient);
        String folderName = Manifest.compareFolder(patient);
        Path folder = options.outDir().resolve(folderName);
        Map<String, String> base = new LinkedHashMap<>();
        base.put("row", Integer.toString(members.get(0).rowNumber()));
        base.put("patient", patient);
        try {
            String fp = fingerprint(patient, members);
            if (options.resume()) {
                Map<String, String> done = ItemMarker.readIfComplete(folder, fp);
                if (done != null) {
                    return new ItemResult(id, true, "", folderName, done, true);
                }
            }
            List<ExamInput> exams = exams(inDayOrder(members), analyses, failures);
            Comparison c = ComparisonBuilder.compare(exams);
            ItemMarker.reset(folder);
            ComparisonWriter.writeAll(c, folder);
            Map<String, String> fields = new LinkedHashMap<>(base);
            fields.put("exams", String.join(";", exams.stream().map(ExamInput::label).toList()));
            fields.put("size_response", c.response().size() == null ? "" : String.valueOf(c.response().size().category()));
            fields.put("perfusion_response", c.response().perfusion() == null ? "" : c.response().perfusion().category());
            ItemMarker.write(folder, fp, fields);
            return new ItemResult(id, true, "", folderName, fields, false);
        } catch (Throwable e) {
            return new ItemResult(id, false, RowJob.message(e), "", base, false);
        }
    }

    private List<ExamInput> exams(List<ManifestRow> ordered, Function<String, LoopAnalysis> analyses,
                                  Function<String, String> failures) {
        List<ExamInput> exams = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            ManifestRow r = ordered.get(i);
            String failed = failures.apply(r.id());
            if (failed != null) {
                throw new InputException("row " + r.id(), "cannot be compared: " + failed);
            }
            LoopAnalysis a = analyses.apply(r.id());
            if (a == null) {
                a = analyzeAgain(r);
            }
            exams.add(new ExamInput(label(r, i), r.number("day"), a, null, positive(r, "volume_ml"),
                    necrosis(r), r.diametersMm()));
        }
        return exams;
    }

    /** Analyses a row of another shard or job in memory; its failure reads as in the row's own run. */
    private LoopAnalysis analyzeAgain(ManifestRow r) {
        try {
            return rows.analyze(r);
        } catch (RuntimeException e) {
            throw new InputException("row " + r.id(), "cannot be compared: " + RowJob.message(e), e);
        }
    }

    /** @return the row's label, or {@code baseline} for the first exam, {@code D<day>}, {@code exam<n>} */
    static String label(ManifestRow r, int position) {
        String l = r.text("label");
        if (l != null) {
            return l;
        }
        Double day = null;
        try {
            day = r.number("day");
        } catch (InputException e) {
            // reported when the exam is built
        }
        return position == 0 ? "baseline"
                : day != null ? "D" + BigDecimal.valueOf(day).stripTrailingZeros().toPlainString() : "exam" + (position + 1);
    }

    static Double positive(ManifestRow r, String column) {
        Double v = r.number(column);
        if (v != null && !(v > 0)) {
            throw new InputException(r.source(column), "must be positive, got " + v);
        }
        return v;
    }

    static Double necrosis(ManifestRow r) {
        Double v = r.number("necrosis_pct");
        if (v != null && !(v >= 0 && v <= 100)) {
            throw new InputException(r.source("necrosis_pct"), "must be between 0 and 100, got " + v);
        }
        return v;
    }
}
