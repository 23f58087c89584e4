package org.ceusperfusion.params;

import java.util.SplittableRandom;

/**
 * Test curves with realistic TIC noise (a stand-in until the phantom sampler lands): multiplicative
 * speckle AR(1)-correlated over {@code tauS} seconds on the bubble signal, a weaker correlated
 * fluctuation of the tissue baseline and a slow gain fluctuation common to the whole ROI.
 */
final class CorrelatedNoiseCurves {
    private CorrelatedNoiseCurves() {
    }

    /**
     * @param f        noise-free curve (baseline included) at {@code t}
     * @param baseline the tissue baseline O
     * @param t        times, s
     * @param tauS     speckle correlation time, s (0: independent frames)
     * @param relSd    relative SD of the bubble signal's speckle
     * @param rnd      random source
     */
    static double[] noisy(double[] f, double baseline, double[] t, double tauS, double relSd, SplittableRandom rnd) {
        double[] e = ar1(t, tauS, rnd);
        double[] b = ar1(t, tauS, rnd);
        double[] g = ar1(t, 3.0, rnd);
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            double bubbles = f[i] - baseline;
            y[i] = (baseline * (1 + 0.02 * b[i]) + bubbles * (1 + relSd * e[i])) * (1 + 0.02 * g[i]);
        }
        return y;
    }

    /** @return a unit-variance Gaussian AR(1) series with correlation {@code exp(−Δt/τ)} */
    static double[] ar1(double[] t, double tauS, SplittableRandom rnd) {
        double[] x = new double[t.length];
        x[0] = gauss(rnd);
        for (int i = 1; i < t.length; i++) {
            double phi = tauS > 0 ? Math.exp(-(t[i] - t[i - 1]) / tauS) : 0;
            x[i] = phi * x[i - 1] + Math.sqrt(1 - phi * phi) * gauss(rnd);
        }
        return x;
    }

    private static double gauss(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
