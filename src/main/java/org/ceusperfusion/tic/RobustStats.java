package org.ceusperfusion.tic;

import java.util.Arrays;

/** Robust statistics of short series (frame means, curves) shared by the flash detectors. */
public final class RobustStats {
    private RobustStats() {
    }

    /** @return the median of the finite values of {@code v}; NaN when there are none ({@code v} is not changed) */
    public static double median(double[] v) {
        double[] f = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        int n = f.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? f[n / 2] : 0.5 * (f[n / 2 - 1] + f[n / 2]);
    }

    /**
     * @param timesS sample times, s, increasing
     * @return the median of the finite intervals between consecutive samples, s; NaN for fewer than two samples
     */
    public static double medianStep(double[] timesS) {
        if (timesS.length < 2) {
            return Double.NaN;
        }
        double[] d = new double[timesS.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = timesS[i + 1] - timesS[i];
        }
        return median(d);
    }

    /**
     * The white-noise SD of a series whose trend is smooth: 1.4826·MAD of its second differences / √6
     * (a second difference of white noise has variance 6σ², and a smooth bolus barely changes it).
     *
     * @param m the series, at least 3 values
     * @return the noise SD estimate, in the series' units
     */
    public static double noiseOfSecondDifferences(double[] m) {
        double[] d = new double[m.length - 2];
        for (int i = 0; i < d.length; i++) {
            d[i] = m[i + 2] - 2 * m[i + 1] + m[i];
        }
        double med = median(d);
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(d[i] - med);
        }
        return 1.4826 * median(d) / Math.sqrt(6);
    }
}
