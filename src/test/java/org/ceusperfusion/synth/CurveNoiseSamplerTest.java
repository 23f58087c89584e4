package org.ceusperfusion.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ceusperfusion.cine.CineLoop;
import org.junit.jupiter.api.Test;

/** The curve-level sampler reproduces the loop generator's ROI-mean variance and lag correlation. */
class CurveNoiseSamplerTest {
    private static final int FRAMES = 201;
    private static final int[] LAGS = {5, 10, 20};

    /** rows: frames, columns: replicates (ROIs or seeds) → {variance across replicates, corr at each lag}. */
    private static double[] stats(double[][] series) {
        double var = 0;
        int n = 0;
        for (double[] row : series) {
            var += PhantomStats.variance(row);
            n++;
        }
        double[] out = new double[1 + LAGS.length];
        out[0] = var / n;
        for (int j = 0; j < LAGS.length; j++) {
            double c = 0;
            int pairs = 0;
            for (int k = 0; k + LAGS[j] < series.length; k += 5) {
                c += PhantomStats.corr(series[k], series[k + LAGS[j]]);
                pairs++;
            }
            out[1 + j] = c / pairs;
        }
        return out;
    }

    @Test
    void samplerMatchesLoopRoiMeansOf100PixelBoxes() {
        Realism r = Realism.defaults().withNoise(0.1, 0, 5);   // no region gain: it is common to all boxes
        RealisticSpec spec = PhantomStats.plateau(300, 30, 2, true, 10, FRAMES, r, 21);
        CineLoop loop = RealisticLoopGenerator.generate(spec).loop();
        double[][] fromLoop = new double[FRAMES][];
        for (int k = 0; k < FRAMES; k++) {
            fromLoop[k] = PhantomStats.boxMeans(PhantomStats.linear(loop, k, 40), 120, 90, 10);
        }
        double[] times = loop.timesS();
        double[] e = new double[FRAMES];
        java.util.Arrays.fill(e, 300);
        int seeds = 108;
        double[][] fromSampler = new double[FRAMES][seeds];
        for (int s = 0; s < seeds; s++) {
            double[] x = CurveNoiseSampler.sample(times, e, 30, 2, true, 100, 100, spec.realism(), 1000 + s);
            for (int k = 0; k < FRAMES; k++) {
                fromSampler[k][s] = x[k];
            }
        }
        double[] a = stats(fromLoop);
        double[] b = stats(fromSampler);
        // 108 replicates x ~20 independent frame groups: relative SE of the variance ~3 %, of a correlation ~0.02
        assertEquals(1.0, b[0] / a[0], 0.12, "variance ratio sampler/loop " + b[0] + " / " + a[0]);
        for (int j = 0; j < LAGS.length; j++) {
            assertEquals(a[1 + j], b[1 + j], 0.06, "lag " + LAGS[j] + " frames correlation");
        }
        // and both against the model: Var Y / n with Var Y = ((B+e)^2 + B^2 + e^2)(1 + v^2) - (B+e)^2 + floor/n
        double varY = (330.0 * 330 + 900 + 90000) * 1.01 - 330.0 * 330;
        assertEquals(1.0, a[0] / ((varY + 4) / 100), 0.12);
    }

    @Test
    void effectiveCellsCountsGrains() {
        boolean[] mask = new boolean[120 * 90];
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                mask[y * 120 + x] = true;
            }
        }
        assertEquals(100, CurveNoiseSampler.effectiveCells(mask, 120, 1), 1e-12);
        assertEquals(25, CurveNoiseSampler.effectiveCells(mask, 120, 2), 1e-12);
        // 10 px with 3-px cells: per axis 3,3,3,1 pixels -> (10^2)^2 / (3^2+3^2+3^2+1)^2 = 10000/784
        assertEquals(10000.0 / 784, CurveNoiseSampler.effectiveCells(mask, 120, 3), 1e-12);
    }
}
