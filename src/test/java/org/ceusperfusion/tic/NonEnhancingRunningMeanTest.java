package org.ceusperfusion.tic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.ceusperfusion.roi.RoiMask;
import org.junit.jupiter.api.Test;

/**
 * The criterion's running means are a sliding sum; the classification must be the one of the rule computed
 * directly (every window summed afresh), on pixels with 60 dB of dynamic range, missing samples and rises
 * near the threshold.
 */
class NonEnhancingRunningMeanTest {

    @Test
    void slidingRunningMeansClassifyAsTheDirectRule() {
        Random rnd = new Random(16);
        int frames = 240;
        int pixels = 400;
        double[] t = new double[frames];
        for (int f = 0; f < frames; f++) {
            t[f] = f / 12.0;
        }
        float[][] power = new float[frames][pixels];
        for (int k = 0; k < pixels; k++) {
            double floor = Math.pow(10, rnd.nextDouble() * 6 - 3);
            double gain = k % 4 == 0 ? 0 : Math.pow(10, (0.5 + rnd.nextDouble() * 3) / 10) - 1;
            for (int f = 0; f < frames; f++) {
                double bolus = f < 60 ? 0 : Math.exp(-(f - 120) * (f - 120) / 2000.0);
                double speckle = -Math.log(1 - rnd.nextDouble());
                power[f][k] = k % 7 == 0 && rnd.nextDouble() < 0.3 ? Float.NaN
                        : (float) (floor * (1 + gain * bolus) * speckle);
            }
        }
        boolean[] used = new boolean[frames];
        Arrays.fill(used, true);
        RoiMask roi = new RoiMask("r", 0, 0, pixels, 1, filled(pixels));
        NonEnhancingCriterion.Result r = NonEnhancingCriterion.classify(new RoiPixelStore(roi, t, power, used), 0, 20, 2);
        boolean[] expected = direct(power, NonEnhancingCriterion.runFrames(t, range(frames)), Math.pow(10, 0.2));
        assertArrayEquals(expected, r.nonEnhancing());
        int non = 0;
        for (boolean b : expected) {
            non += b ? 1 : 0;
        }
        assertEquals(non, r.nonEnhancingPixels());
        assertTrue(non > pixels / 5 && non < pixels * 4 / 5, "both classes present: " + non + " of " + pixels);
    }

    /** The rule with every running mean summed afresh. */
    private static boolean[] direct(float[][] power, int run, double ratio) {
        int n = power.length;
        boolean[] non = new boolean[power[0].length];
        for (int k = 0; k < non.length; k++) {
            double[] v = new double[n];
            for (int f = 0; f < n; f++) {
                v[f] = power[f][k];
            }
            double[] means = new double[n - run + 1];
            int peakAt = -1;
            for (int i = 0; i < means.length; i++) {
                double s = 0;
                int c = 0;
                for (int j = i; j < i + run; j++) {
                    if (!Double.isNaN(v[j])) {
                        s += v[j];
                        c++;
                    }
                }
                means[i] = c * 2 >= run ? s / c : Double.NaN;
                if (peakAt < 0 ? !Double.isNaN(means[i]) : means[i] > means[peakAt]) {
                    peakAt = i;
                }
            }
            double floor = Double.POSITIVE_INFINITY;
            for (int i = 0; i <= peakAt; i++) {
                floor = means[i] < floor ? means[i] : floor;
            }
            double rise = means[peakAt] - floor;
            double sd = NonEnhancingCriterion.noiseSd(v);
            non[k] = !(means[peakAt] >= ratio * floor && rise >= NonEnhancingCriterion.NOISE_SE * sd / Math.sqrt(run));
        }
        return non;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static boolean[] filled(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }
}
