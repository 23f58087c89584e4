package org.ceusperfusion.cli;

import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.InputException;
import picocli.CommandLine.Option;

/**
 * The per-exam options of {@code compare}: labels, days, volumes, necrosis and lesion diameters, each a
 * comma list with one entry per loop (an empty entry means unknown).
 */
final class ExamListOptions {
    @Option(names = "--labels", paramLabel = "L1,L2,...", description = "Exam labels (default baseline, D<day> or exam<n>).")
    String labels;

    @Option(names = "--days", paramLabel = "D1,D2,...", description = "Day of each exam (baseline 0).")
    String days;

    @Option(names = "--volume-ml", paramLabel = "V1,V2,...", description = "Tumour volume per exam, ml (from CT/MR).")
    String volumesMl;

    @Option(names = "--necrosis-pct", paramLabel = "N1,N2,...", description = "Necrosis per exam, % (from CT/MR).")
    String necrosisPct;

    @Option(names = "--diameters-mm", paramLabel = "\"a,b;c,d\"",
            description = "Target-lesion diameters per exam, mm: lesions by ',', exams by ';'.")
    String diametersMm;

    /** @return labels for {@code n} exams */
    List<String> labels(int n, List<Double> dayList) {
        if (labels != null) {
            List<String> l = split("--labels", labels, n);
            for (String s : l) {
                if (s.isBlank()) {
                    throw new InputException("--labels", "labels must not be empty");
                }
            }
            if (l.stream().distinct().count() != l.size()) {
                throw new InputException("--labels", "labels must be distinct: " + labels);
            }
            return l;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Double d = dayList.get(i);
            out.add(i == 0 ? "baseline" : d != null ? "D" + Summaries.fmt(d) : "exam" + (i + 1));
        }
        return out;
    }

    List<Double> days(int n) {
        return numbers("--days", days, n);
    }

    List<Double> volumesMl(int n) {
        return positive("--volume-ml", numbers("--volume-ml", volumesMl, n));
    }

    List<Double> necrosisPct(int n) {
        List<Double> v = numbers("--necrosis-pct", necrosisPct, n);
        for (Double x : v) {
            if (x != null && !(x >= 0 && x <= 100)) {
                throw new InputException("--necrosis-pct", "must be between 0 and 100, got " + x);
            }
        }
        return v;
    }

    List<double[]> diametersMm(int n) {
        List<double[]> out = new ArrayList<>();
        if (diametersMm == null) {
            for (int i = 0; i < n; i++) {
                out.add(null);
            }
            return out;
        }
        String[] exams = diametersMm.split(";", -1);
        if (exams.length != n) {
            throw new InputException("--diameters-mm", "has " + exams.length + " exams (';'-separated), expected " + n);
        }
        for (String e : exams) {
            if (e.isBlank()) {
                out.add(null);
                continue;
            }
            String[] parts = e.split(",");
            if (parts.length > 5) {
                throw new InputException("--diameters-mm", "at most 5 target lesions per exam, got " + parts.length);
            }
            double[] d = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                d[i] = parse("--diameters-mm", parts[i]);
                if (!(d[i] >= 0)) {
                    throw new InputException("--diameters-mm", "diameters must be non-negative mm, got " + parts[i]);
                }
            }
            out.add(d);
        }
        return out;
    }

    private static List<Double> numbers(String option, String value, int n) {
        List<Double> out = new ArrayList<>();
        if (value == null) {
            for (int i = 0; i < n; i++) {
                out.add(null);
            }
            return out;
        }
        for (String s : split(option, value, n)) {
            out.add(s.isBlank() ? null : parse(option, s));
        }
        return out;
    }

    private static List<Double> positive(String option, List<Double> v) {
        for (Double x : v) {
            if (x != null && !(x > 0)) {
                throw new InputException(option, "values must be positive, got " + x);
            }
        }
        return v;
    }

    private static List<String> split(String option, String value, int n) {
        String[] parts = value.split(",", -1);
        if (parts.length != n) {
            throw new InputException(option, "has " + parts.length + " values, expected one per loop (" + n + ")");
        }
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            out.add(p.trim());
        }
        return out;
    }

    private static double parse(String option, String s) {
        try {
            double d = Double.parseDouble(s.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InputException(option, "'" + s.trim() + "' is not a number");
        }
    }
}
