package org.ceusperfusion.params;

/** Bounds for the coverage tests of nominal 95 % intervals. */
public final class CoverageLimits {

    private CoverageLimits() {
    }

    /**
     * @param n intervals counted
     * @return the 99 % binomial upper limit of the share covered when the true coverage is 0.95 (normal
     *         approximation): 0.990 for 200 intervals, 0.996 for 150; at or above 1 for 89 or fewer, where every
     *         interval covering is within chance of a true 95 %
     */
    public static double upper(int n) {
        return 0.95 + 2.576 * Math.sqrt(0.95 * 0.05 / n);
    }
}
