package org.ceusperfusion.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ExamChange;
import org.ceusperfusion.compare.ExamInput;
import org.ceusperfusion.compare.PercentChange;
import org.ceusperfusion.compare.TimeShift;
import org.ceusperfusion.params.PerfusionParameter;

/** The few lines a command prints on success: headline numbers and the files written. */
final class Summaries {
    private static final PerfusionParameter[] HEADLINE = {
        PerfusionParameter.PE, PerfusionParameter.AUC, PerfusionParameter.TTP, PerfusionParameter.MTT};

    private Summaries() {
    }

    static void printAnalysis(PrintWriter out, LoopAnalysis analysis, Path outDir) {
        out.println(analysis.input().path() + ": " + analysis.input().frames() + " frames, "
                + fmt(analysis.input().frameIntervalS()) + " s/frame");
        for (RoiAnalysis r : analysis.rois()) {
            out.println("  " + roiLine(r));
        }
        for (String w : analysis.warnings()) {
            out.println("  warning: " + w);
        }
        out.println("  [95 % intervals cover " + covers(analysis) + "]");
        out.println("wrote " + outDir.resolve("analysis.json") + ", tic.csv, tic.png");
        out.flush();
    }

    static void printComparison(PrintWriter out, Comparison c, Path outDir) {
        for (ExamInput e : c.exams()) {
            out.println(e.label() + (e.day() == null ? "" : " (day " + fmt(e.day()) + ")") + ": "
                    + e.analysis().input().path());
            out.println("  " + roiLine(e.roi()));
        }
        for (ExamChange ch : c.changes()) {
            StringBuilder sb = new StringBuilder(ch.from() + " -> " + ch.to() + ":");
            for (PerfusionParameter p : HEADLINE) {
                PercentChange pc = ch.parameter(p);
                TimeShift ts = ch.timeShift(p);
                if (pc != null && Double.isFinite(pc.pct())) {
                    sb.append(String.format(Locale.ROOT, " %s %+.1f %% [%s, %s]", p.label(), pc.pct(),
                            fmt(pc.lo()), fmt(pc.hi())));
                } else if (ts != null && Double.isFinite(ts.diffS())) {
                    sb.append(String.format(Locale.ROOT, " %s %+.2f s [%s, %s]", p.label(), ts.diffS(),
                            fmt(ts.lo()), fmt(ts.hi())));
                }
            }
            out.println(sb);
        }
        out.println("  [change intervals: " + c.options().changeIntervalCovers() + "]");
        out.println(c.response().summary());
        for (String w : c.warnings()) {
            out.println("  warning: " + w);
        }
        out.println("wrote " + outDir.resolve("report.pdf") + ", report.png, comparison.json, comparison.csv");
        out.flush();
    }

    /** @return what the first target's intervals cover, for the console */
    static String covers(LoopAnalysis a) {
        return a.rois().isEmpty() ? "" : a.rois().get(0).parameters().intervals().covers();
    }

    /** One line per ROI: status, R², headline parameters with their 95 % CI, non-enhancing fraction. */
    static String roiLine(RoiAnalysis r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.name()).append(" (").append(r.role().label()).append("): ").append(r.fit().status());
        if (r.fit().hasParameters()) {
            sb.append(String.format(Locale.ROOT, ", R² %.3f", r.fit().r2()));
            for (PerfusionParameter p : HEADLINE) {
                double[] ci = r.parameters().ci(p);
                sb.append(String.format(Locale.ROOT, ", %s %s %s [%s, %s]", p.label(),
                        fmt(r.parameters().value(p)), p.unit(), fmt(ci[0]), fmt(ci[1])));
            }
        }
        if (Double.isFinite(r.nonEnhancingFraction())) {
            sb.append(String.format(Locale.ROOT, ", non-enhancing %.1f %%", 100 * r.nonEnhancingFraction()));
        }
        return sb.toString();
    }

    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e6) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 1e5 || a < 0.01) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, a >= 1000 ? "%.0f" : "%.4g", v);
    }
}
