package org.ceusperfusion.params;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The correlation estimates of {@link ResidualNoise} on a short window, as the bolus window at 2 frames/s
 * holds (40 frames, 20 s), against the known truth: AR(1) noise with τ = 1 s carrying 98 % of the variance
 * (bubble speckle plus a little white noise, as {@code synth.CurveNoiseSampler} draws it at the peak), and
 * independent noise. 200 seeded series each; the mean is the only fitted column.
 */
class ResidualNoiseTest {
    private static final int SERIES = 200;
    private static final int FRAMES = 40;
    private static final double DT = 0.5;

    @Test
    void shortCorrelatedWindowIsNotTakenForIndependentFrames() {
        double[] twoComponent = new double[SERIES];
        double[] single = new double[SERIES];
        for (int s = 0; s < SERIES; s++) {
            double[] z = series(1.0, 0.98, 3000L + s);
            twoComponent[s] = effective(ResidualNoise.correlation(times(), z, ones()));
            single[s] = effective(ResidualNoise.singleCorrelation(times(), z, ones()));
        }
        double whiteTwo = Arrays.stream(twoComponent).filter(v -> v < 0.25).count() / (double) SERIES;
        double whiteSingle = Arrays.stream(single).filter(v -> v < 0.25).count() / (double) SERIES;
        double median = median(single);
        String msg = String.format(Locale.ROOT, "tau 1 s, 40 frames at 2 fps: effective tau < 0.25 s (a quarter of the truth) in %.3f "
                + "(two-component model), %.3f (single, Akaike-averaged); median effective tau %.2f s (two-component %.2f s)",
                whiteTwo, whiteSingle, median, median(twoComponent));
        System.out.println(msg);
        assertTrue(whiteSingle < 0.5 * whiteTwo, msg);
        assertTrue(median >= 0.6 && median <= 1.4, msg);
    }

    @Test
    void independentFramesGetLittleCorrelation() {
        double[] single = new double[SERIES];
        for (int s = 0; s < SERIES; s++) {
            single[s] = effective(ResidualNoise.singleCorrelation(times(), series(0, 0, 9000L + s), ones()));
        }
        double median = median(single);
        String msg = String.format(Locale.ROOT, "independent frames, 40 at 2 fps: median effective tau %.3f s, "
                + "90th percentile %.3f s", median, single[(int) (0.9 * SERIES)]);
        System.out.println(msg);
        assertTrue(median <= 0.1, msg);
    }

    private static double effective(double[] c) {
        return c[0] * c[1] + c[2] * c[3];
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        System.arraycopy(s, 0, v, 0, s.length);
        return 0.5 * (s[SERIES / 2 - 1] + s[SERIES / 2]);
    }

    private static double[] times() {
        double[] t = new double[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            t[i] = i * DT;
        }
        return t;
    }

    private static double[][] ones() {
        double[][] j = new double[FRAMES][1];
        for (double[] r : j) {
            r[0] = 1;
        }
        return j;
    }

    /** AR(1) with correlation time {@code tau} and variance share {@code share}, plus white noise; unit variance. */
    private static double[] series(double tau, double share, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double a = tau > 0 ? Math.exp(-DT / tau) : 0;
        double u = rng.nextGaussian();
        double[] z = new double[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            if (i > 0) {
                u = a * u + Math.sqrt(1 - a * a) * rng.nextGaussian();
            }
            z[i] = Math.sqrt(share) * u + Math.sqrt(1 - share) * rng.nextGaussian();
        }
        return z;
    }
}
