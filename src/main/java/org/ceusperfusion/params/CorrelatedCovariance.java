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
 * <p>Two noise models, chosen by the system property {@code ceus.noise} (default {@code legacy}):
 * <ul>
 * <li>{@code legacy} ({@link ResidualNoise}): the correlation R is estimated twice by REML, on the whole fitted
 * loop and on the bolus window (the frames whose fitted enhancement is at least 20 % of its peak, standardised by
 * the whole loop's variance shape), and the estimate with the longer effective correlation time is used. Its
 * correlated share is one number for the whole loop, so it cannot be white at the baseline and correlated at the
 * peak; on a fast bolus (rise 3 s) it covers PE in 24–77 % at 1–10 frames/s.</li>
 * <li>{@code structured} ({@link StructuredNoise}): white noise, bubble speckle loaded with the enhancement and a
 * region gain loaded with the fitted signal, one REML on the whole fitted loop, no bolus window; ν is then the
 * exact Satterthwaite count of rᵀr (below). Measured in docs/intervals.md ("A physically
 * structured noise model"); not yet the default because the fast bolus without gain still covers PE / AUC
 * 0.895 / 0.870 at 2 frames/s and 0.91 / 0.855 with speckle correlated over 2 s (one curve of a bolus a few τ long
 * cannot fix the speckle time), and 8 of the interval tests fail in that mode.</li>
 * </ul>
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
 * unweighted sandwich above (the same values as before weights were added, to floating-point order: ~1e-15
 * relative).
 *
 * @param covariance parameter covariance, model order; {@code null} when not computable
 * @param dof        effective degrees of freedom ν (≥ 1)
 * @param noise      the noise covariance over the fitted frames
 * @param samples    samples used
 */
public record CorrelatedCovariance(double[][] covariance, double dof, NoiseCovariance noise, int samples) {

    /**
     * Which noise model estimates V: {@code structured} ({@link StructuredNoise}: white + speckle ∝ e + gain ∝ ŷ,
     * one REML on the whole fitted loop) or {@code legacy} ({@link ResidualNoise}: a variance shape times one
     * stationary correlation, estimated on the whole loop and on the bolus window, the longer kept). System property
     * {@code ceus.noise}, for measuring.
     */
    static final boolean STRUCTURED = !"legacy".equals(System.getProperty("ceus.noise", "legacy"));

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
        if (STRUCTURED) {
            return fromResiduals(t, r, e, f, j, rss, weights);
        }
        ResidualNoise noise = ResidualNoise.estimate(t, r, e, j);
        ResidualNoise bolus = bolusWindow ? bolusNoise(noise, t, r, e, j, BOLUS_FRACTION) : null;
        if (bolus != null && bolus.correlationTimeS() > noise.correlationTimeS()) {
            noise = bolus;
        }
        return sandwich(noise.covariance(t, e), j, weights, rss);
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
        if (!STRUCTURED) {
            return sandwich(ResidualNoise.estimate(t, r, e, j).covariance(t, e), j, weights, rss);
        }
        return sandwich(StructuredNoise.covariance(t, r, e, signal, j), j, weights, rss);
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

    /** @return {@code {tr(PV), tr((PV)²)}} of {@link #sandwich} (for tests) */
    static double[] residualTraces(NoiseCovariance v, double[][] j, double[] q) {
        double[][] out = new double[1][];
        sandwich(v, j, q, 1, out);
        return out[0];
    }

    /**
     * The sandwich {@code s²·A⁻¹ (Jᵀ Q V Q J) A⁻¹}, {@code A = JᵀQJ} (Q = I for an unweighted fit), with
     * {@code s² = rss / tr(P V)}, {@code P = (I − H)ᵀ(I − H)}, {@code H = J A⁻¹ JᵀQ} (the expectation of rᵀr under
     * V), and ν the Satterthwaite degrees of freedom of that rᵀr, {@code tr(PV)² / tr((PV)²)} (in the legacy mode, {@code (tr V)²/tr V² − p}). {@code I − P = Z C Zᵀ} with {@code Z = [J, QJA⁻¹]} and
     * {@code C = [[0, I], [I, −JᵀJ]]}, so every trace is O(n·p²) through products with V.
     *
     * @param q the fit's weights, one per sample, or null
     */
    static CorrelatedCovariance sandwich(NoiseCovariance v, double[][] j, double[] q, double rss) {
        return sandwich(v, j, q, rss, null);
    }

    private static CorrelatedCovariance sandwich(NoiseCovariance v, double[][] j, double[] q, double rss,
                                                 double[][] tracesOut) {
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
        if (aInv == null || !(rss > 0)) {
            return null;
        }
        double[][] ai = aInv.getData();
        // Z = [J, G], G = QJ·A⁻¹
        double[][] z = new double[n][2 * k];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                z[i][a] = j[i][a];
                double s = 0;
                for (int b = 0; b < k; b++) {
                    s += qj[i][b] * ai[b][a];
                }
                z[i][k + a] = s;
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
        double trV = v.trace();
        double trV2 = v.traceSquare();
        double trPv = trV - cz.getTrace();
        double trPvPv = trV2 - 2 * new Array2DRowRealMatrix(cm, false).multiply(
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
        double dof = STRUCTURED ? trPv * trPv / trPvPv : trV * trV / trV2 - k;
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
