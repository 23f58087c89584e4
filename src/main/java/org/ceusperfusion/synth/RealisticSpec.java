package org.ceusperfusion.synth;

import java.util.Objects;

/**
 * A realistic phantom: a plain {@link SyntheticLoopSpec} (geometry, timing, boluses, background, noise floor,
 * log compression, seed; its {@code speckle} field is ignored) plus the {@link Realism} settings.
 *
 * @param base    geometry, timing, boluses, compression and seed
 * @param realism speckle dynamics, noise, recirculation, heterogeneity, rim, contrast mode, flashes
 */
public record RealisticSpec(SyntheticLoopSpec base, Realism realism) {

    /** Tissue suppression of the contrast mode (power factor on background and noise floor): −30 dB. */
    public static final double CONTRAST_SUPPRESSION = 1e-3;

    public RealisticSpec {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(realism, "realism");
    }

    /** @return a copy with another base spec */
    public RealisticSpec withBase(SyntheticLoopSpec v) {
        return new RealisticSpec(v, realism);
    }

    /** @return a copy with other realism settings */
    public RealisticSpec withRealism(Realism v) {
        return new RealisticSpec(base, v);
    }

    /** @return a copy with another seed */
    public RealisticSpec withSeed(long seed) {
        return new RealisticSpec(base.withSeed(seed), realism);
    }

    /** @return the tissue background power after contrast-mode suppression, linear a.u. */
    public double effectiveBackground() {
        return base.backgroundPower() * (realism.contrastMode() ? CONTRAST_SUPPRESSION : 1);
    }

    /** @return the mean noise floor after contrast-mode suppression, linear a.u. */
    public double effectiveNoiseFloor() {
        return base.noiseFloorMean() * (realism.contrastMode() ? CONTRAST_SUPPRESSION : 1);
    }

    /** @return the true baseline O = effective background + effective noise floor, linear a.u. */
    public double baselinePower() {
        return effectiveBackground() + effectiveNoiseFloor();
    }
}
