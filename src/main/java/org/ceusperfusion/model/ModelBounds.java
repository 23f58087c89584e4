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

    /** @return {@code [min, max]} of the finite values of {@code y}, {@code [0, 0]} when there are none */
    static double[] range(double[] y) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
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
