package org.ceusperfusion.ij;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.model.BolusModels;
import org.ceusperfusion.model.ReplenishmentModel;
import org.ceusperfusion.motion.MotionSettings;

/**
 * The parameters of {@code Analyze TIC...}, declared once ({@link #form}) for the dialog, the Recorder and
 * macro parsing.
 *
 * <p>Macro keys: {@code dynamic_range} (dB, default 40), {@code linear} (checkbox), {@code model}
 * ({@code lognormal}, {@code gamma}, {@code ldrw}, {@code fpt}, {@code auto}, {@code replenishment}),
 * {@code target} ({@code selection}: the image's ROI, the whole frame without one; {@code roi_manager}:
 * every ROI of the ROI Manager), {@code reference} (name of a ROI Manager entry, or {@code none}),
 * {@code motion_correction} (checkbox: the ROI follows the tissue), {@code exclude} (frames left out of the
 * fit, e.g. {@code exclude=[10-20,35]}), {@code keep_flash} (checkbox: keep frames that look like flashes),
 * {@code bootstrap} (replicates for the intervals, 0: delta method), {@code frame_interval} (s; only for
 * images without frame times, 0: not given), {@code save_to} (a folder for {@code analysis.json},
 * {@code tic.csv}, {@code tic.png}; empty: do not save).
 *
 * @param dynamicRangeDb scanner dynamic range, dB
 * @param linear         the grey values are already linear
 * @param model          bolus model label
 * @param reference      ROI Manager name of the reference ROI, or {@code null}
 * @param saveTo         output folder, or {@code null}
 * @param motionCorrection whether the ROI follows the tissue
 * @param exclude        frames left out of the fit ({@code 10-20,35}), or {@code null}
 * @param allRois        measure every ROI of the ROI Manager instead of the image's ROI
 * @param frameIntervalS frame interval for an image without frame times, s, or NaN
 * @param bootstrap      bootstrap replicates (0: delta-method intervals)
 * @param keepFlash      keep frames that look like flashes
 */
