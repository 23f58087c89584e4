package org.ceusperfusion.motion;

import java.util.Arrays;
import org.ceusperfusion.tic.RobustStats;

/**
 * Finds flashes in a brightness series (the whole-frame mean of a loop, or a ROI curve): short transients
 * that a bolus cannot produce, judged in seconds and by their shape.
 *
 * <p>A flash is transient and returns to the curve it came from; a bolus peak is part of a smooth rise and
 * fall. A run of frames k..k+L−1 is a (bright) flash when
 * <ol>
 *   <li><b>short</b>: at most {@value #MAX_FLASH_FRAMES} frames, and the signal is back within
 *       {@value #MAX_RETURN_S} s, or within 1.5 frame intervals when frames are sparser
 *       ({@code t[k+L] − t[k]});</li>
 *   <li><b>not explained by a smooth curve</b>: its dimmest frame exceeds, by the excess E, both neighbours
 *       {@code m[k−1]}, {@code m[k+L]} <em>and</em> both straight-line extrapolations of the two frames on each
 *       side ({@code m[k−2], m[k−1]} forward to {@code t[k]}, {@code m[k+L+1], m[k+L]} backward to
 *       {@code t[k+L−1]}). A bolus peak is concave: the lines through its flanks reach above it, so even a
 *       peak one frame wide at 1 frame/s is kept;</li>
 *   <li><b>large</b>: E &gt; {@value #K} local noise scales and E &gt; {@value #MIN_RELATIVE_JUMP} of the level
 *       next to the run. The noise is multiplicative (it grows with the signal), so the local noise scale
 *       is relative: 1.4826·MAD/√6 of the second differences of the series divided by its level, within
 *       ±{@value #NOISE_HALF_WINDOW_S} s (at least ±{@value #NOISE_MIN_FRAMES} frames) of the run, times the
 *       level next to the run.</li>
 * </ol>
 * Dark flashes (drop-outs) are found by the mirrored rule. The shortest qualifying run from each frame is
 * marked; the first two and last two frames are never judged.
 */
public final class FlashDetector {
    /** Longest flash, frames. */
    public static final int MAX_FLASH_FRAMES = 3;
    /** The signal is back after at most this long, s (or 1.5 frame intervals when frames are sparser). */
    public static final double MAX_RETURN_S = 1.0;
    /** Jump in local noise scales. */
    public static final double K = 6;
    /** Jump relative to the level next to the run. */
    public static final double MIN_RELATIVE_JUMP = 0.3;
    /** Half width of the window whose second differences give the local noise scale, s. */
    public static final double NOISE_HALF_WINDOW_S = 5.0;
    /** ... at least this many frames on each side. */
    public static final int NOISE_MIN_FRAMES = 10;

    private FlashDetector() {
    }

    /**
     * @param timesS sample times, s, increasing
     * @param m      linear brightness per sample (whole-frame mean or ROI mean); non-finite samples are never flashes
     * @return per sample: a flash
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static boolean[] detect(double[] timesS, double[] m) {
        if (timesS.length != m.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
        int n = m.length;
        boolean[] flash = new boolean[n];
        if (n < 7) {
            return flash;
        }
        double maxReturn = Math.max(MAX_RETURN_S, 1.5 * RobustStats.medianStep(timesS));
        double globalNoise = relativeNoise(m, 0, n - 1);
        for (int k = 2; k < n - 2; k++) {
            int length = flashLength(timesS, m, k, maxReturn, globalNoise);
            for (int j = k; j < k + length; j++) {
                flash[j] = true;
            }
            k += Math.max(0, length - 1);
        }
        return flash;
    }

    /**
     * @return the length of the shortest flash starting at sample {@code k}, or 0 when there is none (the local
     *         noise, a median, is taken only for a candidate that passes the cheaper tests)
     */
    private static int flashLength(double[] t, double[] m, int k, double maxReturn, double globalNoise) {
        for (int length = 1; length <= MAX_FLASH_FRAMES && k + length + 1 < m.length; length++) {
            if (t[k + length] - t[k] > maxReturn) {
                return 0;
            }
            double noise = Double.NaN;
            boolean noiseTaken = false;
            for (int sign = 1; sign >= -1; sign -= 2) {
                double excess = excess(t, m, k, length, sign);
                double level = Math.max(Math.abs(m[k - 1]), Math.abs(m[k + length]));
                if (!(excess > 0) || !(excess > MIN_RELATIVE_JUMP * level)) {
                    continue;
                }
                if (!noiseTaken) {
                    noise = Math.max(globalNoise, relativeNoise(t, m, k, length));
                    noiseTaken = true;
                }
                if (excess > K * level * noise) {
                    return length;
                }
            }
        }
        return 0;
    }

