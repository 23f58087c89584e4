package org.ceusperfusion.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/** A stacked horizontal bar of category probabilities with the non-negligible ones labelled. */
final class ProbabilityBar {
    static final double HEIGHT = 9;

    private ProbabilityBar() {
    }

    /**
     * Draws the bar with its top at {@code top}.
     *
     * @return the baseline for the next text line below the bar
     */
    static double draw(Graphics2D g, double[] p, String[] names, Color[] colours, double x, double top, double w) {
        double labelW = 26;
        g.setFont(ReportText.font(Font.PLAIN, 7f));
        g.setColor(Color.GRAY);
        ReportText.draw(g, "P(true)", x, top + 7);
        double bx = x + labelW;
        double bw = w - labelW;
        double cx = bx;
        for (int i = 0; i < p.length; i++) {
            double seg = Math.max(0, p[i]) * bw;
            if (seg <= 0) {
                continue;
            }
            g.setColor(colours[i]);
            g.fill(new Rectangle2D.Double(cx, top, seg, HEIGHT));
            String label = names[i] + " " + String.format(Locale.ROOT, "%.2f", p[i]);
            g.setFont(ReportText.font(Font.BOLD, 6.5f));
            if (g.getFontMetrics().stringWidth(label) + 4 <= seg) {
                g.setColor(Color.WHITE);
                ReportText.draw(g, label, cx + 2, top + 6.8);
            }
            cx += seg;
        }
        g.setColor(new Color(120, 120, 120));
        g.draw(new Rectangle2D.Double(bx, top, bw, HEIGHT));
        return top + HEIGHT + 10;
    }
}
