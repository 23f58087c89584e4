package ome.units;

import ome.units.quantity.Length;
import ome.units.quantity.Time;
import ome.units.unit.Unit;

/** Fake unit constants. */
public final class UNITS {
    public static final Unit<Time> SECOND = new Unit<>(1);
    public static final Unit<Time> MILLISECOND = new Unit<>(1e-3);
    public static final Unit<Length> MICROMETER = new Unit<>(1e-6);
    public static final Unit<Length> MILLIMETER = new Unit<>(1e-3);
    /** A "length" that is no length in space (value() gives null, as for reference frames). */
    public static final Unit<Length> PIXEL = new Unit<>(Double.NaN);

    private UNITS() {
    }
}
