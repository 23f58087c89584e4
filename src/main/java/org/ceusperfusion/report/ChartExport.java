package org.ceusperfusion.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.Page;

/**
 * Renders charts and whole pages to PNG (raster, {@code java.awt} without a display) and to PDF
 * (vector, {@code org.jfree.pdf}). One {@link Drawing} serves both, so the PNG and the PDF show the
 * same thing.
 */
public final class ChartExport {
    private ChartExport() {
    }

    /** Something that draws itself into a rectangle of a {@link Graphics2D}. */
    @FunctionalInterface
    public interface Drawing {
        /**
         * @param g    the graphics, in page units (points for PDF)
         * @param area where to draw
         */
        void draw(Graphics2D g, Rectangle2D area);
    }

    /** @return a drawing of {@code chart} filling its area */
    public static Drawing of(JFreeChart chart) {
        return (g, area) -> chart.draw(g, area);
    }

    /**
     * Writes a PNG of {@code widthPx × heightPx} pixels.
     *
     * @param d      what to draw, in a {@code width/scale × height/scale} coordinate space
     * @param scale  pixels per drawing unit (e.g. 2 for a sharper page)
     */
    public static void writePng(Drawing d, int widthPx, int heightPx, double scale, OutputStream out)
            throws IOException {
        BufferedImage img = render(d, widthPx, heightPx, scale);
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer available");
        }
    }

    /**
     * @param d     what to draw, in a {@code width/scale × height/scale} coordinate space
     * @param scale pixels per drawing unit
     * @return an RGB image of {@code widthPx × heightPx} pixels showing {@code d}
     */
    public static BufferedImage render(Drawing d, int widthPx, int heightPx, double scale) {
        BufferedImage img = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setPaint(Color.WHITE);
            g.fillRect(0, 0, widthPx, heightPx);
            g.scale(scale, scale);
            d.draw(g, new Rectangle2D.Double(0, 0, widthPx / scale, heightPx / scale));
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes a PNG of {@code chart}, {@code widthPx × heightPx} pixels. */
    public static void writePng(JFreeChart chart, int widthPx, int heightPx, OutputStream out) throws IOException {
        writePng(of(chart), widthPx, heightPx, 1.0, out);
    }

    /** @return the bytes of a one-page vector PDF of {@code widthPt × heightPt} points showing {@code d} */
    public static byte[] pdfBytes(Drawing d, double widthPt, double heightPt, String title) {
        PDFDocument doc = new PDFDocument();
        doc.setTitle(title);
        doc.setAuthor("CEUS Perfusion " + Json.softwareVersion());
        Page page = doc.createPage(new Rectangle2D.Double(0, 0, widthPt, heightPt));
        PDFGraphics2D g = page.getGraphics2D();
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        d.draw(g, new Rectangle2D.Double(0, 0, widthPt, heightPt));
        return doc.getPDFBytes();
    }

    /** Writes a one-page vector PDF of {@code widthPt × heightPt} points showing {@code d}. */
    public static void writePdf(Drawing d, double widthPt, double heightPt, String title, OutputStream out)
            throws IOException {
        out.write(pdfBytes(d, widthPt, heightPt, title));
    }

    /** Writes a one-page vector PDF of {@code chart}. */
    public static void writePdf(JFreeChart chart, double widthPt, double heightPt, OutputStream out)
            throws IOException {
        String t = chart.getTitle() == null ? "chart" : chart.getTitle().getText();
        writePdf(of(chart), widthPt, heightPt, t, out);
    }
}
