package org.ceusperfusion.params;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.ceusperfusion.model.BolusModel;

/**
 * Slopes of a fitted bolus curve and their extrema, generic over any {@link BolusModel}.
 *
 * <p>The slope is a 5-point central difference of the model (truncation error O(h⁴), with h a
 * thousandth of the rise time, i.e. ≈ 1e-12 relative). An extremum is bracketed on a grid and
 * refined with Brent's method.
 */
final class SlopeSearch {

    private static final int GRID = 48;

    private final BolusModel model;
    private final double[] p;
    private final double h;

    /**
     * @param model the model
     * @param p     its parameters
     * @param riseS time scale of the curve (TTP − t0), s; sets the difference step
     */
    SlopeSearch(BolusModel model, double[] p, double riseS) {
        this.model = model;
        this.p = p;
        this.h = 1e-3 * riseS;
    }

    /** @return {@code df/dt} at {@code t}, a.u./s */
    double slope(double t) {
        double f1 = model.value(t + h, p) - model.value(t - h, p);
        double f2 = model.value(t + 2 * h, p) - model.value(t - 2 * h, p);
        return (8 * f1 - f2) / (12 * h);
    }

    /**
     * The maximum ({@code sign = +1}) or minimum ({@code sign = −1}) slope on {@code [a, b]}.
     *
     * @param logGrid whether the grid is spaced geometrically in {@code t − origin} (for long tails)
     * @return {@code [t, slope]}
     */
    double[] extremeSlope(double a, double b, double origin, boolean logGrid, int sign) {
        double[] grid = new double[GRID];
        int best = 0;
        double bestV = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < GRID; i++) {
            double u = i / (GRID - 1.0);
            grid[i] = logGrid ? origin + (a - origin) * Math.pow((b - origin) / (a - origin), u) : a + u * (b - a);
            double v = sign * slope(grid[i]);
            if (v > bestV) {
                bestV = v;
                best = i;
            }
        }
        double lo = grid[Math.max(0, best - 1)];
        double hi = grid[Math.min(GRID - 1, best + 1)];
        if (!(hi > lo)) {
            return new double[] {grid[best], sign * bestV};
        }
        UnivariateFunction fn = this::slope;
        BrentOptimizer opt = new BrentOptimizer(1e-10, 1e-10 * Math.max(Math.abs(hi), 1e-3));
        UnivariatePointValuePair r;
        try {
            r = opt.optimize(new MaxEval(500), new UnivariateObjectiveFunction(fn),
                    sign > 0 ? GoalType.MAXIMIZE : GoalType.MINIMIZE, new SearchInterval(lo, hi, grid[best]));
        } catch (TooManyEvaluationsException e) {
            return new double[] {grid[best], sign * bestV};
        }
        if (!(sign * r.getValue() >= bestV)) {
            return new double[] {grid[best], sign * bestV};
        }
        return new double[] {r.getPoint(), r.getValue()};
    }
}
