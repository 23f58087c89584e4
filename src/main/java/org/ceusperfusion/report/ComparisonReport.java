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
import java.util.Locale;
import java.util.Set;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ExamInput;
import org.ceusperfusion.compare.PercentChange;
import org.ceusperfusion.compare.PerfusionResponse;
import org.ceusperfusion.compare.SizeCategory;
import org.ceusperfusion.compare.SizeResponse;
import org.jfree.chart.JFreeChart;

/**
 * The one-page comparison report, drawn with Java2D and JFreeChart onto any {@link Graphics2D}, so the
 * same code renders the vector PDF and the PNG.
 *
 * <p>Layout (A4 landscape, {@value #WIDTH_PT} × {@value #HEIGHT_PT} pt): title and exams; the summary
 * sentence in a tinted box; TICs of all exams with fits (left) beside the parameter table with % changes
 * and 95 % CIs (right); the timeline of volume, sum of diameters, AUC, necrosis and non-enhancing
 * fraction (left) beside the response block (right); warnings; a provenance footer (files, SHA-256
 * prefixes, settings, software version).
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
        ReportText.draw(g, subtitle(c), M, M + 27);
        summaryBox(g, c, new Rectangle2D.Double(M, 58, WIDTH_PT - 2 * M, 30));
        double rightX = SPLIT + 10;
        double rightW = WIDTH_PT - M - rightX;
        JFreeChart tics = ComparisonCharts.tics(c);
        tics.draw(g, new Rectangle2D.Double(M - 4, 94, SPLIT - M + 4, 222));
        ParameterTable.draw(g, new Rectangle2D.Double(rightX, 98, rightW, 236), c,
                c.response().perfusion() == null ? null : org.ceusperfusion.params.PerfusionParameter.AUC);
        JFreeChart timeline = ComparisonCharts.timeline(c);
        if (timeline != null) {
            timeline.draw(g, new Rectangle2D.Double(M - 4, 320, SPLIT - M + 4, 172));
        }
        responseBlock(g, c, new Rectangle2D.Double(rightX, 318, rightW, 168));
        double y = warnings(g, c, 500);
        footer(g, c, Math.max(y + 4, 548));
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

    private static void responseBlock(Graphics2D g, Comparison c, Rectangle2D r) {
        g.setColor(new Color(200, 200, 200));
        g.setStroke(new BasicStroke(0.8f));
        g.draw(new RoundRectangle2D.Double(r.getX(), r.getY(), r.getWidth(), r.getHeight(), 6, 6));
        double x = r.getX() + 8;
        double w = r.getWidth() - 16;
        double y = r.getY() + 14;
        g.setColor(Color.BLACK);
        g.setFont(ReportText.font(Font.BOLD, 10));
        ReportText.draw(g, "Response of " + c.exams().get(c.exams().size() - 1).label() + " vs "
                + c.exams().get(0).label(), x, y);
        y += 16;
        SizeResponse s = c.response().size();
        if (s == null) {
            y = line(g, "Size: ", "no diameters for baseline and last exam", null, x, y, w);
        } else {
            String prob = String.format(Locale.ROOT, "P(CR) %.2f, P(PR) %.2f, P(SD) %.2f, P(PD) %.2f",
                    s.probability(SizeCategory.CR), s.probability(SizeCategory.PR),
                    s.probability(SizeCategory.SD), s.probability(SizeCategory.PD));
            y = line(g, "Size: ", s.category() + (s.indeterminate() ? " (indeterminate)" : ""),
                    s.indeterminate() ? new Color(200, 110, 0) : null, x, y, w);
            y = detail(g, s.criteria() + "; sum of diameters " + Num.pct(s.pctFromBaseline()) + " vs baseline, "
                    + Num.pct(s.pctFromNadir()) + " (" + ReportNumbers.signedMm(s.mmFromNadir())
                    + ") vs smallest; " + prob + "; SD " + ReportNumbers.day(s.measurementSdMm())
                    + " mm per diameter", x, y, w);
        }
        y += 4;
        PerfusionResponse p = c.response().perfusion();
        if (p == null) {
            line(g, "Perfusion: ", "not computable (rule parameter missing)", null, x, y, w);
            return;
        }
        Double pr = p.probability().get(PerfusionResponse.RESPONDER);
        y = line(g, "Perfusion: ", p.category() + (p.indeterminate() ? " (indeterminate)" : ""),
                p.indeterminate() ? new Color(200, 110, 0) : null, x, y, w);
        PercentChange ch = p.change();
        y = detail(g, "Change from baseline: " + Num.pct(ch.pct()) + (ch.hasCi() ? String.format(Locale.ROOT,
                " (95 %% CI %+.1f to %+.1f %%)", ch.lo(), ch.hi()) : " (no CI)"), x, y, w);
        detail(g, "Rule: " + p.rule() + (pr == null ? "" : String.format(Locale.ROOT,
                "; probability the true change meets it: %.2f", pr)), x, y, w);
    }

    private static double line(Graphics2D g, String head, String value, Color colour, double x, double y, double w) {
        g.setFont(ReportText.font(Font.BOLD, 9));
        g.setColor(Color.BLACK);
        ReportText.draw(g, head, x, y);
        double hw = g.getFontMetrics().stringWidth(head);
        g.setColor(colour == null ? new Color(20, 40, 90) : colour);
        ReportText.draw(g, value, x + hw, y);
        return y + 12;
    }

    private static double detail(Graphics2D g, String text, double x, double y, double w) {
        g.setFont(ReportText.font(Font.PLAIN, 7.5f));
        g.setColor(Color.DARK_GRAY);
        return ReportText.drawWrapped(g, text, x, y, w, 4);
    }

    private static double warnings(Graphics2D g, Comparison c, double y) {
        Set<String> all = new LinkedHashSet<>(c.warnings());
        for (ExamInput e : c.exams()) {
            e.analysis().warnings().forEach(w -> all.add(e.label() + ": " + w));
        }
        if (all.isEmpty()) {
            return y;
        }
        g.setFont(ReportText.font(Font.PLAIN, 7.5f));
        g.setColor(new Color(170, 80, 0));
        int shown = 0;
        for (String w : all) {
            if (shown++ == 4) {
                ReportText.draw(g, "(" + (all.size() - 4) + " more warnings in comparison.json)", M, y);
                return y + 9;
            }
            y = ReportText.drawWrapped(g, "Warning: " + w, M, y, WIDTH_PT - 2 * M, 1);
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
                    + " dB") + ", model " + s.model() + ", ROI " + e.roiName();
            ReportText.draw(g, ReportText.fit(g, line, WIDTH_PT - 2 * M), M, y);
            y += 8;
        }
        ReportText.draw(g, "CEUS Perfusion " + Json.softwareVersion() + " - research use, not a medical device. "
                + "Amplitudes (PE, AUC) are comparable only with identical scanner settings.", M, y);
    }
}
