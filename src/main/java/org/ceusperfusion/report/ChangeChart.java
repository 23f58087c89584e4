package org.ceusperfusion.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ExamChange;
import org.ceusperfusion.compare.PercentChange;
import org.ceusperfusion.compare.PerfusionRule;
import org.ceusperfusion.params.PerfusionParameter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * The forest plot of parameter changes: one row per parameter (and per reference-normalised amplitude
 * when every exam has a reference ROI), the percent change from baseline to each follow-up as a dot
 * with its 95 % CI as a horizontal bar, one colour per follow-up (the TIC colours), a line at 0 and the
 * perfusion rule's threshold drawn on its parameter's row. A pure function of the {@link Comparison}.
 */
public final class ChangeChart {
    /** Parameters shown, top to bottom. */
    static final List<PerfusionParameter> SHOWN = List.of(PerfusionParameter.AUC, PerfusionParameter.PE,
            PerfusionParameter.WIAUC, PerfusionParameter.WIR, PerfusionParameter.WOR, PerfusionParameter.TTP,
            PerfusionParameter.RT, PerfusionParameter.MTT, PerfusionParameter.FT);
    /** Reference-normalised parameters shown when available. */
    static final List<PerfusionParameter> RATIOS = List.of(PerfusionParameter.AUC, PerfusionParameter.PE);
    /** Largest % drawn on the axis; longer bars are cut at the edge. */
    static final double MAX_PCT = 300;
    private static final double BAND = 0.6;

    private ChangeChart() {
    }

    /** A row of the plot: its label and how to get its change from an {@link ExamChange}. */
    record Row(String label, PerfusionParameter parameter, boolean ratio) {
        PercentChange of(ExamChange c) {
            return ratio ? c.ratioChange(parameter) : c.parameter(parameter);
        }
    }

    /** @return the rows shown, top first */
    static List<Row> rows(Comparison c) {
        List<Row> rows = new ArrayList<>();
        for (PerfusionParameter p : SHOWN) {
            rows.add(new Row(p.label(), p, false));
        }
        if (c.referenceNormalised()) {
            for (PerfusionParameter p : RATIOS) {
                rows.add(new Row(p.label() + "/ref", p, true));
            }
        }
        return rows;
    }

    /** @return the forest plot of baseline → every follow-up */
    public static JFreeChart create(Comparison c) {
        List<Row> rows = rows(c);
        int n = rows.size();
        int follow = c.exams().size() - 1;
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        double hi = 40;
        for (int j = 1; j <= follow; j++) {
            ExamChange ch = c.between(c.exams().get(0).label(), c.exams().get(j).label());
            XYIntervalSeries s = new XYIntervalSeries(ReportText.safe(c.exams().get(j).label()), false, true);
            double offset = follow == 1 ? 0 : BAND * ((j - 1) / (double) (follow - 1) - 0.5);
            for (int r = 0; r < n; r++) {
                PercentChange pc = ch == null ? null : rows.get(r).of(ch);
                if (pc == null || !Double.isFinite(pc.pct())) {
                    continue;
                }
                double y = n - 1 - r - offset;
                double lo = pc.hasCi() ? pc.lo() : pc.pct();
                double up = pc.hasCi() ? pc.hi() : pc.pct();
                hi = Math.max(hi, Math.min(MAX_PCT, up));
                s.add(Math.min(pc.pct(), MAX_PCT), Math.max(-100, lo), Math.min(MAX_PCT, up), y, y, y);
            }
            data.addSeries(s);
        }
        XYPlot plot = new XYPlot(data, xAxis(hi), yAxis(rows), renderer(follow));
        decorate(plot, c.options().perfusionRule(), rows);
        JFreeChart chart = new JFreeChart("Change from " + ReportText.safe(c.exams().get(0).label())
                + " (%, dot and 95 % CI)", new Font("SansSerif", Font.BOLD, 10), plot, follow > 1);
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font("SansSerif", Font.PLAIN, 9));
        }
        return chart;
    }

    private static NumberAxis xAxis(double hi) {
        NumberAxis x = new NumberAxis("% change");
        x.setRange(-100, Math.ceil((hi + 10) / 20) * 20);
        x.setLabelFont(new Font("SansSerif", Font.PLAIN, 9));
        x.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 8));
        return x;
    }

    private static SymbolAxis yAxis(List<Row> rows) {
        String[] labels = new String[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            labels[rows.size() - 1 - r] = rows.get(r).label();
        }
        SymbolAxis y = new SymbolAxis(null, labels);
        y.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 8));
        y.setGridBandsVisible(true);
        y.setGridBandPaint(new Color(246, 247, 250));
        y.setRange(-0.6, rows.size() + 0.1);
        return y;
    }

    private static XYErrorRenderer renderer(int follow) {
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawYError(false);
        r.setDefaultLinesVisible(false);
        r.setDefaultShapesVisible(true);
        r.setCapLength(3);
        r.setErrorStroke(new BasicStroke(1.6f));
        for (int j = 0; j < follow; j++) {
            Color col = TicChart.PALETTE[(j + 1) % TicChart.PALETTE.length];
            r.setSeriesPaint(j, col);
            r.setSeriesShape(j, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        r.setErrorPaint(null);
        return r;
    }

    private static void decorate(XYPlot plot, PerfusionRule rule, List<Row> rows) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(225, 225, 225));
        plot.setRangeGridlinesVisible(false);
        plot.setOutlinePaint(new Color(200, 200, 200));
        ValueMarker zero = new ValueMarker(0, Color.GRAY, new BasicStroke(0.8f));
        plot.addDomainMarker(zero);
        BasicStroke dashed = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {3, 2}, 0);
        Color red = new Color(190, 30, 45);
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.parameter() != rule.parameter()) {
                continue;
            }
            double y = rows.size() - 1 - r;
            plot.addAnnotation(new XYLineAnnotation(rule.thresholdPct(), y - 0.48, rule.thresholdPct(), y + 0.48,
                    dashed, red));
            if (!row.ratio()) {
                XYTextAnnotation t = new XYTextAnnotation("rule " + ReportNumbers.day(rule.thresholdPct()) + " %",
                        rule.thresholdPct(), y + 0.42);
                t.setFont(new Font("SansSerif", Font.BOLD, 7));
                t.setPaint(red);
                t.setTextAnchor(TextAnchor.BOTTOM_CENTER);
                plot.addAnnotation(t);
            }
        }
    }
}
