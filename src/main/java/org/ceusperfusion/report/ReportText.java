package org.ceusperfusion.report;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/** Text helpers for the report page: PDF-safe characters, word wrapping, drawing wrapped lines. */
final class ReportText {
    private ReportText() {
    }

    /**
     * Replaces every non-ASCII character by an ASCII equivalent (minus sign and dashes → "-", arrows →
     * "->", "≥" → ">=", middle dot → " ", accents dropped, Greek letters spelled out), because the PDF's
     * standard fonts show only ASCII here; the PNG uses the same text so both pages read the same.
     */
    static String safe(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c < 0x80) {
                b.append(c);
                continue;
            }
            switch (c) {
                case '\u2212', '\u2013', '\u2014' -> b.append('-');
                case '\u2192' -> b.append("->");
                case '\u2265' -> b.append(">=");
                case '\u2264' -> b.append("<=");
                case '\u00b1' -> b.append("+/-");
                case '\u00b7', '\u00a0' -> b.append(' ');
                case '\u00b2' -> b.append('2');
                case '\u00b3' -> b.append('3');
                case '\u00b5', '\u03bc' -> b.append("mu");
                case '\u03c3' -> b.append("sigma");
                case '\u0394' -> b.append("delta ");
                case '\u2026' -> b.append("...");
                case '\u2018', '\u2019' -> b.append('\'');
                case '\u201c', '\u201d' -> b.append('"');
                default -> b.append(Character.getType(c) == Character.NON_SPACING_MARK ? "" : "?");
            }
        }
        return b.toString();
    }

    /** @return the report's sans-serif font of {@code style} and {@code size} points */
    static Font font(int style, float size) {
        return new Font("SansSerif", style, 1).deriveFont(size);
    }

    /** @return {@code text} broken into lines no wider than {@code width} */
    static List<String> wrap(String text, FontMetrics fm, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : safe(text).split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(candidate) <= width || line.length() == 0) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * Draws {@code text} wrapped to {@code width}, first baseline at {@code y}.
     *
     * @return the baseline after the last line drawn
     */
    static double drawWrapped(Graphics2D g, String text, double x, double y, double width, int maxLines) {
        FontMetrics fm = g.getFontMetrics();
        double lh = fm.getHeight();
        List<String> lines = wrap(text, fm, width);
        for (int i = 0; i < lines.size() && i < maxLines; i++) {
            String l = lines.get(i);
            if (i == maxLines - 1 && lines.size() > maxLines) {
                l = l + " ...";
            }
            g.drawString(l, (float) x, (float) y);
            y += lh;
        }
        return y;
    }

    /** Draws {@code s} (made PDF-safe) with its left end at {@code x}. */
    static void draw(Graphics2D g, String s, double x, double y) {
        g.drawString(safe(s), (float) x, (float) y);
    }

    /** Draws {@code s} right-aligned at {@code right}. */
    static void drawRight(Graphics2D g, String s, double right, double y) {
        String t = safe(s);
        g.drawString(t, (float) (right - g.getFontMetrics().stringWidth(t)), (float) y);
    }

    /** @return {@code s} cut with "..." to fit {@code width} */
    static String fit(Graphics2D g, String s, double width) {
        String t = safe(s);
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(t) <= width) {
            return t;
        }
        while (t.length() > 1 && fm.stringWidth(t + "...") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "...";
    }
}
