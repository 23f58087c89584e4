package org.ceusperfusion.compare;

import java.util.Locale;
import org.ceusperfusion.params.PerfusionParameter;

/**
 * A perfusion response rule: the exam responds when {@code parameter} changes by less than
 * {@code thresholdPct} from baseline (e.g. −40 %: a decrease of more than 40 %).
 *
 * @param parameter    the parameter judged
 * @param thresholdPct the change that must be undercut, %, negative for a decrease
 * @param day          day after baseline at which the rule was validated, or {@code null}
 * @param citation     where the rule comes from
 */
public record PerfusionRule(PerfusionParameter parameter, double thresholdPct, Double day, String citation) {

    /** STIC (Lassau et al., Invest Radiol 2014): AUC decrease &gt; 40 % at day 30. */
    public static final PerfusionRule STIC = new PerfusionRule(PerfusionParameter.AUC, -40, 30.0,
            "STIC (Lassau 2014): AUC decrease > 40 % at day 30");

    public PerfusionRule {
        if (parameter == null) {
            throw new org.ceusperfusion.InputException("--response-parameter", "a perfusion rule needs a parameter");
        }
        if (!(thresholdPct > -100) || !Double.isFinite(thresholdPct)) {
            throw new org.ceusperfusion.InputException("--response-threshold", "threshold must be above -100 %, got " + thresholdPct);
        }
    }

    /**
     * A rule from user options; the STIC values (AUC, −40 %, day 30) keep the STIC citation.
     *
     * @param parameter    the parameter judged
     * @param thresholdPct threshold, % (&gt; −100)
     * @param day          validated day, or {@code null}
     * @return the rule
     */
    public static PerfusionRule of(PerfusionParameter parameter, double thresholdPct, Double day) {
        if (parameter == STIC.parameter() && thresholdPct == STIC.thresholdPct() && java.util.Objects.equals(day, STIC.day())) {
            return STIC;
        }
        return new PerfusionRule(parameter, thresholdPct, day, null);
    }

    /** @return the rule in words, including its citation */
    public String text() {
        String dir = thresholdPct < 0 ? "decrease > " + fmt(-thresholdPct) : "change < +" + fmt(thresholdPct);
        String own = "user rule: " + parameter.label() + " " + dir + " %" + (day == null ? "" : " at day " + fmt(day));
        return citation == null || citation.isBlank() ? own : citation;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
