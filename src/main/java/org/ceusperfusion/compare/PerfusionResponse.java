package org.ceusperfusion.compare;

import java.util.Map;

/**
 * The perfusion category of the last exam under a {@link PerfusionRule}.
 *
 * @param category      {@value #RESPONDER} or {@value #NON_RESPONDER} from the measured change
 * @param rule          the rule in words
 * @param probability   probability of each category: the true change is below the threshold or not
 *                      (normal approximation on the log ratio); empty when the change has no CI
 * @param indeterminate neither category reaches 0.9 probability (or it is unknown)
 * @param change        the judged change from baseline to the last exam
 * @param warning       caveat about the rule's applicability (e.g. another exam day), or {@code null}
 */
public record PerfusionResponse(String category, String rule, Map<String, Double> probability,
                                boolean indeterminate, PercentChange change, String warning) {
    /** Category of an exam meeting the rule. */
    public static final String RESPONDER = "responder";
    /** Category of an exam not meeting the rule. */
    public static final String NON_RESPONDER = "non-responder";

    public PerfusionResponse {
        probability = Map.copyOf(probability);
    }

    /** @return whether the measured change meets the rule */
    public boolean responder() {
        return RESPONDER.equals(category);
    }
}
