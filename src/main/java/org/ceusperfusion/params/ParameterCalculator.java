package org.ceusperfusion.params;

import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.model.BolusModel;

/**
 * Perfusion parameters and their 95 % confidence intervals from a fitted bolus
 * ({@code perfusion-reference.md} §4), generic over any {@link BolusModel}.
 *
 * <p>Values are computed on the fitted curve minus its baseline O. PE, TTP, mTT, AUC and t0 use the
 * model's closed forms; WiR/WoR are the extreme slopes (Brent search on a 5-point difference
 * derivative), TI/TO the baseline crossings of the tangents there, and WiAUC/WoAUC adaptive
 * Gauss–Kronrod integrals of {@code f − O} (from {@code max(TI, t0)} to TTP, and TTP to TO).
 *
 * <p>Confidence intervals use the delta method: for each parameter P, the gradient
 * {@code g = ∂P/∂p} w.r.t. the model parameters is taken by central differences (step 1e-3 of each
 * parameter's standard error), {@code var = gᵀΣg} with Σ the fit covariance, and
 * {@code CI = P ± t_{0.975, n−p}·√var}. Without a covariance every CI except QOF's is {@code [NaN, NaN]}.
 *
 * <p>QOF (= 100·R²) is a property of the fit, not a function of the parameters. Its interval uses the
 * large-sample variance of R² (Olkin &amp; Finn 1995, multiple-correlation approximation)
 * {@code Var(R²) ≈ 4R²(1 − R²)²(n − k − 1)² / ((n² − 1)(n + 3))} with n the fitted samples and
 * k = (number of model parameters) − 1 predictors: {@code QOF ± t_{0.975, n−p}·100·√Var}, clamped to
 * [0, 100]. It is an approximation (the predictors of a nonlinear fit are not a linear design), meant
 * to show how far QOF could move with another noise draw, not an exact interval.
 * {@link BootstrapCi} gives percentile intervals by a seeded residual bootstrap instead.
 *
 * <pre>{@code
 * ParameterEstimates e = ParameterCalculator.compute(fit);
 * double ttp = e.value(PerfusionParameter.TTP);     // s
 * double[] ci = e.ci(PerfusionParameter.TTP);       // [lo, hi], s
 * }</pre>
 */
public final class ParameterCalculator {

    private static final PerfusionParameter[] ALL = PerfusionParameter.values();

    private ParameterCalculator() {
    }

    /**
     * @param fit a fit result; when it has no usable parameters every value is NaN except QOF
     * @return values and 95 % CIs of every {@link PerfusionParameter}
     */
    public static ParameterEstimates compute(FitResult fit) {
        return compute(fit, fit.covariance(), pooledQuantile(fit));
    }

    /** @return Student's t at 0.975 on {@code n − p} degrees of freedom, NaN without any */
    static double pooledQuantile(FitResult fit) {
        return fit.degreesOfFreedom() >= 1
                ? new TDistribution(fit.degreesOfFreedom()).inverseCumulativeProbability(0.975) : Double.NaN;
    }

    /**
     * Delta-method intervals from an explicit parameter covariance (e.g. {@link CorrelatedCovariance}).
     *
     * @param fit a fit result; when it has no usable parameters every value is NaN except QOF
     * @param cov covariance of the fit's parameters, or {@code null} (NaN intervals)
     * @param tq  the quantile multiplying each standard error (Student's t at 0.975 for the chosen dof)
     * @return values and 95 % CIs of every {@link PerfusionParameter}
     */
    public static ParameterEstimates compute(FitResult fit, double[][] cov, double tq) {
        double qof = 100 * fit.r2();
        if (!fit.hasParameters()) {
            ParameterEstimates empty = ParameterEstimates.empty();
            Map<PerfusionParameter, Double> v = new EnumMap<>(empty.values());
            v.put(PerfusionParameter.QOF, Double.isFinite(qof) ? qof : Double.NaN);
            return new ParameterEstimates(v, empty.ci95());
        }
        double[][] grads = cov == null ? null : gradients(fit.model(), fit.params(), cov);
        return compute(fit, cov, grads, new double[ALL.length], tq);
    }

    /** @return values and CIs, each parameter's half-width {@code tq[q]·SE} ({@code tq[q]} 0: {@code fallbackTq}) */
    private static ParameterEstimates compute(FitResult fit, double[][] cov, double[][] grads, double[] tq,
                                              double fallbackTq) {
        double qof = 100 * fit.r2();
        double[] p = fit.params();
        double[] base = values(fit.model(), p);
        Map<PerfusionParameter, Double> v = new EnumMap<>(PerfusionParameter.class);
        Map<PerfusionParameter, double[]> ci = new EnumMap<>(PerfusionParameter.class);
        for (PerfusionParameter q : ALL) {
            if (q == PerfusionParameter.QOF) {
                v.put(q, qof);
                ci.put(q, qofCi(fit.r2(), fit.samples(), p.length, pooledQuantile(fit)));
                continue;
            }
            double val = base[q.ordinal()];
            double sd = grads == null ? Double.NaN : Math.sqrt(quadraticForm(grads, q.ordinal(), cov));
            double t = tq[q.ordinal()] > 0 ? tq[q.ordinal()] : fallbackTq;
            v.put(q, val);
            ci.put(q, new double[] {val - t * sd, val + t * sd});
        }
        return new ParameterEstimates(v, ci);
    }

