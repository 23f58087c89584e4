package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.measure.ResultsTable;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.params.PerfusionParameter;
import org.junit.jupiter.api.Test;

/** Fit Curve...: the curve of a Plot (columns X, Y) or a Results table, through the curve engine. */
class FitCurvePluginTest {

    @Test
    void fitsAPlotTableAndRejectsItsFlashFrame() {
        ResultsTable rt = new ResultsTable();
        for (int i = 0; i < 120; i++) {
            double t = i * 0.5;
            double tau = t - 5;
            double y = 10 + (tau > 0 ? 1000 / (Math.sqrt(2 * Math.PI) * 0.5 * tau)
                    * Math.exp(-Math.pow(Math.log(tau) - Math.log(12), 2) / 0.5) : 0);
            rt.incrementCounter();
            rt.addValue("X", t);
            rt.addValue("Y", i == 60 ? 3 * y : y);
        }
        LoopAnalysis a = FitCurvePlugin.fit(rt, "Plot", FitCurvePlugin.settings("lognormal", 0));
        var roi = a.target();
        assertEquals("Y", roi.name());
        // truth of the noise-free lognormal: TTP = 5 + 12·e^(−0.25) = 14.346 s, AUC = 1000
        assertEquals(5 + 12 * Math.exp(-0.25), roi.parameters().value(PerfusionParameter.TTP), 0.01);
        assertEquals(1000, roi.parameters().value(PerfusionParameter.AUC), 5);
        assertEquals(61, roi.motion().selection().rejected().get(0).frame());
        assertTrue(a.settings().linear());
    }
}
