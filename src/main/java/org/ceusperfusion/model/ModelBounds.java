package org.ceusperfusion.model;

/** Data-derived helpers for the models' box bounds. */
final class ModelBounds {

    private ModelBounds() {
    }

    /** @return {@code t[last] − t[0]}, or 1 s when that is not positive */
    static double span(double[] t) {
        double s = t[t.length - 1] - t[0];
        return s > 0 ? s : 1.0;
    }

    /**
     * @return {@code [min, max]} of the finite values of {@code y} (as {@link Math#min} and {@link Math#max}
     *         would give them, signed zeros included), {@code [0, 0]} when there are none
     */
    static double[] range(double[] y) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : y) {   // comparisons first: C1 calls Math.min/max (every fit of a map scans its curve)
            if (v < lo) {
                if (v >= -Double.MAX_VALUE) {
                    lo = v;
                }
            } else if (v == 0 && lo == 0) {
                lo = Math.min(lo, v);
            }
            if (v > hi) {
                if (v <= Double.MAX_VALUE) {
                    hi = v;
                }
            } else if (v == 0 && hi == 0) {
                hi = Math.max(hi, v);
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 0};
    }

    /** @return lower bound of the baseline: {@code min(y) − range(y)} */
    static double baselineLow(double[] y) {
        double[] r = range(y);
        return r[0] - (r[1] - r[0]);
    }

    /** @return upper bound of the baseline: {@code max(y)} */
    static double baselineHigh(double[] y) {
        return range(y)[1];
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
