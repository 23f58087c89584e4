package org.ceusperfusion.tic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ceusperfusion.InputException;

/** Turns the parsed cells of a curve table into its columns (helper of {@link CurveCsv}). */
final class CurveColumns {
    private static final int MIN_SAMPLES = 4;

    private CurveColumns() {
    }

    static CurveCsv.Table build(String source, String[] header, List<String[]> rows, boolean decimalComma) {
        int time = timeColumn(source, header);
        String unit = CurveCsv.timeUnit(header[time]);
        double scale = "ms".equals(unit) ? 1e-3 : 1;
        double[][] cols = new double[header.length][];
        boolean[] text = new boolean[header.length];
        for (int c = 0; c < header.length; c++) {
            cols[c] = column(rows, c, decimalComma);
            text[c] = cols[c] == null;
        }
        if (text[time]) {
            throw new InputException(source, "the time column '" + header[time] + "' holds text");
        }
        int[] keep = rowsWithTime(cols[time]);
        if (keep.length < MIN_SAMPLES) {
            throw new InputException(source, "only " + keep.length + " rows with a time; a curve needs at least "
                    + MIN_SAMPLES);
        }
        double[] t = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            t[i] = cols[time][keep[i]] * scale;
            if (i > 0 && !(t[i] > t[i - 1])) {
                throw new InputException(source, "times must increase: row " + (keep[i] + 2) + " has "
                        + cols[time][keep[i]] + " after " + cols[time][keep[i - 1]]);
            }
        }
        List<String> names = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        boolean[] used = new boolean[keep.length];
        Arrays.fill(used, true);
        for (int c = 0; c < header.length; c++) {
            if (c == time) {
                continue;
            }
            String name = header[c].trim().isEmpty() ? "(unnamed)" : header[c].trim();
            if (name.equalsIgnoreCase("used") && !text[c]) {
                for (int i = 0; i < keep.length; i++) {
                    used[i] = !(cols[c][keep[i]] == 0);
                }
                continue;
            }
            if (text[c] || CurveCsv.isSkippedName(name) || isIndexColumn(cols[c], keep)) {
                skipped.add(name);
                continue;
            }
            names.add(unique(name, names));
            values.add(pick(cols[c], keep));
        }
        if (names.isEmpty()) {
            throw new InputException(source, "no intensity column besides time '" + header[time]
                    + "' (expected one numeric column per ROI)");
        }
        return new CurveCsv.Table(t, List.copyOf(names), List.copyOf(values), used, header[time], unit,
                List.copyOf(skipped));
    }

    private static int timeColumn(String source, String[] header) {
        for (int c = 0; c < header.length; c++) {
            if (CurveCsv.timeUnit(header[c]) != null) {
                return c;
            }
        }
        throw new InputException(source, "no time column: name one time_s, time, t, 'Time (s)' or time_ms (found "
                + String.join(", ", header) + ")");
    }

    /** @return the column's numbers (NaN when missing), or {@code null} when some cell holds text */
    private static double[] column(List<String[]> rows, int c, boolean decimalComma) {
        double[] v = new double[rows.size()];
        boolean any = false;
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            Double x = c < row.length ? CurveCsv.number(row[c], decimalComma) : Double.valueOf(Double.NaN);
            if (x == null) {
                return null;
            }
            v[r] = x;
            any |= !Double.isNaN(x);
        }
        return any ? v : null;
    }

    private static int[] rowsWithTime(double[] t) {
        return java.util.stream.IntStream.range(0, t.length).filter(i -> Double.isFinite(t[i])).toArray();
    }

    /** An unnamed counter: the values 0..n−1 or 1..n in order. */
    private static boolean isIndexColumn(double[] v, int[] keep) {
        double first = v[keep[0]];
        if (first != 0 && first != 1) {
            return false;
        }
        for (int i = 0; i < keep.length; i++) {
            if (v[keep[i]] != first + i) {
                return false;
            }
        }
        return true;
    }

    private static double[] pick(double[] v, int[] keep) {
        double[] out = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            out[i] = v[keep[i]];
        }
        return out;
    }

    private static String unique(String name, List<String> taken) {
        String n = name.isEmpty() ? "roi" : name;
        String u = n;
        for (int k = 2; taken.contains(u); k++) {
            u = n + "_" + k;
        }
        return u;
    }
}
