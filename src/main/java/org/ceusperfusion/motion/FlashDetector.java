package org.ceusperfusion.motion;

import java.util.Arrays;

/**
 * Finds flashes in the whole-frame mean brightness: short bursts that a bolus cannot produce.
 *
 * <p>Frame k is a flash when its mean m_k exceeds the median of the {@value #BEFORE} frames before it by more
 * than {@value #K} noise scales and by more than {@value #MIN_RELATIVE_JUMP} of that median, and the
 * brightness falls back by at least half of that jump within {@value #MAX_FLASH_FRAMES} frames (a bolus
 * rises and stays up; a flash, or a destruction flash, does not). The noise scale is
 * 1.4826·MAD of the frame-to-frame differences / √2. Up to {@value #MAX_FLASH_FRAMES} consecutive bright frames
 * are marked.
 */
public final class FlashDetector {
    /** Frames before a candidate whose median is its baseline. */
    public static final int BEFORE = 5;
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
        if (n < BEFORE + 2) {
            return flash;
        }
        double scale = noiseScale(frameMean);
        for (int k = BEFORE; k < n; k++) {
            double base = median(Arrays.copyOfRange(frameMean, k - BEFORE, k));
            double jump = frameMean[k] - base;
            if (!(jump > K * scale && jump > MIN_RELATIVE_JUMP * Math.abs(base))) {
                continue;
            }
            int end = -1;
            for (int j = k + 1; j <= Math.min(n - 1, k + MAX_FLASH_FRAMES); j++) {
                if (frameMean[j] - base < 0.5 * jump) {
                    end = j;
                    break;
                }
            }
            if (end > 0) {
                for (int j = k; j < end; j++) {
                    flash[j] = true;
                }
                k = end - 1;
            }
        }
        return flash;
    }

    private static double noiseScale(double[] m) {
        double[] d = new double[m.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = m[i + 1] - m[i];
        }
        double med = median(d.clone());
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(d[i] - med);
        }
        double s = 1.4826 * median(d) / Math.sqrt(2);
        double level = Math.abs(median(m.clone()));
        return Math.max(s, 1e-9 * level);
    }

    static double median(double[] v) {
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
