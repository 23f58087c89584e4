package org.ceusperfusion.ij;

import java.util.List;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.motion.MotionSettings;

/**
 * The parameters of {@code Analyze TIC...}, independent of how they were gathered (dialog or macro).
 *
 * <p>Macro keys: {@code dynamic_range} (dB, default 40), {@code linear} (checkbox), {@code model}
 * ({@code lognormal}), {@code reference} (name of a ROI Manager entry, or {@code none}),
 * {@code save_to} (a folder for {@code analysis.json}, {@code tic.csv}, {@code tic.png}; empty: do not save),
 * {@code motion_correction} (checkbox: the ROI follows the tissue), {@code exclude} (frames left out of the
 * fit, e.g. {@code exclude=[10-20,35]}).
 *
 * @param dynamicRangeDb scanner dynamic range, dB
 * @param linear         the grey values are already linear
 * @param model          bolus model label
 * @param reference      ROI Manager name of the reference ROI, or {@code null}
 * @param saveTo         output folder, or {@code null}
 */
public record AnalyzeTicOptions(double dynamicRangeDb, boolean linear, String model, String reference,
                                String saveTo, boolean motionCorrection, String exclude) {
    /** Models offered in the dialog. */
    public static final List<String> MODELS = List.of("lognormal");
    /** The {@code reference} value meaning "no reference ROI". */
    public static final String NO_REFERENCE = "none";

    public AnalyzeTicOptions {
        model = model == null || model.isBlank() ? MODELS.get(0) : model.trim();
        reference = reference == null || reference.isBlank() || reference.equalsIgnoreCase(NO_REFERENCE)
                ? null : reference.trim();
        saveTo = saveTo == null || saveTo.isBlank() ? null : saveTo.trim();
        exclude = exclude == null || exclude.isBlank() ? null : exclude.trim();
    }

    /** Without motion correction or exclusions. */
    public AnalyzeTicOptions(double dynamicRangeDb, boolean linear, String model, String reference, String saveTo) {
        this(dynamicRangeDb, linear, model, reference, saveTo, false, null);
    }

    /** @return the defaults: 40 dB, log-compressed, lognormal, no reference, not saved */
    public static AnalyzeTicOptions defaults() {
        return new AnalyzeTicOptions(AnalysisSettings.DEFAULT_DYNAMIC_RANGE_DB, false, MODELS.get(0), null, null);
    }

    /**
     * @param options macro options, e.g. {@code dynamic_range=40 model=lognormal save_to=[/tmp/out]}
     * @return the parameters; absent keys take their defaults
     * @throws org.ceusperfusion.InputException when a number cannot be read
     */
    static AnalyzeTicOptions fromMacro(MacroOptions options) {
        AnalyzeTicOptions d = defaults();
        return new AnalyzeTicOptions(options.number("dynamic_range", d.dynamicRangeDb()), options.flag("linear"),
                options.string("model", d.model()), options.string("reference", null),
                options.string("save_to", null), options.flag("motion_correction"), options.string("exclude", null));
    }

    /**
     * @return the core's settings
     * @throws org.ceusperfusion.InputException when the dynamic range is impossible
     */
    public AnalysisSettings settings() {
        return new AnalysisSettings(linear ? null : dynamicRangeDb, linear, model,
                MotionSettings.defaults().withCorrection(motionCorrection).withExcludeFrames(exclude));
    }
}
