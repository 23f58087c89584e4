package org.ceusperfusion.fit;

import org.ceusperfusion.fit.LevenbergMarquardtFitter.CleanCurve;
import org.ceusperfusion.model.BolusModel;

/** Builds {@link FitResult}s: covariance {@code s²(JᵀJ)⁻¹} ({@code s²(JᵀWJ)⁻¹} when weighted), R² and status. */
final class FitResults {

    private FitResults() {
    }

    /** A result without parameters. */
    static FitResult noFit(BolusModel model, FitStatus status, String message, CleanCurve c) {
        return new FitResult(model, status, message, null, null, Double.NaN, Double.NaN, c.n(), 0,
                start(c), end(c));
    }

    /** A result from a finished LM run, with its covariance, R² and status. */
    static FitResult of(BolusModel model, LmSolver.Outcome o, CleanCurve c) {
        return of(model, o, c, null);
    }

    /**
     * A result from a finished weighted LM run ({@code w} the weights it minimised with, or {@code null}): the
     * covariance is {@code s²(JᵀWJ)⁻¹} with {@code s²} the weighted RSS over {@code n − p}; the result's RSS and R²
     * are the unweighted ones at the solution, comparable with an unweighted fit's.
     */
    static FitResult of(BolusModel model, LmSolver.Outcome o, CleanCurve c, double[] w) {
        double[] p = o.params();
        int n = c.n();
        int k = p.length;
        double rss = w == null ? o.rss() : unweightedRss(model, p, c);
        double r2 = rSquared(c.y(), rss);
        if (!Double.isFinite(o.rss()) || !Double.isFinite(rss)) {
            return new FitResult(model, FitStatus.FAILED, "the model is not finite on the data" + c.note(),
                    p, null, r2, rss, n, o.iterations(), start(c), end(c));
        }
        double[][] cov = covariance(model, c.t(), p, o.rss() / (n - k), w);
        if (cov == null) {
            return new FitResult(model, FitStatus.FAILED,
                    "singular Jacobian at the solution: the parameters are not identifiable from this curve"
                            + c.note(), p, null, r2, o.rss(), n, o.iterations(), start(c), end(c));
        }
        FitStatus status = o.converged() ? FitStatus.OK : FitStatus.NOT_CONVERGED;
        String msg = message(o.message() + c.note());
        return new FitResult(model, status, msg, p, cov, r2, rss, n, o.iterations(), start(c), end(c),
                w == null ? null : w.clone());
    }

    /** @return {@code r} carrying a copy of the weights {@code w} it was fitted with */
    static FitResult weighted(FitResult r, double[] w) {
        return new FitResult(r.model(), r.status(), r.message(), r.params(), r.covariance(), r.r2(), r.rss(),
                r.samples(), r.iterations(), r.windowStartS(), r.windowEndS(), w == null ? null : w.clone());
    }

    private static double unweightedRss(BolusModel model, double[] p, CleanCurve c) {
        double s = 0;
        for (int i = 0; i < c.n(); i++) {
            double r = c.y()[i] - model.value(c.t()[i], p);
            s += r * r;
        }
        return s;
    }

    /**
     * A result from a finished LM run without covariance; {@code identifiable} is the conditioning test of
     * JᵀJ at the solution ({@code FAILED} when false, as {@link #of}).
     */
    static FitResult withoutCovariance(BolusModel model, LmSolver.Outcome o, CleanCurve c, boolean identifiable) {
        return withoutCovariance(model, o, c.y(), c.n(), identifiable, c.note(), start(c), end(c));
    }

    /** As above, for the first {@code n} samples of {@code y} fitted on {@code [startS, endS]}. */
    static FitResult withoutCovariance(BolusModel model, LmSolver.Outcome o, double[] y, int n, boolean identifiable,
                                       String note, double startS, double endS) {
        double[] p = o.params();
        double r2 = rSquared(y, n, o.rss());
        if (!Double.isFinite(o.rss())) {
            return new FitResult(model, FitStatus.FAILED, "the model is not finite on the data" + note,
                    p, null, r2, o.rss(), n, o.iterations(), startS, endS);
        }
        if (!identifiable) {
            return new FitResult(model, FitStatus.FAILED,
                    "singular Jacobian at the solution: the parameters are not identifiable from this curve"
                            + note, p, null, r2, o.rss(), n, o.iterations(), startS, endS);
        }
        FitStatus status = o.converged() ? FitStatus.OK : FitStatus.NOT_CONVERGED;
        String msg = message(o.message() + note);
        return new FitResult(model, status, msg, p, null, r2, o.rss(), n, o.iterations(), startS, endS);
    }

    /**
     * The message of a result: the solver's message and the curve's note, without the note's leading
     * {@code "; "} when the solver had nothing to say (a plain prefix test: a map makes one per pixel).
     */
    private static String message(String s) {
        return s.startsWith("; ") ? s.substring(2) : s;
    }

    /** @return {@code 1 − RSS/TSS}, NaN when the data have no variance */
    static double rSquared(double[] y, double rss) {
        return rSquared(y, y.length, rss);
    }

    /** @return {@code 1 − RSS/TSS} over the first {@code n} samples of {@code y} */
    static double rSquared(double[] y, int n, double rss) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += y[i];
        }
        mean /= n;
        double tss = 0;
        for (int i = 0; i < n; i++) {
            double v = y[i];
            tss += (v - mean) * (v - mean);
        }
        return tss > 0 ? 1 - rss / tss : Double.NaN;
    }

    /**
     * {@code s²(JᵀJ)⁻¹}, inverted on the unit-diagonal scaled matrix for conditioning.
     *
     * @return the covariance, or {@code null} when JᵀJ is singular
     */
    static double[][] covariance(BolusModel model, double[] t, double[] p, double s2) {
        return covariance(model, t, p, s2, null);
    }

    /** {@code s²(JᵀWJ)⁻¹}, {@code W = diag(w)} ({@code null}: identity). */
    static double[][] covariance(BolusModel model, double[] t, double[] p, double s2, double[] w) {
        int k = p.length;
        double[] jtj = new double[k * k];
        double[] g = new double[k];
        for (int i = 0; i < t.length; i++) {
            model.gradient(t[i], p, g);
            double wi = w == null ? 1 : w[i];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    jtj[a * k + b] += wi * g[a] * g[b];
                }
            }
        }
        double[] scale = new double[k];
        for (int a = 0; a < k; a++) {
            double d = jtj[a * k + a];
            if (!(d > 0) || !Double.isFinite(d)) {
                return null;
            }
            scale[a] = 1 / Math.sqrt(d);
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                jtj[a * k + b] *= scale[a] * scale[b];
            }
        }
        if (!Cholesky.decompose(jtj, k) || conditionTooLarge(jtj, k)) {
            return null;
        }
        double[][] inv = Cholesky.inverse(jtj, k);
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                inv[a][b] *= s2 * scale[a] * scale[b];
            }
        }
        return inv;
    }

    /** Rough test on the Cholesky factor: a pivot ratio beyond 1e7 means condition number beyond ~1e14. */
    static boolean conditionTooLarge(double[] l, int k) {
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int a = 0; a < k; a++) {
            max = Math.max(max, l[a * k + a]);
            min = Math.min(min, l[a * k + a]);
        }
        return min < 1e-7 * max;
    }

    private static double start(CleanCurve c) {
        return c.n() == 0 ? Double.NaN : c.t()[0];
    }

    private static double end(CleanCurve c) {
        return c.n() == 0 ? Double.NaN : c.t()[c.n() - 1];
    }
}
