package org.ceusperfusion.params;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ceusperfusion.model.BolusModel;

/**
 * Covariance of least-squares bolus parameters under heteroscedastic, autocorrelated noise: the sandwich
 * {@code Σ = s²·B⁻¹ (Jᵀ V₀ J) B⁻¹}, {@code B = JᵀJ}, with {@code V₀ = D R D} the noise covariance shape of
 * {@link ResidualNoise} ({@code D = diag √w} with w the variance shape, R its correlation matrix).
 *
 * <p>The correlation R is estimated twice by REML: on the whole fitted loop, and on the bolus window (the
 * frames whose fitted enhancement is at least 20 % of its peak, standardised by the whole loop's variance
 * shape). The estimate with the longer effective correlation time is used. Why: bubble speckle (variance
 * ∝ e², correlated over ≈ 1 s) dominates the noise only while the bolus is up, where the parameters'
 * information lies, whereas white noise dominates baseline and tail, most of a loop; on the whole loop REML
 * then finds a short correlation with a partial weight, 2–3× too little for the peak frames. A slow gain
 * over the whole loop, in turn, is seen better on the whole loop. Measured in docs/intervals.md.
 *
 * <p>The scale is unbiased under that model, {@code s² = rᵀr / tr((I − H) V₀)} with {@code H} the hat
 * matrix, so the variance the fit absorbs is given back. The effective degrees of freedom of s² follow
 * Satterthwaite, {@code ν = (tr V₀)² / tr(V₀²) − p}: about (span / τ) − p for strongly correlated
 * noise, n − p for white equal-variance noise. Everything is O(n·p²): products with R use the
 * first-order recursions of the exponential kernels, so irregular frame times need nothing special.
 *
 * <p>A weighted fit (one that minimised {@code Σ qᵢ rᵢ²}, Q = diag q, e.g. {@link
 * org.ceusperfusion.fit.FitWeighting#FITTED_VARIANCE}) has the sandwich {@code Σ = s²·A⁻¹ (Jᵀ Q V₀ Q J) A⁻¹},
 * {@code A = JᵀQJ}, with the same noise model (REML depends on the residuals only through their part
 * orthogonal to the columns of J, which any linear fit leaves the same) and the scale from the unweighted
 * residuals, {@code s² = rᵀr / tr((I − H) V₀ (I − H)ᵀ)}, {@code H = J A⁻¹ JᵀQ}, unbiased under the model as
 * above; ν is the same Satterthwaite count (a property of the noise model and of rᵀr, not of the weights). The
 * scale from the weighted residuals {@code rᵀQr} (where every frame counts about the same, so ν is about twice
 * as large) was measured and not kept: it calibrates the noise on the baseline and tail frames, while rᵀr
 * calibrates it on the frames at the peak, where the parameters' information lies; coverage of the slower
 * realistic bolus at 1–2 frames/s fell from 0.89–0.94 to 0.82–0.90 (docs/intervals.md). With Q = I this is the
 * unweighted sandwich above, which is then computed exactly as before.
 *
 * @param covariance parameter covariance, model order; {@code null} when not computable
 * @param dof        effective degrees of freedom ν (≥ 1)
 * @param noise      the residual noise model
 * @param samples    samples used
 */
