package org.ceusperfusion.maps;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * A parameter map as a colour overlay on the loop's mean frame, with a colour bar, its range and the
 * unit (Java2D, headless). Pixels not mapped show the grey mean frame only; {@link MapStatus#NO_BOLUS}
 * pixels are black (evidence of no enhancement, on every map) and {@link MapStatus#COULD_NOT_FIT} pixels
 * magenta (nothing known), both explained under the colour bar.
 * Package-private; {@link MapWriter} encodes the image as PNG.
 */
final class MapOverlay {
    /** Colour of {@link MapStatus#NO_BOLUS} pixels (evidence of no enhancement), whatever the parameter. */
    static final int NO_BOLUS_RGB = 0x000000;
    /** Colour of {@link MapStatus#COULD_NOT_FIT} pixels (values unknown). */
    static final int COULD_NOT_FIT_RGB = 0xff00ff;
    /** Opacity of the colour over the grey frame. */
    static final double ALPHA = 0.75;
    private static final int MIN_WIDTH = 480;
    private static final int BAR_AREA = 120;
    private static final int TITLE = 28;

    private MapOverlay() {
    }

    /**
     * @param m     the maps
     * @param image one map of {@code m}
     * @param title e.g. {@code PE}
     * @param unit  e.g. {@code a.u.}
     * @param range {@code [lo, hi]} of the colour scale
     * @return the overlay with its colour bar
     */
    static BufferedImage render(ParametricMaps m, float[] image, String title, String unit, double[] range) {
        int w = m.width();
        int h = m.height();
        int s = Math.max(1, Math.min(8, (MIN_WIDTH + w - 1) / w));
        int plotH = Math.max(h * s, 220);
        BufferedImage img = new BufferedImage(w * s + BAR_AREA, plotH + TITLE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        drawPixels(img, m, image, range, s);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title + " (" + unit + ")", 6, 19);
        drawBar(g, w * s + 20, TITLE + 10, Math.min(plotH - 64, 240), range, unit);
        g.dispose();
        return img;
    }

    /** @return a tiny image drawn with the overlay's fonts and colours (to warm up Java2D) */
    static BufferedImage sample() {
        BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("PE", 2, 14);
        drawBar(g, 2, 16, 20, new double[] {0, 1}, "s");
        g.dispose();
        return img;
    }

    private static void drawPixels(BufferedImage img, ParametricMaps m, float[] image, double[] range, int s) {
        int w = m.width();
        float[] mean = m.meanFrame();
        double[] greyRange = finiteRange(mean);
        double span = range[1] - range[0];
        int[] data = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int stride = img.getWidth();
        for (int y = 0; y < m.height(); y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int grey = (int) Math.round(255 * clamp((mean[i] - greyRange[0]) / (greyRange[1] - greyRange[0])));
                int rgb = (grey << 16) | (grey << 8) | grey;
                MapStatus st = m.mapped()[i] ? MapStatus.of(m.status()[i]) : null;
                if (st == MapStatus.NO_BOLUS) {
                    rgb = blend(rgb, NO_BOLUS_RGB);
                } else if (st == MapStatus.COULD_NOT_FIT) {
                    rgb = blend(rgb, COULD_NOT_FIT_RGB);
                } else if (st != null && Float.isFinite(image[i])) {
                    rgb = blend(rgb, MapColours.rgb(span > 0 ? (image[i] - range[0]) / span : 0.5));
                }
                for (int dy = 0; dy < s; dy++) {
                    int row = (TITLE + y * s + dy) * stride + x * s;
                    java.util.Arrays.fill(data, row, row + s, rgb);
                }
            }
        }
    }

    private static void drawBar(Graphics2D g, int x, int y, int height, double[] range, String unit) {
        int barW = 18;
        for (int j = 0; j < height; j++) {
            g.setColor(new Color(MapColours.rgb(1.0 - j / (double) (height - 1))));
            g.drawLine(x, y + j, x + barW, y + j);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, barW, height - 1);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int k = 0; k <= 4; k++) {
            int ty = y + (int) Math.round((height - 1) * (1 - k / 4.0));
            g.drawLine(x + barW, ty, x + barW + 4, ty);
            g.drawString(label(range[0] + k / 4.0 * (range[1] - range[0])), x + barW + 7, ty + 4);
        }
        g.drawString(unit, x, y + height + 16);
        legend(g, x, y + height + 24, NO_BOLUS_RGB, "no bolus");
        legend(g, x, y + height + 40, COULD_NOT_FIT_RGB, "not fitted");
    }

    private static void legend(Graphics2D g, int x, int y, int rgb, String text) {
        g.setColor(new Color(rgb));
        g.fillRect(x, y, 10, 10);
        g.setColor(Color.BLACK);
        g.drawRect(x, y, 10, 10);
        g.drawString(text, x + 14, y + 10);
    }

    /** @return a short number label */
    static String label(double v) {
        double a = Math.abs(v);
        String f = a != 0 && (a >= 10000 || a < 0.01) ? "%.2g" : a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, f, v);
    }

    private static int blend(int grey, int colour) {
        int r = mix((grey >> 16) & 0xff, (colour >> 16) & 0xff);
        int gg = mix((grey >> 8) & 0xff, (colour >> 8) & 0xff);
        int b = mix(grey & 0xff, colour & 0xff);
        return (r << 16) | (gg << 8) | b;
    }

    private static int mix(int a, int b) {
        return (int) Math.round((1 - ALPHA) * a + ALPHA * b);
    }

    private static double clamp(double v) {
        return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
    }

    private static double[] finiteRange(float[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float x : v) {
            if (Float.isFinite(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        return lo < hi ? new double[] {lo, hi} : new double[] {0, Math.max(1, hi)};
    }
}
