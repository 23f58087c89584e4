package org.ceusperfusion.batch;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.ceusperfusion.InputException;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.report.AtomicFiles;

/**
 * {@code summary.csv}: one line per manifest row and one per comparison.
 *
 * <p>Columns: {@code id,status,message,output}, then {@code row} (the 1-based manifest row; for a
 * comparison the patient's first row), {@code patient,label,day,roi,fit_status,r2,non_enhancing_fraction},
 * then per perfusion parameter {@code P,P_lo,P_hi} (value and 95 % CI of the target ROI), then for
 * comparisons {@code exams,size_response,perfusion_response}. Lines are ordered: manifest rows by
 * {@code row}, then comparisons by {@code row}; a merge of shards therefore equals the unsharded summary.
 */
public final class Summary {
    /** Status of an item whose outputs were written. */
    public static final String OK = "ok";
    /** Status of an item that failed; its {@code message} says why. */
    public static final String ERROR = "error";
    /** Every column, in order. */
    public static final List<String> COLUMNS = columns();

    private Summary() {
    }

    private static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("id", "status", "message", "output", "row", "patient", "label",
                "day", "roi", "fit_status", "r2", "non_enhancing_fraction"));
        for (PerfusionParameter p : PerfusionParameter.values()) {
            c.add(p.label());
            c.add(p.label() + "_lo");
            c.add(p.label() + "_hi");
        }
        c.addAll(List.of("exams", "size_response", "perfusion_response"));
        return Collections.unmodifiableList(c);
    }

    /** @return the lines sorted: rows by {@code row}, then comparisons by {@code row} */
    public static List<Map<String, String>> sorted(List<Map<String, String>> lines) {
        List<Map<String, String>> out = new ArrayList<>(lines);
        out.sort(Comparator.comparing((Map<String, String> m) -> m.getOrDefault("id", "").startsWith("compare:"))
                .thenComparingLong(m -> rowOf(m)).thenComparing(m -> m.getOrDefault("id", "")));
        return out;
    }

    private static long rowOf(Map<String, String> m) {
        try {
            return Long.parseLong(m.getOrDefault("row", ""));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Writes a summary atomically, lines sorted ({@link #sorted}).
     *
     * @param file  the summary file
     * @param lines column → value per line; missing columns are left empty
     * @throws IOException when it cannot be written (no file is left under {@code file} then)
     */
    public static void write(Path file, List<Map<String, String>> lines) throws IOException {
        List<Map<String, String>> sorted = sorted(lines);
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build());
            p.printRecord(COLUMNS);
            for (Map<String, String> line : sorted) {
                List<String> values = new ArrayList<>();
                for (String c : COLUMNS) {
                    values.add(line.getOrDefault(c, ""));
                }
                p.printRecord(values);
            }
            p.flush();
        });
    }

    /** Writes the summary of batch results ({@link #write(Path, List)}). */
    public static void writeResults(Path file, List<ItemResult> results) throws IOException {
        List<Map<String, String>> lines = new ArrayList<>();
        results.forEach(r -> lines.add(r.toRecord()));
        write(file, lines);
    }

    /**
     * Reads a summary written by {@link #write}.
     *
     * @return its lines as column → value, in file order
     * @throws InputException when the file is missing, is not a summary or is malformed
     */
    public static List<Map<String, String>> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file.toString(), "summary not found");
        }
        CSVFormat f = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = f.parse(r)) {
            if (!parser.getHeaderNames().containsAll(List.of("id", "status", "message", "output"))) {
                throw new InputException(file.toString(), "not a batch summary (header lacks id,status,message,output)");
            }
            List<Map<String, String>> lines = new ArrayList<>();
            for (CSVRecord rec : parser) {
                lines.add(new LinkedHashMap<>(rec.toMap()));
            }
            return lines;
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read summary: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new InputException(file.toString(), "malformed summary CSV: " + e.getMessage(), e);
        }
    }

    /**
     * Joins the summaries of shards (or of single Snakemake jobs) into one list, sorted like an unsharded run.
     *
     * @param parts the summary files
     * @return the merged lines
     * @throws InputException when a part cannot be read or two parts hold the same id
     */
    public static List<Map<String, String>> merge(List<Path> parts) {
        Map<String, Path> seen = new HashMap<>();
        List<Map<String, String>> all = new ArrayList<>();
        for (Path part : parts) {
            for (Map<String, String> line : read(part)) {
                Path before = seen.put(line.get("id"), part);
                if (before != null) {
                    throw new InputException(part.toString(), "id '" + line.get("id") + "' is also in " + before
                            + "; each item must be in one part only");
                }
                all.add(line);
            }
        }
        return sorted(all);
    }

    /** @return how many lines have status {@code error} */
    public static long errors(List<Map<String, String>> lines) {
        return lines.stream().filter(l -> !OK.equals(l.get("status"))).count();
    }
}
