package org.ceusperfusion.params;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * The noise of a fitted time-intensity curve, estimated from its residuals: a variance that grows with
 * the fitted echo power (speckle is multiplicative) and a correlation in time made of two exponentials
 * and a white part,
 * {@code corr(Δt) = π₁·exp(−|Δt|/τ₁) + π₂·exp(−|Δt|/τ₂) + (1 − π₁ − π₂)·[Δt = 0]} — bubble speckle
 * decorrelating over τ₁ (0.3–2 s on real loops), a slower gain or out-of-plane drift over τ₂, and
 * frame-to-frame white noise.
 *
 * <p>Variance shape {@code w_k = a + c·e_k + b·e_k²} (a > 0, b, c ≥ 0; e_k the fitted enhancement above
 * the fitted baseline) from a non-negative least-squares regression of the squared residuals, so that
 * additive noise, speckle on the bubble signal and a mix are all represented. The
 * correlation parameters maximise the restricted (REML) Gaussian likelihood of the standardised residuals
 * {@code z_k = r_k/√w_k} given the fitted model's Jacobian (a two-state Kalman filter, so irregular frame
 * times need nothing special; REML restores the slow noise the fitted curve absorbed),
 * by Nelder–Mead from a few starts, τ searched between a twentieth of the shortest frame spacing and
 * the fitted span. Independent frames and the correlated model are compared by AIC (0 against 4
 * correlation parameters), so white noise is not given spurious slow correlation.
 *
 * @param a        constant part of the variance shape (relative scale, > 0)
 * @param c        part of the variance shape linear in the enhancement e (≥ 0)
 * @param b        part of the variance shape quadratic in e, multiplicative speckle (≥ 0)
 * @param weight1  share π₁ of the variance correlated over τ₁
 * @param tau1S    the shorter correlation time τ₁, s
 * @param weight2  share π₂ of the variance correlated over τ₂
 * @param tau2S    the longer correlation time τ₂, s
 */
public record ResidualNoise(double a, double c, double b, double weight1, double tau1S, double weight2, double tau2S) {

    private static final double TAU_MIN_FRACTION = 0.05;
    private static final int MAX_EVAL = 800;

    /** @return the variance shape at fitted enhancement {@code e} (fitted value minus fitted baseline, a.u.) */
    public double shape(double e) {
        double x = Math.max(e, 0);
        return a + c * x + b * x * x;
    }

    /**
     * @return the effective correlation time, s: the integral of the correlation function,
     *         {@code π₁τ₁ + π₂τ₂} (0 for independent frames)
     */
    public double correlationTimeS() {
        return weight1 * tau1S + weight2 * tau2S;
    }

    /**
     * @param t frame times, s, increasing
     * @param e fitted enhancement per frame
     * @return the covariance shape {@code V₀ = D R D} over these frames ({@code D = diag √w})
     */
    NoiseCovariance covariance(double[] t, double[] e) {
        int n = t.length;
        double white = Math.max(1 - weight1 - weight2, 0);
        double[] wh = new double[n];
        double[] l1 = new double[n];
        double[] l2 = new double[n];
        for (int i = 0; i < n; i++) {
            double w = shape(e[i]);
            wh[i] = white * w;
            l1[i] = Math.sqrt(weight1 * w);
            l2[i] = Math.sqrt(weight2 * w);
        }
        NoiseCovariance v = new NoiseCovariance(t, wh);
        if (weight1 > 0) {
            v.add(l1, tau1S);
        }
        return weight2 > 0 ? v.add(l2, tau2S) : v;
    }

