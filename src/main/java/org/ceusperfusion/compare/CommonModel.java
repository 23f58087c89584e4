package org.ceusperfusion.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.fit.FitStatus;
import org.ceusperfusion.fit.ModelSelector;
import org.ceusperfusion.model.BolusModels;

/**
 * {@code --model auto} across the exams of a comparison: the one model with the lowest AICc summed over
 * every exam's target ROI (among the models that fitted in every exam), so that no change is an artefact
 * of fitting different models (mTT can move by seconds between models on the same curve).
 *
 * @param model   the common model's label
 * @param summed  summed AICc per model that fitted in every exam, lowest first
 */
public record CommonModel(String model, Map<String, Double> summed) {

    /**
     * @param exams exams analysed with {@code --model auto} (their ROIs carry every candidate's AICc)
     * @return the common model, or {@code null} when no model fitted in every exam or no candidates are known
     */
    public static CommonModel of(List<ExamInput> exams) {
        Map<String, Double> sum = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        for (ExamInput e : exams) {
            for (ModelSelector.Candidate c : e.roi().modelCandidates()) {
                if (c.status() == FitStatus.OK && Double.isFinite(c.aicc())) {
                    sum.merge(c.model(), c.aicc(), Double::sum);
                    count.merge(c.model(), 1, Integer::sum);
                }
            }
        }
        Map<String, Double> all = new LinkedHashMap<>();
        sum.entrySet().stream().filter(x -> count.get(x.getKey()) == exams.size())
                .sorted(Map.Entry.comparingByValue()).forEach(x -> all.put(x.getKey(), x.getValue()));
        if (all.isEmpty()) {
            return null;
        }
        return new CommonModel(all.keySet().iterator().next(), all);
    }

    /** @return whether some exam's target was fitted with another model than the common one */
    public boolean needsRefit(List<ExamInput> exams) {
        return exams.stream().anyMatch(e -> !model.equals(SettingsConsistency.fittedModel(e)));
    }

    /** @return the sentence recorded with the comparison */
    public String note() {
        StringBuilder sb = new StringBuilder("model auto: every exam fitted with " + model
                + " (lowest AICc summed over the exams:");
        summed.forEach((m, v) -> sb.append(String.format(Locale.ROOT, " %s %.1f", m, v)));
        return sb.append(")").toString();
    }

    /** Analyses every exam of a comparison again with other settings (the CLI reads files, ImageJ images). */
    @FunctionalInterface
    public interface Reanalysis {
        /**
         * @param settings the settings to analyse every exam with
         * @return the exams, in the same order
         * @throws java.io.IOException when a loop cannot be read again
         */
        List<ExamInput> analyze(AnalysisSettings settings) throws java.io.IOException;
    }

    /**
     * The one comparison step shared by {@code ceus compare}, {@code demo} and ImageJ's Compare Exams: under
     * {@code --model auto} every exam is fitted with the common model of lowest summed AICc and the choice is
     * recorded as the first warning line; with any other model the exams are compared as analysed.
     *
     * @param inputs    the exams analysed with {@code settings}
     * @param settings  the analysis settings used for {@code inputs}
     * @param options   comparison options
     * @param reanalyze analyses every exam again (only called when a refit with the common model is needed)
     * @return the comparison
     * @throws java.io.IOException when {@code reanalyze} cannot read a loop again
     */
    public static Comparison compare(List<ExamInput> inputs, AnalysisSettings settings, ComparisonOptions options,
                                     Reanalysis reanalyze) throws java.io.IOException {
        String note = null;
        List<ExamInput> exams = inputs;
        if (BolusModels.isAuto(settings.model())) {
            CommonModel common = of(inputs);
            if (common != null) {
                note = common.note();
                if (common.needsRefit(inputs)) {
                    exams = reanalyze.analyze(settings.withModel(common.model()));
                }
            }
        }
        Comparison c = FollowUp.compare(exams, options);
        if (note == null) {
            return c;
        }
        List<String> w = new java.util.ArrayList<>(c.warnings());
        w.add(0, note);
        return new Comparison(c.exams(), c.estimates(), c.changes(), c.response(), w, c.options());
    }
}
