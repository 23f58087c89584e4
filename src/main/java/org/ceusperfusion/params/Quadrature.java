package org.ceusperfusion.params;

import java.util.function.DoubleUnaryOperator;

/**
 * Adaptive Gauss–Kronrod (7/15-point) quadrature for smooth integrands. Never throws: when the
 * recursion limit is reached the best estimate is returned.
 */
final class Quadrature {

    /** Kronrod nodes on [0, 1] of the symmetric rule on [−1, 1]; the odd ones are the 7-point Gauss nodes. */
    private static final double[] XK = {
        0.991455371120812639, 0.949107912342758525, 0.864864423359769073, 0.741531185599394440,
        0.586087235467691130, 0.405845151377397167, 0.207784955007898468, 0.0};
    private static final double[] WK = {
        0.022935322010529225, 0.063092092629978553, 0.104790010322250184, 0.140653259715525919,
        0.169004726639267903, 0.190350578064785410, 0.204432940075298892, 0.209482141084727828};
    /** Gauss weights of the nodes XK[1], XK[3], XK[5], XK[7]. */
    private static final double[] WG = {
        0.129484966168869693, 0.279705391489276668, 0.381830050505118945, 0.417959183673469388};
    private static final int MAX_DEPTH = 12;

    private Quadrature() {
    }

    /**
     * @param f      integrand
     * @param a      lower limit
     * @param b      upper limit
     * @param absTol absolute error target
     * @return {@code ∫_a^b f}, NaN when a limit is not finite
     */
    static double integrate(DoubleUnaryOperator f, double a, double b, double absTol) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return Double.NaN;
        }
        if (a == b) {
            return 0;
        }
        return adapt(f, a, b, Math.max(absTol, 0), 0);
    }

    private static double adapt(DoubleUnaryOperator f, double a, double b, double tol, int depth) {
        double c = 0.5 * (a + b);
        double h = 0.5 * (b - a);
        double fc = f.applyAsDouble(c);
        double k = WK[7] * fc;
        double g = WG[3] * fc;
        for (int j = 0; j < 7; j++) {
            double s = f.applyAsDouble(c - h * XK[j]) + f.applyAsDouble(c + h * XK[j]);
            k += WK[j] * s;
            if (j % 2 == 1) {
                g += WG[j / 2] * s;
            }
        }
        k *= h;
        g *= h;
        double err = Math.abs(k - g);
        if (err <= tol || depth >= MAX_DEPTH || !Double.isFinite(k) || Math.abs(h) < 1e-14 * Math.abs(c)) {
            return k;
        }
        return adapt(f, a, c, 0.5 * tol, depth + 1) + adapt(f, c, b, 0.5 * tol, depth + 1);
    }
}