    /**
     * @param sign +1 for a bright flash, −1 for a dark one
     * @return how far the flash's dimmest sample stands above both flanks and their continuations (≤ 0: none)
     */
    private static double excess(double[] t, double[] m, int k, int length, int sign) {
        int end = k + length - 1;
        double pre = sign * m[k - 1];
        double post = sign * m[end + 1];
        double fromLeft = pre + (pre - sign * m[k - 2]) * (t[k] - t[k - 1]) / (t[k - 1] - t[k - 2]);
        double fromRight = post + (post - sign * m[end + 2]) * (t[end + 1] - t[end]) / (t[end + 2] - t[end + 1]);
        double dimmest = Double.POSITIVE_INFINITY;
        for (int j = k; j <= end; j++) {
            dimmest = Math.min(dimmest, sign * m[j]);
        }
        return dimmest - Math.max(Math.max(pre, post), Math.max(fromLeft, fromRight));
    }

    /**
     * Robust relative noise of the second differences around the run (its own frames left out): the
     * 1.4826·MAD/√6 of {@code (m[i+2] − 2m[i+1] + m[i]) / |m[i+1]|}; 0 when there are too few frames.
     */
    static double relativeNoise(double[] t, double[] m, int k, int length) {
        int lo = k;
        while (lo > 0 && (t[k] - t[lo - 1] <= NOISE_HALF_WINDOW_S || k - lo < NOISE_MIN_FRAMES)) {
            lo--;
        }
        int end = k + length - 1;
        int hi = end;
        while (hi < m.length - 1 && (t[hi + 1] - t[end] <= NOISE_HALF_WINDOW_S || hi - end < NOISE_MIN_FRAMES)) {
            hi++;
        }
        double[] left = secondDifferences(m, lo, k - 1);
        double[] right = secondDifferences(m, end + 1, hi);
        double[] d = java.util.stream.DoubleStream.concat(Arrays.stream(left), Arrays.stream(right)).toArray();
        return mad(d);
    }

    /** @return the relative noise of the whole stretch {@code m[from..to]} */
    static double relativeNoise(double[] m, int from, int to) {
        return mad(secondDifferences(m, from, to));
    }

    /** @return {@code (m[i+2] − 2m[i+1] + m[i]) / |m[i+1]|} for i in from..to−2 (NaN where the level is 0) */
    private static double[] secondDifferences(double[] m, int from, int to) {
        double[] d = new double[Math.max(0, to - from - 1)];
        for (int i = 0; i < d.length; i++) {
            double level = Math.abs(m[from + i + 1]);
            d[i] = level > 0 ? (m[from + i + 2] - 2 * m[from + i + 1] + m[from + i]) / level : Double.NaN;
        }
        return d;
    }

    private static double mad(double[] d) {
        int q = (int) Arrays.stream(d).filter(Double::isFinite).count();
        if (q < 3) {
            return 0;
        }
        double med = RobustStats.median(d);
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(d[i] - med);
        }
        return 1.4826 * RobustStats.median(d) / Math.sqrt(6);
    }
}
