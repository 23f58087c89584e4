package org.ceusperfusion.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The unit-baseline normal equations are bit for bit the general ones when the first gradient is 1. */
class NormalEquations5Test {

    @Test
    void leavingOutTheProductsWithAUnitBaselineGradientChangesNoBit() {
        SplittableRandom r = new SplittableRandom(14);
        int n = 731;
        double[] y = new double[n];
        double[] values = new double[n];
        double[] g = new double[5 * n];
        for (int i = 0; i < n; i++) {
            y[i] = 30 + 10 * r.nextGaussian();
            values[i] = 30 + 5 * r.nextDouble();
            g[5 * i] = 1.0;
            for (int a = 1; a < 5; a++) {
                g[5 * i + a] = r.nextGaussian() * Math.pow(10, a - 2);
            }
        }
        double[] m1 = new double[25];
        double[] v1 = new double[5];
        double[] m2 = new double[25];
        double[] v2 = new double[5];
        double rss1 = NormalEquations5.general(y, values, g, n, m1, v1);
        double rss2 = NormalEquations5.unitBaseline(y, values, g, n, m2, v2);
        assertEquals(rss1, rss2);
        assertArrayEquals(v1, v2);
        assertArrayEquals(m1, m2);
    }
}
