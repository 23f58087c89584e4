package org.ceusperfusion.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.model.LognormalSpreadModel;

/**
 * Checks that the exams of a comparison were acquired and analysed alike, and warns, naming the
 * differing values, when they were not.
 *
 * <p>Compared: dynamic range (or linear data), bolus model, an onset window fitted in some exams only, frame
 * interval (±1 %), pixel size (±1 %)
 * and the DICOM tags Manufacturer, ManufacturerModelName and TransducerData (only values known in at
 * least two exams are compared; an unknown value is shown as {@code ?}). Amplitudes (PE, AUC, WiR, ...)
 * are not comparable across scanners, probes, presets or dynamic ranges: those warnings point to the
 * reference-normalised changes when every exam has a reference ROI, and suggest adding one otherwise.
 */
public final class SettingsConsistency {
    /** Scanner tags compared, with the words used in warnings. */
    static final String[][] TAGS = {
        {"Manufacturer", "scanner manufacturer"},
        {"ManufacturerModelName", "scanner model"},
        {"TransducerData", "probe (TransducerData)"}};

    private SettingsConsistency() {
    }

    /** @return one warning per differing setting, in a fixed order */
    static List<String> warnings(List<ExamInput> exams) {
        List<String> w = new ArrayList<>();
        String amplitudes = amplitudeAdvice(exams);
        differ(w, exams, "dynamic range", SettingsConsistency::dynamicRange, amplitudes);
        differ(w, exams, "model fitted", e -> fittedModel(e), "parameters (mTT above all) differ by model alone;"
                + " refit with one --model for every exam (--model auto picks the lowest summed AICc)");
        onsetWindows(w, exams);
        assumed(w, exams);
        differNumbers(w, exams, "frame interval", e -> e.analysis().input().frameIntervalS(), " s",
                "temporal sampling differs: TTP, RT and WiR resolution differ");
        differNumbers(w, exams, "pixel size", e -> e.analysis().input().pixelSizeMm(), " mm",
                "zoom or depth differs; " + amplitudes);
        for (String[] tag : TAGS) {
            differTag(w, exams, tag[0], tag[1], amplitudes);
        }
        return w;
    }

    /**
     * What the one-sentence summary must say when the exams' numbers are not comparable as they stand: a dynamic
     * range or a fitted model that differs between exams changes every amplitude (and, for the model, mTT and AUC)
     * by the setting alone, so the headline change and the response it decides are not reliable.
     *
     * @return e.g. {@code dynamic range differs between exams (baseline 40 dB, D14 50 dB)}, the two joined by
     *         {@code "; "} when both differ, or {@code null} when neither does
     */
    static String headlineCaveat(List<ExamInput> exams) {
        List<String> w = new ArrayList<>();
        differ(w, exams, "dynamic range", SettingsConsistency::dynamicRange, "");
        differ(w, exams, "model fitted", SettingsConsistency::fittedModel, "");
        if (w.isEmpty()) {
            return null;
        }
        return String.join("; ", w.stream().map(s -> s.substring("DIFFERENT SETTINGS: ".length(), s.length() - 2))
                .toList());
    }

    private static String dynamicRange(ExamInput e) {
        AnalysisSettings s = e.analysis().settings();
        return s.linear() ? "linear" : ComparisonBuilder.fmt(s.dynamicRangeDb()) + " dB";
    }

    /** @return the model actually fitted, with the requested label when it differs (e.g. {@code gamma (auto)}) */
    public static String fittedModelLabel(ExamInput e) {
        String fitted = fittedModel(e);
        String asked = e.analysis().settings().model();
        return fitted.equalsIgnoreCase(asked) ? fitted : fitted + " (" + asked + ")";
    }

    /** @return the model actually fitted to the exam's target ROI (not the requested label, e.g. auto) */
    static String fittedModel(ExamInput e) {
        var fit = e.roi().fit();
        return fit == null || fit.model() == null ? e.analysis().settings().model() : fit.model().name();
    }

    /**
     * A target fitted as the lognormal averaged over an onset window ({@link LognormalSpreadModel}) in some exams
     * only: still the lognormal (no model warning), but mTT is then measured from the earliest onset, so said.
     */
    private static void onsetWindows(List<String> w, List<ExamInput> exams) {
        List<String> with = new ArrayList<>();
        for (ExamInput e : exams) {
            var fit = e.roi().fit();
            if (fit != null && fit.model() instanceof LognormalSpreadModel && fit.hasParameters()) {
                with.add(String.format(Locale.ROOT, "%s, W %.1f s", e.label(), fit.params()[LognormalSpreadModel.W]));
            }
        }
        if (!with.isEmpty() && with.size() < exams.size()) {
            w.add("onset window fitted in " + String.join("; ", with) + " only: that target's pixels start spread over"
                    + " W seconds and its lognormal was averaged over them; PE, AUC and TTP compare as they stand, its"
                    + " mTT is measured from the earliest onset");
        }
    }

    private static void assumed(List<String> w, List<ExamInput> exams) {
        List<String> labels = exams.stream().filter(e -> e.analysis().settings().dynamicRangeAssumed())
                .map(ExamInput::label).toList();
        if (!labels.isEmpty()) {
            w.add("dynamic range assumed (" + AnalysisSettings.DEFAULT_DYNAMIC_RANGE_DB + " dB default, not given) for "
                    + String.join(", ", labels) + ": amplitude changes (PE, AUC, ...) depend on it; give --dynamic-range"
                    + " or --preset");
        }
    }

    private static String amplitudeAdvice(List<ExamInput> exams) {
        boolean refs = exams.stream().allMatch(e -> e.reference() != null);
        String base = "absolute amplitude changes (PE, AUC, WiR, ...) are unsafe; ";
        return base + (refs ? "use the reference-normalised changes (ratio to ROI '" + exams.get(0).reference().name()
                + "')" : "add a reference ROI (--reference-roi) in every exam to compare reference-normalised values");
    }

    private static void differ(List<String> w, List<ExamInput> exams, String what, Function<ExamInput, String> value,
                               String consequence) {
        List<String> values = exams.stream().map(value).toList();
        if (values.stream().distinct().count() > 1) {
            w.add(message(exams, what, values, consequence));
        }
    }

    private static void differNumbers(List<String> w, List<ExamInput> exams, String what,
                                      Function<ExamInput, Double> value, String unit, String consequence) {
        List<Double> v = exams.stream().map(value).toList();
        List<Double> known = v.stream().filter(x -> x != null && Double.isFinite(x) && x > 0).toList();
        if (known.size() < 2) {
            return;
        }
        double lo = known.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double hi = known.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (hi - lo > 0.01 * lo) {
            List<String> texts = v.stream().map(x -> x == null ? "?" : fmt(x) + unit).toList();
            w.add(message(exams, what, texts, consequence));
        }
    }

    private static void differTag(List<String> w, List<ExamInput> exams, String tag, String what, String consequence) {
        List<String> v = exams.stream().map(e -> clean(e.scannerTags().get(tag))).toList();
        List<String> known = v.stream().filter(x -> x != null).toList();
        if (known.size() >= 2 && known.stream().distinct().count() > 1) {
            w.add(message(exams, what, v.stream().map(x -> x == null ? "?" : x).toList(), consequence));
        }
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String message(List<ExamInput> exams, String what, List<String> values, String consequence) {
        StringBuilder sb = new StringBuilder("DIFFERENT SETTINGS: ").append(what).append(" differs between exams (");
        for (int i = 0; i < exams.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(exams.get(i).label()).append(' ').append(values.get(i));
        }
        return sb.append("): ").append(consequence).toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
