package ome.units.unit;

/** Fake unit: a factor to the SI base unit. */
public final class Unit<T> {
    final double factor;

    public Unit(double factor) {
        this.factor = factor;
    }

    public double factor() {
        return factor;
    }
}
