package org.ceusperfusion.compare;

import java.util.List;

/**
 * A follow-up comparison: the content of {@code comparison.json}.
 *
 * @param exams    the exams, in the given order (first = baseline)
 * @param changes  baseline → every follow-up, then consecutive pairs not already listed (when more than two exams)
 * @param response the last exam's response against baseline
 * @param warnings caveats (settings that differ between exams, rule applicability, ...)
 */
public record Comparison(List<ExamInput> exams, List<ExamChange> changes, Response response, List<String> warnings) {
    public Comparison {
        exams = List.copyOf(exams);
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
    }

    /** @return the change from the first to the last exam */
    public ExamChange overall() {
        String last = exams.get(exams.size() - 1).label();
        return changes.stream().filter(c -> c.from().equals(exams.get(0).label()) && c.to().equals(last))
                .findFirst().orElseThrow();
    }
}
