package org.ceusperfusion.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ceusperfusion.InputException;

/**
 * Parses the per-exam lists shared by the CLI options and the ImageJ macro keys: {@code "0,14"} (one
 * value per exam, an empty entry meaning unknown), {@code "84,80;88,84"} (exams by {@code ;}, values by
 * {@code ,}) and {@code "0,1"} flags. Every error names the option and is an {@link InputException}.
 */
public final class ExamLists {
    private ExamLists() {
    }

    /** @return {@code value} split at commas into {@code n} trimmed entries */
    public static List<String> split(String option, String value, int n) {
        String[] parts = value.split(",", -1);
        if (parts.length != n) {
            throw new InputException(option, "has " + parts.length + " values, expected one per exam (" + n + ")");
        }
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            out.add(p.trim());
        }
        return out;
    }

    /** @return one number (or {@code null} for an empty entry) per exam; all {@code null} when value is null */
    public static List<Double> numbers(String option, String value, int n) {
        List<Double> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
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

    /** @return per exam the non-negative numbers of {@code "a,b;c,d"}, {@code null} for an empty exam */
    public static List<double[]> perExam(String option, String value, int n) {
        List<double[]> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            for (int i = 0; i < n; i++) {
                out.add(null);
            }
            return out;
        }
        String[] exams = value.split(";", -1);
        if (exams.length != n) {
            throw new InputException(option, "has " + exams.length + " exams (';'-separated), expected " + n);
        }
        for (String e : exams) {
            if (e.isBlank()) {
                out.add(null);
                continue;
            }
            String[] parts = e.split(",");
            double[] d = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                d[i] = parse(option, parts[i]);
                if (!(d[i] >= 0)) {
                    throw new InputException(option, "diameters must be non-negative mm, got " + parts[i].trim());
                }
            }
            out.add(d);
        }
        return out;
    }

    /** @return one flag per exam from {@code 1/0, yes/no, true/false} (empty = no); the baseline must be no */
    public static List<Boolean> flags(String option, String value, int n) {
        List<Boolean> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            for (int i = 0; i < n; i++) {
                out.add(false);
            }
            return out;
        }
        for (String s : split(option, value, n)) {
            String v = s.toLowerCase(Locale.ROOT);
            if (v.isEmpty() || v.equals("0") || v.equals("no") || v.equals("false")) {
                out.add(false);
            } else if (v.equals("1") || v.equals("yes") || v.equals("true")) {
                out.add(true);
            } else {
                throw new InputException(option, "'" + s + "' is not 1/0, yes/no or true/false");
            }
        }
        if (out.get(0)) {
            throw new InputException(option, "the baseline cannot have a new lesion");
        }
        return out;
    }

    /** @return {@code s} as a finite number */
    public static double parse(String option, String s) {
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

    /**
     * @return the comparison options from the rule keys (parameter, threshold %, day or {@code none}) and
     *         the diameter SD
     */
    public static ComparisonOptions options(String parameter, double thresholdPct, String day, double diameterSdMm,
                                            long seed) {
        if (!(diameterSdMm >= 0 && diameterSdMm < 100)) {
            throw new InputException("--diameter-sd", "must be between 0 and 100 mm, got " + diameterSdMm);
        }
        org.ceusperfusion.params.PerfusionParameter p;
        try {
            p = org.ceusperfusion.params.PerfusionParameter.fromLabel(parameter);
        } catch (IllegalArgumentException e) {
            throw new InputException("--response-parameter", e.getMessage());
        }
        if (p == org.ceusperfusion.params.PerfusionParameter.QOF) {
            throw new InputException("--response-parameter", "QOF describes the fit, not perfusion");
        }
        if (!(thresholdPct > -100) || !Double.isFinite(thresholdPct)) {
            throw new InputException("--response-threshold", "must be above -100 %, got " + thresholdPct);
        }
        Double d = day == null || day.isBlank() || day.equalsIgnoreCase("none") ? null : parse("--response-day", day);
        return new ComparisonOptions(PerfusionRule.of(p, thresholdPct, d), diameterSdMm, seed);
    }
}
