package ome.units.quantity;

import ome.units.unit.Unit;

/** Fake time quantity. */
public final class Time {
    private final double value;
    private final Unit<Time> unit;

    public Time(Number value, Unit<Time> unit) {
        this.value = value.doubleValue();
        this.unit = unit;
    }

    public Number value(Unit<Time> in) {
        return value * unit.factor() / in.factor();
    }
}