public record CorrelatedCovariance(double[][] covariance, double dof, ResidualNoise noise, int samples) {

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
        return of(model, p, free, t, y, null, true);
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
        return of(model, p, free, t, y, weights, true);
    }

    /** As {@link #of(BolusModel, double[], int[], double[], double[], double[])}; {@code bolusWindow} false: whole loop only. */
    static CorrelatedCovariance of(BolusModel model, double[] p, int[] free, double[] t, double[] y, double[] weights,
                                   boolean bolusWindow) {
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
        ResidualNoise noise = ResidualNoise.estimate(t, r, e, j);
        ResidualNoise bolus = bolusWindow ? bolusNoise(noise, t, r, e, j, BOLUS_FRACTION) : null;
        if (bolus != null && bolus.correlationTimeS() > noise.correlationTimeS()) {
            noise = bolus;
        }
        return weights == null ? of(noise, t, j, e, rss) : weighted(noise, t, j, e, rss, weights);
    }

    /** The bolus window: the frames whose fitted enhancement is at least this share of its peak. */
    static final double BOLUS_FRACTION = 0.2;

    /**
     * The window's correlation is the two-exponential model of {@link ResidualNoise} unless AIC prefers
     * independent frames to it; then one exponential plus white noise, averaged with independent frames by
     * Akaike weights, is used ({@link ResidualNoise#singleCorrelation}). At coarse frame rates the window holds
     * only 20–60 frames, and the four-parameter model lost by AIC in a quarter of the loops with 1-s speckle at
     * 2 fps (PE covered in 63 % of those); see docs/intervals.md.
     *
     * @return the noise with the whole loop's variance shape and the correlation estimated (REML) on the
     *         frames where the fitted enhancement is at least {@code fraction} of its peak — where the
     *         parameters' information lies; null when that window holds too few frames
     */
    static ResidualNoise bolusNoise(ResidualNoise noise, double[] t, double[] r, double[] e, double[][] j,
                                    double fraction) {
        double peak = 0;
        for (double v : e) {
            peak = Math.max(peak, v);
        }
        int n = t.length;
        int k = j[0].length;
        int m = 0;
        for (double v : e) {
            m += v >= fraction * peak ? 1 : 0;
        }
        if (!(peak > 0) || m < Math.max(20, 3 * k)) {
            return null;
        }
        double[] ts = new double[m];
        double[] z = new double[m];
        double[][] jw = new double[m][k];
        int q = 0;
        for (int i = 0; i < n; i++) {
            if (e[i] >= fraction * peak) {
                double d = Math.sqrt(noise.shape(e[i]));
                ts[q] = t[i];
                z[q] = r[i] / d;
                for (int a = 0; a < k; a++) {
                    jw[q][a] = j[i][a] / d;
                }
                q++;
            }
        }
        double[] c = ResidualNoise.correlation(ts, z, jw);
        if (c[0] + c[2] == 0) {
            c = ResidualNoise.singleCorrelation(ts, z, jw);
        }
        return new ResidualNoise(noise.a(), noise.c(), noise.b(), c[0], c[1], c[2], c[3]);
    }

    static CorrelatedCovariance of(ResidualNoise noise, double[] t, double[][] j, double[] e, double rss) {
        int n = t.length;
        int k = j[0].length;
        double[] d = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = noise.shape(e[i]);
            d[i] = Math.sqrt(w[i]);
        }
        RealMatrix bInv = inverse(gram(j, null, null, null));
        if (bInv == null) {
            return null;
        }
        RealMatrix c = new Array2DRowRealMatrix(gram(j, d, t, noise), false);
        RealMatrix bc = bInv.multiply(c);
        double trV = 0;
        for (double wi : w) {
            trV += wi;
        }
        double trResid = trV - bc.getTrace();
        if (!(trResid > 0) || !(rss > 0)) {
            return null;
        }
        double s2 = rss / trResid;
        double[][] cov = bc.multiply(bInv).scalarMultiply(s2).getData();
        for (int a = 0; a < k; a++) {
            if (!(cov[a][a] >= 0) || !Double.isFinite(cov[a][a])) {
                return null;
            }
        }
        double trV2 = noise.squaredCorrelationForm(w, t);
        double dof = Math.max(1, trV * trV / trV2 - k);
        return new CorrelatedCovariance(cov, dof, noise, n);
    }

    /**
     * The weighted fit's sandwich {@code s²·A⁻¹ M A⁻¹}, {@code A = JᵀQJ}, {@code M = Jᵀ Q V₀ Q J}, with
     * {@code s² = rss / tr((I − H) V₀ (I − H)ᵀ)}, the trace being
     * {@code tr V₀ − 2·tr(A⁻¹ JᵀQV₀J) + tr(A⁻¹ M A⁻¹ JᵀJ)}, and ν as unweighted.
     *
     * @param q the fit's weights, one per sample
     */
    static CorrelatedCovariance weighted(ResidualNoise noise, double[] t, double[][] j, double[] e, double rss,
                                         double[] q) {
        int n = t.length;
        int k = j[0].length;
        double[] d = new double[n];
        double[] w = new double[n];
        double[][] qj = new double[n][k];
        double trV = 0;
        for (int i = 0; i < n; i++) {
            w[i] = noise.shape(e[i]);
            d[i] = Math.sqrt(w[i]);
            trV += w[i];
            if (!(q[i] >= 0) || !Double.isFinite(q[i])) {
                return null;
            }
            for (int a = 0; a < k; a++) {
                qj[i][a] = q[i] * j[i][a];
            }
        }
        RealMatrix aInv = inverse(symmetric(cross(qj, j, null, null, null)));
        if (aInv == null) {
            return null;
        }
        RealMatrix am = aInv.multiply(new Array2DRowRealMatrix(gram(qj, d, t, noise), false)).multiply(aInv);
        double trHv = aInv.multiply(new Array2DRowRealMatrix(cross(qj, j, d, t, noise), false)).getTrace();
        double trHvh = am.multiply(new Array2DRowRealMatrix(gram(j, null, null, null), false)).getTrace();
        double trResid = trV - 2 * trHv + trHvh;
        if (!(trResid > 0) || !(rss > 0)) {
            return null;
        }
        double[][] cov = symmetric(am.scalarMultiply(rss / trResid).getData());
        for (int a = 0; a < k; a++) {
            if (!(cov[a][a] >= 0) || !Double.isFinite(cov[a][a])) {
                return null;
            }
        }
        double dof = Math.max(1, trV * trV / noise.squaredCorrelationForm(w, t) - k);
        return new CorrelatedCovariance(cov, dof, noise, n);
    }

    /**
     * @return {@code Uᵀ D R D J} (or {@code UᵀJ} when {@code d == null}), R the noise's correlation matrix
     */
    static double[][] cross(double[][] u, double[][] j, double[] d, double[] t, ResidualNoise noise) {
        int n = j.length;
        int k = j[0].length;
        double[][] g = new double[k][k];
        double[] v = new double[n];
        for (int b = 0; b < k; b++) {
            for (int i = 0; i < n; i++) {
                v[i] = d == null ? j[i][b] : d[i] * j[i][b];
            }
            double[] rv = d == null ? v : noise.correlationTimes(v, t);
            for (int a = 0; a < k; a++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += (d == null ? u[i][a] : d[i] * u[i][a]) * rv[i];
                }
                g[a][b] = s;
            }
        }
        return g;
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

    /**
     * @return {@code Jᵀ D R D J} (or {@code JᵀJ} when {@code d == null}), R the noise's correlation matrix
     */
    static double[][] gram(double[][] j, double[] d, double[] t, ResidualNoise noise) {
        int n = j.length;
        int k = j[0].length;
        double[][] g = new double[k][k];
        double[] u = new double[n];
        for (int b = 0; b < k; b++) {
            for (int i = 0; i < n; i++) {
                u[i] = d == null ? j[i][b] : d[i] * j[i][b];
            }
            double[] ru = d == null ? u : noise.correlationTimes(u, t);
            for (int a = 0; a < k; a++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += (d == null ? j[i][a] : d[i] * j[i][a]) * ru[i];
                }
                g[a][b] = s;
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                double m = 0.5 * (g[a][b] + g[b][a]);
                g[a][b] = m;
                g[b][a] = m;
            }
        }
        return g;
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
