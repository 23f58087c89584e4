package org.ceusperfusion.fit;

import java.util.Arrays;
import org.ceusperfusion.model.BolusModel;

/**
 * One Levenberg–Marquardt minimisation of {@code Σ (y_i − f(t_i; p))²} with box bounds.
 *
 * <p>Marquardt damping on the scaled diagonal {@code D_j = max_iter (JᵀJ)_jj} (Moré's scaling);
 * steps are projected onto the box, and parameters sitting on a bound with the descent direction
 * pointing outside are held fixed for that iteration (a simple active set). All work arrays are
 * allocated once per solver, so the iteration loop allocates nothing.
 */
final class LmSolver {

    /** The outcome of one run. */
    record Outcome(double[] params, double rss, int iterations, boolean converged, String message) {
    }

    private static final double LAMBDA_START = 1e-3;
    private static final double LAMBDA_MAX = 1e16;
    private static final double GRADIENT_TOL = 1e-10;
    private static final double STALL_GRADIENT_TOL = 1e-4;

    private final BolusModel model;
    private final double[] t;
    private final double[] y;
    private final double[] lo;
    private final double[] hi;
    private final int n;
    private final int k;
    private final double[] jac;
    private final double[] row;
    private final double[] jtj;
    private final double[] jtr;
    private final double[] sys;
    private final double[] delta;
    private final double[] diag;
    private final double[] trial;
    private final boolean[] fixed;
    private double[] current;
    /** RSS at the level of rounding errors of the data: a perfect fit. */
    private final double rssFloor;

    LmSolver(BolusModel model, double[] t, double[] y, double[] lo, double[] hi) {
        this.model = model;
        this.t = t;
        this.y = y;
        this.lo = lo;
        this.hi = hi;
        this.n = t.length;
        this.k = lo.length;
        this.jac = new double[n * k];
        this.row = new double[k];
        this.jtj = new double[k * k];
        this.jtr = new double[k];
        this.sys = new double[k * k];
        this.delta = new double[k];
        this.diag = new double[k];
        this.trial = new double[k];
        this.fixed = new boolean[k];
        double sumSq = 0;
        for (double v : y) {
            sumSq += v * v;
        }
        this.rssFloor = 1e-26 * sumSq;
    }

    /**
     * @param start        start point (projected onto the box)
     * @param maxIter      maximum number of Jacobian evaluations
     * @param relTol       relative RSS decrease below which an undamped step counts as converged
     * @param paramTol     relative parameter change below which an undamped step counts as converged
     */
    Outcome run(double[] start, int maxIter, double relTol, double paramTol) {
        double[] p = start.clone();
        project(p);
        current = p;
        double rss = evaluate(p, true);
        if (!Double.isFinite(rss)) {
            return new Outcome(p, rss, 0, false, "the model is not finite at the start point");
        }
        Arrays.fill(diag, 0);
        double lambda = LAMBDA_START;
        for (int iter = 1; iter <= maxIter; iter++) {
            normalEquations();
            if (rss <= rssFloor || scaledGradient(rss) <= GRADIENT_TOL) {
                return new Outcome(p, rss, iter, true, "");
            }
            while (true) {
                if (!dampedStep(lambda)) {
                    lambda *= 10;
                } else {
                    double rssTrial = evaluate(trial, false);
                    if (rssTrial < rss) {
                        boolean small = rssTrial <= rssFloor || (lambda <= 1
                                && ((rss - rssTrial) <= relTol * rss || relativeChange(p, trial) <= paramTol));
                        System.arraycopy(trial, 0, p, 0, k);
                        rss = evaluate(p, true);
                        lambda = Math.max(lambda * 0.1, 1e-12);
                        if (small) {
                            return new Outcome(p, rss, iter, true, "");
                        }
                        break;
                    }
                    lambda *= 10;
                }
                if (lambda > LAMBDA_MAX) {
                    return stalled(p, rss, iter);
                }
            }
        }
        return new Outcome(p, rss, maxIter, false, "iteration limit " + maxIter + " reached");
    }

