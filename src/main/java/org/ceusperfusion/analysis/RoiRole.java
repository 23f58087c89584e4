package org.ceusperfusion.analysis;

/** What a ROI stands for in an analysis. */
public enum RoiRole {
    /** the lesion measured */
    TARGET("target"),
    /** normal tissue or an artery at the same depth, for normalisation */
    REFERENCE("reference");

    private final String label;

    RoiRole(String label) {
        this.label = label;
    }

    /** @return the stable JSON label */
    public String label() {
        return label;
    }
}
