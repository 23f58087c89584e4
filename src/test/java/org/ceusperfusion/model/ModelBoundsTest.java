package org.ceusperfusion.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ModelBounds#range} gives the bits of a scan with {@link Math#min} and {@link Math#max}. */
class ModelBoundsTest {

    /** The scan {@link ModelBounds#range} replaces: {@code Math.min}/{@code Math.max} over the finite values. */
    private static double[] reference(double[] y) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 0};
    }

    private static void assertSameBits(double[] y) {
        double[] want = reference(y);
        double[] got = ModelBounds.range(y);
        assertEquals(Double.doubleToRawLongBits(want[0]), Double.doubleToRawLongBits(got[0]), "min");
        assertEquals(Double.doubleToRawLongBits(want[1]), Double.doubleToRawLongBits(got[1]), "max");
    }

    @Test
    void signedZerosInfinitiesAndNaNAsMathMinAndMax() {
        double n0 = -0.0;
        double inf = Double.POSITIVE_INFINITY;
        double[][] cases = {
            {}, {Double.NaN}, {inf, -inf}, {0.0}, {n0}, {0.0, n0}, {n0, 0.0}, {n0, n0}, {0.0, 0.0},
            {1, n0, 0.0}, {-1, 0.0, n0}, {0.0, 2, n0}, {n0, -3, 0.0}, {Double.NaN, n0, inf, 0.0},
            {-inf, 5, Double.NaN, -2}, {Double.MAX_VALUE, -Double.MAX_VALUE}, {Double.MIN_VALUE, -Double.MIN_VALUE},
        };
        for (double[] y : cases) {
            assertSameBits(y);
        }
    }

    @Test
    void randomCurvesWithSpecialValuesAsMathMinAndMax() {
        Random r = new Random(17);
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int c = 0; c < 2000; c++) {
            double[] y = new double[1 + r.nextInt(40)];
            for (int i = 0; i < y.length; i++) {
                y[i] = r.nextInt(6) == 0 ? special[r.nextInt(special.length)] : r.nextGaussian() * 50;
            }
            assertSameBits(y);
        }
    }
}