    /**
     * No damped step lowers the RSS any more: a minimum to rounding precision when the gradient is
     * (nearly) orthogonal to the residuals, otherwise a stall.
     */
    private Outcome stalled(double[] p, double rss, int iter) {
        boolean atMinimum = scaledGradient(rss) <= STALL_GRADIENT_TOL;
        return new Outcome(p, rss, iter, atMinimum,
                atMinimum ? "" : "stalled: no step decreases the residuals (flat or ill-posed problem)");
    }

    /** RSS at {@code p}; with {@code withJacobian} also stores the Jacobian and Jᵀr at {@code p}. */
    private double evaluate(double[] p, boolean withJacobian) {
        double rss = 0;
        if (withJacobian) {
            Arrays.fill(jtr, 0);
        }
        for (int i = 0; i < n; i++) {
            double r;
            if (withJacobian) {
                int off = i * k;
                r = y[i] - model.valueAndGradient(t[i], p, row);
                for (int a = 0; a < k; a++) {
                    jac[off + a] = row[a];
                    jtr[a] += row[a] * r;
                }
            } else {
                r = y[i] - model.value(t[i], p);
            }
            rss += r * r;
        }
        return Double.isNaN(rss) ? Double.POSITIVE_INFINITY : rss;
    }

    /** Fills JᵀJ from the stored Jacobian and updates the scaling diagonal. */
    private void normalEquations() {
        Arrays.fill(jtj, 0);
        for (int i = 0; i < n; i++) {
            int off = i * k;
            for (int a = 0; a < k; a++) {
                double ja = jac[off + a];
                if (ja == 0) {
                    continue;
                }
                for (int b = 0; b <= a; b++) {
                    jtj[a * k + b] += ja * jac[off + b];
                }
            }
        }
        double maxD = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                jtj[b * k + a] = jtj[a * k + b];
            }
            diag[a] = Math.max(diag[a], jtj[a * k + a]);
            maxD = Math.max(maxD, diag[a]);
        }
        for (int a = 0; a < k; a++) {
            fixed[a] = jtj[a * k + a] <= 1e-30 * maxD
                    || (atLower(a) && jtr[a] < 0) || (atUpper(a) && jtr[a] > 0);
        }
    }

    private boolean atLower(int a) {
        return current[a] <= lo[a];
    }

    private boolean atUpper(int a) {
        return current[a] >= hi[a];
    }

    /** Solves the damped system and fills {@code trial}; {@code false} when the system is singular. */
    private boolean dampedStep(double lambda) {
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                sys[a * k + b] = (fixed[a] || fixed[b]) ? 0 : jtj[a * k + b];
            }
            sys[a * k + a] = fixed[a] ? 1 : jtj[a * k + a] + lambda * diag[a];
            delta[a] = fixed[a] ? 0 : jtr[a];
        }
        if (!Cholesky.decompose(sys, k)) {
            return false;
        }
        Cholesky.solve(sys, k, delta, delta);
        for (int a = 0; a < k; a++) {
            trial[a] = current[a] + delta[a];
        }
        project(trial);
        return true;
    }

    /** Largest |cos| between the residual vector and a free Jacobian column (MINPACK's gtol test). */
    private double scaledGradient(double rss) {
        double g = 0;
        for (int a = 0; a < k; a++) {
            double d = jtj[a * k + a];
            if (!fixed[a] && d > 0) {
                g = Math.max(g, Math.abs(jtr[a]) / Math.sqrt(d * rss));
            }
        }
        return g;
    }

    private double relativeChange(double[] p, double[] q) {
        double m = 0;
        for (int a = 0; a < k; a++) {
            double scale = Math.max(Math.abs(p[a]), 1e-6);
            m = Math.max(m, Math.abs(q[a] - p[a]) / scale);
        }
        return m;
    }

    private void project(double[] p) {
        for (int a = 0; a < k; a++) {
            p[a] = Math.max(lo[a], Math.min(hi[a], p[a]));
        }
    }
}
