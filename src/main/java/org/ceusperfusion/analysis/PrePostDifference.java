package org.ceusperfusion.analysis;

import java.util.Arrays;
import org.ceusperfusion.tic.DestructionFlashDetector;

/**
 * The level difference across a destruction flash, with a 95 % interval that allows for the slow
 * decorrelation of the bubble signal (perfusion-reference §8).
 *
 * <p>Before: the samples in the {@value #SIDE_S} s before the first post-flash sample, leaving out bright
 * flash frames (more than {@value DestructionFlashDetector#PLATEAU_BAND} of the drop above the level
 * before). After: without refill, the samples in the {@value #SIDE_S} s from the first post-flash sample;
 * with refill, only its first {@value #REFILL_SAMPLES} samples (the floor before the signal recovers).
 * Each mean's standard error is s/√n·√((1+ρ)/(1−ρ)) with ρ the lag-1 autocorrelation of its samples
 * (clamped to 0..{@value #MAX_RHO}); the interval is the difference ± 1.96 combined standard errors.
 */
final class PrePostDifference {
    /** Seconds of samples on each side. */
    static final double SIDE_S = 5.0;
    /** Samples after a flash with refill. */
    static final int REFILL_SAMPLES = 3;
    /** Largest autocorrelation used in the standard error. */
    static final double MAX_RHO = 0.9;

    private PrePostDifference() {
    }

    static CurveFindings.FlashStep of(double[] t, double[] y, DestructionFlashDetector.Destruction d,
                                      boolean refill) {
        int j = d.index();
        double band = DestructionFlashDetector.PLATEAU_BAND * (d.levelBefore() - d.levelAfter());
        double[] before = Arrays.stream(range(t, y, t[j] - SIDE_S, t[j], false))
                .filter(v -> v <= d.levelBefore() + band).toArray();
        double[] after = refill ? Arrays.copyOfRange(y, j, Math.min(y.length, j + REFILL_SAMPLES))
                : range(t, y, t[j], t[j] + SIDE_S, true);
        double mb = mean(before);
        double ma = mean(after);
        double se = Math.sqrt(se2(before) + se2(after));
        double diff = mb - ma;
        double flashS = 0.5 * (t[j - 1] + t[j]);
        return new CurveFindings.FlashStep(flashS, refill, mb, ma, diff,
                new double[] {diff - 1.96 * se, diff + 1.96 * se});
    }

    /** Samples with {@code from ≤ t < to} (or {@code ≤ to} when {@code inclusive}). */
    private static double[] range(double[] t, double[] y, double from, double to, boolean inclusive) {
        return java.util.stream.IntStream.range(0, t.length)
                .filter(i -> t[i] >= from && (inclusive ? t[i] <= to : t[i] < to) && Double.isFinite(y[i]))
                .mapToDouble(i -> y[i]).toArray();
    }

    private static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
    }

    /** @return the squared standard error of the mean of autocorrelated samples (NaN below 2 samples) */
    static double se2(double[] v) {
        int n = v.length;
        if (n < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double ss = 0;
        double lag = 0;
        for (int i = 0; i < n; i++) {
            ss += (v[i] - m) * (v[i] - m);
            if (i > 0) {
                lag += (v[i] - m) * (v[i - 1] - m);
            }
        }
        double rho = ss > 0 ? Math.max(0, Math.min(MAX_RHO, lag / ss)) : 0;
        return ss / (n - 1) / n * (1 + rho) / (1 - rho);
    }
}
