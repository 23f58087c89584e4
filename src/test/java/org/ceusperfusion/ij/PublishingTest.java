package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.Plot;
import ij.measure.ResultsTable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.InputInfo;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.analysis.RoiRole;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.FitStatus;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.params.ParameterEstimates;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.tic.TimeIntensityCurve;
import org.junit.jupiter.api.Test;

/** The ResultsTable and Plot views of an analysis, on a hand-made analysis with known values. */
class PublishingTest {
    /** f(t) = O + A·τ·e^(−τ), τ = t − t0 (only {@link #value} is needed here). */
    static final class TestModel implements BolusModel {
        public String name() {
            return "test";
        }

        public List<String> parameterNames() {
            return List.of("O", "A", "t0");
        }

        public double value(double t, double[] p) {
            double tau = t - p[2];
            return p[0] + (tau > 0 ? p[1] * tau * Math.exp(-tau) : 0);
        }

        public void gradient(double t, double[] p, double[] out) {
            throw new UnsupportedOperationException();
        }

        public double[] initialGuess(double[] t, double[] y) {
            return null;
        }

        public double[] lowerBounds(double[] t, double[] y) {
            return null;
        }

        public double[] upperBounds(double[] t, double[] y) {
            return null;
        }

        public double baseline(double[] p) {
            return p[0];
        }

        public double onsetS(double[] p) {
            return p[2];
        }

        public double area(double[] p) {
            return p[1];
        }

        public double meanTransitTimeS(double[] p) {
            return 2;
        }

        public double timeToPeakS(double[] p) {
            return p[2] + 1;
        }

        public double peakEnhancement(double[] p) {
            return p[1] / Math.E;
        }
    }

    static LoopAnalysis analysis() {
        double[] t = {0, 1, 2, 3, 4};
        double[] p = {1, 10, 0.5};
        TestModel model = new TestModel();
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = model.value(t[i], p);
        }
        FitResult ok = new FitResult(model, FitStatus.OK, "", p, null, 0.98, 0.1, 5, 7, 0, 4);
        Map<PerfusionParameter, Double> v = new EnumMap<>(PerfusionParameter.class);
        Map<PerfusionParameter, double[]> ci = new EnumMap<>(PerfusionParameter.class);
        v.put(PerfusionParameter.PE, 10 / Math.E);
        ci.put(PerfusionParameter.PE, new double[] {3.5, 3.9});
        v.put(PerfusionParameter.TTP, 1.5);
        RoiAnalysis tumour = new RoiAnalysis("tumour", RoiRole.TARGET, 42, null,
                new TimeIntensityCurve("tumour", t, y, new double[5]), ok, new ParameterEstimates(v, ci), 0.25, Map.of());
        FitResult none = new FitResult(model, FitStatus.NO_BOLUS, "flat", null, null, Double.NaN, Double.NaN, 5, 0, 0, 4);
        RoiAnalysis liver = new RoiAnalysis("liver", RoiRole.REFERENCE, 9, null,
                new TimeIntensityCurve("liver", t, new double[] {1, 1, 1, 1, 1}, new double[5]), none,
                ParameterEstimates.empty(), Double.NaN, Map.of());
        CineLoop loop = new CineLoop(2, 2, t, null, LoopMetadata.simple("x", "SYNTHETIC", "option"),
                FrameSource.of(new float[5][4]));
        return new LoopAnalysis(InputInfo.of(loop, null), AnalysisSettings.logCompressed(40), List.of(),
                List.of(tumour, liver));
    }

    @Test
    void tableHasOneRowPerRoiWithEveryParameterAndItsInterval() {
        ResultsTable rt = AnalysisTables.toResultsTable(analysis());
        assertEquals(2, rt.size());
        assertEquals("tumour", rt.getStringValue("ROI", 0));
        assertEquals("target", rt.getStringValue("Role", 0));
        assertEquals("OK", rt.getStringValue("Status", 0));
        assertEquals("NO_BOLUS", rt.getStringValue("Status", 1));
        assertEquals(0.98, rt.getValue("R2", 0), 1e-12);
        assertEquals(10 / Math.E, rt.getValue("PE", 0), 1e-9);
        assertEquals(3.5, rt.getValue("PE_lo", 0), 1e-12);
        assertEquals(3.9, rt.getValue("PE_hi", 0), 1e-12);
        assertEquals(0.25, rt.getValue("NonEnhancing", 0), 1e-12);
        for (PerfusionParameter p : PerfusionParameter.values()) {
            assertTrue(rt.columnExists(p.label()) && rt.columnExists(p.label() + "_lo")
                    && rt.columnExists(p.label() + "_hi"), p.label());
        }
        assertTrue(Double.isNaN(rt.getValue("AUC", 1)), "failed fit: NaN parameters");
        assertEquals(42, rt.getValue("Area_px", 0), 0);
        assertTrue(Double.isNaN(rt.getValue("Area_mm2", 0)), "no pixel size: no area in mm2");
        assertEquals(analysis().rois().get(0).fit().model().name(), rt.getStringValue("Model", 0));
    }

    @Test
    void runsAppendRowsNamedByImage() {
        ResultsTable rt = new ResultsTable();
        AnalysisTables.append(rt, "IM_0001.dcm", analysis());
        AnalysisTables.append(rt, "IM_0001.dcm (patient2)", analysis());
        assertEquals(4, rt.size());
        assertEquals("IM_0001.dcm", rt.getStringValue("Image", 1));
        assertEquals("IM_0001.dcm (patient2)", rt.getStringValue("Image", 2));
        assertEquals("tumour", rt.getStringValue("ROI", 2));
    }

    @Test
    void plotShowsPointsAndTheFittedCurve() {
        LoopAnalysis a = analysis();
        Plot plot = TicPlots.create(a, "TIC");
        float[] x = plot.getXValues();
        float[] y = plot.getYValues();
        double[] expected = a.rois().get(0).tic().meanIntensity();
        assertEquals(5, x.length);
        for (int i = 0; i < 5; i++) {
            assertEquals(i, x[i], 0);
            assertEquals(expected[i], y[i], 1e-5);
        }
        double[][] curve = TicPlots.fittedCurve(a.rois().get(0).fit(), 0, 4);
        assertEquals(TicPlots.CURVE_SAMPLES, curve[0].length);
        assertArrayEquals(new double[] {0, 4}, new double[] {curve[0][0], curve[0][TicPlots.CURVE_SAMPLES - 1]}, 1e-12);
        int peak = (int) Math.round(1.5 / 4 * (TicPlots.CURVE_SAMPLES - 1));
        assertEquals(1 + 10 / Math.E, curve[1][peak], 1e-3, "peak O + A/e at t0 + 1");
    }

    @Test
    void aboutNamesVersionAndLicence() {
        String text = AboutPlugin.text();
        assertTrue(text.startsWith("CEUS Perfusion " + AboutPlugin.version()), text);
        assertTrue(text.contains("GPL-3.0-or-later"), text);
        assertTrue(text.contains("README"), text);
    }
}
