package org.ceusperfusion.model;

/** Central differences of a bolus model's value, to check its analytic gradient. */
final class FiniteDifferences {

    private FiniteDifferences() {
    }

    /** @return {@code ∂f/∂p_k} at {@code t} by a central difference with step 1e-6 · max(1, |p_k|) */
    static double slope(BolusModel m, double t, double[] p, int k) {
        double h = 1e-6 * Math.max(1, Math.abs(p[k]));
        double[] hi = p.clone();
        double[] lo = p.clone();
        hi[k] += h;
        lo[k] -= h;
        return (m.value(t, hi) - m.value(t, lo)) / (2 * h);
    }
}
