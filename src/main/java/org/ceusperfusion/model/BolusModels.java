package org.ceusperfusion.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Registry of the bolus models by their stable label ({@code --model} option, JSON {@code model}).
 *
 * <p>Only {@code lognormal} is implemented so far; a new model (gamma, LDRW, FPT) is added with one
 * {@code register} line in the static block below.
 *
 * <pre>{@code
 * BolusModel m = BolusModels.fromLabel("lognormal");
 * }</pre>
 */
public final class BolusModels {

    private static final Map<String, Supplier<BolusModel>> MODELS = new LinkedHashMap<>();

    static {
        register("lognormal", LognormalModel::new);
    }

    private BolusModels() {
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
        if (f == null) {
            throw new IllegalArgumentException("unknown bolus model '" + label + "' (expected one of "
                    + labels() + ")");
        }
        return f.get();
    }
}
