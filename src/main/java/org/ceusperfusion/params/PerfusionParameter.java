package org.ceusperfusion.params;

/**
 * Perfusion parameters, computed on the fitted curve minus its baseline
 * ({@code perfusion-reference.md} §4). Labels are the stable JSON/CSV names.
 */
public enum PerfusionParameter {
    PE("PE", "a.u.", "peak enhancement"),
    AUC("AUC", "a.u.·s", "area under the fitted bolus"),
    TTP("TTP", "s", "time to peak from the first frame"),
    T0("t0", "s", "bolus onset from the first frame"),
    RT("RT", "s", "rise time TTP − TI"),
    MTT("mTT", "s", "mean transit time from onset"),
    WIR("WiR", "a.u./s", "wash-in rate (maximum slope)"),
    WIAUC("WiAUC", "a.u.·s", "wash-in area, TI to TTP"),
    WIPI("WiPI", "a.u.", "wash-in perfusion index WiAUC/RT"),
    WOR("WoR", "a.u./s", "wash-out rate (minimum slope)"),
    WOAUC("WoAUC", "a.u.·s", "wash-out area, TTP to TO"),
    WIWOAUC("WiWoAUC", "a.u.·s", "WiAUC + WoAUC"),
    FT("FT", "s", "fall time TO − TTP"),
    TI("TI", "s", "wash-in tangent intercept with baseline"),
    TO("TO", "s", "wash-out tangent intercept with baseline"),
    QOF("QOF", "%", "quality of fit 100·R²");

    private final String label;
    private final String unit;
    private final String description;

    PerfusionParameter(String label, String unit, String description) {
        this.label = label;
        this.unit = unit;
        this.description = description;
    }

    /** @return the stable name used in JSON, CSV and options */
    public String label() {
        return label;
    }

    /** @return the unit, e.g. {@code s} or {@code a.u.·s} */
    public String unit() {
        return unit;
    }

    /** @return a short description */
    public String description() {
        return description;
    }

    /**
     * @param label a parameter name such as {@code mTT} (case-insensitive)
     * @throws IllegalArgumentException naming the bad value and the valid ones
     */
    public static PerfusionParameter fromLabel(String label) {
        for (PerfusionParameter p : values()) {
            if (p.label.equalsIgnoreCase(label.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown parameter '" + label + "' (expected one of "
                + java.util.Arrays.stream(values()).map(PerfusionParameter::label).toList() + ")");
    }
}
