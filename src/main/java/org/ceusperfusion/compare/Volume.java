package org.ceusperfusion.compare;

/**
 * A tumour volume: entered from CT/MR (taken as exact), or the ellipsoid {@code π/6·L·W·H} of three
 * orthogonal diameters with a standard error propagated from the diameter measurement SD.
 *
 * <p>For the ellipsoid, {@code SE(V)/V = sd·√(1/L² + 1/W² + 1/H²)} (first order, independent
 * diameters of equal SD {@code sd} mm). Volumes are in ml (1 ml = 1000 mm³).
 *
 * @param ml          volume, ml
 * @param diametersMm the three diameters L, W, H (mm) of an ellipsoid volume, or {@code null} when entered
 */
public record Volume(double ml, double[] diametersMm) {
    /** Source label of an entered volume. */
    public static final String ENTERED = "entered";
    /** Source label of an ellipsoid volume. */
    public static final String ELLIPSOID = "ellipsoid";

    public Volume {
        diametersMm = diametersMm == null ? null : diametersMm.clone();
    }

    /**
     * @param enteredMl   entered volume, ml, or {@code null}
     * @param diametersMm three diameters, mm, or {@code null}
     * @return the entered volume, else the ellipsoid, else {@code null}
     */
    public static Volume of(Double enteredMl, double[] diametersMm) {
        if (enteredMl != null) {
            return new Volume(enteredMl, null);
        }
        if (diametersMm == null || diametersMm.length != 3) {
            return null;
        }
        return new Volume(ellipsoidMl(diametersMm[0], diametersMm[1], diametersMm[2]), diametersMm);
    }

    /** @return {@code π/6·L·W·H} in ml for diameters in mm */
    public static double ellipsoidMl(double l, double w, double h) {
        return Math.PI / 6 * l * w * h / 1000.0;
    }

    /** @return {@value #ENTERED} or {@value #ELLIPSOID} */
    public String source() {
        return diametersMm == null ? ENTERED : ELLIPSOID;
    }

    /**
     * @param sdMm SD of one diameter measurement, mm
     * @return relative standard error SE/V: 0 for an entered volume, NaN when a diameter is 0
     */
    public double relativeSe(double sdMm) {
        if (diametersMm == null) {
            return 0;
        }
        double s = 0;
        for (double d : diametersMm) {
            if (!(d > 0)) {
                return Double.NaN;
            }
            s += 1 / (d * d);
        }
        return sdMm * Math.sqrt(s);
    }

    /** @return the 95 % CI {@code [lo, hi]} in ml (normal approximation), a point for an entered volume */
    public double[] ci95(double sdMm) {
        double se = relativeSe(sdMm) * ml;
        return new double[] {Math.max(0, ml - PercentChange.Z95 * se), ml + PercentChange.Z95 * se};
    }
}
