package org.ceusperfusion.ij;

import ij.measure.ResultsTable;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.params.PerfusionParameter;

/**
 * An analysis as an ImageJ {@link ResultsTable}: one row per ROI with the image, its name, role, fit
 * status, fitted model, R², area (pixels, and mm² when the pixel size is known, else NaN), every perfusion parameter and
 * its 95 % confidence interval ({@code <name>_lo}, {@code <name>_hi}). Column names are the stable labels
 * of {@link PerfusionParameter}, as in {@code analysis.json}.
 *
 * <p>As ImageJ's {@code Measure}, each run appends its rows to the table {@value #TITLE}; the last run's
 * rows are at the end ({@code Table.size - 1} in a macro).
 */
public final class AnalysisTables {
    /** Title of the table shown by {@code Analyze TIC...}. */
    public static final String TITLE = "CEUS Perfusion";

    private AnalysisTables() {
    }

    /** @return a new table with one row per ROI of {@code analysis} (not shown), image column empty */
    public static ResultsTable toResultsTable(LoopAnalysis analysis) {
        ResultsTable rt = new ResultsTable();
        rt.setPrecision(6);
        append(rt, "", analysis);
        return rt;
    }

    /**
     * Appends the rows of {@code analysis} to the table {@value #TITLE} (created when absent) and shows it.
     *
     * @param image    the image title
     * @param analysis the analysis
     * @return the table
     */
    public static ResultsTable publish(String image, LoopAnalysis analysis) {
        ResultsTable rt = ResultsTable.getResultsTable(TITLE);
        if (rt == null) {
            rt = new ResultsTable();
            rt.setPrecision(6);
        }
        append(rt, image, analysis);
        rt.show(TITLE);
        return rt;
    }

    /** Appends one row per ROI of {@code analysis}, with {@code image} in the column {@code Image}. */
    public static void append(ResultsTable rt, String image, LoopAnalysis analysis) {
        for (RoiAnalysis roi : analysis.rois()) {
            rt.incrementCounter();
            rt.addValue("Image", image);
            rt.addValue("ROI", roi.name());
            rt.addValue("Role", roi.role().label());
            rt.addValue("Status", roi.fit().status().name());
            rt.addValue("Model", roi.fit().model() == null ? "" : roi.fit().model().name());
            rt.addValue("R2", roi.fit().r2());
            rt.addValue("Area_px", roi.areaPx());
            rt.addValue("Area_mm2", roi.areaMm2() == null ? Double.NaN : roi.areaMm2());
            rt.addValue("NonEnhancing", roi.nonEnhancingFraction());
            rt.addValue("DR_dB", analysis.settings().linear() ? "linear"
                    : analysis.settings().dynamicRangeDb() + (analysis.settings().dynamicRangeAssumed() ? " (assumed)" : ""));
            rt.addValue("CI_covers", roi.parameters().intervals().covers());
            for (PerfusionParameter p : PerfusionParameter.values()) {
                double[] ci = roi.parameters().ci(p);
                rt.addValue(p.label(), roi.parameters().value(p));
                rt.addValue(p.label() + "_lo", ci[0]);
                rt.addValue(p.label() + "_hi", ci[1]);
            }
        }
    }
}
