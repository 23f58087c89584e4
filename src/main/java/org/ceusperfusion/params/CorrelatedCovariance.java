package org.ceusperfusion.params;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ceusperfusion.model.BolusModel;

/**
 * Covariance of least-squares bolus parameters under heteroscedastic, autocorrelated noise: the sandwich
 * {@code Σ = s²·A⁻¹ (Jᵀ Q V Q J) A⁻¹}, {@code A = JᵀQJ} (Q = I for an unweighted fit; for a weighted fit, one that
 * minimised {@code Σ qᵢ rᵢ²}, e.g. {@link org.ceusperfusion.fit.FitWeighting#FITTED_VARIANCE}, Q = diag q), with V
 * the noise covariance of {@link StructuredNoise}: white noise, bubble speckle loaded with the fitted enhancement
 * and a region gain loaded with the fitted signal, estimated by REML on the fitted frames.
 *
 * <p>The scale comes from the unweighted residuals and is unbiased under that model, {@code s² = rᵀr / tr(PV)},
 * {@code P = (I − H)ᵀ(I − H)}, {@code H = J A⁻¹ JᵀQ}, so the variance the fit absorbs is given back. {@link #dof()}
 * is the Satterthwaite count of that rᵀr, {@code tr(PV)² / tr((PV)²)}; each quantity's own degrees of freedom
 * ({@link #contrastDof()}) also count how well the noise parameters its variance rests on are known (a speckle
 * or gain component the loop holds only a few correlation times of). Everything is O(n·p²): products with V use
 * the first-order recursions of the exponential kernels, so irregular frame times need nothing special. The scale
 * from the weighted residuals {@code rᵀQr} was measured and not kept: it calibrates the noise on the baseline and
 * tail frames, while rᵀr calibrates it at the peak, where the parameters' information lies (docs/intervals.md).
 *
 * @param covariance  parameter covariance, model order; {@code null} when not computable
 * @param dof         degrees of freedom ν of the residual scale (≥ 1)
 * @param noise       the noise covariance over the fitted frames
 * @param samples     samples used
 * @param contrastDof degrees of freedom of the variance of any linear combination of the parameters
 */
