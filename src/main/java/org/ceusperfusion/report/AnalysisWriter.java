package org.ceusperfusion.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ceusperfusion.analysis.LoopAnalysis;

/** Writes the files of one analysis: {@code analysis.json}, {@code tic.csv}, {@code tic.png}. */
public final class AnalysisWriter {
    /** Size of {@code tic.png}, pixels. */
    public static final int PNG_WIDTH = 1000;
    /** Height of {@code tic.png}, pixels. */
    public static final int PNG_HEIGHT = 650;

    private AnalysisWriter() {
    }

    /**
     * Writes every output of {@code analysis} into {@code outDir} atomically (temporary names, then rename):
     * either all three files appear or none.
     *
     * @param analysis the analysis
     * @param outDir   the output folder, created when missing
     * @throws IOException when a file cannot be written; nothing is left under the final names then
     */
    public static void writeAll(LoopAnalysis analysis, Path outDir) throws IOException {
        // the plot (most of the writing time) is drawn beside the JSON and the CSV; the same bytes
        var png = org.ceusperfusion.io.DecodeThreads.beside(() -> pngBytes(analysis));
        Map<String, AtomicFiles.Content> files = files(analysis);
        files.put("tic.png", out -> {
            try {
                out.write(png.join());
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        });
        AtomicFiles.writeAll(outDir, files);
    }

    /**
     * Loads and initialises what drawing {@code tic.png} needs (JFreeChart's plot, axes and renderer, Java2D
     * and its fonts, the PNG writer) by drawing a small chart into memory, so that a caller can do it while
     * the loop is read instead of at the end; the first chart of a process costs several times the next
     * ones. Failures are ignored (writing reports them).
     *
     * @return whether the chart was drawn
     */
    public static boolean warmUp() {
        try {
            org.jfree.data.xy.XYSeries s = new org.jfree.data.xy.XYSeries("warm-up");
            s.add(0.0, 1.0);
            s.add(1.0, 2.0);
            org.jfree.chart.plot.XYPlot plot = new org.jfree.chart.plot.XYPlot(
                    new org.jfree.data.xy.XYSeriesCollection(s), new org.jfree.chart.axis.NumberAxis("time (s)"),
                    new org.jfree.chart.axis.NumberAxis("power"),
                    new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, true));
            org.jfree.chart.JFreeChart chart = new org.jfree.chart.JFreeChart("warm-up",
                    new java.awt.Font("SansSerif", java.awt.Font.BOLD, 14), plot, true);
            ChartExport.writePng(chart, 200, 130, java.io.OutputStream.nullOutputStream());
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] pngBytes(LoopAnalysis analysis) {
        var bytes = new java.io.ByteArrayOutputStream(1 << 17);
        try {
            ChartExport.writePng(TicChart.of(analysis), PNG_WIDTH, PNG_HEIGHT, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @return file name → content of the three outputs, for callers that bundle them with others */
    public static Map<String, AtomicFiles.Content> files(LoopAnalysis analysis) {
        Map<String, AtomicFiles.Content> files = new LinkedHashMap<>();
        files.put("analysis.json", out -> Json.write(AnalysisJson.toJson(analysis), out));
        files.put("tic.csv", out -> TicCsv.write(analysis, out));
        files.put("tic.png", out -> ChartExport.writePng(TicChart.of(analysis), PNG_WIDTH, PNG_HEIGHT, out));
        return files;
    }
}
