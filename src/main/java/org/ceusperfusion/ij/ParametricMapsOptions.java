package org.ceusperfusion.ij;

import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.maps.MapSettings;

/**
 * The parameters of {@code Parametric Maps...}, however they were gathered (dialog or macro).
 *
 * <p>Macro keys: {@code dynamic_range} (dB, default 40), {@code linear} (checkbox), {@code model}
 * ({@code lognormal}), {@code params} (comma list, default {@code PE,AUC,TTP,mTT}), {@code bin}
 * (pixels, default 1), {@code frame_bin} (frames per sample, 0 = auto), {@code save_to} (a folder for
 * the files of {@code ceus map}; empty: do not save).
 *
 * @param dynamicRangeDb scanner dynamic range, dB
 * @param linear         the grey values are already linear
 * @param model          bolus model label
 * @param params         parameter labels, comma-separated
 * @param bin            bin size, pixels
 * @param frameBin       frames per curve sample (0 = automatic)
 * @param saveTo         output folder, or {@code null}
 */
public record ParametricMapsOptions(double dynamicRangeDb, boolean linear, String model, String params, int bin,
                                    int frameBin, String saveTo) {
    /** Parameters mapped by default. */
    public static final String DEFAULT_PARAMS = "PE,AUC,TTP,mTT";

    public ParametricMapsOptions {
        model = model == null || model.isBlank() ? "lognormal" : model.trim();
        params = params == null || params.isBlank() ? DEFAULT_PARAMS : params.trim();
        saveTo = saveTo == null || saveTo.isBlank() ? null : saveTo.trim();
    }

    /** @return 40 dB, lognormal, PE/AUC/TTP/mTT per pixel, automatic frame binning, not saved */
    public static ParametricMapsOptions defaults() {
        return new ParametricMapsOptions(AnalysisSettings.DEFAULT_DYNAMIC_RANGE_DB, false, "lognormal",
                DEFAULT_PARAMS, 1, MapSettings.AUTO, null);
    }

    /**
     * @param o macro options, e.g. {@code dynamic_range=40 params=PE,TTP bin=2 save_to=[/tmp/maps]}
     * @return the parameters; absent keys take their defaults
     * @throws org.ceusperfusion.InputException when a number cannot be read
     */
    static ParametricMapsOptions fromMacro(MacroOptions o) {
        ParametricMapsOptions d = defaults();
        return new ParametricMapsOptions(o.number("dynamic_range", d.dynamicRangeDb()), o.flag("linear"),
                o.string("model", d.model()), o.string("params", d.params()), (int) o.number("bin", d.bin()),
                (int) o.number("frame_bin", d.frameBin()), o.string("save_to", null));
    }

    /**
     * @return the core's settings, on all cores
     * @throws org.ceusperfusion.InputException when a value is impossible
     */
    public MapSettings settings() {
        return new MapSettings(new AnalysisSettings(linear ? null : dynamicRangeDb, linear, model),
                MapSettings.parseParams(params), bin, 1, frameBin, MapSettings.availableCores(), false);
    }
}
