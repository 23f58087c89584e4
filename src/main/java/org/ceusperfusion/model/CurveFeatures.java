package org.ceusperfusion.model;

import java.util.Arrays;

/**
 * Model-independent features of a raw time-intensity curve used to start a fit: a smoothed copy,
 * the pre-bolus baseline, the peak, the start of the rise and the noise level. Every bolus model's
 * {@link BolusModel#initialGuess} can build on it.
 *
 * @param smoothed   centred moving average of the intensities (window {@code window} samples)
 * @param window     smoothing window, samples (odd)
 * @param baseline   pre-bolus baseline: median of the raw samples before the rise, a.u.
 * @param peakIndex  index of the maximum of {@code smoothed}
 * @param riseIndex  last index before the peak where {@code smoothed} is within 10 % of the
 *                   enhancement above baseline (start of the rise)
 * @param amplitude  {@code smoothed[peakIndex] − baseline}, a.u.
 * @param noiseSd    robust noise standard deviation of the raw samples (MAD of first differences), a.u.
 */
public record CurveFeatures(double[] smoothed, int window, double baseline, int peakIndex, int riseIndex,
                            double amplitude, double noiseSd) {

    /** Fraction of the amplitude that marks the start of the rise. */
    static final double RISE_FRACTION = 0.1;
    /** The smoothed peak must exceed the baseline by this many standard errors of the smoothed mean. */
    static final double DETECTION_SIGMAS = 6.0;

    /**
     * @param t times, s, increasing, all finite
     * @param y intensities, all finite; same length as {@code t}, at least 3
     * @return the features (never {@code null})
     */
    public static CurveFeatures of(double[] t, double[] y) {
        int n = y.length;
        int w = Math.max(3, (n / 25) | 1);
        double[] s = movingAverage(y, w);
        int ip = 0;
        for (int i = 1; i < n; i++) {
            if (s[i] > s[ip]) {
                ip = i;
            }
        }
        double lo = s[0];
        for (int i = 1; i <= ip; i++) {
            lo = Math.min(lo, s[i]);
        }
        int rise = riseIndex(s, ip, lo + RISE_FRACTION * (s[ip] - lo));
        double baseline = rise >= 2 ? median(Arrays.copyOfRange(y, 0, rise + 1)) : lo;
        baseline = Math.min(baseline, s[ip]);
        return new CurveFeatures(s, w, baseline, ip, rise, s[ip] - baseline, noiseSd(y));
    }

    /**
     * @return whether a bolus is visible: the peak is not at the first sample and rises above the
     *         baseline by more than {@value #DETECTION_SIGMAS} standard errors of the smoothed noise
     */
    public boolean hasBolus() {
        if (peakIndex < 2 || !(amplitude > 0)) {
            return false;
        }
        double scale = Math.max(Math.abs(baseline), Math.abs(smoothed[peakIndex]));
        if (amplitude <= 1e-9 * scale) {
            return false;
        }
        return amplitude > DETECTION_SIGMAS * noiseSd / Math.sqrt(window);
    }

    /**
     * The contiguous index range around the peak where the smoothed curve stays above
     * {@code baseline + fraction·amplitude} (the part of the bolus a linearised start is fitted on).
     *
     * @param fraction level as a fraction of the amplitude above baseline, 0..1
     * @return {@code {first, last}} sample indices, inclusive
     */
    public int[] peakWindow(double fraction) {
        double level = baseline + fraction * amplitude;
        int lo = peakIndex;
        while (lo > 0 && smoothed[lo - 1] > level) {
            lo--;
        }
        int hi = peakIndex;
        while (hi < smoothed.length - 1 && smoothed[hi + 1] > level) {
            hi++;
        }
        return new int[] {lo, hi};
    }

    /** Centred moving average with a window shrinking symmetrically at the edges. */
    static double[] movingAverage(double[] y, int w) {
        int n = y.length;
        double[] c = new double[n + 1];
        for (int i = 0; i < n; i++) {
            c[i + 1] = c[i] + y[i];
        }
        double[] s = new double[n];
        int h = w / 2;
        for (int i = 0; i < n; i++) {
            int k = Math.min(h, Math.min(i, n - 1 - i));
            s[i] = (c[i + k + 1] - c[i - k]) / (2 * k + 1);
        }
        return s;
    }

    private static int riseIndex(double[] s, int ip, double level) {
        for (int i = ip; i >= 0; i--) {
            if (s[i] <= level) {
                return i;
            }
        }
        return 0;
    }

    /** Robust noise sd from first differences: 1.4826·MAD(Δy)/√2. */
    static double noiseSd(double[] y) {
        if (y.length < 3) {
            return 0;
        }
        double[] d = new double[y.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = y[i + 1] - y[i];
        }
        double m = median(d.clone());
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(d[i] - m);
        }
        return 1.4826 * median(d) / Math.sqrt(2);
    }

    /** Median by quickselect, O(n); reorders {@code v} in place. */
    static double median(double[] v) {
        int n = v.length;
        int k = n / 2;
        double hi = select(v, k);
        if (n % 2 == 1) {
            return hi;
        }
        double lo = v[0];
        for (int i = 1; i < k; i++) {   // after select, v[0..k-1] are the k smallest
            lo = Math.max(lo, v[i]);
        }
        return 0.5 * (lo + hi);
    }

    /** @return the k-th smallest element (0-based); partitions {@code v} around it (Hoare, median-of-3 pivot) */
    private static double select(double[] v, int k) {
        int lo = 0;
        int hi = v.length - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            double a = v[lo];
            double b = v[mid];
            double c = v[hi];
            double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double tmp = v[i];
                    v[i] = v[j];
                    v[j] = tmp;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return v[k];
            }
        }
        return v[k];
    }
}
