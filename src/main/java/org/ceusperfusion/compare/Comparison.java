package org.ceusperfusion.compare;

import java.util.List;

/**
 * A follow-up comparison: the content of {@code comparison.json}.
 *
 * @param exams    the exams, in the given order (first = baseline)
 * @param estimates per exam (same order) the estimates the changes use: widened CIs, reference ratios
 * @param changes  baseline → every follow-up, then consecutive pairs not already listed (when more than two exams)
 * @param response the last exam's response against baseline
 * @param warnings caveats (settings that differ between exams, rule applicability, ...)
 * @param options  the options used (rule, diameter SD, seed)
 */
public record Comparison(List<ExamInput> exams, List<ExamEstimates> estimates, List<ExamChange> changes,
                         Response response, List<String> warnings, ComparisonOptions options) {
    /** How the CIs of changes were computed, written into the results. */
    public static final String CI_METHOD = "delta method on the log ratio (% changes) or the difference (clock "
            + "times, s), exams independent, Student t on Welch-Satterthwaite degrees of freedom; per-exam "
            + "standard errors from the correlated-noise sandwich covariance of each exam's fitted frames"
            + " (plus the test-retest repeatability term when given)";

    public Comparison {
        exams = List.copyOf(exams);
        estimates = List.copyOf(estimates);
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
    }

    /** @return the estimates of exam {@code i} (0 = baseline) */
    public ExamEstimates estimates(int i) {
        return estimates.get(i);
    }

    /** @return the change from the first to the last exam */
    public ExamChange overall() {
        String last = exams.get(exams.size() - 1).label();
        return between(exams.get(0).label(), last);
    }

    /** @return the change from exam {@code from} to exam {@code to}, or {@code null} when not listed */
    public ExamChange between(String from, String to) {
        return changes.stream().filter(c -> c.from().equals(from) && c.to().equals(to)).findFirst().orElse(null);
    }

    /** @return whether every exam has a reference ROI (reference-normalised values exist) */
    public boolean referenceNormalised() {
        return estimates.stream().allMatch(ExamEstimates::hasReference);
    }
}
