package org.ceusperfusion.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ExamChange;
import org.ceusperfusion.compare.ExamInput;
import org.ceusperfusion.compare.PercentChange;
import org.ceusperfusion.compare.TimeShift;
import org.ceusperfusion.compare.RatioEstimate;
import org.ceusperfusion.params.PerfusionParameter;

/**
 * The report's table: one row per quantity, one column per exam (value and 95 % CI), a last column
 * with the change from baseline to the last exam (percent with 95 % CI, or percentage points).
 */
final class ParameterTable {
    /** Parameters shown, in order. */
    static final List<PerfusionParameter> SHOWN = List.of(PerfusionParameter.PE, PerfusionParameter.AUC,
            PerfusionParameter.TTP, PerfusionParameter.MTT, PerfusionParameter.RT, PerfusionParameter.WIR,
            PerfusionParameter.WIAUC, PerfusionParameter.WOR, PerfusionParameter.FT, PerfusionParameter.QOF);

    private ParameterTable() {
    }

    /** A row: name, unit, text per exam, change text, bold. */
    private record Row(String name, String unit, List<String> cells, String change, boolean bold) {
    }

    static void draw(Graphics2D g, Rectangle2D area, Comparison c, PerfusionParameter highlighted) {
        List<Row> rows = rows(c, highlighted);
        int n = c.exams().size();
        double nameW = 78;
        double changeW = 118;
        double examW = (area.getWidth() - nameW - changeW) / n;
        boolean showCi = examW >= 88;
        double rowH = Math.min(15, (area.getHeight() - 28) / Math.max(1, rows.size()));
        double x0 = area.getX();
        double y = area.getY() + 11;
        g.setFont(ReportText.font(Font.BOLD, 8f));
        g.setColor(Color.BLACK);
        ReportText.draw(g, "Parameter", x0 + 2, y);
        g.setFont(ReportText.font(Font.PLAIN, 7f));
        g.setColor(Color.GRAY);
        ReportText.draw(g, "and unit", x0 + 2, y + 10);
        for (int i = 0; i < n; i++) {
            ExamInput e = c.exams().get(i);
            double right = x0 + nameW + (i + 1) * examW - 2;
            g.setFont(ReportText.font(Font.BOLD, 8f));
            g.setColor(TicChart.PALETTE[i % TicChart.PALETTE.length]);
            ReportText.drawRight(g, ReportText.fit(g, e.label(), examW - 4), right, y);
            g.setFont(ReportText.font(Font.PLAIN, 7f));
            g.setColor(Color.GRAY);
            String sub = (e.day() == null ? "" : "day " + fmtDay(e.day()) + ", ") + (showCi ? "value [95 % CI]" : "value");
            ReportText.drawRight(g, ReportText.fit(g, sub, examW - 4), right, y + 10);
        }
        ExamChange overall = c.overall();
        g.setFont(ReportText.font(Font.BOLD, 8f));
        g.setColor(Color.BLACK);
        ReportText.drawRight(g, ReportText.fit(g, overall.from() + " \u2192 " + overall.to(), changeW - 4),
                area.getMaxX() - 2, y);
        g.setFont(ReportText.font(Font.PLAIN, 7f));
        g.setColor(Color.GRAY);
        ReportText.drawRight(g, "change [95 % CI]", area.getMaxX() - 2, y + 10);
        y += 10;
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(0.8f));
        g.draw(new Line2D.Double(x0, y + 4, area.getMaxX(), y + 4));
        y += 4;
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (r % 2 == 1) {
                g.setColor(new Color(244, 246, 250));
                g.fill(new Rectangle2D.Double(x0, y + 1, area.getWidth(), rowH));
            }
            y += rowH;
            double base = y - (rowH - 7.5) / 2 - 1;
            g.setColor(Color.BLACK);
            g.setFont(ReportText.font(row.bold() ? Font.BOLD : Font.PLAIN, 8f));
            ReportText.draw(g, row.name(), x0 + 2, base);
            g.setFont(ReportText.font(Font.PLAIN, 6.5f));
            g.setColor(Color.GRAY);
            ReportText.draw(g, row.unit(), x0 + 4 + g.getFontMetrics(ReportText.font(row.bold() ? Font.BOLD
                    : Font.PLAIN, 8f)).stringWidth(ReportText.safe(row.name())), base);
            g.setColor(Color.BLACK);
            g.setFont(ReportText.font(row.bold() ? Font.BOLD : Font.PLAIN, 7.5f));
            for (int i = 0; i < n; i++) {
                String cell = showCi ? row.cells().get(i) : row.cells().get(i).replaceAll(" \\[.*\\]$", "");
                ReportText.drawRight(g, ReportText.fit(g, cell, examW - 4), x0 + nameW + (i + 1) * examW - 2, base);
            }
            ReportText.drawRight(g, ReportText.fit(g, row.change(), changeW - 4), area.getMaxX() - 2, base);
        }
        g.setColor(Color.BLACK);
        g.draw(new Line2D.Double(x0, y + 2, area.getMaxX(), y + 2));
    }

    private static List<Row> rows(Comparison c, PerfusionParameter highlighted) {
        List<Row> rows = new ArrayList<>();
        ExamChange ch = c.overall();
        for (PerfusionParameter p : SHOWN) {
            List<String> cells = new ArrayList<>();
            boolean any = false;
            for (ExamInput e : c.exams()) {
                RoiAnalysis r = e.roi();
                double v = r.parameters().value(p);
                double[] ci = r.parameters().ci(p);
                any |= Double.isFinite(v);
                String ciText = Double.isFinite(ci[0]) && Double.isFinite(ci[1])
                        ? " [" + Num.brief(ci[0]) + ", " + Num.brief(ci[1]) + "]" : "";
                cells.add(Num.show(v) + ciText);
            }
            if (any) {
                PercentChange pc = ch.parameter(p);
                TimeShift ts = ch.timeShift(p);
                String text = pc != null ? change(pc) : ts != null ? shift(ts) : "-";
                rows.add(new Row(p.label(), p.unit(), cells, text, p == highlighted));
            }
        }
        ratioRows(rows, c, highlighted);
        extra(rows, c, "Non-enh.", "%", e -> 100 * e.roi().nonEnhancingFraction(), ch.nonEnhancingPctPoints(), true);
        extra(rows, c, "Volume", "ml", ExamInput::volumeValueMl, ch.volumePct(), false);
        extra(rows, c, "Necrosis", "%", ExamInput::necrosisPct, ch.necrosisPctPoints(), true);
        extra(rows, c, "Sum diam.", "mm", ExamInput::sumDiametersMm, ch.sumDiametersPct(), false);
        return rows;
    }

    private static void ratioRows(List<Row> rows, Comparison c, PerfusionParameter p) {
        if (p == null || !c.referenceNormalised()) {
            return;
        }
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < c.exams().size(); i++) {
            RatioEstimate r = c.estimates(i).ratio(p);
            cells.add(r == null ? "-" : Num.show(r.value()) + (r.hasCi()
                    ? " [" + Num.brief(r.lo()) + ", " + Num.brief(r.hi()) + "]" : ""));
        }
        PercentChange pc = c.overall().ratioChange(p);
        rows.add(new Row(p.label() + "/ref", "ratio", cells, pc == null ? "-" : change(pc), true));
    }

    private static void extra(List<Row> rows, Comparison c, String name, String unit, Function<ExamInput, Double> f,
                              Double change, boolean points) {
        List<String> cells = new ArrayList<>();
        boolean any = false;
        for (ExamInput e : c.exams()) {
            Double v = f.apply(e);
            boolean ok = v != null && Double.isFinite(v);
            any |= ok;
            cells.add(ok ? Num.show(v) : "-");
        }
        if (any) {
            String ch = change == null ? "-" : points
                    ? String.format(Locale.ROOT, "%+.1f points", change) : Num.pct(change);
            rows.add(new Row(name, unit, cells, ch, false));
        }
    }

    private static String change(PercentChange pc) {
        String t = Num.pct(pc.pct());
        if (pc.hasCi()) {
            t += String.format(Locale.ROOT, " [%+.0f, %+.0f]", pc.lo(), pc.hi());
        }
        return t;
    }

    private static String shift(TimeShift ts) {
        String t = String.format(Locale.ROOT, "%+.1f s", ts.diffS());
        if (ts.hasCi()) {
            t += String.format(Locale.ROOT, " [%+.1f, %+.1f]", ts.lo(), ts.hi());
        }
        return t;
    }

    private static String fmtDay(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
