package org.ceusperfusion.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Locale;
import java.util.Map;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ExamChange;
import org.ceusperfusion.compare.ExamEstimates;
import org.ceusperfusion.compare.PercentChange;
import org.ceusperfusion.compare.PerfusionResponse;
import org.ceusperfusion.compare.RatioEstimate;
import org.ceusperfusion.compare.SizeCategory;
import org.ceusperfusion.compare.SizeResponse;
import org.ceusperfusion.params.PerfusionParameter;

/**
 * The report's response block: the RECIST-like size category and the perfusion category of the last
 * exam, each with a bar of category probabilities, then the reference-normalised change of the rule's
 * parameter. Draws inside its rectangle only (text is wrapped or cut to fit).
 */
final class ResponseBlock {
    static final Color UNCERTAIN = new Color(200, 110, 0);
    private static final Color NAVY = new Color(20, 40, 90);
    private static final Map<SizeCategory, Color> SIZE_COLOURS = Map.of(SizeCategory.CR, new Color(0, 130, 90),
            SizeCategory.PR, new Color(90, 180, 140), SizeCategory.SD, new Color(150, 150, 160),
            SizeCategory.PD, new Color(200, 60, 50));

    private ResponseBlock() {
    }

    static void draw(Graphics2D g, Comparison c, Rectangle2D r) {
        g.setColor(new Color(200, 200, 200));
        g.setStroke(new BasicStroke(0.8f));
        g.draw(new RoundRectangle2D.Double(r.getX(), r.getY(), r.getWidth(), r.getHeight(), 6, 6));
        java.awt.Shape clip = g.getClip();
        g.clip(r);
        double x = r.getX() + 8;
        double w = r.getWidth() - 16;
        double y = r.getY() + 15;
        g.setColor(Color.BLACK);
        g.setFont(ReportText.font(Font.BOLD, 10));
        ReportText.draw(g, ReportText.fit(g, "Response of " + c.exams().get(c.exams().size() - 1).label() + " vs "
                + c.exams().get(0).label(), w), x, y);
        y = size(g, c.response().size(), x, y + 17, w);
        y = perfusion(g, c, x, y + 6, w);
        reference(g, c, x, y + 4, w);
        g.setClip(clip);
    }

    private static double size(Graphics2D g, SizeResponse s, double x, double y, double w) {
        if (s == null) {
            return line(g, "Size: ", "no diameters", null, x, y);
        }
        y = line(g, "Size (RECIST-like, US): ", s.category() + (s.newLesion() ? " (new lesion)" : "")
                + (s.indeterminate() ? " - indeterminate" : ""), s.indeterminate() ? UNCERTAIN : null, x, y);
        String text = Double.isFinite(s.pctFromBaseline())
                ? "Sum of diameters " + Num.pct(s.pctFromBaseline()) + " vs baseline, " + Num.pct(s.pctFromNadir())
                + " (" + ReportNumbers.signedMm(s.mmFromNadir()) + ") vs smallest; error SD "
                + ReportNumbers.day(s.measurementSdMm()) + " mm per diameter."
                : "New lesion reported; no diameters.";
        y = detail(g, text, x, y, w, 2);
        double[] p = new double[SizeCategory.values().length];
        String[] names = new String[p.length];
        Color[] cols = new Color[p.length];
        for (SizeCategory k : SizeCategory.values()) {
            p[k.ordinal()] = s.probability(k);
            names[k.ordinal()] = k.name();
            cols[k.ordinal()] = SIZE_COLOURS.get(k);
        }
        return ProbabilityBar.draw(g, p, names, cols, x, y - 6, w);
    }

    private static double perfusion(Graphics2D g, Comparison c, double x, double y, double w) {
        PerfusionResponse p = c.response().perfusion();
        if (p == null) {
            return line(g, "Perfusion: ", "not computable", null, x, y);
        }
        y = line(g, "Perfusion: ", p.category() + (p.indeterminate() ? " - indeterminate" : ""),
                p.indeterminate() ? UNCERTAIN : null, x, y);
        PercentChange ch = p.change();
        String param = c.options().perfusionRule().parameter().label();
        y = detail(g, param + " " + Num.pct(ch.pct()) + (ch.hasCi() ? String.format(Locale.ROOT,
                " (95 %% CI %+.1f to %+.1f %%)", ch.lo(), ch.hi()) : " (no CI)") + ". Rule: " + p.rule() + ".", x, y, w, 3);
        Double pr = p.probability().get(PerfusionResponse.RESPONDER);
        if (pr == null) {
            return y;
        }
        return ProbabilityBar.draw(g, new double[] {pr, 1 - pr}, new String[] {"responder", "non-responder"},
                new Color[] {new Color(0, 130, 90), new Color(150, 150, 160)}, x, y - 6, w);
    }

    private static void reference(Graphics2D g, Comparison c, double x, double y, double w) {
        PerfusionParameter p = c.options().perfusionRule().parameter();
        ExamChange overall = c.overall();
        PercentChange rc = overall.ratioChange(p);
        ExamEstimates first = c.estimates(0);
        ExamEstimates last = c.estimates(c.exams().size() - 1);
        String text;
        if (rc == null || first.ratio(p) == null || last.ratio(p) == null) {
            text = "Reference-normalised: no reference ROI in every exam; absolute amplitudes assume identical "
                    + "scanner settings.";
        } else {
            RatioEstimate a = first.ratio(p);
            RatioEstimate b = last.ratio(p);
            text = "Reference-normalised (" + c.exams().get(0).roiName() + " / " + first.referenceName() + "): "
                    + p.label() + " ratio " + Num.show(a.value()) + " -> " + Num.show(b.value()) + ", "
                    + Num.pct(rc.pct()) + (rc.hasCi() ? String.format(Locale.ROOT, " (95 %% CI %+.1f to %+.1f %%)",
                    rc.lo(), rc.hi()) : "") + ".";
        }
        g.setFont(ReportText.font(Font.BOLD, 8.5f));
        g.setColor(Color.BLACK);
        ReportText.draw(g, "Reference", x, y);
        detail(g, text, x, y + 11, w, 3);
    }

    private static double line(Graphics2D g, String head, String value, Color colour, double x, double y) {
        g.setFont(ReportText.font(Font.BOLD, 9));
        g.setColor(Color.BLACK);
        ReportText.draw(g, head, x, y);
        double hw = g.getFontMetrics().stringWidth(ReportText.safe(head));
        g.setColor(colour == null ? NAVY : colour);
        ReportText.draw(g, value, x + hw, y);
        return y + 11;
    }

    private static double detail(Graphics2D g, String text, double x, double y, double w, int maxLines) {
        g.setFont(ReportText.font(Font.PLAIN, 7.5f));
        g.setColor(Color.DARK_GRAY);
        return ReportText.drawWrapped(g, text, x, y, w, maxLines);
    }
}
