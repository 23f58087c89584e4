package org.ceusperfusion.fit;

import java.util.Arrays;
import org.ceusperfusion.model.BolusModel;

/**
 * One Levenberg–Marquardt minimisation of {@code Σ w_i (y_i − f(t_i; p))²} (w ≡ 1 unless {@link #weights} is
 * given) with box bounds.
 *
 * <p>Marquardt damping on the scaled diagonal {@code D_j = max_iter (JᵀJ)_jj} (Moré's scaling);
 * steps are projected onto the box (in fast mode shortened to stay in it, {@link #truncate}), and parameters
 * sitting on a bound with the descent direction pointing outside are held fixed for that iteration (a simple
 * active set). All work arrays are allocated once per solver, so the iteration loop allocates nothing; a
 * solver can be {@link #reset} to fit another curve. JᵀJ is accumulated while the Jacobian is evaluated (it is not stored).
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
    /** Fast mode: whether the first gradient component is 1 everywhere (an additive baseline). */
    private final boolean unitBaseline;
    /** Fast mode: the model's evaluator for this solver (it may keep work between evaluations). */
    private final BolusModel.BatchEvaluator evaluator;
    private double[] t;
    private double[] y;
    private double[] lo;
    private double[] hi;
    private int n;
    private final int k;
    private final double[] row;
    private double[] jtj;
    private double[] jtr;
    /** Fast mode ({@link #LmSolver(BolusModel, int)}): trial points are evaluated with their Jacobian. */
    private final boolean fast;
    private double[] jtjTrial;
    private double[] jtrTrial;
    private double[] values = new double[0];
    private double[] gradients = new double[0];
    private final double[] sys;
    private final double[] delta;
    private final double[] diag;
    private final double[] trial;
    private final boolean[] fixed;
    /** Fast mode: whether the last trial step was shortened to stay in the box ({@link #truncate}). */
    private boolean truncated;
    private double[] current;
    /** RSS at the level of rounding errors of the data: a perfect fit. */
    private double rssFloor;
    /** Square roots of the per-sample weights ({@link #weights}), or {@code null}: unweighted. */
    private double[] sqrtW;

    LmSolver(BolusModel model, double[] t, double[] y, double[] lo, double[] hi) {
        this(model, lo.length, false);
        reset(t, y, t.length, lo, hi);
    }

    /**
     * A fast solver for {@code k} parameters whose curve is given by {@link #reset} (reusable, one per
     * thread): the model is evaluated by {@link BolusModel#valuesAndGradients} and every trial point with
     * its Jacobian, so an accepted step costs one evaluation instead of two. Its results may differ from
     * the ordinary solver's in the last bits.
     */
    LmSolver(BolusModel model, int k) {
        this(model, k, true);
    }

    private LmSolver(BolusModel model, int k, boolean fast) {
        this.model = model;
        this.evaluator = fast ? model.batchEvaluator() : null;
        this.unitBaseline = fast && model.linearInBaselineAndAmplitude();
        this.k = k;
        this.fast = fast;
        this.jtjTrial = new double[k * k];
        this.jtrTrial = new double[k];
        this.row = new double[k];
        this.jtj = new double[k * k];
        this.jtr = new double[k];
        this.sys = new double[k * k];
        this.delta = new double[k];
        this.diag = new double[k];
        this.trial = new double[k];
        this.fixed = new boolean[k];
    }

    /**
     * Sets the curve to fit: the first {@code n} samples of {@code t} and {@code y}, and the box.
     * The arrays are used, not copied; a fast solver's time arrays must not be modified afterwards (its
     * {@linkplain BolusModel#batchEvaluator evaluator} may keep work computed from them).
     */
    void reset(double[] t, double[] y, int n, double[] lo, double[] hi) {
        this.t = t;
        this.y = y;
        this.n = n;
        this.lo = lo;
        this.hi = hi;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            sumSq += y[i] * y[i];
        }
        this.rssFloor = 1e-26 * sumSq;
        if (fast && values.length < n) {
            values = new double[n];
            gradients = new double[n * k];
        }
    }

    /**
     * Minimise {@code Σ w_i (y_i − f(t_i; p))²} from now on (ordinary solver only; the fast solver ignores
     * weights). The RSS of every {@link Outcome} is then the weighted one.
     *
     * @param w weights ≥ 0, one per sample (used, not copied), or {@code null} for unweighted
     * @throws IllegalStateException on a fast solver
     */
    void weights(double[] w) {
        if (fast) {
            throw new IllegalStateException("weights need the ordinary solver");
        }
        if (w == null) {
            sqrtW = null;
            return;
        }
        sqrtW = new double[n];
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            sqrtW[i] = Math.sqrt(w[i]);
            sumSq += w[i] * y[i] * y[i];
        }
        rssFloor = 1e-26 * sumSq;
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
        double rss = fast ? evaluateInto(p, jtj, jtr) : evaluate(p, true);
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
                    double rssTrial = fast ? evaluateInto(trial, jtjTrial, jtrTrial) : evaluate(trial, false);
                    if (rssTrial < rss) {
                        boolean small = rssTrial <= rssFloor || (lambda <= 1 && !truncated
                                && ((rss - rssTrial) <= relTol * rss || relativeChange(p, trial) <= paramTol));
                        System.arraycopy(trial, 0, p, 0, k);
                        rss = fast ? acceptTrial(rssTrial) : evaluate(p, true);
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

    /**
     * RSS at {@code p}; with {@code withJacobian} also accumulates Jᵀr and the lower triangle of JᵀJ at
     * {@code p} (completed by {@link #normalEquations}).
     */
    private double evaluate(double[] p, boolean withJacobian) {
        if (withJacobian && k == 5) {
            return evaluate5(p);
        }
        double rss = 0;
        if (withJacobian) {
            Arrays.fill(jtr, 0);
            Arrays.fill(jtj, 0);
        }
        for (int i = 0; i < n; i++) {
            double r;
            double s = sqrtW == null ? 1 : sqrtW[i];
            if (withJacobian) {
                r = s * (y[i] - model.valueAndGradient(t[i], p, row));
                for (int a = 0; a < k; a++) {
                    row[a] *= s;
                }
                for (int a = 0; a < k; a++) {
                    double ja = row[a];
                    jtr[a] += ja * r;
                    if (ja == 0) {
                        continue;
                    }
                    for (int b = 0; b <= a; b++) {
                        jtj[a * k + b] += ja * row[b];
                    }
                }
            } else {
                r = s * (y[i] - model.value(t[i], p));
            }
            rss += r * r;
        }
        return Double.isNaN(rss) ? Double.POSITIVE_INFINITY : rss;
    }

    /**
     * {@link #evaluate} with the Jacobian for five parameters, the sums in locals (unrolled): each sum gets the
     * same terms in the same order, and a zero gradient component skips its row of JᵀJ as there, so the same
     * bits without C1's loops over {@code a} and {@code b} and array updates at every sample.
     */
    private double evaluate5(double[] p) {
        double rss = 0;
        double v0 = 0, v1 = 0, v2 = 0, v3 = 0, v4 = 0;
        double m00 = 0, m10 = 0, m11 = 0, m20 = 0, m21 = 0, m22 = 0, m30 = 0, m31 = 0, m32 = 0, m33 = 0;
        double m40 = 0, m41 = 0, m42 = 0, m43 = 0, m44 = 0;
        for (int i = 0; i < n; i++) {
            double s = sqrtW == null ? 1 : sqrtW[i];
            double r = s * (y[i] - model.valueAndGradient(t[i], p, row));
            double g0 = row[0] * s;
            double g1 = row[1] * s;
            double g2 = row[2] * s;
            double g3 = row[3] * s;
            double g4 = row[4] * s;
            v0 += g0 * r;
            if (g0 != 0) {
                m00 += g0 * g0;
            }
            v1 += g1 * r;
            if (g1 != 0) {
                m10 += g1 * g0;
                m11 += g1 * g1;
            }
            v2 += g2 * r;
            if (g2 != 0) {
                m20 += g2 * g0;
                m21 += g2 * g1;
                m22 += g2 * g2;
            }
            v3 += g3 * r;
            if (g3 != 0) {
                m30 += g3 * g0;
                m31 += g3 * g1;
                m32 += g3 * g2;
                m33 += g3 * g3;
            }
            v4 += g4 * r;
            if (g4 != 0) {
                m40 += g4 * g0;
                m41 += g4 * g1;
                m42 += g4 * g2;
                m43 += g4 * g3;
                m44 += g4 * g4;
            }
            rss += r * r;
        }
        double[] v = jtr;
        double[] m = jtj;
        Arrays.fill(m, 0);
        return NormalEquations5.store(m, v, rss, v0, v1, v2, v3, v4, m00, m10, m11, m20, m21, m22, m30, m31, m32, m33, m40, m41,
                m42, m43, m44);
    }

    /**
     * Fast mode: RSS at {@code p}, with the lower triangle of JᵀJ into {@code m} and Jᵀr into {@code v}
     * (from {@link BolusModel#valuesAndGradients}).
     */
    private double evaluateInto(double[] p, double[] m, double[] v) {
        evaluator.valuesAndGradients(t, n, p, values, gradients);
        if (k == 5) {
            return unitBaseline ? NormalEquations5.unitBaseline(y, values, gradients, n, m, v)
                    : NormalEquations5.general(y, values, gradients, n, m, v);
        }
        Arrays.fill(m, 0);
        Arrays.fill(v, 0);
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - values[i];
            rss += r * r;
            int off = i * k;
            for (int a = 0; a < k; a++) {
                double ja = gradients[off + a];
                v[a] += ja * r;
                for (int b = 0; b <= a; b++) {
                    m[a * k + b] += ja * gradients[off + b];
                }
            }
        }
        return Double.isNaN(rss) ? Double.POSITIVE_INFINITY : rss;
    }

    /** Fast mode: the trial's JᵀJ and Jᵀr become the current ones; returns {@code rssTrial}. */
    private double acceptTrial(double rssTrial) {
        double[] m = jtj;
        jtj = jtjTrial;
        jtjTrial = m;
        double[] v = jtr;
        jtr = jtrTrial;
        jtrTrial = v;
        return rssTrial;
    }

    /** Completes JᵀJ (upper triangle), updates the scaling diagonal and the active set. */
    private void normalEquations() {
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

    /**
     * Whether JᵀJ at the last point evaluated with its Jacobian (the solution, after {@link #run}) is
     * well conditioned: the same test as the covariance ({@link FitResults#covariance}) without inverting.
     */
    boolean identifiable() {
        double[] m = sys;
        for (int a = 0; a < k; a++) {
            double d = jtj[a * k + a];
            if (!(d > 0) || !Double.isFinite(d)) {
                return false;
            }
            delta[a] = 1 / Math.sqrt(d);
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                double v = jtj[a * k + b] * (delta[a] * delta[b]);
                m[a * k + b] = v;
                m[b * k + a] = v;
            }
        }
        return Cholesky.decompose(m, k) && !FitResults.conditionTooLarge(m, k);
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
        if (fast) {
            truncate();
            return true;
        }
        for (int a = 0; a < k; a++) {
            trial[a] = current[a] + delta[a];
        }
        project(trial);
        return true;
    }

    /**
     * Fast mode: {@code trial = current + α·delta} with the largest {@code α ≤ 1} that keeps the parameters
     * not yet on a bound inside the box (the one that limits α lands exactly on its bound, to be held there
     * by the active set next iteration); parameters already on a bound are projected. Projecting the whole
     * step instead moves the others as if the clipped one had moved all the way, and is often rejected
     * (an onset pushed below the first frame: several damped retries per pixel).
     */
    private void truncate() {
        double alpha = 1;
        int limit = -1;
        double bound = 0;
        for (int a = 0; a < k; a++) {
            double d = delta[a];
            double c = current[a];
            if (d < 0 && c > lo[a] && c + d < lo[a] && (lo[a] - c) / d < alpha) {
                alpha = (lo[a] - c) / d;
                limit = a;
                bound = lo[a];
            } else if (d > 0 && c < hi[a] && c + d > hi[a] && (hi[a] - c) / d < alpha) {
                alpha = (hi[a] - c) / d;
                limit = a;
                bound = hi[a];
            }
        }
        truncated = limit >= 0;
        for (int a = 0; a < k; a++) {
            trial[a] = limit < 0 ? current[a] + delta[a] : current[a] + alpha * delta[a];
        }
        if (limit >= 0) {
            trial[limit] = bound;
        }
        project(trial);
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
