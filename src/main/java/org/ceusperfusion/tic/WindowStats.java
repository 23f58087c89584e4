package org.ceusperfusion.tic;

/**
 * Running per-pixel mean and variance (Welford) of linear power over the frames of one time window.
 * Package-private helper of {@link NonEnhancingAnalyzer}.
 */
final class WindowStats {
    private final double[] mean;
    private final double[] m2;
    private int frames;

    WindowStats(int pixels) {
        mean = new double[pixels];
        m2 = new double[pixels];
    }

    /** Adds one frame: {@code power[k]} is the linear power of ROI pixel {@code k}. */
    void add(double[] power) {
        frames++;
        for (int k = 0; k < mean.length; k++) {
            double d = power[k] - mean[k];
            mean[k] += d / frames;
            m2[k] += d * (power[k] - mean[k]);
        }
    }

    int frames() {
        return frames;
    }

    double mean(int k) {
        return mean[k];
    }

    /** @return the unbiased sample variance of pixel {@code k} (needs at least 2 frames) */
    double variance(int k) {
        return m2[k] / (frames - 1);
    }

    /** @return the squared standard error of pixel {@code k}'s mean */
    double varianceOfMean(int k) {
        return variance(k) / frames;
    }
}
