package org.ceusperfusion.analysis;

import org.ceusperfusion.motion.MotionSettings;

/**
 * How a loop is analysed.
 *
 * @param dynamicRangeDb scanner dynamic range in dB used to undo log compression, or {@code null} with {@code linear}
 * @param linear         the grey values are already linear (no linearisation)
 * @param model          bolus model label, e.g. {@code lognormal}
 * @param motion         motion correction and frame rejection ({@code null}: {@link MotionSettings#defaults()})
 * @param bootstrapReplicates 0 for the default intervals of {@link org.ceusperfusion.params.Intervals}, else
 *                            the number of seeded block wild bootstrap refits (at least 20) giving percentile CIs
 * @param bootstrapSeed  seed of the bootstrap
 * @param dynamicRangeSource where the dynamic range came from: {@value #GIVEN}, {@code preset NAME},
 *                       {@value #ASSUMED} (nobody gave one: flagged in every output) or {@code linear};
 *                       {@code null} derives it from {@code dynamicRangeDb}
 */
public record AnalysisSettings(Double dynamicRangeDb, boolean linear, String model, MotionSettings motion,
                               int bootstrapReplicates, long bootstrapSeed, String dynamicRangeSource) {

    /** Source of a dynamic range nobody gave: the default was assumed (flagged in every output). */
    public static final String ASSUMED = "assumed default";
    /** Source of a dynamic range given explicitly (option, dialog, macro, manifest). */
    public static final String GIVEN = "given";

    /** Default bootstrap seed. */
    public static final long DEFAULT_BOOTSTRAP_SEED = 1L;

    /** Default dynamic range when none is given, dB. */
    public static final double DEFAULT_DYNAMIC_RANGE_DB = 40.0;

    public AnalysisSettings {
        if (linear) {
            dynamicRangeDb = null;
            dynamicRangeSource = "linear";
        } else if (dynamicRangeDb == null) {
            dynamicRangeDb = DEFAULT_DYNAMIC_RANGE_DB;
            dynamicRangeSource = ASSUMED;
        } else if (dynamicRangeSource == null || dynamicRangeSource.isBlank()) {
            dynamicRangeSource = GIVEN;
        }
        if (dynamicRangeDb != null && !(dynamicRangeDb > 0 && dynamicRangeDb <= 200)) {
            throw new org.ceusperfusion.InputException("--dynamic-range",
                    "must be a positive number of dB up to 200, got " + dynamicRangeDb);
        }
        if (model == null || model.isBlank()) {
            model = "lognormal";
        }
        if (motion == null) {
            motion = MotionSettings.defaults();
        }
        if (bootstrapReplicates != 0 && (bootstrapReplicates < 20 || bootstrapReplicates > 100_000)) {
            throw new org.ceusperfusion.InputException("--bootstrap",
                    "needs 0 (delta method) or 20 to 100000 replicates, got " + bootstrapReplicates);
        }
        if (bootstrapReplicates != 0 && "replenishment".equalsIgnoreCase(model)) {
            throw new org.ceusperfusion.InputException("--bootstrap",
                    "is not available with --model replenishment (its onset is held at the flash); use the delta method");
        }
    }

    /** Settings whose dynamic range source follows from the value ({@code null}: assumed default). */
    public AnalysisSettings(Double dynamicRangeDb, boolean linear, String model, MotionSettings motion,
                            int bootstrapReplicates, long bootstrapSeed) {
        this(dynamicRangeDb, linear, model, motion, bootstrapReplicates, bootstrapSeed, null);
    }

    /** Default intervals ({@link org.ceusperfusion.params.Intervals}). */
    public AnalysisSettings(Double dynamicRangeDb, boolean linear, String model, MotionSettings motion) {
        this(dynamicRangeDb, linear, model, motion, 0, DEFAULT_BOOTSTRAP_SEED);
    }

    /** @return whether nobody gave the dynamic range and the default {@value #DEFAULT_DYNAMIC_RANGE_DB} dB was assumed */
    public boolean dynamicRangeAssumed() {
        return ASSUMED.equals(dynamicRangeSource);
    }

    /** @return the warning every output shows when the dynamic range was assumed, else {@code null} */
    public String dynamicRangeWarning() {
        return dynamicRangeAssumed() ? "dynamic range not given: assumed " + DEFAULT_DYNAMIC_RANGE_DB
                + " dB (set --dynamic-range or --preset; amplitudes PE, AUC, WiR, ... depend on it)" : null;
    }

    /** @return a copy with another dynamic range and its source (e.g. {@code preset NAME}) */
    public AnalysisSettings withDynamicRange(double db, String source) {
        return new AnalysisSettings(db, false, model, motion, bootstrapReplicates, bootstrapSeed, source);
    }

    /** @return a copy with another model label */
    public AnalysisSettings withModel(String label) {
        return new AnalysisSettings(dynamicRangeDb, linear, label, motion, bootstrapReplicates, bootstrapSeed,
                dynamicRangeSource);
    }

    /** Settings without motion correction (flashes are still rejected). */
    public AnalysisSettings(Double dynamicRangeDb, boolean linear, String model) {
        this(dynamicRangeDb, linear, model, null);
    }

    /** @return a copy with other motion settings */
    public AnalysisSettings withMotion(MotionSettings m) {
        return new AnalysisSettings(dynamicRangeDb, linear, model, m, bootstrapReplicates, bootstrapSeed,
                dynamicRangeSource);
    }

    /** @return a copy with seeded residual-bootstrap CIs ({@code replicates} 0: delta method) */
    public AnalysisSettings withBootstrap(int replicates, long seed) {
        return new AnalysisSettings(dynamicRangeDb, linear, model, motion, replicates, seed, dynamicRangeSource);
    }

    /** Log-compressed data with the given dynamic range and the lognormal model. */
    public static AnalysisSettings logCompressed(double dynamicRangeDb) {
        return new AnalysisSettings(dynamicRangeDb, false, "lognormal");
    }
}
