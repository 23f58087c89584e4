package org.ceusperfusion.tic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RobustStatsTest {
    @Test
    void medianIgnoresNonFiniteValuesAndKeepsTheInput() {
        double[] v = {5, Double.NaN, 1, 3, Double.POSITIVE_INFINITY, 2};
        assertEquals(2.5, RobustStats.median(v), 0);
        assertEquals(5, v[0], 0);
        assertTrue(Double.isNaN(RobustStats.median(new double[] {Double.NaN})));
    }

    @Test
    void noiseOfSecondDifferencesRecoversTheSdUnderASmoothBolus() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] m = new double[4000];
        for (int i = 0; i < m.length; i++) {
            double t = i * 0.05;
            double bolus = t > 5 ? 300 * Math.exp(-Math.pow(Math.log((t - 5) / 10), 2) / 0.5) : 0;
            m[i] = 30 + bolus + 2.0 * gaussian(rng);
        }
        assertEquals(2.0, RobustStats.noiseOfSecondDifferences(m), 0.1);
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
