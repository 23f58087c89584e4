package org.ceusperfusion.motion;

import java.util.Arrays;
import org.ceusperfusion.tic.RobustStats;

/**
 * Finds flashes in the whole-frame mean brightness: short bursts that a bolus cannot produce.
 *
 * <p>A run of 1 to {@value #MAX_FLASH_FRAMES} frames k..k+L−1 is a flash when its dimmest frame exceeds
 * <em>both</em> the median of the {@value #SIDE} frames before the run and the median of the
 * {@value #SIDE} frames after it by more than {@value #K} noise scales and by more than
 * {@value #MIN_RELATIVE_JUMP} of the larger median. A bolus rises and stays up, so its frames never
 * stand above the frames that follow them; a flash, or a destruction flash, does. The noise scale is
 * 1.4826·MAD of the second differences of the frame means / √6, which a smooth bolus does not inflate.
 * The shortest run that qualifies is marked.
 */
public final class FlashDetector {
    /** Frames on each side of a candidate run whose medians are its baselines. */
    public static final int SIDE = 5;
    /** Jump in noise scales. */
    public static final double K = 8;
    /** Jump relative to the baseline. */
    public static final double MIN_RELATIVE_JUMP = 0.05;
    /** Longest flash, frames. */
    public static final int MAX_FLASH_FRAMES = 3;

    private FlashDetector() {
    }

    /**
     * @param frameMean linear whole-frame mean per frame
     * @return per frame: a flash
     */
    public static boolean[] detect(double[] frameMean) {
        int n = frameMean.length;
        boolean[] flash = new boolean[n];
        if (n < 2 * SIDE + 1) {
            return flash;
        }
        double scale = RobustStats.noiseOfSecondDifferences(frameMean);
        for (int k = SIDE; k < n; k++) {
            int length = flashLength(frameMean, k, scale);
            for (int j = k; j < k + length; j++) {
                flash[j] = true;
            }
            k += Math.max(0, length - 1);
        }
        return flash;
    }

    /** @return the length of the shortest flash starting at frame {@code k}, or 0 when there is none */
    private static int flashLength(double[] m, int k, double scale) {
        double before = RobustStats.median(Arrays.copyOfRange(m, k - SIDE, k));
        double dimmest = Double.POSITIVE_INFINITY;
        for (int length = 1; length <= MAX_FLASH_FRAMES && k + length <= m.length; length++) {
            dimmest = Math.min(dimmest, m[k + length - 1]);
            int afterEnd = Math.min(m.length, k + length + SIDE);
            if (afterEnd - (k + length) < 2) {
                return 0; // too close to the end to tell a flash from a rise
            }
            double after = RobustStats.median(Arrays.copyOfRange(m, k + length, afterEnd));
            double base = Math.max(before, after);
            double jump = dimmest - base;
            if (jump > K * scale && jump > MIN_RELATIVE_JUMP * Math.abs(base)) {
                return length;
            }
        }
        return 0;
    }
}
