package org.ceusperfusion.ij;

import ij.measure.ResultsTable;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.params.PerfusionParameter;

/**
 * An analysis as an ImageJ {@link ResultsTable}: one row per ROI with its name, role, fit status, R², every
 * perfusion parameter and its 95 % confidence interval ({@code <name>_lo}, {@code <name>_hi}).
 * Column names are the stable labels of {@link PerfusionParameter}, as in {@code analysis.json}.
 */
public final class AnalysisTables {
    /** Title of the table shown by {@code Analyze TIC...}. */
    public static final String TITLE = "CEUS Perfusion";

    private AnalysisTables() {
    }

    /** @return a new table with one row per ROI of {@code analysis} (not shown) */
    public static ResultsTable toResultsTable(LoopAnalysis analysis) {
        ResultsTable rt = new ResultsTable();
        rt.setPrecision(6);
        for (RoiAnalysis roi : analysis.rois()) {
            rt.incrementCounter();
            rt.addValue("ROI", roi.name());
            rt.addValue("Role", roi.role().label());
            rt.addValue("Status", roi.fit().status().name());
            rt.addValue("R2", roi.fit().r2());
            rt.addValue("Area_px", roi.areaPx());
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
        return rt;
    }
}
