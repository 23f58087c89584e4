package org.ceusperfusion.ij;

import java.util.Map;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.maps.MapSettings;
import org.ceusperfusion.model.BolusModels;

/**
 * The parameters of {@code Parametric Maps...}, declared once ({@link #form}) for the dialog, the Recorder
 * and macro parsing.
 *
 * <p>Macro keys: {@code dynamic_range} (dB, default 40), {@code linear} (checkbox), {@code model} (a bolus
 * model: {@code lognormal}, {@code gamma}, {@code ldrw}, {@code fpt}), {@code params} (comma list, default
 * {@code PE,AUC,TTP,mTT}), {@code bin} (N×N pixels per curve, default 1), {@code smooth} (odd N: N×N moving
 * average, default 1), {@code frame_bin} (frames per sample, 0 = auto), {@code ci} (checkbox: also map the
 * 95 % bounds), {@code threads} (0 = all cores), {@code save_to} (a folder for the files of {@code ceus map};
 * empty: do not save).
 *
 * @param dynamicRangeDb scanner dynamic range, dB
 * @param linear         the grey values are already linear
 * @param model          bolus model label
 * @param params         parameter labels, comma-separated
 * @param bin            bin size, pixels
 * @param frameBin       frames per curve sample (0 = automatic)
 * @param saveTo         output folder, or {@code null}
 * @param smooth         moving-average window, pixels (odd; 1 = none)
 * @param withCi         whether the 95 % bounds are mapped too
 * @param threads        worker threads (0 = all cores)
 */
public record ParametricMapsOptions(double dynamicRangeDb, boolean linear, String model, String params, int bin,
                                    int frameBin, String saveTo, int smooth, boolean withCi, int threads) {
    /** Parameters mapped by default. */
    public static final String DEFAULT_PARAMS = "PE,AUC,TTP,mTT";

    public ParametricMapsOptions {
        model = model == null || model.isBlank() ? "lognormal" : model.trim();
        params = params == null || params.isBlank() ? DEFAULT_PARAMS : params.trim();
        saveTo = saveTo == null || saveTo.isBlank() ? null : saveTo.trim();
    }

    /** Without smoothing or bounds, on all cores. */
    public ParametricMapsOptions(double dynamicRangeDb, boolean linear, String model, String params, int bin,
                                 int frameBin, String saveTo) {
        this(dynamicRangeDb, linear, model, params, bin, frameBin, saveTo, 1, false, 0);
    }

    /** @return 40 dB, lognormal, PE/AUC/TTP/mTT per pixel, automatic frame binning, not saved */
    public static ParametricMapsOptions defaults() {
        return new ParametricMapsOptions(AnalysisSettings.DEFAULT_DYNAMIC_RANGE_DB, false, "lognormal",
                DEFAULT_PARAMS, 1, MapSettings.AUTO, null);
    }

    /** @return the fields of the dialog, in order; each label's first word is its macro key */
    static OptionForm form() {
        ParametricMapsOptions d = defaults();
        return new OptionForm()
                .number("dynamic_range", "Dynamic_range", d.dynamicRangeDb(), "dB")
                .flag("linear", "Linear data (no log compression)", false)
                .choice("model", "Model", BolusModels.labels(), d.model())
                .string("params", "Params (comma list)", d.params())
                .integer("bin", "Bin (N×N pixels per curve)", d.bin())
                .integer("smooth", "Smooth (odd N: N×N moving average; not with bin)", d.smooth())
                .integer("frame_bin", "Frame_bin (frames per sample, 0 = auto)", d.frameBin())
                .flag("ci", "CI (also map the 95 % bounds; slower)", false)
                .integer("threads", "Threads (0 = all cores)", 0)
                .directory("save_to", "Save_to folder (optional)");
    }

    /**
     * @param o macro options, e.g. {@code dynamic_range=40 params=PE,TTP bin=2 save_to=[/tmp/maps]}
     * @return the parameters; absent keys take their defaults
     * @throws InputException when a number cannot be read
     */
    static ParametricMapsOptions fromMacro(MacroOptions o) {
        return fromValues(form().fromMacro(o));
    }

    /**
     * @param v the values of {@link #form}, by key
     * @return the parameters
     * @throws InputException when a count is not a whole number
     */
    static ParametricMapsOptions fromValues(Map<String, Object> v) {
        return new ParametricMapsOptions((Double) v.get("dynamic_range"), (Boolean) v.get("linear"),
                (String) v.get("model"), (String) v.get("params"), whole(v, "bin"), whole(v, "frame_bin"),
                (String) v.get("save_to"), whole(v, "smooth"), (Boolean) v.get("ci"), whole(v, "threads"));
    }

    private static int whole(Map<String, Object> v, String key) {
        double x = (Double) v.get(key);
        if (!(x >= 0) || x != Math.rint(x) || x > Integer.MAX_VALUE) {
            throw new InputException(key + "=", "expected a whole number >= 0, got " + x);
        }
        return (int) x;
    }

    /**
     * @return the core's settings
     * @throws InputException when a value is impossible
     */
    public MapSettings settings() {
        return new MapSettings(new AnalysisSettings(linear ? null : dynamicRangeDb, linear, model),
                MapSettings.parseParams(params), bin, smooth, frameBin,
                threads > 0 ? threads : MapSettings.availableCores(), withCi);
    }
}
