package org.ceusperfusion.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ExamInput;
import org.ceusperfusion.params.PerfusionParameter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The charts of the comparison report, as pure functions of a {@link Comparison}. */
public final class ComparisonCharts {
    private static final Font SMALL = new Font("SansSerif", Font.PLAIN, 9);

    private ComparisonCharts() {
    }

    /** @return the TICs of every exam with their fits on one chart, one colour per exam */
    public static JFreeChart tics(Comparison c) {
        List<TicChart.Curve> curves = new ArrayList<>();
        for (ExamInput e : c.exams()) {
            curves.add(TicChart.Curve.of(ReportText.safe(e.label()), e.roi()));
        }
        JFreeChart chart = TicChart.create("TICs, ROI " + ReportText.safe(c.exams().get(0).roiName())
                + " (dots measured, lines fit)", curves);
        chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 10));
        XYPlot plot = chart.getXYPlot();
        if (plot.getRenderer(1) instanceof XYLineAndShapeRenderer dots) {
            for (int i = 0; i < plot.getDataset(1).getSeriesCount(); i++) {
                dots.setSeriesShape(i, new Ellipse2D.Double(-1.4, -1.4, 2.8, 2.8));
            }
        }
        shrinkAxes(plot);
        chart.getLegend().setItemFont(SMALL);
        return chart;
    }

    /** @return x of each exam: its day, or its position 1, 2, ... when any day is unknown */
    public static double[] examX(Comparison c) {
        boolean days = c.exams().stream().allMatch(e -> e.day() != null);
        double[] x = new double[c.exams().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = days ? c.exams().get(i).day() : i + 1;
        }
        return x;
    }

    /**
     * The timeline: top panel volume, sum of diameters and AUC as % of baseline; bottom panel necrosis and
     * non-enhancing fraction in %. Series without data are left out.
     *
     * @return the chart, or {@code null} when no series has data
     */
    public static JFreeChart timeline(Comparison c) {
        double[] x = examX(c);
        XYSeriesCollection rel = new XYSeriesCollection();
        add(rel, "volume", x, c, ExamInput::volumeValueMl, true);
        add(rel, "sum of diameters", x, c, ExamInput::sumDiametersMm, true);
        add(rel, "AUC", x, c, e -> e.roi().parameters().value(PerfusionParameter.AUC), true);
        XYSeriesCollection abs = new XYSeriesCollection();
        add(abs, "necrosis", x, c, ExamInput::necrosisPct, false);
        add(abs, "non-enhancing", x, c, e -> 100 * e.roi().nonEnhancingFraction(), false);
        if (rel.getSeriesCount() + abs.getSeriesCount() == 0) {
            return null;
        }
        boolean days = c.exams().stream().allMatch(e -> e.day() != null);
        NumberAxis xAxis = new NumberAxis(days ? "day" : "exam");
        xAxis.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(xAxis);
        plot.setGap(6);
        int colour = 0;
        if (rel.getSeriesCount() > 0) {
            plot.add(subplot(rel, "% baseline", colour), 1);
            colour += rel.getSeriesCount();
        }
        if (abs.getSeriesCount() > 0) {
            plot.add(subplot(abs, "% tumour", colour), 1);
        }
        shrinkAxes(plot);
        JFreeChart chart = new JFreeChart("Timeline: size, AUC (% baseline); necrosis (%)",
                new Font("SansSerif", Font.BOLD, 10), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(SMALL);
        return chart;
    }

    private static void add(XYSeriesCollection data, String name, double[] x, Comparison c,
                            Function<ExamInput, Double> value, boolean relative) {
        XYSeries s = new XYSeries(name, false, true);
        Double base = value.apply(c.exams().get(0));
        for (int i = 0; i < x.length; i++) {
            Double v = value.apply(c.exams().get(i));
            if (v == null || !Double.isFinite(v)) {
                continue;
            }
            if (relative) {
                if (base == null || !(base > 0)) {
                    return;
                }
                v = 100 * v / base;
            }
            s.add(x[i], v);
        }
        if (s.getItemCount() > 0) {
            data.addSeries(s);
        }
    }

    private static XYPlot subplot(XYSeriesCollection data, String yLabel, int firstColour) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        Color[] palette = {new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115),
            new Color(213, 94, 0), new Color(204, 121, 167)};
        for (int s = 0; s < data.getSeriesCount(); s++) {
            r.setSeriesPaint(s, palette[(firstColour + s) % palette.length]);
            r.setSeriesStroke(s, new BasicStroke(1.5f));
            r.setSeriesShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(true);
        XYPlot p = new XYPlot(data, null, y, r);
        p.setBackgroundPaint(Color.WHITE);
        p.setRangeGridlinePaint(new Color(220, 220, 220));
        p.setDomainGridlinePaint(new Color(220, 220, 220));
        return p;
    }

    private static void shrinkAxes(XYPlot plot) {
        Font label = new Font("SansSerif", Font.PLAIN, 9);
        Font tick = new Font("SansSerif", Font.PLAIN, 8);
        plot.getDomainAxis().setLabelFont(label);
        plot.getDomainAxis().setTickLabelFont(tick);
        if (plot instanceof CombinedDomainXYPlot combined) {
            for (XYPlot sub : combined.getSubplots()) {
                sub.getRangeAxis().setLabelFont(label);
                sub.getRangeAxis().setTickLabelFont(tick);
            }
        } else {
            plot.getRangeAxis().setLabelFont(label);
            plot.getRangeAxis().setTickLabelFont(tick);
        }
    }
}
