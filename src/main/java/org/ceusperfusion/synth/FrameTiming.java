package org.ceusperfusion.synth;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Frame times of a synthetic loop: a regular rate, optionally with seeded jitter and dropped frames.
 *
 * <p>Nominal frame {@code i} is at {@code i / frameRateHz}; with jitter it moves by
 * {@code U(−jitterFraction, jitterFraction) / frameRateHz}; each frame except the first is dropped with
 * probability {@code dropProbability}. The first frame is always at 0 s. Jittered times are rounded to
 * 0.1 ms so that a DICOM Frame Time Vector (ms, text) stores them exactly.
 *
 * @param frameRateHz     nominal frame rate, frames per second (&gt; 0)
 * @param nominalFrames   number of nominal frames before dropping (≥ 1)
 * @param jitterFraction  half-range of the uniform time jitter as a fraction of the interval (0 ≤ j &lt; 0.5)
 * @param dropProbability probability that a frame (other than the first) is missing (0 ≤ p &lt; 1)
 */
public record FrameTiming(double frameRateHz, int nominalFrames, double jitterFraction, double dropProbability) {

    public FrameTiming {
        if (!(frameRateHz > 0) || nominalFrames < 1 || !(jitterFraction >= 0 && jitterFraction < 0.5)
                || !(dropProbability >= 0 && dropProbability < 1)) {
            throw new IllegalArgumentException("bad frame timing: rate=" + frameRateHz + " Hz, frames="
                    + nominalFrames + ", jitter=" + jitterFraction + ", drop=" + dropProbability);
        }
    }

    /** Regular frames at {@code frameRateHz} (frames/s). */
    public static FrameTiming regular(double frameRateHz, int frames) {
        return new FrameTiming(frameRateHz, frames, 0, 0);
    }

    /** @return whether every interval equals {@code 1/frameRateHz} */
    public boolean isRegular() {
        return jitterFraction == 0 && dropProbability == 0;
    }

    /** @return the nominal frame interval, s */
    public double intervalS() {
        return 1.0 / frameRateHz;
    }

    /**
     * The frame times, seconds from the first frame (strictly increasing).
     *
     * @param rng the seeded stream for jitter and drops (not used for regular timing)
     */
    public double[] times(SplittableRandom rng) {
        double dt = intervalS();
        double[] t = new double[nominalFrames];
        int n = 0;
        for (int i = 0; i < nominalFrames; i++) {
            double jitter = jitterFraction > 0 ? (2 * rng.nextDouble() - 1) * jitterFraction : 0;
            boolean dropped = dropProbability > 0 && rng.nextDouble() < dropProbability;
            if (i == 0) {
                t[n++] = 0;
            } else if (!dropped) {
                t[n++] = Math.rint((i + jitter) * dt * 1e4) / 1e4;
            }
        }
        return Arrays.copyOf(t, n);
    }
}
