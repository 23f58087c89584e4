package org.ceusperfusion.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.BolusModels;
import org.ceusperfusion.model.LognormalModel;
import org.junit.jupiter.api.Test;

/** The linear least-squares baseline and amplitude given a reference shape, against analytic truth. */
class ReferenceShapeTest {
    private static final BolusModel LOGNORMAL = new LognormalModel();

    private static double[] times(int n, double dt) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * dt;
        }
        return t;
    }

    private static double[] curve(BolusModel m, double[] t, double[] p) {
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = m.value(t[i], p);
        }
        return y;
    }

    @Test
    void recoversBaselineAndAmplitudeExactlyOnANoiseFreeCurveOfTheShape() {
        double[] t = times(90, 1.0);
        for (String label : List.of("lognormal", "gamma", "ldrw", "fpt")) {
            BolusModel m = BolusModels.fromLabel(label);
            double[] truth = m.initialGuess(t, curve(LOGNORMAL, t, new double[] {30, 1800, Math.log(13), 0.55, 5}));
            truth[0] = 30;
            double[] other = truth.clone();
            other[0] = -4;          // the reference's own O and A do not matter
            other[1] = 7;
            ReferenceShape s = ReferenceShape.of(m, t, other, t.length);
            ReferenceShape.LinearFit lf = s.linearFit(curve(m, t, truth));
            assertEquals(truth[0], lf.baseline(), 1e-9 * Math.abs(truth[0]), label);
            assertEquals(truth[1], lf.amplitude(), 1e-9 * truth[1], label);
            assertEquals(0, lf.rss(), 1e-12 * truth[1] * truth[1], label);
            assertTrue(lf.tStatistic() > 1e6, label);
            assertArrayEquals(truth, s.start(lf), 1e-9 * truth[1], label);
        }
    }

    @Test
    void amplitudeStandardErrorMatchesTheTextbookFormula() {
        double[] t = times(40, 1.0);
        double[] shape = {0, 1, Math.log(10), 0.5, 3};
        ReferenceShape s = ReferenceShape.of(LOGNORMAL, t, shape, t.length);
        double[] y = curve(LOGNORMAL, t, new double[] {5, 200, Math.log(10), 0.5, 3});
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < y.length; i++) {
            y[i] += rnd.nextGaussian();
        }
        ReferenceShape.LinearFit lf = s.linearFit(y);
        double[] g = s.basis();
        double gm = java.util.Arrays.stream(g).average().orElseThrow();
        double sxx = java.util.Arrays.stream(g).map(v -> (v - gm) * (v - gm)).sum();
        assertEquals(Math.sqrt(lf.rss() / (t.length - 2) / sxx), lf.amplitudeSe(), 1e-9 * lf.amplitudeSe());
        assertEquals(200, lf.amplitude(), 4 * lf.amplitudeSe());
    }

    @Test
    void windowCoversTheLeadingSamplesOnly() {
        double[] t = times(60, 1.0);
        double[] p = {10, 500, Math.log(12), 0.4, 4};
        double[] y = curve(LOGNORMAL, t, p);
        for (int i = 40; i < 60; i++) {
            y[i] = 1e6;   // a recirculation outside the window does not matter
        }
        ReferenceShape.LinearFit lf = ReferenceShape.of(LOGNORMAL, t, p, 40).linearFit(y);
        assertEquals(500, lf.amplitude(), 1e-7);
        assertEquals(10, lf.baseline(), 1e-9);
    }

    @Test
    void degenerateShapesAndModelsAreRefused() {
        double[] t = times(30, 1.0);
        // onset after the last sample: the basis is 0 everywhere
        assertNull(ReferenceShape.of(LOGNORMAL, t, new double[] {0, 1, Math.log(5), 0.5, 100}, 30));
        assertThrows(IllegalArgumentException.class,
                () -> ReferenceShape.of(LOGNORMAL, t, new double[] {0, 1, 1, 0.5, 1}, 2));
        BolusModel notLinear = new BolusModel() {
            @Override public String name() { return "x"; }
            @Override public List<String> parameterNames() { return List.of("a", "b", "c"); }
            @Override public double value(double tt, double[] p) { return p[0] * Math.exp(p[1] * tt) + p[2]; }
            @Override public void gradient(double tt, double[] p, double[] out) { }
            @Override public double[] initialGuess(double[] tt, double[] y) { return null; }
            @Override public double[] lowerBounds(double[] tt, double[] y) { return new double[3]; }
            @Override public double[] upperBounds(double[] tt, double[] y) { return new double[3]; }
            @Override public double baseline(double[] p) { return 0; }
            @Override public double onsetS(double[] p) { return 0; }
            @Override public double area(double[] p) { return 0; }
            @Override public double meanTransitTimeS(double[] p) { return 0; }
            @Override public double timeToPeakS(double[] p) { return 0; }
            @Override public double peakEnhancement(double[] p) { return 0; }
        };
        assertThrows(IllegalArgumentException.class, () -> ReferenceShape.of(notLinear, t, new double[3], 30));
    }
}