    /**
     * Delta-method intervals with Student's t on each parameter's own degrees of freedom.
     *
     * @param fit      a fit result
     * @param cov      covariance of the fit's parameters
     * @param dofs     ν of each parameter's variance from its gradient (NaN: use {@code fallback})
     * @param fallback ν when a parameter has none of its own
     * @return values, 95 % CIs and each parameter's ν
     */
    static ParameterEstimates compute(FitResult fit, double[][] cov, CorrelatedCovariance.ContrastDof dofs,
                                      double fallback) {
        if (!fit.hasParameters() || cov == null) {
            return compute(fit, cov, Double.NaN);
        }
        double[][] grads = gradients(fit.model(), fit.params(), cov);
        int k = grads.length;
        double[][] contrasts = new double[ALL.length][k];
        for (PerfusionParameter q : ALL) {
            for (int a = 0; a < k; a++) {
                double g = grads[a][q.ordinal()];
                contrasts[q.ordinal()][a] = Double.isFinite(g) ? g : 0;
            }
        }
        double[] nu = dofs.of(contrasts);
        double[] tq = new double[ALL.length];
        Map<PerfusionParameter, Double> dof = new EnumMap<>(PerfusionParameter.class);
        for (PerfusionParameter q : ALL) {
            if (q == PerfusionParameter.QOF) {
                continue;
            }
            double v = Math.max(1, Double.isFinite(nu[q.ordinal()]) ? nu[q.ordinal()] : fallback);
            tq[q.ordinal()] = new TDistribution(v).inverseCumulativeProbability(0.975);
            dof.put(q, v);
        }
        ParameterEstimates e = compute(fit, cov, grads, tq, Double.NaN);
        return new ParameterEstimates(e.values(), e.ci95(), e.intervals(), dof);
    }

    /**
     * 95 % interval of QOF = 100·R² from the Olkin–Finn large-sample variance of R².
     *
     * @param r2 R² of the fit
     * @param n  samples fitted
     * @param p  model parameters (k = p − 1 predictors)
     * @param tq Student's t quantile
     * @return {@code [lo, hi]} in %, clamped to [0, 100]; NaN bounds when R² or tq is not finite
     */
    static double[] qofCi(double r2, int n, int p, double tq) {
        if (!Double.isFinite(r2) || !Double.isFinite(tq) || n < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double r = Math.max(0, Math.min(1, r2));
        double k = p - 1;
        double var = 4 * r * Math.pow(1 - r, 2) * Math.pow(n - k - 1, 2) / (((double) n * n - 1) * (n + 3));
        double half = tq * 100 * Math.sqrt(var);
        return new double[] {Math.max(0, 100 * r2 - half), Math.min(100, 100 * r2 + half)};
    }

    /**
     * Point values of every parameter except QOF (NaN there) for model parameters {@code p}.
     *
     * @return values indexed by {@link PerfusionParameter#ordinal()}
     */
    public static double[] values(BolusModel model, double[] p) {
        return new CurveParameters(model, p).compute();
    }

    /** @return {@code grads[k][q]} = ∂P_q/∂p_k by central differences */
    private static double[][] gradients(BolusModel model, double[] p, double[][] cov) {
        int k = p.length;
        double[][] g = new double[k][];
        for (int a = 0; a < k; a++) {
            double sd = Math.sqrt(cov[a][a]);
            double h = sd > 0 && Double.isFinite(sd) ? 1e-3 * sd : 1e-6 * Math.max(Math.abs(p[a]), 1e-3);
            double[] pp = p.clone();
            double[] pm = p.clone();
            pp[a] += h;
            pm[a] -= h;
            double[] vp = values(model, pp);
            double[] vm = values(model, pm);
            g[a] = new double[vp.length];
            for (int q = 0; q < vp.length; q++) {
                g[a][q] = (vp[q] - vm[q]) / (2 * h);
            }
        }
        return g;
    }

    /** @return {@code gᵀΣg} for parameter {@code q}; 0 when rounding makes it slightly negative */
    private static double quadraticForm(double[][] grads, int q, double[][] cov) {
        int k = grads.length;
        double s = 0;
        double mag = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double term = grads[a][q] * cov[a][b] * grads[b][q];
                s += term;
                mag += Math.abs(term);
            }
        }
        if (s < 0 && s > -1e-9 * mag) {
            return 0;
        }
        return s >= 0 ? s : Double.NaN;
    }
}
