package org.ceusperfusion.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.fit.FitResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Time-intensity charts as pure functions of data: measured TIC samples as dots, fitted curves as lines
 * in the same colour; x = time (s), y = linear intensity (a.u.). No display, works headless.
 */
public final class TicChart {
    /** Series colours, one per curve, colour-blind friendly (Okabe–Ito). */
    public static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0),
        new Color(0, 158, 115), new Color(204, 121, 167), new Color(86, 180, 233), new Color(230, 159, 0),
        new Color(0, 0, 0)};
    private static final int FIT_SAMPLES = 400;

    private TicChart() {
    }

    /**
     * One curve of a chart.
     *
     * @param label  legend label
     * @param timesS sample times, s
     * @param values measured intensities, a.u.
     * @param fit    the fit drawn as a line, or {@code null}
     * @param used   per sample: used by the fit ({@code null}: all); left-out samples are drawn as crosses
     */
    public record Curve(String label, double[] timesS, double[] values, FitResult fit, boolean[] used) {
        /** Every sample used. */
        public Curve(String label, double[] timesS, double[] values, FitResult fit) {
            this(label, timesS, values, fit, null);
        }

        /** @return the curve of {@code roi} under {@code label}, with the frames the fit left out */
        public static Curve of(String label, RoiAnalysis roi) {
            return new Curve(label, roi.tic().timesS(), roi.tic().meanIntensity(), roi.fit(),
                    roi.motion() == null ? null : roi.motion().selection().used());
        }
    }

    /** @return the chart of every ROI of one analysis, titled with the input file name */
    public static JFreeChart of(LoopAnalysis a) {
        List<Curve> curves = new ArrayList<>();
        a.rois().forEach(r -> curves.add(Curve.of(r.name(), r)));
        String path = a.input().path();
        String name = path == null ? "" : java.nio.file.Path.of(path).getFileName().toString();
        JFreeChart chart = create("Time-intensity curves" + (name.isEmpty() ? "" : " - " + name), curves);
        if (!a.rois().isEmpty() && a.rois().get(0).findings() != null) {
            markWindow((XYPlot) chart.getPlot(), a.rois().get(0).findings(), a.rois().get(0).fit());
        }
        return chart;
    }

    /**
     * Shades the first ROI's fit window (light grey, labelled with its reason when it is not the whole curve),
     * draws the onset of a fitted recirculation term as a dotted vertical line (the first-pass term alone is a
     * dashed curve) and a destruction flash as a dashed vertical line.
     */
    static void markWindow(XYPlot plot, org.ceusperfusion.analysis.CurveFindings f, FitResult fit) {
        if (Double.isFinite(f.windowStartS()) && Double.isFinite(f.windowEndS())) {
            var m = new org.jfree.chart.plot.IntervalMarker(f.windowStartS(), f.windowEndS());
            m.setPaint(new Color(235, 235, 235));
            if (!org.ceusperfusion.analysis.CurveFindings.WHOLE_CURVE.equals(f.windowReason())) {
                m.setLabel("fit window (ends: " + f.windowReason() + ")");
                m.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
                m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
            }
            plot.addDomainMarker(m, org.jfree.chart.ui.Layer.BACKGROUND);
        }
        markRecirculation(plot, fit);
        if (f.flashStep() != null) {
            var v = new org.jfree.chart.plot.ValueMarker(f.flashStep().flashS());
            v.setPaint(new Color(200, 0, 0));
            v.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            v.setLabel("destruction flash");
            v.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
            plot.addDomainMarker(v);
        }
    }

    /** Draws the onset of a fitted recirculation term as a dotted vertical line (nothing without one). */
    private static void markRecirculation(XYPlot plot, FitResult fit) {
        if (fit == null || !fit.hasRecirculation() || !fit.hasParameters()) {
            return;
        }
        double onset = ((org.ceusperfusion.model.RecirculationModel) fit.model()).recirculationOnsetS(fit.params());
        var v = new org.jfree.chart.plot.ValueMarker(onset);
        v.setPaint(new Color(90, 90, 90));
        v.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
        v.setLabel("recirculation (second term)");
        v.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
        v.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        v.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        plot.addDomainMarker(v);
    }

    /**
     * @param title  chart title
     * @param curves the curves, each drawn as dots (measured) and a line (fit) of one colour
     * @return a new chart
     */
    public static JFreeChart create(String title, List<Curve> curves) {
        XYSeriesCollection fits = new XYSeriesCollection();
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer fitRenderer = new XYLineAndShapeRenderer();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        for (int k = 0; k < curves.size(); k++) {
            Curve c = curves.get(k);
            Color color = PALETTE[k % PALETTE.length];
            data.addSeries(measured(c, 3 * k, true));
            style(renderer, data.getSeriesCount() - 1, color, false);
            if (c.used() != null) {
                XYSeries left = measured(c, 3 * k + 2, false);
                if (left.getItemCount() > 0) {
                    data.addSeries(left);
                    int sIdx = data.getSeriesCount() - 1;
                    style(renderer, sIdx, color, false);
                    renderer.setSeriesShape(sIdx, cross());
                    renderer.setSeriesPaint(sIdx, new Color(200, 0, 0));
                }
            }
            if (c.fit() != null && c.fit().hasParameters()) {
                fits.addSeries(fitted(c, 3 * k + 1, false));
                style(fitRenderer, fits.getSeriesCount() - 1, color.darker(), true);
                if (c.fit().hasRecirculation()) {
                    fits.addSeries(fitted(c, 3 * curves.size() + k, true));
                    int sIdx = fits.getSeriesCount() - 1;
                    style(fitRenderer, sIdx, color.darker(), true);
                    fitRenderer.setSeriesStroke(sIdx, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                            BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
                }
            }
        }
        NumberAxis x = new NumberAxis("time (s)");
        NumberAxis y = new NumberAxis("linear intensity (a.u.)");
        x.setAutoRangeIncludesZero(true);
        // dataset 0 (fits) is drawn last, on top of the measured dots (default REVERSE rendering order)
        XYPlot plot = new XYPlot(fits, x, y, fitRenderer);
        plot.setDataset(1, data);
        plot.setRenderer(1, renderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** A diagonal cross, the marker of samples the fit left out. */
    private static java.awt.Shape cross() {
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        p.moveTo(-4, -4);
        p.lineTo(4, 4);
        p.moveTo(-4, 4);
        p.lineTo(4, -4);
        return new BasicStroke(1.8f).createStrokedShape(p);
    }

    /** @param usedOnes the samples the fit used ({@code true}) or those it left out ({@code false}) */
    private static XYSeries measured(Curve c, int key, boolean usedOnes) {
        XYSeries s = new XYSeries(new SeriesKey(key, usedOnes ? c.label() : c.label() + " (left out)"), false, true);
        for (int i = 0; i < c.timesS().length && i < c.values().length; i++) {
            boolean used = c.used() == null || i >= c.used().length || c.used()[i];
            if (Double.isFinite(c.values()[i]) && used == usedOnes) {
                s.add(c.timesS()[i], c.values()[i]);
            }
        }
        return s;
    }

    /** @param firstPass the first-pass term alone (of a fit with a recirculation term) instead of the whole fit */
    private static XYSeries fitted(Curve c, int key, boolean firstPass) {
        XYSeries s = new XYSeries(new SeriesKey(key, c.label() + (firstPass ? " first pass" : " fit")), false, true);
        double[] t = c.timesS();
        double t0 = t.length == 0 ? 0 : t[0];
        double t1 = t.length == 0 ? 1 : t[t.length - 1];
        for (int i = 0; i <= FIT_SAMPLES; i++) {
            double ti = t0 + (t1 - t0) * i / FIT_SAMPLES;
            double v = firstPass ? c.fit().firstPassValueAt(ti) : c.fit().valueAt(ti);
            if (Double.isFinite(v)) {
                s.add(ti, v);
            }
        }
        return s;
    }

    private static void style(XYLineAndShapeRenderer r, int series, Color color, boolean line) {
        r.setSeriesPaint(series, color);
        r.setSeriesLinesVisible(series, line);
        r.setSeriesShapesVisible(series, !line);
        r.setSeriesShape(series, new Ellipse2D.Double(-2, -2, 4, 4));
        r.setSeriesStroke(series, new BasicStroke(2f));
    }

    /**
     * Series key that keeps equal labels apart and prints as its label in the legend. Equality and hash are written
     * out: a record's generated ones are linked at their first call through method handles, which spins a few dozen
     * classes while the plot is drawn at the end of {@code ceus analyze} (BENCHMARKS.md, session 14).
     */
    private record SeriesKey(int index, String label) implements Comparable<SeriesKey> {
        @Override
        public int compareTo(SeriesKey o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SeriesKey k && k.index == index && java.util.Objects.equals(k.label, label);
        }

        @Override
        public int hashCode() {
            return 31 * index + java.util.Objects.hashCode(label);
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