    /** @return {@code K·u} with {@code K_kl = exp(−|t_k − t_l|/tau)} (identity for tau ≤ 0), O(n) */
    static double[] kernelTimes(double[] u, double[] t, double tau) {
        int n = u.length;
        if (!(tau > 0)) {
            return u.clone();
        }
        double[] fw = new double[n];
        double[] out = new double[n];
        fw[0] = u[0];
        for (int i = 1; i < n; i++) {
            fw[i] = u[i] + Math.exp(-(t[i] - t[i - 1]) / tau) * fw[i - 1];
        }
        double bw = u[n - 1];
        out[n - 1] = fw[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            bw = u[i] + Math.exp(-(t[i + 1] - t[i]) / tau) * bw;
            out[i] = fw[i] + bw - u[i];
        }
        return out;
    }

    /**
     * @param t      sample times, s, increasing
     * @param res    residuals {@code y − ŷ}
     * @param enh    fitted enhancement above the fitted baseline, {@code ŷ − O}
     * @param jac    the model's Jacobian at the fitted samples (rows: samples), for the REML correction
     * @return the estimated noise
     */
    public static ResidualNoise estimate(double[] t, double[] res, double[] enh, double[][] jac) {
        double[] acb = varianceShape(res, enh);
        ResidualNoise shapeOnly = new ResidualNoise(acb[0], acb[1], acb[2], 0, 0, 0, 0);
        int n = t.length;
        int k = jac[0].length;
        double[] z = new double[n];
        double[][] jw = new double[n][k];
        for (int i = 0; i < n; i++) {
            double d = Math.sqrt(shapeOnly.shape(enh[i]));
            z[i] = res[i] / d;
            for (int a = 0; a < k; a++) {
                jw[i][a] = jac[i][a] / d;
            }
        }
        double[] c = correlation(t, z, jw);
        return new ResidualNoise(acb[0], acb[1], acb[2], c[0], c[1], c[2], c[3]);
    }

    /**
     * Non-negative least squares of {@code r²} on {@code [1, e, e²]} (e the fitted enhancement above
     * baseline), by enumerating the active sets of the three coefficients.
     *
     * @return {@code {a, c, b}} ≥ 0 with {@code a > 0} (a small floor keeps every frame's variance positive)
     */
    static double[] varianceShape(double[] res, double[] enh) {
        int n = res.length;
        double[][] x = new double[n][];
        double[] y = new double[n];
        double mean = 0;
        double emax = 0;
        for (int i = 0; i < n; i++) {
            emax = Math.max(emax, Math.abs(enh[i]));
        }
        double scale = emax > 0 ? emax : 1;
        for (int i = 0; i < n; i++) {
            double e = Math.max(enh[i], 0) / scale;
            x[i] = new double[] {1, e, e * e};
            y[i] = res[i] * res[i];
            mean += y[i] / n;
        }
        if (!(mean > 0)) {
            return new double[] {1, 0, 0};
        }
        double[] best = {mean, 0, 0};
        double bestSs = sumSquares(x, y, best);
        for (int mask = 1; mask < 8; mask++) {
            double[] c = restrictedLeastSquares(x, y, mask);
            if (c == null) {
                continue;
            }
            double ss = sumSquares(x, y, c);
            if (ss < bestSs) {
                bestSs = ss;
                best = c;
            }
        }
        double floor = 1e-3 * mean;
        return new double[] {Math.max(best[0], floor), best[1] / scale, best[2] / (scale * scale)};
    }

