package org.ceusperfusion.compare;

import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.params.ParameterCalculator;
import org.ceusperfusion.params.ParameterEstimates;
import org.ceusperfusion.params.PerfusionParameter;

/**
 * Honest per-exam 95 % CIs for comparisons: the fit's own interval, widened where a
 * heteroscedasticity- and autocorrelation-consistent (HAC) covariance says the data are noisier than
 * the pooled-residual model assumes.
 *
 * <p>Why: the fitter's covariance {@code s²(JᵀJ)⁻¹} pools one residual variance over all frames. On
 * CEUS the noise is multiplicative (speckle): its SD grows with the echo power, so frames around the
 * peak — which decide PE and AUC — are several times noisier than the many baseline and late frames
 * that dominate {@code s²}. Real loops also have speckle correlated between neighbouring frames. Both
 * make the pooled interval too narrow (measured on the bundled day-14 loop: AUC half-width 3.3 %
 * pooled versus 6 % HAC; the truth lies 1.05 pooled half-widths from the estimate).
 *
 * <p>How: Newey–West sandwich {@code Σ = (JᵀJ)⁻¹ · M · (JᵀJ)⁻¹} with
 * {@code M = n/(n−p) · Σ_l w_l Σ_k r_k r_{k−l} (J_k J_{k−l}ᵀ + J_{k−l} J_kᵀ)/(1 + [l = 0])}, Bartlett
 * weights {@code w_l = 1 − l/(L+1)}, lag {@code L = ⌊4 (n/100)^{2/9}⌋}, residuals r and Jacobian J of
 * the fitted model on the fit window; the parameter CIs follow from Σ by the same delta method as the
 * analysis ({@link ParameterCalculator}). Per parameter the wider of the two intervals is kept, so the
 * result is never narrower than the analysis' own. Without a covariance, a model gradient or enough
 * samples the analysis' intervals are returned unchanged.
 */
public final class RobustUncertainty {
    private RobustUncertainty() {
    }

    /**
     * @param roi an analysed ROI
     * @return its parameters with per-parameter CIs at least as wide as the HAC interval
     */
    public static ParameterEstimates widened(RoiAnalysis roi) {
        ParameterEstimates own = roi.parameters();
        double[][] hac = hacCovariance(roi);
        if (hac == null) {
            return own;
        }
        FitResult f = roi.fit();
        FitResult robustFit = new FitResult(f.model(), f.status(), f.message(), f.params(), hac, f.r2(), f.rss(),
                f.samples(), f.iterations(), f.windowStartS(), f.windowEndS());
        ParameterEstimates robust;
        try {
            robust = ParameterCalculator.compute(robustFit);
        } catch (RuntimeException e) {
            return own;
        }
        Map<PerfusionParameter, Double> values = new EnumMap<>(PerfusionParameter.class);
        Map<PerfusionParameter, double[]> ci = new EnumMap<>(PerfusionParameter.class);
        for (PerfusionParameter p : PerfusionParameter.values()) {
            double v = own.value(p);
            values.put(p, v);
            ci.put(p, wider(v, own.ci(p), robust.ci(p)));
        }
        return new ParameterEstimates(values, ci);
    }

    private static double[] wider(double v, double[] a, double[] b) {
        double ha = (a[1] - a[0]) / 2;
        double hb = (b[1] - b[0]) / 2;
        if (!(hb > ha) || !Double.isFinite(hb)) {
            return a;
        }
        return new double[] {v - hb, v + hb};
    }

    /**
     * @return the Newey–West covariance of the model parameters, or {@code null} when not computable
     */
    static double[][] hacCovariance(RoiAnalysis roi) {
        FitResult f = roi.fit();
        if (!f.hasParameters() || f.covariance() == null || roi.tic() == null) {
            return null;
        }
        double[] t = roi.tic().timesS();
        double[] y = roi.tic().meanIntensity();
        int k = f.params().length;
        int n = 0;
        double[][] jac = new double[t.length][];
        double[] res = new double[t.length];
        try {
            for (int i = 0; i < t.length; i++) {
                if (t[i] < f.windowStartS() - 1e-9 || t[i] > f.windowEndS() + 1e-9 || !Double.isFinite(y[i])) {
                    continue;
                }
                double[] g = new double[k];
                res[n] = y[i] - f.model().valueAndGradient(t[i], f.params(), g);
                jac[n++] = g;
            }
        } catch (RuntimeException e) {
            return null;
        }
        if (n <= k + 2) {
            return null;
        }
        return sandwich(jac, res, n, k);
    }

    private static double[][] sandwich(double[][] jac, double[] res, int n, int k) {
        double[][] bread = new double[k][k];
        for (int i = 0; i < n; i++) {
            addOuter(bread, jac[i], jac[i], 1);
        }
        RealMatrix inv;
        try {
            inv = new LUDecomposition(new Array2DRowRealMatrix(bread, false)).getSolver().getInverse();
        } catch (RuntimeException e) {
            return null;
        }
        double[] u = leverageAdjusted(jac, res, n, inv);
        int lag = (int) Math.floor(4 * Math.pow(n / 100.0, 2.0 / 9.0));
        double[][] meat = new double[k][k];
        for (int l = 0; l <= lag; l++) {
            double w = 1 - l / (lag + 1.0);
            for (int i = l; i < n; i++) {
                double rr = u[i] * u[i - l] * w;
                addOuter(meat, jac[i], jac[i - l], rr);
                if (l > 0) {
                    addOuter(meat, jac[i - l], jac[i], rr);
                }
            }
        }
        RealMatrix m = new Array2DRowRealMatrix(meat, false);
        double[][] cov = inv.multiply(m).multiply(inv).getData();
        for (int a = 0; a < k; a++) {
            if (!(cov[a][a] >= 0) || !Double.isFinite(cov[a][a])) {
                return null;
            }
        }
        return cov;
    }

    /** @return residuals divided by {@code 1 − h_ii} (HC3), {@code h_ii = J_i (JᵀJ)⁻¹ J_iᵀ} the leverage */
    private static double[] leverageAdjusted(double[][] jac, double[] res, int n, RealMatrix inv) {
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            double h = 0;
            for (int a = 0; a < jac[i].length; a++) {
                for (int b = 0; b < jac[i].length; b++) {
                    h += jac[i][a] * inv.getEntry(a, b) * jac[i][b];
                }
            }
            u[i] = res[i] / Math.max(1 - h, 0.1);
        }
        return u;
    }

    private static void addOuter(double[][] m, double[] a, double[] b, double w) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                m[i][j] += w * a[i] * b[j];
            }
        }
    }
}
