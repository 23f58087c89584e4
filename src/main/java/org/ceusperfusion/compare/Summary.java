package org.ceusperfusion.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ceusperfusion.analysis.RoiAnalysis;

/**
 * The one-sentence summary of a comparison, e.g. <i>"Tumour volume +15.6 % but AUC −77 % (95 % CI −85
 * to −65 %) and non-enhancing fraction 5 % → 52 %: perfusion response despite growth."</i>
 *
 * <p>Size is described by the volume when both exams have one, else by the sum of diameters. Size
 * "grew" at ≥ +5 % and "shrank" at ≤ −5 % (descriptive only; with diameters the RECIST-like category
 * decides: PD = growth, PR/CR = shrinkage).
 */
final class Summary {
    private static final String MINUS = "\u2212";

    private Summary() {
    }

    /**
     * The sentence, the interval labelled with what it covers (e.g. {@code measurement only}) when given, and a
     * {@code caveat} (a setting that differs between the exams, {@link SettingsConsistency#headlineCaveat}) ending
     * the sentence as a caution when given.
     */
    static String sentence(List<ExamInput> exams, ExamChange overall, SizeResponse size, PerfusionResponse perf,
                           String parameter, String covers, String caveat) {
        String s = build(exams, overall, size, perf, parameter, covers);
        return caveat == null ? s : s + " CAUTION: " + caveat + ", so this change and response are not reliable.";
    }

    private static String build(List<ExamInput> exams, ExamChange overall, SizeResponse size, PerfusionResponse perf,
                                String parameter, String covers) {
        String sizeText = null;
        int trend = 0;
        if (overall.volumePct() != null) {
            sizeText = "Tumour volume " + signed(overall.volumePct(), 1) + " %";
            trend = overall.volumePct() >= 5 ? 1 : overall.volumePct() <= -5 ? -1 : 0;
        } else if (size != null) {
            sizeText = "Sum of diameters " + signed(size.pctFromBaseline(), 1) + " % (" + size.category()
                    + (size.indeterminate() ? ", indeterminate" : "") + ")";
            trend = size.category() == SizeCategory.PD ? 1
                    : size.category() == SizeCategory.PR || size.category() == SizeCategory.CR ? -1 : 0;
        }
        List<String> parts = new ArrayList<>();
        if (perf != null) {
            parts.add(perfusionText(perf, parameter, covers));
        }
        String ne = nonEnhancing(exams);
        if (ne != null) {
            parts.add(ne);
        }
        StringBuilder sb = new StringBuilder();
        if (sizeText != null) {
            sb.append(sizeText);
            if (!parts.isEmpty()) {
                int perfDir = perf == null ? 0 : (int) Math.signum(perf.change().pct());
                sb.append(trend != 0 && perfDir == -trend ? " but " : " and ");
            }
        }
        sb.append(String.join(" and ", parts));
        String s = sb.toString();
        if (s.isEmpty()) {
            return "No comparable measurement between " + exams.get(0).label() + " and "
                    + exams.get(exams.size() - 1).label() + ".";
        }
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return s + ": " + conclusion(perf, trend, sizeText != null) + ".";
    }

    private static String perfusionText(PerfusionResponse p, String parameter, String covers) {
        PercentChange c = p.change();
        String t = parameter + " " + signed(c.pct(), 0) + " %";
        if (c.hasCi()) {
            t += " (95 % CI " + signed(c.lo(), 0) + " to " + signed(c.hi(), 0) + " %"
                    + (covers == null ? "" : ", " + covers) + ")";
        }
        return t;
    }

    private static String nonEnhancing(List<ExamInput> exams) {
        RoiAnalysis a = exams.get(0).roi();
        RoiAnalysis b = exams.get(exams.size() - 1).roi();
        if (!Double.isFinite(a.nonEnhancingFraction()) || !Double.isFinite(b.nonEnhancingFraction())) {
            return null;
        }
        return String.format(Locale.ROOT, "non-enhancing fraction %.0f %% \u2192 %.0f %%",
                100 * a.nonEnhancingFraction(), 100 * b.nonEnhancingFraction());
    }

    private static String conclusion(PerfusionResponse p, int trend, boolean sizeKnown) {
        if (p == null) {
            return trend > 0 ? "growth" : trend < 0 ? "shrinkage" : sizeKnown ? "stable size" : "no response data";
        }
        String q = p.indeterminate() ? " (uncertain)" : "";
        if (p.responder()) {
            return (trend > 0 ? "perfusion response despite growth"
                    : trend < 0 ? "perfusion and size response"
                    : sizeKnown ? "perfusion response with stable size" : "perfusion response") + q;
        }
        return (trend > 0 ? "no perfusion response, and growth"
                : trend < 0 ? "size response without perfusion response"
                : sizeKnown ? "no perfusion response, stable size" : "no perfusion response") + q;
    }

    /** @return {@code v} with sign and {@code decimals} decimals, using a true minus sign */
    static String signed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "?";
        }
        String s = String.format(Locale.ROOT, "%+." + decimals + "f", v);
        return s.startsWith("-") ? MINUS + s.substring(1) : s;
    }
}
