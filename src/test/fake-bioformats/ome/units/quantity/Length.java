package ome.units.quantity;

import ome.units.unit.Unit;

/** Fake length quantity. */
public final class Length {
    private final double value;
    private final Unit<Length> unit;

    public Length(Number value, Unit<Length> unit) {
        this.value = value.doubleValue();
        this.unit = unit;
    }

    public Number value(Unit<Length> in) {
        return Double.isNaN(unit.factor()) ? null : value * unit.factor() / in.factor();
    }
}