public record AnalyzeTicOptions(double dynamicRangeDb, boolean linear, String model, String reference,
                                String saveTo, boolean motionCorrection, String exclude, boolean allRois,
                                double frameIntervalS, int bootstrap, boolean keepFlash) {
    /** Models offered in the dialogs: every bolus model, {@code auto} (AICc per ROI) and replenishment. */
    public static final List<String> MODELS = models();
    /** The {@code reference} value meaning "no reference ROI". */
    public static final String NO_REFERENCE = "none";
    /** {@code target} value: the image's ROI (the whole frame without one). */
    public static final String TARGET_SELECTION = "selection";
    /** {@code target} value: every ROI of the ROI Manager. */
    public static final String TARGET_ROI_MANAGER = "roi_manager";

    public AnalyzeTicOptions {
        model = model == null || model.isBlank() ? MODELS.get(0) : model.trim();
        reference = reference == null || reference.isBlank() || reference.equalsIgnoreCase(NO_REFERENCE)
                ? null : reference.trim();
        saveTo = saveTo == null || saveTo.isBlank() ? null : saveTo.trim();
        exclude = exclude == null || exclude.isBlank() ? null : exclude.trim();
        frameIntervalS = frameIntervalS > 0 ? frameIntervalS : Double.NaN;
    }

    /** The selection only, no frame interval, delta-method intervals. */
    public AnalyzeTicOptions(double dynamicRangeDb, boolean linear, String model, String reference,
                             String saveTo, boolean motionCorrection, String exclude) {
        this(dynamicRangeDb, linear, model, reference, saveTo, motionCorrection, exclude, false, Double.NaN, 0,
                false);
    }

    /** Without motion correction or exclusions. */
    public AnalyzeTicOptions(double dynamicRangeDb, boolean linear, String model, String reference, String saveTo) {
        this(dynamicRangeDb, linear, model, reference, saveTo, false, null);
    }

    private static List<String> models() {
        List<String> m = new ArrayList<>(BolusModels.labels());
        m.add(BolusModels.AUTO);
        m.add(ReplenishmentModel.LABEL);
        return List.copyOf(m);
    }

    /** @return the defaults: 40 dB, log-compressed, lognormal, no reference, not saved */
    public static AnalyzeTicOptions defaults() {
        return new AnalyzeTicOptions(AnalysisSettings.DEFAULT_DYNAMIC_RANGE_DB, false, MODELS.get(0), null, null);
    }

    /**
     * The fields of the dialog, in order; each label's first word is its macro key.
     *
     * @param references   the reference choices (first {@value #NO_REFERENCE}, then ROI Manager names)
     * @param askInterval  whether to ask for the frame interval (the image has no frame times)
     * @return the form
     */
    static OptionForm form(List<String> references, boolean askInterval) {
        AnalyzeTicOptions d = defaults();
        OptionForm f = new OptionForm()
                .number("dynamic_range", "Dynamic_range", d.dynamicRangeDb(), "dB")
                .flag("linear", "Linear data (no log compression)", false)
                .choice("model", "Model", MODELS, d.model())
                .choice("target", "Target", List.of(TARGET_SELECTION, TARGET_ROI_MANAGER), TARGET_SELECTION)
                .choice("reference", "Reference ROI (ROI Manager)", references, NO_REFERENCE)
                .flag("motion_correction", "Motion_correction (the ROI follows the tissue)", false)
                .string("exclude", "Exclude frames (e.g. 10-20,35)", "")
                .flag("keep_flash", "Keep_flash frames (no flash detection)", false)
                .integer("bootstrap", "Bootstrap replicates (0: delta method)", 0);
        if (askInterval) {
            f.number("frame_interval", "Frame_interval (this image has no frame times)", 0, "s");
        }
        return f.directory("save_to", "Save_to folder (optional)");
    }

    /**
     * @param options macro options, e.g. {@code dynamic_range=40 model=lognormal save_to=[/tmp/out]}
     * @return the parameters; absent keys take their defaults
     * @throws InputException when a number cannot be read
     */
    static AnalyzeTicOptions fromMacro(MacroOptions options) {
        return fromValues(form(List.of(NO_REFERENCE), true).fromMacro(options));
    }

    /**
     * @param v the values of {@link #form}, by key
     * @return the parameters
     * @throws InputException when the target or bootstrap count is impossible
     */
    static AnalyzeTicOptions fromValues(Map<String, Object> v) {
        String target = (String) v.get("target");
        if (!TARGET_SELECTION.equals(target) && !TARGET_ROI_MANAGER.equals(target)) {
            throw new InputException("target=", "expected " + TARGET_SELECTION + " or " + TARGET_ROI_MANAGER
                    + ", got '" + target + "'");
        }
        double boot = (Double) v.get("bootstrap");
        if (!(boot >= 0) || boot != Math.rint(boot)) {
            throw new InputException("bootstrap=", "expected a whole number of replicates >= 0, got " + boot);
        }
        Object fi = v.get("frame_interval");
        return new AnalyzeTicOptions((Double) v.get("dynamic_range"), (Boolean) v.get("linear"),
                (String) v.get("model"), (String) v.get("reference"), (String) v.get("save_to"),
                (Boolean) v.get("motion_correction"), (String) v.get("exclude"), TARGET_ROI_MANAGER.equals(target),
                fi == null ? Double.NaN : (Double) fi, (int) boot, (Boolean) v.get("keep_flash"));
    }

    /**
     * @return the core's settings
     * @throws InputException when the dynamic range is impossible
     */
    public AnalysisSettings settings() {
        MotionSettings m = MotionSettings.defaults().withCorrection(motionCorrection).withExcludeFrames(exclude)
                .withFlashDetection(!keepFlash);
        return new AnalysisSettings(linear ? null : dynamicRangeDb, linear, model, m)
                .withBootstrap(bootstrap, AnalysisSettings.DEFAULT_BOOTSTRAP_SEED);
    }
}
