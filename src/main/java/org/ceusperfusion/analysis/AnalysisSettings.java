package org.ceusperfusion.analysis;

import org.ceusperfusion.motion.MotionSettings;

/**
 * How a loop is analysed.
 *
 * @param dynamicRangeDb scanner dynamic range in dB used to undo log compression, or {@code null} with {@code linear}
 * @param linear         the grey values are already linear (no linearisation)
 * @param model          bolus model label, e.g. {@code lognormal}
 * @param motion         motion correction and frame rejection ({@code null}: {@link MotionSettings#defaults()})
 * @param bootstrapReplicates 0 for delta-method CIs (default), else the number of seeded residual-bootstrap
 *                            refits (at least 20) giving percentile CIs
 * @param bootstrapSeed  seed of the bootstrap
 */
public record AnalysisSettings(Double dynamicRangeDb, boolean linear, String model, MotionSettings motion,
                               int bootstrapReplicates, long bootstrapSeed) {

    /** Default bootstrap seed. */
    public static final long DEFAULT_BOOTSTRAP_SEED = 1L;

    /** Default dynamic range when none is given, dB. */
    public static final double DEFAULT_DYNAMIC_RANGE_DB = 40.0;

    public AnalysisSettings {
        if (linear) {
            dynamicRangeDb = null;
        } else if (dynamicRangeDb == null) {
            dynamicRangeDb = DEFAULT_DYNAMIC_RANGE_DB;
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

    /** Delta-method CIs. */
    public AnalysisSettings(Double dynamicRangeDb, boolean linear, String model, MotionSettings motion) {
        this(dynamicRangeDb, linear, model, motion, 0, DEFAULT_BOOTSTRAP_SEED);
    }

    /** Settings without motion correction (flashes are still rejected). */
    public AnalysisSettings(Double dynamicRangeDb, boolean linear, String model) {
        this(dynamicRangeDb, linear, model, null);
    }

    /** @return a copy with other motion settings */
    public AnalysisSettings withMotion(MotionSettings m) {
        return new AnalysisSettings(dynamicRangeDb, linear, model, m, bootstrapReplicates, bootstrapSeed);
    }

    /** @return a copy with seeded residual-bootstrap CIs ({@code replicates} 0: delta method) */
    public AnalysisSettings withBootstrap(int replicates, long seed) {
        return new AnalysisSettings(dynamicRangeDb, linear, model, motion, replicates, seed);
    }

    /** Log-compressed data with the given dynamic range and the lognormal model. */
    public static AnalysisSettings logCompressed(double dynamicRangeDb) {
        return new AnalysisSettings(dynamicRangeDb, false, "lognormal");
    }
}
