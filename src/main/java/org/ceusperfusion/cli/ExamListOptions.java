package org.ceusperfusion.cli;

import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.compare.ComparisonOptions;
import org.ceusperfusion.compare.ExamLists;
import org.ceusperfusion.compare.RecistLike;
import picocli.CommandLine.Option;

/**
 * The per-exam options of {@code compare}: labels, days, volumes, necrosis, lesion diameters, new
 * lesions and ellipsoid diameters, each a list with one entry per loop (an empty entry means unknown),
 * plus the response options (diameter SD, perfusion rule, Monte Carlo seed).
 */
final class ExamListOptions {
    @Option(names = "--labels", paramLabel = "L1,L2,...", description = "Exam labels (default baseline, D<day> or exam<n>).")
    String labels;

    @Option(names = "--days", paramLabel = "D1,D2,...", description = "Day of each exam (baseline 0).")
    String days;

    @Option(names = "--volume-ml", paramLabel = "V1,V2,...", description = "Tumour volume per exam, ml (from CT/MR).")
    String volumesMl;

    @Option(names = "--necrosis-pct", paramLabel = "N1,N2,...", description = "Necrosis per exam, %% (from CT/MR).")
    String necrosisPct;

    @Option(names = "--diameters-mm", paramLabel = "\"a,b;c,d\"",
            description = "Target-lesion diameters per exam, mm: lesions by ',', exams by ';'.")
    String diametersMm;

    @Option(names = {"--new-lesions", "--new-lesion"}, paramLabel = "F1,F2,...",
            description = "New lesion seen at each exam: 1/0 or yes/no (a new lesion at a follow-up is PD).")
    String newLesions;

    @Option(names = "--volume-diameters-mm", paramLabel = "\"L,W,H;L,W,H\"",
            description = "Three tumour diameters per exam, mm, for an ellipsoid volume pi/6*L*W*H when --volume-ml is absent.")
    String volumeDiametersMm;

    @Option(names = "--diameter-sd", paramLabel = "MM", defaultValue = "1.5",
            description = "SD of one diameter measurement, mm (default ${DEFAULT-VALUE}).")
    double diameterSdMm = RecistLike.DEFAULT_SD_MM;

    @Option(names = "--response-parameter", paramLabel = "P", defaultValue = "AUC",
            description = "Parameter of the perfusion rule (default ${DEFAULT-VALUE}).")
    String responseParameter = "AUC";

    @Option(names = "--response-threshold", paramLabel = "PCT", defaultValue = "-40",
            description = "Responder when the change is below this percentage (default ${DEFAULT-VALUE}: a decrease of more than 40 percent).")
    double responseThresholdPct = -40;

    @Option(names = "--response-day", paramLabel = "DAY", defaultValue = "30",
            description = "Day at which the rule was validated, or 'none' (default ${DEFAULT-VALUE}, STIC).")
    String responseDay = "30";

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20140794",
            description = "Seed of the Monte Carlo size-response probabilities (default ${DEFAULT-VALUE}).")
    long seed = 20140794L;

    /** @return the response options */
    ComparisonOptions comparisonOptions() {
        return ExamLists.options(responseParameter, responseThresholdPct, responseDay, diameterSdMm, seed);
    }

    /** @return the new-lesion flag of each of {@code n} exams */
    List<Boolean> newLesions(int n) {
        return ExamLists.flags("--new-lesions", newLesions, n);
    }

    /** @return the ellipsoid diameters of each of {@code n} exams (three or none) */
    List<double[]> volumeDiametersMm(int n) {
        List<double[]> out = ExamLists.perExam("--volume-diameters-mm", volumeDiametersMm, n);
        for (double[] d : out) {
            if (d != null && d.length != 3) {
                throw new InputException("--volume-diameters-mm", "give three diameters L,W,H per exam, got " + d.length);
            }
        }
        return out;
    }

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
        List<double[]> out = ExamLists.perExam("--diameters-mm", diametersMm, n);
        for (double[] d : out) {
            if (d != null && d.length > 5) {
                throw new InputException("--diameters-mm", "at most 5 target lesions per exam, got " + d.length);
            }
        }
        return out;
    }

    private static List<Double> numbers(String option, String value, int n) {
        return ExamLists.numbers(option, value, n);
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
        return ExamLists.split(option, value, n);
    }
}
