package org.ceusperfusion.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PercentChangeTest {
    @Test
    void deltaMethodOnTheLogRatio() {
        // a = 50 [40, 60] -> SE 5.102, b = 25 [22, 28] -> SE 1.531; hand-computed:
        // sd(ln r) = sqrt((5.102/50)^2 + (1.531/25)^2) = 0.119001; CI = 100(exp(ln 0.5 -+ 1.96 sd) - 1)
        PercentChange c = PercentChange.between(50, new double[] {40, 60}, 25, new double[] {22, 28});
        assertEquals(-50.0, c.pct(), 1e-12);
        assertEquals(0.1190012, c.sdLogRatio(), 1e-7);
        assertEquals(-60.40175, c.lo(), 1e-4);
        assertEquals(-36.86590, c.hi(), 1e-4);
    }

    @Test
    void ciIsAsymmetricAroundTheChangeAndContainsIt() {
        PercentChange c = PercentChange.between(100, new double[] {90, 110}, 23, new double[] {20.7, 25.3});
        assertEquals(-77.0, c.pct(), 1e-12);
        assertEquals(-80.03316, c.lo(), 1e-4);
        assertEquals(-73.50607, c.hi(), 1e-4);
    }

    @Test
    void negativeQuantitiesUseTheirRatio() {
        PercentChange c = PercentChange.between(-0.2, new double[] {-0.22, -0.18}, -0.1, new double[] {-0.11, -0.09});
        assertEquals(-50.0, c.pct(), 1e-9);
        assertTrue(c.hasCi());
        assertTrue(c.lo() < -50 && c.hi() > -50);
    }

    @Test
    void noCiWithoutExamCisOrAcrossZero() {
        assertFalse(PercentChange.between(10, null, 12, new double[] {11, 13}).hasCi());
        assertFalse(PercentChange.between(10, new double[] {Double.NaN, Double.NaN}, 12, new double[] {11, 13}).hasCi());
        PercentChange across = PercentChange.between(2, new double[] {1, 3}, -1, new double[] {-2, 0});
        assertEquals(-150.0, across.pct(), 1e-12);
        assertFalse(across.hasCi());
        assertTrue(Double.isNaN(PercentChange.between(0, new double[] {0, 0}, 1, null).pct()));
    }
}
