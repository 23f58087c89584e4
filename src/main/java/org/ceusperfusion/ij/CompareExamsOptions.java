package org.ceusperfusion.ij;

import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.compare.ComparisonOptions;
import org.ceusperfusion.compare.ExamLists;
import org.ceusperfusion.compare.RecistLike;

/**
 * The parameters of {@code Compare Exams...}, independent of how they were gathered (dialog or macro).
 *
 * <p>Macro keys: {@code exams=[t1,t2,...]} (image titles of open images, or loop files), or
 * {@code baseline=[..] followup=[..]} (the follow-up may itself be a comma list); {@code labels},
 * {@code days}, {@code volume_ml}, {@code necrosis_pct}, {@code new_lesions} (one entry per exam,
 * comma-separated), {@code diameters_mm} and {@code volume_diameters_mm} ({@code "84,80;88,84"}: exams
 * by {@code ;}); {@code reference} (ROI Manager name of the reference ROI: {@code NAME-<label>} when
 * present, else {@code NAME}); {@code dynamic_range} (dB, default 40), {@code linear}, {@code model} ({@code auto}: every exam fitted
 * with the one model of lowest AICc summed over the exams, as {@code ceus compare --model auto});
 * {@code diameter_sd} (mm, 1.5); {@code response_parameter} (AUC), {@code response_threshold} (−40),
 * {@code response_day} (30 or {@code none}); {@code repeatability_cv} (test–retest CV as a fraction, 0.15 =
 * 15 %, added to the change intervals as {@code --repeatability-cv}; 0, the default: "measurement only");
 * {@code save_to} (a folder; empty: do not save).
 *
 * @param exams      per exam an image title or a file path
 * @param labels     exam labels, comma list or {@code null} (baseline, D&lt;day&gt;, exam&lt;n&gt;)
 * @param days       comma list or {@code null}
 * @param volumeMl   comma list or {@code null}
 * @param necrosisPct comma list or {@code null}
 * @param diametersMm {@code "a,b;c,d"} or {@code null}
 * @param volumeDiametersMm {@code "L,W,H;L,W,H"} or {@code null}
 * @param newLesions comma list of flags or {@code null}
 * @param reference  ROI Manager name of the reference ROI, or {@code null}
 * @param settings   linearisation and model
 * @param comparison response options
 * @param saveTo     output folder, or {@code null}
 */
public record CompareExamsOptions(List<String> exams, String labels, String days, String volumeMl,
                                  String necrosisPct, String diametersMm, String volumeDiametersMm,
                                  String newLesions, String reference, AnalysisSettings settings,
                                  ComparisonOptions comparison, String saveTo) {

    public CompareExamsOptions {
        exams = List.copyOf(exams);
        if (exams.size() < 2) {
            throw new InputException("exams=", "give at least two exams (image titles or files), got " + exams.size());
        }
        reference = blankToNull(reference);
        if (reference != null && reference.equalsIgnoreCase("none")) {
            reference = null;
        }
        saveTo = blankToNull(saveTo);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * @param m macro options
     * @return the parameters; absent keys take their defaults
     * @throws InputException when a value cannot be read
     */
    static CompareExamsOptions fromMacro(MacroOptions m) {
        var v = form("").fromMacro(m);
        List<String> exams = new ArrayList<>(items((String) v.get("exams")));
        if (exams.isEmpty()) {
            String base = m.string("baseline", null);
            if (base != null) {
                exams.add(base);
            }
            String follow = m.string("followup", null);
            if (follow != null) {
                exams.addAll(items(follow));
            }
        }
        return fromValues(exams, v);
    }

    /**
     * The fields of the dialog, in order; each label's first word is its macro key.
     *
     * @param exams the default exam list (the open images' titles)
     * @return the form
     */
    static OptionForm form(String exams) {
        return new OptionForm()
                .string("exams", "Exams (image titles or files, baseline first)", exams)
                .string("labels", "Labels (comma list)", "")
                .string("days", "Days (comma list)", "")
                .string("volume_ml", "Volume_ml (comma list)", "")
                .string("necrosis_pct", "Necrosis_pct (comma list)", "")
                .string("diameters_mm", "Diameters_mm (a,b;c,d)", "")
                .string("volume_diameters_mm", "Volume_diameters_mm (L,W,H;L,W,H)", "")
                .string("new_lesions", "New_lesions (comma list: yes/no)", "")
                .string("reference", "Reference ROI name (ROI Manager)", "none")
                .number("dynamic_range", "Dynamic_range", AnalysisSettings.DEFAULT_DYNAMIC_RANGE_DB, "dB")
                .flag("linear", "Linear data (no log compression)", false)
                .choice("model", "Model", AnalyzeTicOptions.MODELS, "lognormal")
                .string("response_parameter", "Response_parameter", "AUC")
                .number("response_threshold", "Response_threshold", -40, "%")
                .string("response_day", "Response_day (or none)", "30")
                .number("diameter_sd", "Diameter_sd", RecistLike.DEFAULT_SD_MM, "mm")
                .number("repeatability_cv", "Repeatability_cv (test-retest, 0 = measurement only)", 0,
                        "fraction")
                .directory("save_to", "Save_to folder (optional)");
    }

    /**
     * @param exams the exams (titles or files)
     * @param v     the values of {@link #form}, by key
     * @return the parameters
     * @throws InputException when a value is impossible
     */
    static CompareExamsOptions fromValues(List<String> exams, java.util.Map<String, Object> v) {
        boolean linear = (Boolean) v.get("linear");
        AnalysisSettings settings = new AnalysisSettings(linear ? null : (Double) v.get("dynamic_range"), linear,
                (String) v.get("model"));
        ComparisonOptions options = ExamLists.options((String) v.get("response_parameter"),
                (Double) v.get("response_threshold"), (String) v.get("response_day"), (Double) v.get("diameter_sd"),
                ComparisonOptions.DEFAULT.seed());
        double cv = (Double) v.get("repeatability_cv");
        options = options.withRepeatabilityCv(cv == 0 ? null : cv);
        return new CompareExamsOptions(exams, str(v, "labels"), str(v, "days"), str(v, "volume_ml"),
                str(v, "necrosis_pct"), str(v, "diameters_mm"), str(v, "volume_diameters_mm"), str(v, "new_lesions"),
                str(v, "reference"), settings, options, str(v, "save_to"));
    }

    private static String str(java.util.Map<String, Object> v, String key) {
        return blankToNull((String) v.get(key));
    }

    /** @return the comma-separated items of {@code s}, trimmed, empty ones dropped */
    static List<String> items(String s) {
        List<String> out = new ArrayList<>();
        for (String p : s.split(",")) {
            if (!p.isBlank()) {
                out.add(p.trim());
            }
        }
        return out;
    }

    /** @return the label of each exam: given, else baseline, D&lt;day&gt; or exam&lt;n&gt; */
    List<String> labelList() {
        int n = exams.size();
        if (labels != null && !labels.isBlank()) {
            List<String> l = ExamLists.split("labels=", labels, n);
            if (l.stream().anyMatch(String::isBlank) || l.stream().distinct().count() != n) {
                throw new InputException("labels=", "labels must be non-empty and distinct: " + labels);
            }
            return l;
        }
        List<Double> d = ExamLists.numbers("days=", days, n);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i == 0 ? "baseline" : d.get(i) != null ? "D" + fmt(d.get(i)) : "exam" + (i + 1));
        }
        return out;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
