package org.ceusperfusion.tic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ceusperfusion.InputException;

/**
 * Reads a time-intensity curve table: what {@code tic.csv} writes, a scanner's TIC export, or a table
 * saved from ImageJ (Plot › List, Results).
 *
 * <p>Rules:
 * <ul>
 *   <li>Separator: {@code ;} or tab when the header holds one, else {@code ,}. With {@code ;} or tab,
 *       a decimal comma ({@code 1,5}) is read as {@code 1.5} when no cell holds a decimal point.</li>
 *   <li>The first line is a header. The <b>time column</b> is found by name, case-insensitively and
 *       ignoring spaces, brackets and underscores: {@code time, time_s, t, t_s, Time (s), time [s], seconds,
 *       sec, s, x} are seconds; {@code time_ms, Time (ms), time [ms], ms} are milliseconds (÷ 1000).
 *       Without a header (the first line is all numbers) the first column is time in seconds and the
 *       others are called {@code roi1, roi2, ...}.</li>
 *   <li>Every other column holding numbers is a ROI, named by its header, except: an unnamed column or one
 *       called {@code frame}, {@code index}, {@code slice} or {@code #} (a frame counter), the fitted curves of
 *       {@code tic.csv} ({@code <roi>_fit}, model output, not data) and its bookkeeping columns
 *       ({@code dx_px, dy_px, similarity, reason}). Columns with no number at all (text labels) are skipped.
 *       Smoothed copies some tools add (e.g. {@code dia_filt}) are data and are kept as ROIs.</li>
 *   <li>A {@code used} column (as {@code tic.csv} writes) with {@code 0} marks frames to leave out.</li>
 *   <li>Empty cells, {@code NaN} and {@code NA} are missing values. Rows without a time are dropped; times
 *       must increase strictly.</li>
 * </ul>
 * Values are returned as read (intensities); linearisation is the caller's choice.
 */
public final class CurveCsv {
    private static final Pattern SECONDS = Pattern.compile("time|times|timesec|timeins|timeinsec|t|ts|tsec|seconds|sec|s|x|acquisitiontime|zeit|zeits|temps|tiempo|tempo");
    private static final Pattern MILLIS = Pattern.compile("timems|timeinms|timemsec|ms|msec|milliseconds|t_ms|tms|zeitms");
    private static final List<String> COUNTERS = List.of("", "(unnamed)", "frame", "frames", "index", "slice", "#", "no", "n");
    private static final List<String> BOOKKEEPING = List.of("dx_px", "dy_px", "similarity", "reason");

    /**
     * A curve table.
     *
     * @param timesS     sample times, s, strictly increasing
     * @param names      ROI column names, in file order
     * @param values     per ROI (order of {@code names}), the value of each sample (NaN when missing)
     * @param used       per sample: {@code false} when a {@code used} column holds 0 (all {@code true} otherwise)
     * @param timeColumn the header of the time column
     * @param timeUnit   {@code s} or {@code ms}, as read
     * @param skipped    headers of the columns not taken as ROIs (besides time)
     */
    public record Table(double[] timesS, List<String> names, List<double[]> values, boolean[] used,
                        String timeColumn, String timeUnit, List<String> skipped) {
        /** @return number of samples */
        public int size() {
            return timesS.length;
        }
    }

    private CurveCsv() {
    }

    /** @return whether {@code path} names a curve table by its extension ({@code .csv}, {@code .tsv}, {@code .txt}) */
    public static boolean isCurveFile(Path path) {
        String n = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt");
    }

