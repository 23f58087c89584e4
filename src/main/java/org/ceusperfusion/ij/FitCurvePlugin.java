package org.ceusperfusion.ij;

import ij.IJ;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.gui.Plot;
import ij.gui.PlotWindow;
import ij.macro.Interpreter;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import java.awt.Frame;
import java.awt.Window;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.CurveAnalyzer;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.tic.CurveCsv;

/**
 * {@code Plugins › CEUS Perfusion › Fit Curve...}: fits the time-intensity curve(s) of the current Plot window,
 * or of the Results table, with the same engine as {@code ceus analyze CURVE.csv} (frame rejection, fit window,
 * parameters with intervals, quality flags). The x column (or one named like time) is time in seconds; every
 * other numeric column is a curve. Macro: {@code run("Fit Curve...", "model=lognormal")}, with
 * {@code dynamic=40} when the values are grey levels to linearise. Results go to the
 * {@value AnalysisTables#TITLE} table and a TIC plot.
 */
public final class FitCurvePlugin implements PlugIn {
    /** The menu command. */
    public static final String COMMAND = "Fit Curve...";

    @Override
    public void run(String arg) {
        PluginErrors.run(COMMAND, () -> {
            MacroOptions mo = MacroOptions.current();
            String model = "lognormal";
            double dr = 0;
            if (mo != null) {
                model = mo.string("model", model);
                dr = mo.number("dynamic", 0);
            } else if (!PluginErrors.noDialogs()) {
                GenericDialog gd = new GenericDialog(COMMAND);
                gd.addChoice("Model:", new String[] {"lognormal", "gamma", "ldrw", "fpt", "auto", "replenishment"}, model);
                gd.addNumericField("Dynamic range (dB, 0 = values are linear):", 0, 1);
                gd.showDialog();
                if (gd.wasCanceled()) {
                    return;
                }
                model = gd.getNextChoice();
                dr = gd.getNextNumber();
            }
            Source s = current();
            LoopAnalysis a = fit(s.table(), s.title(), settings(model, dr));
            for (String w : a.warnings()) {
                IJ.log("CEUS Perfusion: " + s.title() + ": " + w);
            }
            AnalysisTables.toResultsTable(a).show(AnalysisTables.TITLE);
            if (!Interpreter.isBatchMode() && !PluginErrors.noDialogs()) {
                TicPlots.create(a, "CEUS TIC: " + s.title()).show();
            }
        });
    }

    /** The table to fit and a title. */
    record Source(ResultsTable table, String title) {
    }

    /** @return linear values with {@code dynamicRangeDb} ≤ 0, else grey levels with that range */
    static AnalysisSettings settings(String model, double dynamicRangeDb) {
        return dynamicRangeDb > 0 ? new AnalysisSettings(dynamicRangeDb, false, model)
                : new AnalysisSettings(null, true, model);
    }

    /**
     * Fits every curve of a table (dialog-free; for scripts and tests).
     *
     * @param table    columns: time (x) and one per curve
     * @param title    name for the results
     * @param settings model and linearisation
     * @return the analysis
     * @throws InputException when the table holds no time column or no curve
     */
    public static LoopAnalysis fit(ResultsTable table, String title, AnalysisSettings settings) {
        CurveCsv.Table t = CurveCsv.parse(toText(table), title);
        return CurveAnalyzer.analyze(t, title, null, null, settings);
    }

    /** The table as tab-separated text: the first x-like column becomes {@code time_s}; other x columns are dropped. */
    static String toText(ResultsTable rt) {
        String[] h = rt.getHeadings();
        java.util.List<Integer> cols = new java.util.ArrayList<>();
        java.util.List<String> names = new java.util.ArrayList<>();
        boolean timeSeen = false;
        for (int c = 0; c < h.length; c++) {
            boolean x = h[c].matches("(?i)x\\d*");
            if (!(x && timeSeen) && !h[c].equals("Label") && !h[c].isBlank()) {
                cols.add(c);
                names.add(x && !timeSeen ? "time_s" : h[c]);
            }
            timeSeen |= x;
        }
        StringBuilder sb = new StringBuilder(String.join("\t", names)).append('\n');
        for (int r = 0; r < rt.size(); r++) {
            java.util.List<String> cells = new java.util.ArrayList<>();
            for (int c : cols) {
                double v = rt.getValue(h[c], r);
                cells.add(Double.isNaN(v) ? "" : Double.toString(v));
            }
            sb.append(String.join("\t", cells)).append('\n');
        }
        return sb.toString();
    }

    /**
     * @return in a batch-mode macro the current image's plot (plots are then images without a window); else the
     *         front Plot window's data, else that of the current image when it is a plot; else the Results table
     */
    private static Source current() {
        ij.ImagePlus imp = WindowManager.getCurrentImage();
        boolean plotImage = imp != null && imp.getPlot() != null;
        if (plotImage && Interpreter.isBatchMode()) {
            return new Source(imp.getPlot().getResultsTable(), imp.getTitle());
        }
        Window w = WindowManager.getActiveWindow();
        Frame f = WindowManager.getFrontWindow();
        for (Object o : new Object[] {w, f, WindowManager.getCurrentWindow()}) {
            if (o instanceof PlotWindow pw) {
                Plot p = pw.getPlot();
                return new Source(p.getResultsTable(), pw.getTitle());
            }
        }
        if (plotImage) {
            return new Source(imp.getPlot().getResultsTable(), imp.getTitle());
        }
        ResultsTable rt = ResultsTable.getResultsTable();
        if (rt == null || rt.size() == 0) {
            throw new InputException(COMMAND, "no Plot window in front and no Results table: plot or list a curve"
                    + " (time in s and one column per curve) first");
        }
        return new Source(rt, "Results");
    }
}
