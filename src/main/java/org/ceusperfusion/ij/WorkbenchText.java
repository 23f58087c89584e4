package org.ceusperfusion.ij;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ExamChange;
import org.ceusperfusion.compare.PercentChange;
import org.ceusperfusion.compare.TimeShift;
import org.ceusperfusion.compare.PerfusionResponse;
import org.ceusperfusion.compare.SizeResponse;
import org.ceusperfusion.params.PerfusionParameter;

/** The workbench's texts as pure functions of results: table cells and the comparison block. */
final class WorkbenchText {
    /** The parameters shown in the table, in order. */
    static final List<PerfusionParameter> SHOWN = List.of(PerfusionParameter.PE, PerfusionParameter.AUC,
            PerfusionParameter.TTP, PerfusionParameter.T0, PerfusionParameter.RT, PerfusionParameter.MTT,
            PerfusionParameter.WIR, PerfusionParameter.WOR, PerfusionParameter.FT, PerfusionParameter.QOF);

    private WorkbenchText() {
    }

    /** @return {@code v} with 4 significant digits, or an em dash when not finite */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        if (v != 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        String s = new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** @return {@code value [lo, hi]} for a parameter of a ROI */
    static String cell(RoiAnalysis r, PerfusionParameter p) {
        double v = r.parameters().value(p);
        double[] ci = r.parameters().ci(p);
        String s = num(v);
        return ci == null || ci.length < 2 || !Double.isFinite(ci[0]) ? s : s + "  [" + num(ci[0]) + ", " + num(ci[1]) + "]";
    }

    /** @return the non-enhancing fraction in % */
    static String nonEnhancing(RoiAnalysis r) {
        return Double.isFinite(r.nonEnhancingFraction()) ? num(100 * r.nonEnhancingFraction()) + " %" : "—";
    }

    /** @return {@code -67.8 % [-75.1, -58.3]} */
    static String change(PercentChange c) {
        if (c == null) {
            return "—";
        }
        String s = String.format(Locale.ROOT, "%+.1f %%", c.pct());
        return c.hasCi() ? s + String.format(Locale.ROOT, " [%+.1f, %+.1f]", c.lo(), c.hi()) : s;
    }

    /** @return a clock-time change in seconds with its CI */
    static String shift(TimeShift t) {
        String s = String.format(Locale.ROOT, "%+.2f s", t.diffS());
        return t.hasCi() ? s + String.format(Locale.ROOT, " [%+.2f, %+.2f]", t.lo(), t.hi()) : s;
    }

    /** @return the comparison block: the summary sentence, the response and the main changes, one per line */
    static List<String> comparison(Comparison c) {
        List<String> lines = new ArrayList<>();
        lines.add(c.response().summary());
        lines.add("");
        PerfusionResponse p = c.response().perfusion();
        if (p != null) {
            Double pr = p.probability().get(p.category());
            lines.add("Perfusion: " + p.category() + (pr == null ? "" : String.format(Locale.ROOT,
                    " (probability %.0f %%)", 100 * pr)) + (p.indeterminate() ? ", indeterminate" : "")
                    + " — " + p.rule());
        }
        SizeResponse s = c.response().size();
        if (s != null) {
            lines.add(String.format(Locale.ROOT, "Size (%s): %s (probability %.0f %%), sum of diameters %+.1f %%",
                    s.criteria(), s.category(), 100 * s.probability(s.category()), s.pctFromBaseline()));
        }
        ExamChange ch = c.overall();
        lines.add("Change " + ch.from() + " → " + ch.to() + " (95 % CI, " + c.options().changeIntervalCovers() + "):");
        for (PerfusionParameter q : List.of(PerfusionParameter.AUC, PerfusionParameter.PE, PerfusionParameter.MTT,
                PerfusionParameter.TTP, PerfusionParameter.WIR)) {
            TimeShift ts = ch.timeShift(q);
            lines.add("   " + q.label() + "  " + (ts != null ? shift(ts) : change(ch.parameter(q))));
        }
        if (ch.nonEnhancingPctPoints() != null) {
            lines.add(String.format(Locale.ROOT, "   non-enhancing  %+.1f points", ch.nonEnhancingPctPoints()));
        }
        if (ch.volumePct() != null) {
            lines.add(String.format(Locale.ROOT, "   volume  %+.1f %%", ch.volumePct()));
        }
        c.warnings().forEach(w -> lines.add("warning: " + w));
        return lines;
    }
}
