package org.ceusperfusion.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ExamInput;
import org.jfree.chart.JFreeChart;

/**
 * The one-page comparison report, drawn with Java2D and JFreeChart onto any {@link Graphics2D}, so the
 * same code renders the vector PDF and the PNG.
 *
 * <p>Layout (A4 landscape, {@value #WIDTH_PT} × {@value #HEIGHT_PT} pt, regions in {@link Layout}, none
 * overlapping): title and exams; the summary sentence in a tinted box; top row: TICs of all exams with
 * fits, the forest plot of % changes with 95 % CIs ({@link ChangeChart}, rule threshold marked), the
 * response block with category probabilities; bottom row: the timeline of volume, sum of diameters,
 * AUC, necrosis and non-enhancing fraction, and the parameter table; warnings (as many as fit, the
 * rest counted); a provenance footer (files, SHA-256 prefixes, settings, software version).
 */
public final class ComparisonReport {
    /** Page width, points (A4 landscape). */
    public static final double WIDTH_PT = 842;
    /** Page height, points. */
    public static final double HEIGHT_PT = 595;
    /** PNG pixels per point: the PNG is 1768 × 1250 px. */
    public static final double PNG_SCALE = 2.1;
    private static final double M = 24;
    private static final double SPLIT = 436;

    private ComparisonReport() {
    }

    /** @return the page as a drawing of {@value #WIDTH_PT} × {@value #HEIGHT_PT} units */
    public static ChartExport.Drawing drawing(Comparison c) {
        return (g, area) -> draw(g, c);
    }

    /** Writes the vector PDF page. */
    public static void writePdf(Comparison c, OutputStream out) throws IOException {
        ChartExport.writePdf(drawing(c), WIDTH_PT, HEIGHT_PT, title(c), out);
    }

    /** Writes the PNG page, {@link #pngWidth()} × {@link #pngHeight()} pixels. */
    public static void writePng(Comparison c, OutputStream out) throws IOException {
        ChartExport.writePng(drawing(c), pngWidth(), pngHeight(), PNG_SCALE, out);
    }

    /** @return the page as an RGB image, {@link #pngWidth()} × {@link #pngHeight()} pixels (what report.png holds) */
    public static java.awt.image.BufferedImage image(Comparison c) {
        return ChartExport.render(drawing(c), pngWidth(), pngHeight(), PNG_SCALE);
    }

    /** @return PNG width, pixels */
    public static int pngWidth() {
        return (int) Math.round(WIDTH_PT * PNG_SCALE);
    }

    /** @return PNG height, pixels */
    public static int pngHeight() {
        return (int) Math.round(HEIGHT_PT * PNG_SCALE);
    }

    private static String title(Comparison c) {
        return "CEUS perfusion follow-up: " + c.exams().get(0).label() + " \u2192 "
                + c.exams().get(c.exams().size() - 1).label();
    }

