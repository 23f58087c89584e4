package ome.xml.model.primitives;

/** Fake non-negative integer. */
public final class NonNegativeInteger {
    private final Integer value;

    public NonNegativeInteger(Integer value) {
        this.value = value;
    }

    public Integer getValue() {
        return value;
    }
}