public record CorrelatedCovariance(double[][] covariance, double dof, NoiseCovariance noise, int samples,
                                   ContrastDof contrastDof) {

    /** Degrees of freedom of the variance {@code cᵀΣc} of a linear combination of the parameters. */
    @FunctionalInterface
    public interface ContrastDof {
        /**
         * @param contrasts one gradient per quantity, in the covariance's parameter order
         * @return ν per contrast; NaN where not available (then {@link #dof()} applies)
         */
        double[] of(double[][] contrasts);

        /** No per-contrast degrees of freedom. */
        ContrastDof NONE = c -> {
            double[] out = new double[c.length];
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        };
    }

    /** A covariance with one ν for every quantity. */
    CorrelatedCovariance(double[][] covariance, double dof, NoiseCovariance noise, int samples) {
        this(covariance, dof, noise, samples, ContrastDof.NONE);
    }

    /**
     * @param model  the fitted model
     * @param p      fitted parameters
     * @param free   indices of the parameters the fit estimated (the covariance is in this order)
     * @param t      the fitted samples' times, s, increasing
     * @param y      the fitted samples' values
     * @return the covariance of the free parameters, or {@code null} when the design is singular or too few
     *         samples remain
     */
    public static CorrelatedCovariance of(BolusModel model, double[] p, int[] free, double[] t, double[] y) {
        return of(model, p, free, t, y, null);
    }

    /**
     * As {@link #of(BolusModel, double[], int[], double[], double[])} for a fit that minimised
     * {@code Σ weightsᵢ·rᵢ²}.
     *
     * @param weights the fit's weights, one per sample of {@code t}, or {@code null} for an unweighted fit
     * @throws IllegalArgumentException when {@code weights} is not {@code null} and differs in length from {@code t}
     */
    public static CorrelatedCovariance of(BolusModel model, double[] p, int[] free, double[] t, double[] y,
                                          double[] weights) {
        if (weights != null && weights.length != t.length) {
            throw new IllegalArgumentException(weights.length + " weights for " + t.length + " samples");
        }
        int n = t.length;
        int k = free.length;
        if (n < k + 2 || k == 0) {
            return null;
        }
        double[][] j = new double[n][k];
        double[] g = new double[p.length];
        double[] f = new double[n];
        double[] r = new double[n];
        double rss = 0;
        for (int i = 0; i < n; i++) {
            f[i] = model.valueAndGradient(t[i], p, g);
            for (int a = 0; a < k; a++) {
                j[i][a] = g[free[a]];
            }
            r[i] = y[i] - f[i];
            rss += r[i] * r[i];
        }
        if (!Double.isFinite(rss)) {
            return null;
        }
        double o = model.baseline(p);
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = f[i] - o;
        }
        return fromResiduals(t, r, e, f, j, rss, weights);
    }

    /**
     * The covariance of a linear (or linearised) fit from its residuals: the noise model estimated on them, then
     * the sandwich.
     *
     * @param t       fitted frame times, s, increasing
     * @param r       residuals
     * @param e       fitted enhancement (level above the lowest fitted level)
     * @param signal  fitted signal
     * @param j       design or Jacobian (rows: frames)
     * @param rss     {@code rᵀr}
     * @param weights the fit's weights or {@code null}
     * @return the covariance, or null when not computable
     */
    static CorrelatedCovariance fromResiduals(double[] t, double[] r, double[] e, double[] signal, double[][] j,
                                              double rss, double[] weights) {
        double[][] g = spread(j, weights);
        if (g == null) {
            return null;
        }
        StructuredNoise.Fitted fitted = StructuredNoise.estimate(t, r, e, signal, j);
        CorrelatedCovariance cc = sandwich(fitted.covariance(), j, g, rss, null);
        return cc == null ? null : new CorrelatedCovariance(cc.covariance(), cc.dof(), cc.noise(), cc.samples(),
                contrasts -> fitted.dof(g, contrasts));
    }

    /**
     * @param q the fit's weights, one per sample, or null (unweighted)
     * @return {@code G = QJ·A⁻¹}, {@code A = JᵀQJ} (how each frame's noise reaches the parameters); null when a
     *         weight is negative or not finite, or A is singular
     */
    private static double[][] spread(double[][] j, double[] q) {
        int n = j.length;
        int k = j[0].length;
        double[][] qj = new double[n][k];
        for (int i = 0; i < n; i++) {
            double w = q == null ? 1 : q[i];
            if (!(w >= 0) || !Double.isFinite(w)) {
                return null;
            }
            for (int a = 0; a < k; a++) {
                qj[i][a] = w * j[i][a];
            }
        }
        RealMatrix aInv = inverse(symmetric(product(qj, j)));
        if (aInv == null) {
            return null;
        }
        double[][] ai = aInv.getData();
        double[][] g = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                double s = 0;
                for (int b = 0; b < k; b++) {
                    s += qj[i][b] * ai[b][a];
                }
                g[i][a] = s;
            }
        }
        return g;
    }

    /** @return {@code {tr(PV), tr((PV)²)}} of {@link #sandwich} (for tests) */
    static double[] residualTraces(NoiseCovariance v, double[][] j, double[] q) {
        double[][] out = new double[1][];
        sandwich(v, j, spread(j, q), 1, out);
        return out[0];
    }

    /**
     * The sandwich {@code s²·A⁻¹ (Jᵀ Q V Q J) A⁻¹}, {@code A = JᵀQJ} (Q = I for an unweighted fit), with
     * {@code s² = rss / tr(P V)}, {@code P = (I − H)ᵀ(I − H)}, {@code H = J A⁻¹ JᵀQ} (the expectation of rᵀr under
     * V), and ν the Satterthwaite degrees of freedom of that rᵀr, {@code tr(PV)² / tr((PV)²)}. {@code I − P = Z C Zᵀ} with {@code Z = [J, QJA⁻¹]} and
     * {@code C = [[0, I], [I, −JᵀJ]]}, so every trace is O(n·p²) through products with V.
     *
     * @param q the fit's weights, one per sample, or null
     */
    static CorrelatedCovariance sandwich(NoiseCovariance v, double[][] j, double[] q, double rss) {
        double[][] g = spread(j, q);
        return g == null ? null : sandwich(v, j, g, rss, null);
    }

    /** The sandwich with {@code G = QJ·A⁻¹} given ({@link #spread}). */
    private static CorrelatedCovariance sandwich(NoiseCovariance v, double[][] j, double[][] g, double rss,
                                                 double[][] tracesOut) {
        if (!(rss > 0)) {
            return null;
        }
        int n = j.length;
        int k = j[0].length;
        // Z = [J, G]
        double[][] z = new double[n][2 * k];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                z[i][a] = j[i][a];
                z[i][k + a] = g[i][a];
            }
        }
        double[][] vz = new double[n][2 * k];
        double[] col = new double[n];
        for (int a = 0; a < 2 * k; a++) {
            for (int i = 0; i < n; i++) {
                col[i] = z[i][a];
            }
            double[] c = v.times(col);
            for (int i = 0; i < n; i++) {
                vz[i][a] = c[i];
            }
        }
        double[][] zvz = symmetric(product(z, vz));
        double[][] vzvz = symmetric(product(vz, vz));
        double[][] cm = new double[2 * k][2 * k];
        double[][] jtj = symmetric(product(j, j));
        for (int a = 0; a < k; a++) {
            cm[a][k + a] = 1;
            cm[k + a][a] = 1;
            for (int b = 0; b < k; b++) {
                cm[k + a][k + b] = -jtj[a][b];
            }
        }
        RealMatrix cz = new Array2DRowRealMatrix(cm, false).multiply(new Array2DRowRealMatrix(zvz, false));
        double trPv = v.trace() - cz.getTrace();
        double trPvPv = v.traceSquare() - 2 * new Array2DRowRealMatrix(cm, false).multiply(
                new Array2DRowRealMatrix(vzvz, false)).getTrace() + cz.multiply(cz).getTrace();
        if (!(trPv > 0) || !(trPvPv > 0)) {
            return null;
        }
        // meat (QJ)ᵀ V (QJ) = Gᵀ V G expressed through A: A·(GᵀVG)·A
        double[][] gvg = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                gvg[a][b] = zvz[k + a][k + b];
            }
        }
        if (tracesOut != null) {
            tracesOut[0] = new double[] {trPv, trPvPv};
        }
        double[][] cov = symmetric(new Array2DRowRealMatrix(gvg, false).scalarMultiply(rss / trPv).getData());
        for (int a = 0; a < k; a++) {
            if (!(cov[a][a] >= 0) || !Double.isFinite(cov[a][a])) {
                return null;
            }
        }
        double dof = trPv * trPv / trPvPv;
        return new CorrelatedCovariance(cov, Math.max(1, dof), v, n);
    }

    /** @return {@code XᵀY} */
    private static double[][] product(double[][] x, double[][] y) {
        int n = x.length;
        int p = x[0].length;
        int q = y[0].length;
        double[][] out = new double[p][q];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                double xa = x[i][a];
                for (int b = 0; b < q; b++) {
                    out[a][b] += xa * y[i][b];
                }
            }
        }
        return out;
    }

    /** @return {@code m} made exactly symmetric (the mean of each off-diagonal pair), in place */
    private static double[][] symmetric(double[][] m) {
        for (int a = 0; a < m.length; a++) {
            for (int b = 0; b < a; b++) {
                double x = 0.5 * (m[a][b] + m[b][a]);
                m[a][b] = x;
                m[b][a] = x;
            }
        }
        return m;
    }

    /** @return the inverse of a symmetric positive matrix, scaled to unit diagonal for conditioning; null if singular */
    static RealMatrix inverse(double[][] m) {
        int k = m.length;
        double[] s = new double[k];
        for (int a = 0; a < k; a++) {
            if (!(m[a][a] > 0) || !Double.isFinite(m[a][a])) {
                return null;
            }
            s[a] = 1 / Math.sqrt(m[a][a]);
        }
        double[][] sc = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                sc[a][b] = m[a][b] * s[a] * s[b];
            }
        }
        try {
            LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(sc, false), 1e-14);
            if (!lu.getSolver().isNonSingular()) {
                return null;
            }
            double[][] inv = lu.getSolver().getInverse().getData();
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    inv[a][b] *= s[a] * s[b];
                }
            }
            return new Array2DRowRealMatrix(inv, false);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