    private static void draw(Graphics2D g, Comparison c) {
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, WIDTH_PT, HEIGHT_PT));
        g.setColor(Color.BLACK);
        g.setFont(ReportText.font(Font.BOLD, 16));
        ReportText.draw(g, title(c), M, M + 14);
        g.setFont(ReportText.font(Font.PLAIN, 8.5f));
        g.setColor(Color.DARK_GRAY);
        ReportText.draw(g, ReportText.fit(g, subtitle(c), WIDTH_PT - 2 * M), M, M + 27);
        summaryBox(g, c, new Rectangle2D.Double(M, 58, WIDTH_PT - 2 * M, 30));
        Layout l = Layout.of(c);
        ComparisonCharts.tics(c).draw(g, l.tics());
        ChangeChart.create(c).draw(g, l.forest());
        ResponseBlock.draw(g, c, l.response());
        JFreeChart timeline = ComparisonCharts.timeline(c);
        if (timeline != null) {
            timeline.draw(g, l.timeline());
        }
        ParameterTable.draw(g, l.table(), c, c.options().perfusionRule().parameter());
        double footerTop = HEIGHT_PT - 10 - 8.0 * (c.exams().size() + 2);
        double y = warnings(g, c, l.table().getMaxY() + 12, footerTop - 6);
        footer(g, c, Math.max(y + 8, footerTop + 6));
    }

    /** The page's regions, in points; none overlaps another. */
    record Layout(Rectangle2D tics, Rectangle2D forest, Rectangle2D response, Rectangle2D timeline,
                  Rectangle2D table) {
        static Layout of(Comparison c) {
            double left = M - 4;
            double col1 = 292;
            double col2 = 252;
            double topY = 94;
            double topH = 206;
            double x2 = left + col1 + 4;
            double x3 = x2 + col2 + 6;
            double bottomY = topY + topH + 6;
            double bottomH = 190;
            return new Layout(new Rectangle2D.Double(left, topY, col1, topH),
                    new Rectangle2D.Double(x2, topY, col2, topH),
                    new Rectangle2D.Double(x3, topY + 4, WIDTH_PT - M - x3, topH - 8),
                    new Rectangle2D.Double(left, bottomY, col1, bottomH),
                    new Rectangle2D.Double(x2 + 4, bottomY + 4, WIDTH_PT - M - x2 - 4, bottomH - 4));
        }

        /** @return every region, for overlap checks */
        java.util.List<Rectangle2D> all() {
            return java.util.List.of(tics, forest, response, timeline, table);
        }
    }

    private static String subtitle(Comparison c) {
        StringBuilder sb = new StringBuilder("ROI '" + c.exams().get(0).roiName() + "'; exams: ");
        for (int i = 0; i < c.exams().size(); i++) {
            ExamInput e = c.exams().get(i);
            sb.append(i == 0 ? "" : ", ").append(e.label());
            if (e.day() != null) {
                sb.append(" (day ").append(ReportNumbers.day(e.day())).append(')');
            }
        }
        return sb.toString();
    }

    private static void summaryBox(Graphics2D g, Comparison c, Rectangle2D r) {
        g.setColor(new Color(228, 238, 250));
        g.fill(new RoundRectangle2D.Double(r.getX(), r.getY(), r.getWidth(), r.getHeight(), 8, 8));
        g.setColor(new Color(20, 40, 90));
        g.setFont(ReportText.font(Font.BOLD, 10.5f));
        double lh = g.getFontMetrics().getHeight();
        int lines = ReportText.wrap(c.response().summary(), g.getFontMetrics(), r.getWidth() - 16).size();
        double y = r.getCenterY() - lh * Math.min(lines, 2) / 2 + g.getFontMetrics().getAscent();
        ReportText.drawWrapped(g, c.response().summary(), r.getX() + 8, y, r.getWidth() - 16, 2);
    }

    private static double warnings(Graphics2D g, Comparison c, double y, double maxY) {
        Set<String> all = new LinkedHashSet<>(c.warnings());
        for (ExamInput e : c.exams()) {
            e.analysis().warnings().forEach(w -> all.add(e.label() + ": " + w));
        }
        if (all.isEmpty()) {
            return y;
        }
        g.setFont(ReportText.font(Font.PLAIN, 7.5f));
        g.setColor(new Color(170, 80, 0));
        double lh = g.getFontMetrics().getHeight();
        int room = Math.max(1, (int) Math.floor((maxY - y) / lh) + 1);
        int shown = 0;
        for (String w : all) {
            if (shown == room - 1 && all.size() > room) {
                ReportText.draw(g, "(" + (all.size() - shown) + " more warnings in comparison.json)", M, y);
                return y + lh;
            }
            y = ReportText.drawWrapped(g, "Warning: " + w, M, y, WIDTH_PT - 2 * M, 1);
            shown++;
        }
        return y;
    }

    private static void footer(Graphics2D g, Comparison c, double y) {
        g.setColor(new Color(200, 200, 200));
        g.draw(new java.awt.geom.Line2D.Double(M, y - 8, WIDTH_PT - M, y - 8));
        g.setFont(ReportText.font(Font.PLAIN, 6.5f));
        g.setColor(Color.GRAY);
        for (ExamInput e : c.exams()) {
            var in = e.analysis().input();
            AnalysisSettings s = e.analysis().settings();
            String sha = in.sha256() == null ? "-" : in.sha256().substring(0, Math.min(12, in.sha256().length()));
            String file = in.path() == null ? "-" : Path.of(in.path()).getFileName().toString();
            String line = e.label() + ": " + file + " (sha256 " + sha + "), " + in.format() + ", " + in.frames()
                    + " frames, " + ReportNumbers.day(in.frameIntervalS()) + " s/frame, timing " + in.timingSource()
                    + "; " + (s.linear() ? "linear data" : "dynamic range " + ReportNumbers.day(s.dynamicRangeDb())
                    + " dB" + (s.dynamicRangeAssumed() ? " (ASSUMED, not given)" : "")) + ", model "
                    + org.ceusperfusion.compare.SettingsConsistency.fittedModelLabel(e) + ", ROI " + e.roiName();
            ReportText.draw(g, ReportText.fit(g, line, WIDTH_PT - 2 * M), M, y);
            y += 8;
        }
        ReportText.draw(g, ReportText.fit(g, "95 % intervals: exams - measurement noise of the fitted frames "
                + "(correlated speckle); changes - " + c.options().changeIntervalCovers()
                + "; t0/TTP/TI/TO change in seconds.", WIDTH_PT - 2 * M), M, y);
        y += 8;
        ReportText.draw(g, "CEUS Perfusion " + Json.softwareVersion() + " - research use, not a medical device. "
                + "Amplitudes (PE, AUC) are comparable only with identical scanner settings.", M, y);
    }
}