    /**
     * @param path the file
     * @return the table
     * @throws InputException when it cannot be read or is not a curve table (message names the problem)
     */
    public static Table read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            try {
                text = Files.readString(path, StandardCharsets.ISO_8859_1);
            } catch (IOException e2) {
                throw new InputException(path.toString(), "cannot read: " + e2.getMessage(), e2);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(path.toString(), "no such file");
        } catch (IOException e) {
            throw new InputException(path.toString(), "cannot read: " + e.getMessage(), e);
        }
        return parse(text, path.toString());
    }

    /**
     * @param text   the table's text
     * @param source name used in error messages
     * @return the table
     * @throws InputException when it is not a curve table
     */
    public static Table parse(String text, String source) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\r\n|\n|\r")) {
            if (!l.isBlank() && !l.startsWith("//") && !l.startsWith("#")) {
                lines.add(l);
            }
        }
        if (lines.isEmpty()) {
            throw new InputException(source, "empty file: expected a header (time_s and one column per ROI) and rows");
        }
        char sep = separator(lines.get(lines.size() - 1));
        List<String[]> rows = new ArrayList<>();
        for (String l : lines) {
            rows.add(split(l, sep));
        }
        boolean decimalComma = sep != ',' && usesDecimalComma(rows);
        int first = firstDataRow(rows, decimalComma);
        if (first == 0) {
            return CurveColumns.build(source, defaultHeader(rows.get(0).length), rows, decimalComma);
        }
        String[] header = rows.get(first - 1);
        if (first >= 2 && isUnitsRow(header, rows.get(first - 2), rows.get(first), decimalComma)) {
            header = withUnits(rows.get(first - 2), header);
        }
        return CurveColumns.build(source, header, new ArrayList<>(rows.subList(first, rows.size())), decimalComma);
    }

    /**
     * @return the index of the first data row: the first row (of at least 2 cells) whose first cell is a number
     *         and at least half of whose cells are numbers or missing, or 1 when there is none (the header is the
     *         first line and the builder reports what is wrong); rows before the header are a preamble (patient,
     *         scanner, export settings) and are dropped
     */
    static int firstDataRow(List<String[]> rows, boolean decimalComma) {
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            Double t = row.length >= 2 ? number(row[0], decimalComma) : null;
            if (t == null || t.isNaN()) {
                continue;
            }
            int numeric = 0;
            for (String c : row) {
                numeric += number(c, decimalComma) != null ? 1 : 0;
            }
            if (2 * numeric >= row.length) {
                return r;
            }
        }
        return Math.min(1, rows.size());
    }

    /** @return whether {@code units} (between {@code header} and the first data row) is a row of units only */
    private static boolean isUnitsRow(String[] units, String[] header, String[] data, boolean decimalComma) {
        if (units.length != header.length || header.length != data.length) {
            return false;
        }
        for (int c = 0; c < units.length; c++) {
            Double v = number(units[c], decimalComma);
            if ((v != null && !v.isNaN()) || units[c].length() > 12 || number(header[c], decimalComma) != null
                    && !header[c].isEmpty()) {
                return false;
            }
        }
        return timeUnit(units[0]) != null || java.util.Arrays.stream(header).anyMatch(h -> timeUnit(h) != null);
    }

    /** @return the header with a column's unit appended where that makes it a time column ({@code Time} + {@code ms}) */
    private static String[] withUnits(String[] header, String[] units) {
        String[] h = header.clone();
        for (int c = 0; c < h.length; c++) {
            String merged = h[c] + " [" + units[c] + "]";
            if (!units[c].isEmpty() && timeUnit(merged) != null) {
                h[c] = merged;
            }
        }
        return h;
    }

    private static String[] defaultHeader(int n) {
        String[] h = new String[n];
        h[0] = "time_s";
        for (int i = 1; i < n; i++) {
            h[i] = "roi" + i;
        }
        return h;
    }

    static char separator(String header) {
        if (header.indexOf('\t') >= 0) {
            return '\t';
        }
        return header.indexOf(';') >= 0 ? ';' : ',';
    }

    /** Splits one line, honouring double quotes. */
    static String[] split(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == sep && !quoted) {
                out.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString().trim());
        return out.toArray(new String[0]);
    }

    private static boolean usesDecimalComma(List<String[]> rows) {
        boolean comma = false;
        for (int r = 1; r < rows.size(); r++) {
            for (String c : rows.get(r)) {
                if (c.indexOf('.') >= 0 && number(c, false) != null) {
                    return false;
                }
                comma |= c.indexOf(',') >= 0;
            }
        }
        return comma;
    }

    private static boolean allNumbers(String[] row, boolean decimalComma) {
        for (String c : row) {
            if (number(c, decimalComma) == null) {
                return false;
            }
        }
        return true;
    }

    /** @return the number in {@code cell}, NaN for a missing value, or {@code null} when it is text */
    static Double number(String cell, boolean decimalComma) {
        String c = cell.trim();
        if (c.isEmpty() || c.equalsIgnoreCase("nan") || c.equalsIgnoreCase("na") || c.equals("-")) {
            return Double.NaN;
        }
        if (decimalComma) {
            c = c.replace(',', '.');
        }
        try {
            return Double.parseDouble(c);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @return {@code s}, {@code ms} or {@code null} when {@code header} does not name a time column */
    static String timeUnit(String header) {
        String h = header.toLowerCase(Locale.ROOT).replaceAll("[\\s\\[\\]()_/\\-]", "")
                .replaceFirst("^(elapsed|relative|acquisition)", "");
        if (MILLIS.matcher(h).matches()) {
            return "ms";
        }
        return SECONDS.matcher(h).matches() || SECONDS.matcher(header.toLowerCase(Locale.ROOT).trim()).matches()
                ? "s" : null;
    }

    /** @return whether a column of this name is not a ROI whatever it holds */
    static boolean isSkippedName(String header) {
        String h = header.toLowerCase(Locale.ROOT).trim();
        return COUNTERS.contains(h) || BOOKKEEPING.contains(h) || h.endsWith("_fit");
    }
}
