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
 * The noise of a fitted time-intensity curve as the physics makes it, estimated from the residuals by REML:
 * <pre>{@code r_k = ε_k + e_k·s_k + m_k·g_k}</pre>
 * <ul>
 * <li>{@code ε_k} white, variance {@code a + c·e_k}: electronic (additive) noise and the part of the bubble
 * noise that is new every frame (the number of bubbles in the beam);</li>
 * <li>{@code s} bubble speckle of the ROI mean, a stationary Ornstein–Uhlenbeck process (variance b, correlation
 * {@code exp(−|Δt|/τ₁)}), multiplied by the fitted enhancement {@code e_k}: it is speckle of the bubble signal, so
 * it is absent at the baseline and largest at the peak, and it decorrelates as the bubbles move (0.3–2 s);</li>
 * <li>{@code g} a slow gain common to the region, an OU process (variance γ, time constant τ₂), multiplied by
 * {@code m_k} = the <b>whole fitted signal</b> {@code ŷ_k}. A region gain is a change of how strongly the region
 * returns echo — attenuation above it, probe pressure, breathing moving the region through the beam — and it acts on
 * every echo from the region, the residual tissue echo of the baseline as well as the bubbles, not only on the
 * enhancement. Taking {@code m = e} would give the baseline no slow noise at all, so the fitted baseline O, and PE
 * and AUC measured above it, would look more certain than they are. The part of ŷ that is electronic noise floor is
 * not scaled by such a gain; it cannot be told apart from tissue in the fitted baseline, and because the gain's
 * variance grows as ŷ², the error of including it is small wherever the enhancement is large. The same choice
 * was measured against {@code m = e} (docs/intervals.md).</li>
 * </ul>
 * A linear Gaussian state-space model with a two-dimensional state (s, g) and the time-varying observation vector
 * {@code (e_k, m_k)}: the Kalman filter gives its exact likelihood in O(n) on irregular frame times, and the REML
 * term {@code ln|XᵀV⁻¹X|} comes from filtering the Jacobian's columns with the same gains. The overall scale is
 * profiled out (a is the unit), the other five parameters maximised by Nelder–Mead on their logarithms. Four
 * nested models — white only ({@code a + c·e + b·e²}, the speckle new every frame), speckle correlated, white
 * speckle plus gain, and both correlated — are compared by AIC and their covariances averaged with Akaike
 * weights ({@link #covariance(double[], double[], double[], double[], double[][])}), so white noise gets
 * little spurious correlation (white control: ν and coverage as the white-noise sandwich).
 *
 * <p>The speckle time τ₁ is searched up to {@link #SPECKLE_TAU_MAX_S} and then corrected for its small-sample bias
 * ({@link #correctedTau}); τ₂ is searched up to the fitted span. Starting points
 * come from the white model and, separately, from the residuals' mean square alone: when a slow gain dominates the
 * baseline, the white model's unit (a) is the gain's variance and its speckle share collapses, and starts derived
 * only from it left the gain model unfound (slower bolus, 2 fps, gain 0.05: 6 of 20 curves with z 4–12).
 *
 * @param a     white variance at zero enhancement, a.u.²
 * @param c     white variance per a.u. of enhancement
 * @param b     variance of the speckle multiplier s (relative, per unit enhancement²)
 * @param tau1S speckle correlation time τ₁, s; 0 when the speckle is white (then {@code b·e²} is white variance)
 * @param gamma variance of the gain g (relative, per unit signal²); 0 without gain
 * @param tau2S gain correlation time τ₂, s (0 without gain)
 */
public record StructuredNoise(double a, double c, double b, double tau1S, double gamma, double tau2S) {

    private static final int MAX_EVAL = 1000;
    private static final double TAU_MIN_FRACTION = 0.05;
    private static final double LOG_BOUND = 30;
    /**
     * Longest speckle correlation time searched, s. Bubble speckle decorrelates as the bubbles move, within
     * 0.3–2 s on real loops; a multiplier of e that stays for longer is an amplitude change the fit's own amplitude
     * absorbs (REML cannot see it), so it is left to the gain component.
     */
    static final double SPECKLE_TAU_MAX_S = 5;

    /**
     * @param t  frame times, s, increasing
     * @param e  fitted enhancement per frame (≥ 0 used)
     * @param m  fitted signal per frame (the gain's multiplier)
     * @return the noise covariance over these frames
     */
    NoiseCovariance covariance(double[] t, double[] e, double[] m) {
        int n = t.length;
        double[] white = new double[n];
        double[] ls = new double[n];
        double[] lg = new double[n];
        for (int i = 0; i < n; i++) {
            double x = Math.max(e[i], 0);
            white[i] = a + c * x;
            ls[i] = Math.sqrt(b) * x;
            lg[i] = Math.sqrt(gamma) * m[i];
        }
        NoiseCovariance v = new NoiseCovariance(t, white).add(ls, tau1S);
        return gamma > 0 && tau2S > 0 ? v.add(lg, tau2S) : v;
    }

    /**
     * The noise covariance over the fitted frames: the Akaike-weighted average of the four nested models'
     * covariances (weights {@code exp(−ΔAIC/2)}, normalised), so weak evidence for correlation gives a partial
     * correlation rather than a yes/no choice (the model of lowest AIC alone measured worse: fast bolus at 2 fps PE /
     * AUC 0.82 / 0.77 against 0.86 / 0.82 averaged, before the starts from the residual size were added).
     */
    static NoiseCovariance covariance(double[] t, double[] r, double[] e, double[] m, double[][] jac) {
        return estimate(t, r, e, m, jac).covariance();
    }

    /** As {@link #covariance(double[], double[], double[], double[], double[][])}, with the candidates kept. */
    static Fitted estimate(double[] t, double[] r, double[] e, double[] m, double[][] jac) {
        Candidates c = candidates(t, r, e, m, jac);
        double[] w = c.weights();
        NoiseCovariance v = null;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 1e-6) {
                NoiseCovariance vi = c.models[i].covariance(t, e, m).scaled(w[i]);
                v = v == null ? vi : v.plus(vi);
            }
        }
        return new Fitted(v, c, t, e, m);
    }

    /**
     * The fitted noise model of one fit: its Akaike-averaged covariance, and the candidate models with their REML
     * estimates, from which {@link #dof} gives the degrees of freedom of any variance the covariance implies.
     */
    record Fitted(NoiseCovariance covariance, Candidates candidates, double[] t, double[] e, double[] m) {

        /** Step in the log parameters for the numerical information matrix and gradients. */
        private static final double STEP = 0.05;

        /**
         * Satterthwaite degrees of freedom of {@code cᵀΣc} for each contrast c, {@code Σ = Gᵀ V G}: {@code ν =
         * 2·f̄² / Var f}, with {@code Var f} from the REML information of the noise parameters (the overall scale
         * included) by the delta method, within each candidate model, plus the spread between the models around
         * their Akaike-weighted mean f̄ (a model-averaged variance). So the variance of PE's estimate gets few
         * degrees of freedom when it rests on a speckle or gain component that the loop holds only a few
         * correlation times of, and many when it rests on white noise, whatever rᵀr's own count is.
         *
         * @param g         {@code QJA⁻¹}, one row per frame, one column per free fit parameter
         * @param contrasts one gradient per quantity, over the free fit parameters
         * @return ν per contrast (NaN where it cannot be computed: no REML candidates, or a singular information)
         */
        double[] dof(double[][] g, double[][] contrasts) {
            double[] out = new double[contrasts.length];
            java.util.Arrays.fill(out, Double.NaN);
            Candidates c = candidates;
            if (c.theta() == null) {
                return out;
            }
            double[] w = c.weights();
            double[] fBar = new double[contrasts.length];
            double[] var = new double[contrasts.length];
            double[][] f = new double[w.length][];
            double[][] vf = new double[w.length][];
            double used = 0;
            for (int i = 0; i < w.length; i++) {
                if (w[i] <= 1e-3) {
                    continue;
                }
                double[][] fv = contrastVariances(c.theta()[i], g, contrasts);
                if (fv == null) {
                    return out;
                }
                f[i] = fv[0];
                vf[i] = fv[1];
                used += w[i];
                for (int q = 0; q < contrasts.length; q++) {
                    fBar[q] += w[i] * f[i][q];
                }
            }
            for (int q = 0; q < contrasts.length; q++) {
                fBar[q] /= used;
            }
            for (int i = 0; i < w.length; i++) {
                if (f[i] == null) {
                    continue;
                }
                for (int q = 0; q < contrasts.length; q++) {
                    double d = f[i][q] - fBar[q];
                    var[q] += w[i] / used * (vf[i][q] + d * d);
                }
            }
            for (int q = 0; q < contrasts.length; q++) {
                out[q] = var[q] > 0 && fBar[q] > 0 ? 2 * fBar[q] * fBar[q] / var[q] : Double.NaN;
            }
            return out;
        }

        /** @return {@code {f, Var f}} per contrast under one candidate model, or null when its information is singular */
        private double[][] contrastVariances(double[] theta, double[][] g, double[][] contrasts) {
            Likelihood lik = candidates.lik();
            int[] act = active(theta);
            int d = act.length + 1;
            double l0 = lik.value(theta[0], theta[1], theta[2], theta[3], theta[4]);
            double s2 = lik.lastSigma2;
            if (!Double.isFinite(l0) || !(s2 > 0)) {
                return null;
            }
            double[] phi0 = new double[d];
            phi0[0] = Math.log(s2);
            for (int a = 0; a < act.length; a++) {
                phi0[a + 1] = theta[act[a]];
            }
            java.util.function.ToDoubleFunction<double[]> ll = phi -> lik.full(point(theta, act, phi), phi[0]);
            double[][] info = new double[d][d];
            double c0 = ll.applyAsDouble(phi0);
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    double v;
                    if (a == b) {
                        v = -(ll.applyAsDouble(shift(phi0, a, STEP, a, 0)) - 2 * c0
                                + ll.applyAsDouble(shift(phi0, a, -STEP, a, 0))) / (STEP * STEP);
                    } else {
                        v = -(ll.applyAsDouble(shift(phi0, a, STEP, b, STEP)) - ll.applyAsDouble(shift(phi0, a, STEP, b, -STEP))
                                - ll.applyAsDouble(shift(phi0, a, -STEP, b, STEP))
                                + ll.applyAsDouble(shift(phi0, a, -STEP, b, -STEP))) / (4 * STEP * STEP);
                    }
                    info[a][b] = v;
                    info[b][a] = v;
                }
            }
            for (double[] row : info) {
                for (double x : row) {
                    if (!Double.isFinite(x)) {
                        return null;
                    }
                }
            }
            double[][] cov = positivePartInverse(info);
            int k = contrasts.length;
            double[][] u = frameLoadings(g, contrasts);
            double[] f0 = contrastValues(theta, act, phi0, u);
            double[][] grad = new double[d][];
            for (int a = 0; a < d; a++) {
                double[] fp = contrastValues(theta, act, shift(phi0, a, STEP, a, 0), u);
                double[] fm = contrastValues(theta, act, shift(phi0, a, -STEP, a, 0), u);
                grad[a] = new double[k];
                for (int q = 0; q < k; q++) {
                    grad[a][q] = (fp[q] - fm[q]) / (2 * STEP);
                }
            }
            double[] vf = new double[k];
            for (int q = 0; q < k; q++) {
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        vf[q] += grad[a][q] * cov[a][b] * grad[b][q];
                    }
                }
            }
            return new double[][] {f0, vf};
        }

        /** @return {@code u = G·c} per contrast: how much each frame's noise moves the contrast */
        private static double[][] frameLoadings(double[][] g, double[][] contrasts) {
            int n = g.length;
            double[][] u = new double[contrasts.length][n];
            for (int q = 0; q < contrasts.length; q++) {
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int a = 0; a < contrasts[q].length; a++) {
                        s += g[i][a] * contrasts[q][a];
                    }
                    u[q][i] = s;
                }
            }
            return u;
        }

        /** @return {@code uᵀ V(φ) u} per contrast's frame loadings u, V the candidate's covariance at φ = (ln σ², active θ) */
        private double[] contrastValues(double[] theta, int[] act, double[] phi, double[][] u) {
            StructuredNoise model = candidates.lik().decode(point(theta, act, phi), Math.exp(phi[0]));
            if (model.tau1S() > 0) {
                model = model.withSpeckleTau(correctedTau(model.tau1S(), t, e));
            }
            NoiseCovariance v = model.covariance(t, e, m);
            double[] out = new double[u.length];
            for (int q = 0; q < u.length; q++) {
                double[] vu = v.times(u[q]);
                double s = 0;
                for (int i = 0; i < vu.length; i++) {
                    s += u[q][i] * vu[i];
                }
                out[q] = s;
            }
            return out;
        }

        private static int[] active(double[] theta) {
            return java.util.stream.IntStream.range(0, theta.length).filter(i -> !Double.isNaN(theta[i])).toArray();
        }

        private static double[] point(double[] theta, int[] act, double[] phi) {
            double[] x = theta.clone();
            for (int a = 0; a < act.length; a++) {
                x[act[a]] = phi[a + 1];
            }
            return x;
        }

        private static double[] shift(double[] phi, int a, double da, int b, double db) {
            double[] x = phi.clone();
            x[a] += da;
            x[b] += db;
            return x;
        }

        /** @return the inverse of a symmetric matrix on its positive eigenvalues (flat directions carry no variance) */
        private static double[][] positivePartInverse(double[][] h) {
            var eig = new org.apache.commons.math3.linear.EigenDecomposition(
                    new org.apache.commons.math3.linear.Array2DRowRealMatrix(h, false));
            int d = h.length;
            double[] lambda = eig.getRealEigenvalues();
            double max = 0;
            for (double x : lambda) {
                max = Math.max(max, Math.abs(x));
            }
            double[][] out = new double[d][d];
            for (int j = 0; j < d; j++) {
                if (lambda[j] > 1e-9 * max) {
                    double[] v = eig.getEigenvector(j).toArray();
                    for (int a = 0; a < d; a++) {
                        for (int b = 0; b < d; b++) {
                            out[a][b] += v[a] * v[b] / lambda[j];
                        }
                    }
                }
            }
            return out;
        }
    }

    /** The four nested models with their AIC (white only, speckle, white speckle + gain, both). */
    private record Candidates(StructuredNoise[] models, double[] aic, double[][] theta, Likelihood lik) {
        int best() {
            int b = 0;
            for (int i = 1; i < aic.length; i++) {
                if (aic[i] < aic[b]) {
                    b = i;
                }
            }
            return b;
        }

        double[] weights() {
            double min = aic[best()];
            double[] w = new double[aic.length];
            double s = 0;
            for (int i = 0; i < w.length; i++) {
                w[i] = Double.isFinite(aic[i]) ? Math.exp(-(aic[i] - min) / 2) : 0;
                s += w[i];
            }
            for (int i = 0; i < w.length; i++) {
                w[i] /= s;
            }
            return w;
        }
    }

    private static Candidates candidates(double[] t, double[] r, double[] e, double[] m, double[][] jac) {
        double[] acb = VarianceShape.of(r, e);
        StructuredNoise fallback = new StructuredNoise(acb[0], acb[1], acb[2], 0, 0, 0);
        Candidates none = new Candidates(new StructuredNoise[] {fallback}, new double[] {0}, null, null);
        int n = t.length;
        double dtMin = Double.POSITIVE_INFINITY;
        for (int i = 1; i < n; i++) {
            double d = t[i] - t[i - 1];
            if (d > 0) {
                dtMin = Math.min(dtMin, d);
            }
        }
        double span = n < 6 ? 0 : t[n - 1] - t[0];
        if (!Double.isFinite(dtMin) || !(span > 0) || n <= jac[0].length + 4) {
            return none;
        }
        double scale = 0;
        double meanR2 = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.max(Math.abs(e[i]), Math.abs(m[i])));
            meanR2 += r[i] * r[i] / n;
        }
        if (!(scale > 0) || !(meanR2 > 0)) {
            return none;
        }
        Likelihood lik = new Likelihood(t, r, e, m, jac, scale, TAU_MIN_FRACTION * dtMin, span);
        double a0 = Math.max(acb[0], 1e-9 * meanR2);
        double lc = bounded(Math.log(Math.max(acb[1] * scale / a0, 1e-6)));
        double lb = bounded(Math.log(Math.max(acb[2] * scale * scale / a0, 1e-6)));
        double lr = bounded(Math.log(10 * meanR2 / a0));
        // white only: (ln c̃, ln b̃)
        PointValuePair w = maximise(x -> lik.value(x[0], x[1], Double.NaN, Double.NaN, Double.NaN),
                new double[][] {{lc, lb}, {lc, lr}, {-5, lr + 2}});
        double[] wp = w.getPoint();
        // speckle correlated: (ln c̃, ln b̃, ln τ₁); starts from the white model and from the residual size alone
        // (when a slow gain dominates the baseline, the white model's unit is the gain's variance, far from a)
        double l3 = Math.log(3 * dtMin);
        PointValuePair s = maximise(x -> lik.value(x[0], x[1], x[2], Double.NaN, Double.NaN),
                new double[][] {{wp[0], wp[1], l3}, {wp[0], wp[1] + 1, Math.log(span / 40)}, {-5, lr + 2, l3}});
        double[] sp = s.getPoint();
        // white speckle plus gain: (ln c̃, ln b̃, ln γ̃, ln τ₂)
        double l8 = Math.log(span / 8);
        PointValuePair g = maximise(x -> lik.value(x[0], x[1], Double.NaN, x[2], x[3]),
                new double[][] {{wp[0], wp[1], wp[1] - 3, l8}, {lc, lr, lr, l8}, {-5, lr + 2, lr + 2, Math.log(span / 15)}});
        double[] gp = g.getPoint();
        // both correlated: (ln c̃, ln b̃, ln τ₁, ln γ̃, ln τ₂)
        PointValuePair f = maximise(x -> lik.value(x[0], x[1], x[2], x[3], x[4]),
                new double[][] {{sp[0], sp[1], sp[2], sp[1] - 3, l8}, {gp[0], gp[1], l3, gp[2], gp[3]},
                    {-5, lr + 2, l3, lr + 2, Math.log(span / 15)}});
        double[] fp = f.getPoint();
        double[] aic = {2 * 3 - 2 * w.getValue(), 2 * 4 - 2 * s.getValue(), 2 * 5 - 2 * g.getValue(),
            2 * 6 - 2 * f.getValue()};
        double[][] theta = {
            {wp[0], wp[1], Double.NaN, Double.NaN, Double.NaN}, {sp[0], sp[1], sp[2], Double.NaN, Double.NaN},
            {gp[0], gp[1], Double.NaN, gp[2], gp[3]}, fp};
        StructuredNoise[] models = new StructuredNoise[4];
        for (int i = 0; i < 4; i++) {
            models[i] = Double.isFinite(aic[i]) ? lik.decode(theta[i]) : fallback;
            if (models[i].tau1S() > 0) { // without the correction, fast bolus at 10 fps PE / AUC 0.875 / 0.865
                models[i] = models[i].withSpeckleTau(correctedTau(models[i].tau1S(), t, e));
            }
            if (!Double.isFinite(aic[i])) {
                aic[i] = Double.POSITIVE_INFINITY;
            }
        }
        Candidates out = new Candidates(models, aic, theta, lik);
        return Double.isFinite(aic[out.best()]) ? out : none;
    }

    /** @return a copy with speckle time {@code tauS} */
    StructuredNoise withSpeckleTau(double tauS) {
        return new StructuredNoise(a, c, b, tauS, gamma, tau2S);
    }

    /**
     * The speckle time corrected for the small-sample bias of an autoregressive coefficient that REML leaves,
     * {@code E φ̂ ≈ φ − 2φ/n}: the bias of the coefficient of an AR(1) series of known mean (White 1961); REML removes
     * the larger part, {@code (1 + φ)/n}, that comes from estimating the mean (here the fitted curve). φ is the
     * coefficient over the median frame spacing and n the effective number of frames that carry speckle,
     * {@code (Σ e²)² / Σ e⁴} (the speckle is loaded with e, so a 3-s bolus at 10 fps gives n ≈ 35). Without it the
     * fast bolus at 10 fps had median τ̂₁ 0.45 s for a true 1 s. The full estimated-mean correction
     * {@code (1 + 3φ)/n} was measured too and over-covered (docs/intervals.md). Capped at
     * {@link #SPECKLE_TAU_MAX_S}.
     */
    static double correctedTau(double tau, double[] t, double[] e) {
        int n = t.length;
        double[] d = new double[n - 1];
        for (int i = 1; i < n; i++) {
            d[i - 1] = t[i] - t[i - 1];
        }
        java.util.Arrays.sort(d);
        double dt = d[d.length / 2];
        double s2 = 0;
        double s4 = 0;
        for (double x : e) {
            double q = Math.max(x, 0) * Math.max(x, 0);
            s2 += q;
            s4 += q * q;
        }
        if (!(s4 > 0) || !(dt > 0)) {
            return tau;
        }
        double neff = s2 * s2 / s4;
        double phi = Math.exp(-dt / tau);
        double corrected = Math.min(phi + 2 * phi / neff, Math.exp(-dt / SPECKLE_TAU_MAX_S));
        return corrected > phi ? -dt / Math.log(corrected) : tau;
    }

    private static double bounded(double x) {
        return Math.max(-LOG_BOUND, Math.min(LOG_BOUND, x));
    }

    private static PointValuePair maximise(MultivariateFunction f, double[][] starts) {
        PointValuePair best = null;
        SimplexOptimizer opt = new SimplexOptimizer(1e-8, 1e-8);
        double[] steps = new double[starts[0].length];
        java.util.Arrays.fill(steps, 1);
        for (double[] s : starts) {
            try {
                PointValuePair r = opt.optimize(new MaxEval(MAX_EVAL), new ObjectiveFunction(f),
                        GoalType.MAXIMIZE, new InitialGuess(s), new NelderMeadSimplex(steps));
                if (best == null || r.getValue() > best.getValue()) {
                    best = r;
                }
            } catch (RuntimeException ex) {
                // too many evaluations from this start: keep the start itself as a candidate
                double v = f.value(s);
                if (best == null || v > best.getValue()) {
                    best = new PointValuePair(s, v);
                }
            }
        }
        return best;
    }

    /**
     * The restricted log-likelihood, by a Kalman filter on the residuals and on every Jacobian column with the state
     * (s, g); the overall scale profiled out ({@code a} = 1 inside, then σ² = Q/(n − p)).
     */
    static final class Likelihood {
        private final double[] t;
        private final double[] e;
        private final double[] m;
        private final double[][] series;
        private final double scale;
        private final double tauMin;
        private final double tauMax;
        private double lastSigma2 = Double.NaN;

        Likelihood(double[] t, double[] r, double[] e, double[] m, double[][] jac, double scale, double tauMin,
                   double tauMax) {
            int n = t.length;
            int k = jac[0].length;
            this.t = t;
            this.e = new double[n];
            this.m = new double[n];
            series = new double[k + 1][n];
            for (int i = 0; i < n; i++) {
                this.e[i] = Math.max(e[i], 0) / scale;
                this.m[i] = m[i] / scale;
                series[0][i] = r[i];
                for (int a = 0; a < k; a++) {
                    series[a + 1][i] = jac[i][a];
                }
            }
            this.scale = scale;
            this.tauMin = tauMin;
            this.tauMax = tauMax;
        }

        private double tau(double x) {
            return Math.max(tauMin, Math.min(tauMax, Math.exp(x)));
        }

        private double speckleTau(double x) {
            return Math.max(tauMin, Math.min(Math.min(tauMax, SPECKLE_TAU_MAX_S), Math.exp(x)));
        }

        private static double pos(double x) {
            return Math.exp(bounded(x));
        }

        /** θ = (ln c̃, ln b̃, ln τ₁ or NaN for white speckle, ln γ̃ or NaN, ln τ₂) → the model in a.u. */
        StructuredNoise decode(double[] x) {
            double l = value(x[0], x[1], x[2], x[3], x[4]);
            double s2 = Double.isFinite(l) ? lastSigma2 : Double.NaN;
            if (!(s2 > 0)) {
                return new StructuredNoise(1, 0, 0, 0, 0, 0);
            }
            return decode(x, s2);
        }

        /** @return the model of θ with the white variance at zero enhancement {@code s2}, a.u.² */
        StructuredNoise decode(double[] x, double s2) {
            boolean gain = !Double.isNaN(x[3]);
            return new StructuredNoise(s2, s2 * pos(x[0]) / scale, s2 * pos(x[1]) / (scale * scale),
                    Double.isNaN(x[2]) ? 0 : speckleTau(x[2]), gain ? s2 * pos(x[3]) / (scale * scale) : 0,
                    gain ? tau(x[4]) : 0);
        }

        /**
         * @return the restricted log-likelihood at θ and the scale {@code σ² = exp(lnSigma2)} (not profiled):
         *         {@code −½[(n − p) ln σ² + Q/σ² + ln|V| + ln|XᵀV⁻¹X|]}
         */
        double full(double[] x, double lnSigma2) {
            double profile = value(x[0], x[1], x[2], x[3], x[4]);
            double s2 = lastSigma2;
            double dof = t.length - (series.length - 1);
            return profile + 0.5 * dof * (Math.log(s2) - lnSigma2 - s2 / Math.exp(lnSigma2));
        }

        /** @return the restricted log-likelihood (scale profiled) */
        double value(double lc, double lb, double lt1, double lg, double lt2) {
            double cc = pos(lc);
            double bb = pos(lb);
            boolean speckle = !Double.isNaN(lt1);
            boolean gain = !Double.isNaN(lg);
            double tau1 = speckle ? speckleTau(lt1) : 1;
            double gg = gain ? pos(lg) : 0;
            double tau2 = gain ? tau(lt2) : 1;
            double b1 = speckle ? bb : 0;
            int q = series.length;
            int n = t.length;
            double[] x1 = new double[q];
            double[] x2 = new double[q];
            double[][] cross = new double[q][q];
            double[] nu = new double[q];
            double p11 = b1;
            double p22 = gg;
            double p12 = 0;
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
                    p11 = f1 * f1 * p11 + b1 * (1 - f1 * f1);
                    p22 = f2 * f2 * p22 + gg * (1 - f2 * f2);
                    p12 = f1 * f2 * p12;
                    for (int s = 0; s < q; s++) {
                        x1[s] *= f1;
                        x2[s] *= f2;
                    }
                }
                double h1 = speckle ? e[i] : 0;
                double h2 = gain ? m[i] : 0;
                double rw = 1 + cc * e[i] + (speckle ? 0 : bb * e[i] * e[i]);
                double ph1 = p11 * h1 + p12 * h2;
                double ph2 = p12 * h1 + p22 * h2;
                double var = h1 * ph1 + h2 * ph2 + rw;
                double k1 = ph1 / var;
                double k2 = ph2 / var;
                for (int s = 0; s < q; s++) {
                    nu[s] = series[s][i] - h1 * x1[s] - h2 * x2[s];
                    x1[s] += k1 * nu[s];
                    x2[s] += k2 * nu[s];
                }
                for (int s = 0; s < q; s++) {
                    double ns = nu[s] / var;
                    for (int r = 0; r <= s; r++) {
                        cross[s][r] += ns * nu[r];
                    }
                }
                logDet += Math.log(var);
                p11 -= k1 * ph1;
                p12 -= k1 * ph2;
                p22 -= k2 * ph2;
            }
            double[] out = restricted(cross, logDet, n);
            lastSigma2 = out[1];
            return out[0];
        }

        /** @return {REML profile log-likelihood, σ̂² = Q/(n − p)} from the whitened cross products */
        private static double[] restricted(double[][] cross, double logDet, int n) {
            int k = cross.length - 1;
            double[][] l = new double[k][k];
            double logDetA = 0;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = cross[i + 1][j + 1];
                    for (int q = 0; q < j; q++) {
                        v -= l[i][q] * l[j][q];
                    }
                    if (i == j) {
                        if (!(v > 0)) {
                            return new double[] {Double.NEGATIVE_INFINITY, Double.NaN};
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
                double v = cross[i + 1][0];
                for (int q = 0; q < i; q++) {
                    v -= l[i][q] * w[q];
                }
                w[i] = v / l[i][i];
                quad += w[i] * w[i];
            }
            double qres = cross[0][0] - quad;
            int dof = n - k;
            if (!(qres > 0) || dof < 1) {
                return new double[] {Double.NEGATIVE_INFINITY, Double.NaN};
            }
            double s2 = qres / dof;
            return new double[] {-0.5 * dof * Math.log(s2) - 0.5 * logDet - 0.5 * logDetA, s2};
        }
    }
}
