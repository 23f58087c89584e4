package org.ceusperfusion.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ceusperfusion.model.LognormalModel;
import org.junit.jupiter.api.Test;

/** The shifted and stretched shapes find a curve's own timing, and pure noise shows no bolus. */
class ShiftedShapesTest {
    private static final LognormalModel M = new LognormalModel();
    private static final double[] T = times(0.5, 160);
    /** Reference: rise e^(μ−σ²) = 9.6 s from t0 = 5 s. */
    private static final double[] REF = {0, 1, Math.log(13), 0.55, 5};

    private static double[] times(double dt, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * dt;
        }
        return t;
    }

    private static double[] curve(double[] p, long seed, double noise) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[T.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = M.value(T[i], p) + noise * r.nextGaussian();
        }
        return y;
    }

    @Test
    void aCurveArrivingLaterAndFasterIsMatchedAtItsOwnOnsetAndWidth() {
        ShiftedShapes s = ShiftedShapes.of(M, T, REF, 100);
        // onset 7 s later, time scale ×0.6 (μ + ln 0.6): a 5.8 s rise
        double[] truth = {30, 1500, Math.log(13) + Math.log(0.6), 0.55, 12};
        ShiftedShapes.Match m = s.match(curve(truth, 1, 1.0));
        assertEquals(0.6, m.width());
        // shift steps are a sixth of the candidate's rise (0.96 s here): the best lies within one step
        assertEquals(7.0, m.shiftS(), 0.96);
        assertTrue(m.t() > 50, "t " + m.t());
        double[] start = s.start(m);
        assertEquals(12.0, start[4], 0.96);
        assertEquals(truth[2], start[2], 1e-12);
        // and LM from that start reaches the truth (noise 1 a.u. against a peak of ~90)
        FitResult r = new LevenbergMarquardtFitter().fit(M, T, curve(truth, 1, 1.0));
        assertEquals(M.timeToPeakS(truth), M.timeToPeakS(r.params()), 0.3);
    }

    @Test
    void pureNoiseHasNoSignificantBolusAtAnyShiftOrWidth() {
        ShiftedShapes s = ShiftedShapes.of(M, T, REF, 100);
        int significant = 0;
        for (long seed = 0; seed < 200; seed++) {
            ShiftedShapes.Match m = s.match(curve(new double[] {30, 0, Math.log(13), 0.55, 5}, seed, 3.0));
            significant += m.t() > 5.5 ? 1 : 0;
        }
        // white noise, the best of ~130 candidates: t > 5.5 should essentially never happen
        assertEquals(0, significant);
    }

    @Test
    void correlatedNoiseWidensTheStandardErrorThroughTheResidualAutocorrelation() {
        ShiftedShapes s = ShiftedShapes.of(M, T, REF, 100);
        SplittableRandom r = new SplittableRandom(5);
        double[] y = new double[T.length];
        double e = 0;
        for (int i = 0; i < y.length; i++) {
            e = 0.9 * e + Math.sqrt(1 - 0.81) * r.nextGaussian();
            y[i] = 30 + 3 * e;
        }
        ShiftedShapes.Match m = s.match(y);
        assertTrue(m.rho() > 0.6, "rho " + m.rho());
        assertTrue(m.evidence() < 0.5 * m.t() || m.t() < 0, m.toString());
    }

    @Test
    void aReusedWorkspaceGivesTheSameMatchAsFreshArrays() {
        ShiftedShapes s = ShiftedShapes.of(M, T, REF, 100);
        ShiftedShapes.Workspace ws = new ShiftedShapes.Workspace();
        for (long seed = 1; seed <= 6; seed++) {
            double[] p = {20, 60 * seed, Math.log(13) + 0.1 * (seed - 3), 0.55, 3 + seed};
            double[] y = curve(p, seed, 2);
            assertEquals(s.match(y), s.match(y, ws), "seed " + seed);
        }
        // a long, fine curve is screened on sample means (a decimated screen), then a short one again
        double[] fine = times(0.125, 720);
        ShiftedShapes f = ShiftedShapes.of(M, fine, REF, 400);
        SplittableRandom r = new SplittableRandom(7);
        double[] y = new double[fine.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = M.value(fine[i], new double[] {20, 300, Math.log(13), 0.55, 8}) + 2 * r.nextGaussian();
        }
        assertEquals(f.match(y), f.match(y, ws));
        double[] shortCurve = curve(new double[] {20, 200, Math.log(13), 0.55, 6}, 9, 2);
        assertEquals(s.match(shortCurve), s.match(shortCurve, ws));
    }

    /**
     * A perfused pixel of a realistic loop: a bolus peaking at about half a bright tissue level (100 a.u., 3 %
     * frame noise), its bubble signal multiplied by speckle (exponential, CV 1, correlated over a second).
     */
    static double[] burstyBolus(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = {0, 1200, Math.log(13), 0.55, 12};
        double[] y = new double[T.length];
        double zr = r.nextGaussian() * Math.sqrt(0.5);
        double zi = r.nextGaussian() * Math.sqrt(0.5);
        double a = Math.exp(-0.5 / 2);   // complex AR(1) over 0.5 s steps: intensity correlated over 1 s
        double b = Math.sqrt(1 - a * a) * Math.sqrt(0.5);
        for (int i = 0; i < y.length; i++) {
            zr = a * zr + b * r.nextGaussian();
            zi = a * zi + b * r.nextGaussian();
            y[i] = 100 * (1 + 0.03 * r.nextGaussian()) + M.value(T[i], p) * (zr * zr + zi * zi);
        }
        return y;
    }

    /**
     * The speckle swells the pooled residuals that {@code t} is judged by with noise that exists only because
     * there is a bolus; against the noise before the bolus the same amplitude stands out far more.
     */
    @Test
    void aBolusWithBubbleSpeckleStandsOutFartherAgainstTheNoiseBeforeIt() {
        ShiftedShapes s = ShiftedShapes.of(M, T, REF, 100);
        double sumRatio = 0;
        for (long seed = 1; seed <= 40; seed++) {
            double[] y = burstyBolus(seed);
            ShiftedShapes.Match m = s.match(y);
            double quiet = s.quietT(m, y);
            assertTrue(quiet > m.t() && quiet > 8, "seed " + seed + ": t " + m.t() + ", quiet t " + quiet);
            sumRatio += quiet / m.t();
        }
        // measured: 1.2-4.8 times t, 3.5 on average
        assertTrue(sumRatio / 40 > 2.5, "mean quiet t / t " + sumRatio / 40);
    }

    @Test
    void withoutABolusTheNoiseBeforeItJudgesAsThePooledNoiseDoes() {
        ShiftedShapes s = ShiftedShapes.of(M, T, REF, 100);
        int above = 0;
        double sumRatio = 0;
        for (long seed = 0; seed < 200; seed++) {
            double[] y = curve(new double[] {30, 0, Math.log(13), 0.55, 5}, seed, 3.0);
            ShiftedShapes.Match m = s.match(y);
            double quiet = s.quietT(m, y);
            above += quiet > 8 ? 1 : 0;
            sumRatio += quiet / m.t();
        }
        assertEquals(0, above);
        assertEquals(1.0, sumRatio / 200, 0.25);   // the same noise before and after: the same statistic, on average
    }
}
