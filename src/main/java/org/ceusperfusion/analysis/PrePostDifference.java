package org.ceusperfusion.analysis;

import org.ceusperfusion.params.LevelDifference;
import org.ceusperfusion.tic.DestructionFlashDetector;

/**
 * The level difference across a destruction flash, with a 95 % interval that allows for speckle decorrelating
 * over about a second and for a slow gain drift over several seconds (perfusion-reference §8).
 *
 * <p>Before: the samples in the {@value #SIDE_S} s before the first post-flash sample, leaving out bright flash
 * frames (more than {@value DestructionFlashDetector#PLATEAU_BAND} of the drop above the level before). After:
 * without refill, the samples in the {@value #SIDE_S} s from the first post-flash sample; with refill, only its
 * first {@value #REFILL_SAMPLES} samples (the floor before the signal recovers). The difference is of these two
 * means. Its standard error comes from {@link LevelDifference}: the noise model of every interval of the
 * program (variance growing with the level; correlation in seconds, a fast and a slow exponential, by REML),
 * learnt on the windows plus {@value #CONTEXT_S} s of context on each side (before: own level and slope; after,
 * without refill: own level), so that a drift slower than a window is seen. The interval is the difference
 * ± 1.96 standard errors: Student's t on the noise model's effective degrees of freedom, which fall to about 1
 * when a slow drift dominates, made intervals of ±200 a.u. for a 290 a.u. drop (docs/frames-and-quality.md).
 */
final class PrePostDifference {
    /** Seconds of samples on each side. */
    static final double SIDE_S = 5.0;
    /** Seconds of context beyond each window for the noise model. */
    static final double CONTEXT_S = 10.0;
    /** Samples after a flash with refill. */
    static final int REFILL_SAMPLES = 3;

    private PrePostDifference() {
    }

    static CurveFindings.FlashStep of(double[] t, double[] y, DestructionFlashDetector.Destruction d,
                                      boolean refill) {
        int j = d.index();
        double band = DestructionFlashDetector.PLATEAU_BAND * (d.levelBefore() - d.levelAfter());
        double tj = t[j];
        int[] group = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            boolean bright = y[i] > d.levelBefore() + band;
            if (i < j) {
                group[i] = bright || t[i] < tj - SIDE_S - CONTEXT_S ? -1
                        : t[i] >= tj - SIDE_S ? LevelDifference.FIRST : LevelDifference.FIRST_CONTEXT;
            } else if (refill) {
                group[i] = i < j + REFILL_SAMPLES ? LevelDifference.SECOND : -1;
            } else {
                group[i] = t[i] > tj + SIDE_S + CONTEXT_S ? -1
                        : t[i] <= tj + SIDE_S ? LevelDifference.SECOND : LevelDifference.SECOND_CONTEXT;
            }
        }
        LevelDifference.Estimate e = LevelDifference.of(t, y, group);
        double diff = e.difference();
        double half = 1.96 * e.se();
        double flashS = 0.5 * (t[j - 1] + t[j]);
        return new CurveFindings.FlashStep(flashS, refill, e.before(), e.after(), diff,
                new double[] {diff - half, diff + half});
    }
}