    /** @return least squares on the columns in {@code mask} (others 0), or null when a coefficient is negative */
    private static double[] restrictedLeastSquares(double[][] x, double[] y, int mask) {
        int[] cols = java.util.stream.IntStream.range(0, 3).filter(c -> (mask & (1 << c)) != 0).toArray();
        int m = cols.length;
        double[][] a = new double[m][m];
        double[] rhs = new double[m];
        for (int i = 0; i < y.length; i++) {
            for (int p = 0; p < m; p++) {
                rhs[p] += x[i][cols[p]] * y[i];
                for (int q = 0; q < m; q++) {
                    a[p][q] += x[i][cols[p]] * x[i][cols[q]];
                }
            }
        }
        double[] sol;
        try {
            var lu = new org.apache.commons.math3.linear.LUDecomposition(
                    new org.apache.commons.math3.linear.Array2DRowRealMatrix(a, false), 1e-13);
            if (!lu.getSolver().isNonSingular()) {
                return null;
            }
            sol = lu.getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(rhs, false)).toArray();
        } catch (RuntimeException e) {
            return null;
        }
        double[] c = new double[3];
        for (int p = 0; p < m; p++) {
            if (!(sol[p] >= 0)) {
                return null;
            }
            c[cols[p]] = sol[p];
        }
        return c;
    }

    private static double sumSquares(double[][] x, double[] y, double[] c) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double d = y[i] - c[0] - c[1] * x[i][1] - c[2] * x[i][2];
            s += d * d;
        }
        return s;
    }

    /** @return {@code {π₁, τ₁, π₂, τ₂}} maximising the likelihood of {@code z}; zeros for too few samples */
    static double[] correlation(double[] t, double[] z, double[][] jw) {
        double[] ds = spacing(t);
        double dtMin = ds[0];
        double span = ds[1];
        if (!Double.isFinite(dtMin) || !(span > 0)) {
            return new double[] {0, 0, 0, 0};
        }
        Likelihood lik = new Likelihood(t, z, jw, TAU_MIN_FRACTION * dtMin, span);
        double[][] starts = {
            {Math.log(dtMin), Math.log(span / 4), 1.5, -1.5},
            {Math.log(0.3 * span / 10), Math.log(span / 3), 0, 0},
            {Math.log(dtMin / 4), Math.log(span / 20), -1, 1}};
        PointValuePair best = maximise(lik, starts);
        // AIC between independent frames and the correlated model (4 correlation parameters): white noise is not
        // given spurious correlation; once correlation is supported, the full model keeps any slow component
        if (best == null || lik.white() >= best.getValue() - 4) {
            return new double[] {0, 0, 0, 0};
        }
        return lik.decode(best.getPoint());
    }

    /** @return {@code {shortest positive frame spacing, span}}, s; span 0 for fewer than 6 samples */
    private static double[] spacing(double[] t) {
        int n = t.length;
        double dtMin = Double.POSITIVE_INFINITY;
        for (int i = 1; i < n; i++) {
            double d = t[i] - t[i - 1];
            if (d > 0) {
                dtMin = Math.min(dtMin, d);
            }
        }
        return new double[] {dtMin, n < 6 ? 0 : t[n - 1] - t[0]};
    }

    /**
     * One exponential plus white noise, {@code corr(Δt) = π·exp(−|Δt|/τ) + (1 − π)·[Δt = 0]}, by REML, averaged
     * with independent frames by Akaike weights; for short windows (a bolus at 1–2 frames/s: 20–60 frames),
     * where two components cost power and a yes/no AIC test falls back to independent frames in a quarter of
     * the loops with 1-s speckle. The average is the correlation {@code w·π·exp(−|Δt|/τ)}, {@code w} the weight
     * of the correlated model ({@code 1/(1 + exp(−(ℓ − ℓ₀ − 2)))}, ℓ and ℓ₀ the restricted log-likelihoods of the
     * correlated model and of independent frames): weak evidence gives a partial, not a zero, correlation.
     *
     * @return {@code {w·π, τ, 0, 0}}; zeros when the likelihood cannot be maximised
     */
    static double[] singleCorrelation(double[] t, double[] z, double[][] jw) {
        double[] ds = spacing(t);
        double dtMin = ds[0];
        double span = ds[1];
        if (!Double.isFinite(dtMin) || !(span > 0)) {
            return new double[] {0, 0, 0, 0};
        }
        Likelihood lik = new Likelihood(t, z, jw, TAU_MIN_FRACTION * dtMin, span);
        MultivariateFunction f = x -> {
            double[] d = lik.decodeSingle(x);
            return lik.logLikelihood(d[0], d[1], 0, d[1]);
        };
        double[][] starts = {{Math.log(dtMin), 1.5}, {Math.log(span / 10), 0}, {Math.log(dtMin / 4), -1}};
        PointValuePair best = maximise(f, starts);
        if (best == null) {
            return new double[] {0, 0, 0, 0};
        }
        double[] d = lik.decodeSingle(best.getPoint());
        // Akaike weight of the correlated model against independent frames (AIC difference over 2 = ℓ − ℓ₀ − 2);
        // averaging the two correlation matrices with these weights scales π, R = w·R₁ + (1 − w)·I
        double w = 1 / (1 + Math.exp(-(best.getValue() - lik.white() - 2)));
        return new double[] {w * d[0], d[1], 0, 0};
    }

    /** @return the best of Nelder–Mead maximisations of {@code f} from each start (unit steps), null if all fail */
    private static PointValuePair maximise(MultivariateFunction f, double[][] starts) {
        PointValuePair best = null;
        SimplexOptimizer opt = new SimplexOptimizer(1e-9, 1e-9);
        double[] steps = new double[starts[0].length];
        java.util.Arrays.fill(steps, 1);
        for (double[] s : starts) {
            try {
                PointValuePair r = opt.optimize(new MaxEval(MAX_EVAL), new ObjectiveFunction(f),
                        GoalType.MAXIMIZE, new InitialGuess(s), new NelderMeadSimplex(steps));
                if (r.getValue() > (best == null ? Double.NEGATIVE_INFINITY : best.getValue())) {
                    best = r;
                }
            } catch (RuntimeException e) {
                // too many evaluations from this start: try the others
            }
        }
        return best;
    }

    /**
     * Restricted (REML) profile log-likelihood of the two-exponential-plus-white correlation model, by a
     * Kalman filter run on the standardised residuals and on every column of the standardised Jacobian:
     * {@code −½[(n − p)·ln(Q/(n − p)) + Σ ln F_k + ln|J̃ᵀJ̃|]} with {@code Q = z̃ᵀz̃ − z̃ᵀJ̃(J̃ᵀJ̃)⁻¹J̃ᵀz̃} on the
     * whitened innovations. REML gives back what the fitted curve absorbed of slow noise, which the plain
     * likelihood of the residuals misses (it then underestimates slow correlation).
     */
    static final class Likelihood implements MultivariateFunction {
        private final double[] t;
        private final double[][] series;
        private final double tauMin;
        private final double tauMax;

        Likelihood(double[] t, double[] z, double[][] jw, double tauMin, double tauMax) {
            this.t = t;
            int k = jw[0].length;
            series = new double[k + 1][t.length];
            for (int i = 0; i < t.length; i++) {
                series[0][i] = z[i];
                for (int a = 0; a < k; a++) {
                    series[a + 1][i] = jw[i][a];
                }
            }
            this.tauMin = tauMin;
            this.tauMax = tauMax;
        }

        /** θ = (ln τ₁, ln τ₂, a₁, a₂) → {π₁, τ₁, π₂, τ₂}, τ clamped and ordered, π = softmax(a₁, a₂, 0). */
        double[] decode(double[] x) {
            double ta = clamp(Math.exp(x[0]));
            double tb = clamp(Math.exp(x[1]));
            double e1 = Math.exp(Math.max(-30, Math.min(30, x[2])));
            double e2 = Math.exp(Math.max(-30, Math.min(30, x[3])));
            double s = 1 + e1 + e2;
            return ta <= tb ? new double[] {e1 / s, ta, e2 / s, tb} : new double[] {e2 / s, tb, e1 / s, ta};
        }

        /** θ = (ln τ, a) → {π, τ}, τ clamped, π = logistic(a). */
        double[] decodeSingle(double[] x) {
            double a = Math.max(-30, Math.min(30, x[1]));
            return new double[] {1 / (1 + Math.exp(-a)), clamp(Math.exp(x[0]))};
        }

        private double clamp(double tau) {
            return Math.max(tauMin, Math.min(tauMax, tau));
        }

        @Override
        public double value(double[] x) {
            double[] d = decode(x);
            return logLikelihood(d[0], d[1], d[2], d[3]);
        }

        /** @return the likelihood of independent frames */
        double white() {
            return logLikelihood(0, tauMin, 0, tauMin);
        }

        double logLikelihood(double p1, double tau1, double p2, double tau2) {
            int m = series.length;
            int n = t.length;
            double pe = Math.max(1 - p1 - p2, 0);
            double[] x1 = new double[m];
            double[] x2 = new double[m];
            double[] nu = new double[m];
            double[][] cross = new double[m][m];
            double q11 = p1;
            double q22 = p2;
            double q12 = 0;
            double logDet = 0;
            double lastDt = Double.NaN;
            double f1 = 0;
            double f2 = 0;
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    double dt = t[i] - t[i - 1];
                    if (dt != lastDt) {
                        f1 = Math.exp(-dt / tau1);
                        f2 = Math.exp(-dt / tau2);
                        lastDt = dt;
                    }
                    q11 = f1 * f1 * q11 + p1 * (1 - f1 * f1);
                    q22 = f2 * f2 * q22 + p2 * (1 - f2 * f2);
                    q12 = f1 * f2 * q12;
                }
                double h1 = q11 + q12;
                double h2 = q12 + q22;
                double var = Math.max(h1 + h2 + pe, 1e-12);
                double k1 = h1 / var;
                double k2 = h2 / var;
                for (int s = 0; s < m; s++) {
                    double a = f1 * x1[s];
                    double b = f2 * x2[s];
                    if (i == 0) {
                        a = 0;
                        b = 0;
                    }
                    nu[s] = series[s][i] - a - b;
                    x1[s] = a + k1 * nu[s];
                    x2[s] = b + k2 * nu[s];
                }
                for (int s = 0; s < m; s++) {
                    for (int r = 0; r <= s; r++) {
                        cross[s][r] += nu[s] * nu[r] / var;
                    }
                }
                logDet += Math.log(var);
                q11 -= k1 * h1;
                q22 -= k2 * h2;
                q12 -= k1 * h2;
            }
            return restricted(cross, logDet, n);
        }

        /** REML profile from the accumulated whitened cross products (lower triangle, series 0 = residuals). */
        private static double restricted(double[][] cross, double logDet, int n) {
            int k = cross.length - 1;
            double[][] a = new double[k][k];
            double[] b = new double[k];
            for (int i = 0; i < k; i++) {
                b[i] = cross[i + 1][0];
                for (int j = 0; j <= i; j++) {
                    a[i][j] = cross[i + 1][j + 1];
                    a[j][i] = a[i][j];
                }
            }
            // Cholesky of A: ln|A| and bᵀA⁻¹b
            double logDetA = 0;
            double[][] l = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = a[i][j];
                    for (int q = 0; q < j; q++) {
                        v -= l[i][q] * l[j][q];
                    }
                    if (i == j) {
                        if (!(v > 0)) {
                            return Double.NEGATIVE_INFINITY;
                        }
                        l[i][i] = Math.sqrt(v);
                        logDetA += 2 * Math.log(l[i][i]);
                    } else {
                        l[i][j] = v / l[j][j];
                    }
                }
            }
            double quad = 0;
            double[] w = new double[k];
            for (int i = 0; i < k; i++) {
                double v = b[i];
                for (int q = 0; q < i; q++) {
                    v -= l[i][q] * w[q];
                }
                w[i] = v / l[i][i];
                quad += w[i] * w[i];
            }
            double qres = cross[0][0] - quad;
            int dof = n - k;
            if (!(qres > 0) || dof < 1) {
                return Double.NEGATIVE_INFINITY;
            }
            return -0.5 * dof * Math.log(qres / dof) - 0.5 * logDet - 0.5 * logDetA;
        }
    }
}
