package org.ceusperfusion.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Registry of the bolus models by their stable label ({@code --model} option, JSON {@code model}).
 *
 * <p>Implemented: {@code lognormal}, {@code gamma}, {@code ldrw}, {@code fpt}; a new model is added
 * with one {@code register} line in the static block below. The label {@value #AUTO} is not a model:
 * it asks for per-ROI selection by AICc among all of them ({@link #isAuto},
 * {@code org.ceusperfusion.fit.ModelSelector}).
 *
 * <pre>{@code
 * BolusModel m = BolusModels.fromLabel("lognormal");
 * }</pre>
 */
public final class BolusModels {

    private static final Map<String, Supplier<BolusModel>> MODELS = new LinkedHashMap<>();

    static {
        register("lognormal", LognormalModel::new);
        register("gamma", GammaVariateModel::new);
        register("ldrw", LdrwModel::new);
        register("fpt", FptModel::new);
    }

    /** The label that asks for automatic model selection ({@code --model auto}). */
    public static final String AUTO = "auto";

    private BolusModels() {
    }

    /**
     * @param label a {@code --model} value
     * @return whether it is {@value #AUTO} (case-insensitive, blanks ignored); {@link #fromLabel} rejects it
     */
    public static boolean isAuto(String label) {
        return label != null && AUTO.equals(label.trim().toLowerCase(Locale.ROOT));
    }

    /** @return a new instance of every implemented model, in registration order */
    public static List<BolusModel> all() {
        return MODELS.values().stream().map(Supplier::get).toList();
    }

    private static void register(String label, Supplier<BolusModel> factory) {
        MODELS.put(label, factory);
    }

    /** @return the labels of the implemented models, in registration order */
    public static List<String> labels() {
        return List.copyOf(MODELS.keySet());
    }

    /**
     * @param label a model label such as {@code lognormal} (case-insensitive, surrounding blanks ignored)
     * @return a new instance of the model
     * @throws IllegalArgumentException naming the bad label and the valid ones
     */
    public static BolusModel fromLabel(String label) {
        String key = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        Supplier<BolusModel> f = MODELS.get(key);
        if (f == null && AUTO.equals(key)) {
            throw new IllegalArgumentException("'auto' is not a single bolus model: it selects among "
                    + labels() + " per ROI and is handled by the model selection");
        }
        if (f == null) {
            throw new IllegalArgumentException("unknown bolus model '" + label + "' (expected one of "
                    + labels() + ")");
        }
        return f.get();
    }
}
