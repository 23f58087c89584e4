package org.ceusperfusion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.FitStatus;
import org.ceusperfusion.model.LognormalModel;
import org.ceusperfusion.model.RecirculationModel;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** tic.png shows a fitted recirculation: the whole fit, the first pass alone (dashed) and the recirculation onset. */
class TicChartRecirculationTest {

    @Test
    void firstPassAndRecirculationOnsetAreDrawn() {
        RecirculationModel rm = new RecirculationModel(new LognormalModel(), 5);
        double[] p = rm.withRecirculation(new double[] {30, 3000, Math.log(10), 0.45, 4}, 0.3, 15, 1.5);
        double[] t = new double[81];
        double[] y = new double[81];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
            y[i] = rm.value(t[i], p);
        }
        FitResult fit = new FitResult(rm, FitStatus.OK, "", p, null, 1, 0, t.length, 5, 0, 80);
        TicChart.Curve c = new TicChart.Curve("tumour", t, y, fit, null);
        XYPlot plot = (XYPlot) TicChart.create("t", List.of(c)).getPlot();
        XYDataset fits = plot.getDataset(0);
        assertEquals(2, fits.getSeriesCount(), "whole fit and first pass");
        assertTrue(fits.getSeriesKey(1).toString().contains("first pass"), fits.getSeriesKey(1).toString());
        double at30 = fits.getYValue(1, indexNear(fits, 1, 30));
        assertEquals(new LognormalModel().value(30, rm.firstPassParameters(p)), at30, 0.5,
                "the dashed curve is the first pass alone");
        assertTrue(fits.getYValue(0, indexNear(fits, 0, 30)) > at30 + 10, "the whole fit includes the recirculation");
        TicChart.markWindow(plot, new org.ceusperfusion.analysis.CurveFindings(0, 80, "recirculation", null,
                Double.NaN, Double.NaN, null), fit);
        boolean onset = plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).stream()
                .anyMatch(m -> m instanceof ValueMarker v && Math.abs(v.getValue() - 19) < 1e-9);
        assertTrue(onset, "the recirculation onset (t0 + delay = 19 s) is marked");
    }

    private static int indexNear(XYDataset d, int series, double x) {
        int best = 0;
        for (int i = 0; i < d.getItemCount(series); i++) {
            if (Math.abs(d.getXValue(series, i) - x) < Math.abs(d.getXValue(series, best) - x)) {
                best = i;
            }
        }
        return best;
    }
}
