package org.ceusperfusion.analysis;

import org.ceusperfusion.motion.MotionSettings;

/**
 * How a loop is analysed.
 *
 * @param dynamicRangeDb scanner dynamic range in dB used to undo log compression, or {@code null} with {@code linear}
 * @param linear         the grey values are already linear (no linearisation)
 * @param model          bolus model label, e.g. {@code lognormal}
 * @param motion         motion correction and frame rejection ({@code null}: {@link MotionSettings#defaults()})
 */
public record AnalysisSettings(Double dynamicRangeDb, boolean linear, String model, MotionSettings motion) {

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
    }

    /** Settings without motion correction (flashes are still rejected). */
    public AnalysisSettings(Double dynamicRangeDb, boolean linear, String model) {
        this(dynamicRangeDb, linear, model, null);
    }

    /** @return a copy with other motion settings */
    public AnalysisSettings withMotion(MotionSettings m) {
        return new AnalysisSettings(dynamicRangeDb, linear, model, m);
    }

    /** Log-compressed data with the given dynamic range and the lognormal model. */
    public static AnalysisSettings logCompressed(double dynamicRangeDb) {
        return new AnalysisSettings(dynamicRangeDb, false, "lognormal");
    }
}
