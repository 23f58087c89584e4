package org.ceusperfusion.params;

import java.util.ArrayList;
import java.util.List;

/**
 * A noise covariance over the fitted frames, {@code V = diag(white) + Σ_c D_c K_c D_c}, each correlated
 * component c an exponential kernel {@code K_c(k, l) = exp(−|t_k − t_l|/τ_c)} with loadings
 * {@code D_c = diag(load_c)} (its standard deviation per frame): the form of {@link StructuredNoise} (white noise,
 * bubble speckle loaded with the enhancement, region gain loaded with the fitted signal). Products
 * {@code V·u} and {@code tr V²} cost O(n) per component through the first-order recursion of the kernel, so
 * irregular frame times need nothing special.
 */
public final class NoiseCovariance {
    private final double[] t;
    private final double[] white;
    private final List<double[]> loads;
    private final List<Double> taus;

    /**
     * @param t     frame times, s, increasing
     * @param white white variance per frame (≥ 0)
     */
    NoiseCovariance(double[] t, double[] white) {
        this.t = t;
        this.white = white.clone();
        this.loads = new ArrayList<>();
        this.taus = new ArrayList<>();
    }

    /**
     * Adds a correlated component; a component with τ ≤ 0 is white and joins the diagonal.
     *
     * @param load standard deviation of the component per frame
     * @param tauS its correlation time, s
     * @return this
     */
    NoiseCovariance add(double[] load, double tauS) {
        if (!(tauS > 0)) {
            for (int i = 0; i < white.length; i++) {
                white[i] += load[i] * load[i];
            }
            return this;
        }
        loads.add(load.clone());
        taus.add(tauS);
        return this;
    }

    /** @return the covariance scaled by {@code w} (≥ 0), a new object (for Akaike averages) */
    NoiseCovariance scaled(double w) {
        double[] wh = white.clone();
        for (int i = 0; i < wh.length; i++) {
            wh[i] *= w;
        }
        NoiseCovariance out = new NoiseCovariance(t, wh);
        double s = Math.sqrt(w);
        for (int c = 0; c < loads.size(); c++) {
            double[] l = loads.get(c).clone();
            for (int i = 0; i < l.length; i++) {
                l[i] *= s;
            }
            out.add(l, taus.get(c));
        }
        return out;
    }

    /** @return the sum of this and {@code o} (same frames), a new object */
    NoiseCovariance plus(NoiseCovariance o) {
        double[] wh = white.clone();
        for (int i = 0; i < wh.length; i++) {
            wh[i] += o.white[i];
        }
        NoiseCovariance out = new NoiseCovariance(t, wh);
        for (int c = 0; c < loads.size(); c++) {
            out.add(loads.get(c), taus.get(c));
        }
        for (int c = 0; c < o.loads.size(); c++) {
            out.add(o.loads.get(c), o.taus.get(c));
        }
        return out;
    }

    /** @return {@code V·u} */
    double[] times(double[] u) {
        int n = u.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = white[i] * u[i];
        }
        double[] v = new double[n];
        for (int c = 0; c < loads.size(); c++) {
            double[] l = loads.get(c);
            for (int i = 0; i < n; i++) {
                v[i] = l[i] * u[i];
            }
            double[] kv = kernelTimes(v, t, taus.get(c));
            for (int i = 0; i < n; i++) {
                out[i] += l[i] * kv[i];
            }
        }
        return out;
    }

    /** @return {@code tr V}, the summed variance of the frames */
    double trace() {
        double s = 0;
        for (int i = 0; i < white.length; i++) {
            s += white[i];
        }
        for (double[] l : loads) {
            for (double x : l) {
                s += x * x;
            }
        }
        return s;
    }

    /** @return {@code tr V² = Σ_kl V_kl²}, O(n) per pair of components */
    double traceSquare() {
        int n = white.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += white[i] * white[i];
        }
        double[] u = new double[n];
        for (int c = 0; c < loads.size(); c++) {
            double[] lc = loads.get(c);
            for (int i = 0; i < n; i++) {
                s += 2 * white[i] * lc[i] * lc[i];
            }
            for (int d = 0; d <= c; d++) {
                double[] ld = loads.get(d);
                double tc = taus.get(c);
                double td = taus.get(d);
                for (int i = 0; i < n; i++) {
                    u[i] = lc[i] * ld[i];
                }
                double[] ku = kernelTimes(u, t, tc * td / (tc + td));
                double f = 0;
                for (int i = 0; i < n; i++) {
                    f += u[i] * ku[i];
                }
                s += (c == d ? 1 : 2) * f;
            }
        }
        return s;
    }

    /**
     * @return the effective correlation time, s: each correlated component's τ weighted by its share of the summed
     *         variance {@code tr V} (0 for white noise)
     */
    double correlationTimeS() {
        double tr = trace();
        if (!(tr > 0)) {
            return 0;
        }
        double s = 0;
        for (int c = 0; c < loads.size(); c++) {
            double v = 0;
            for (double x : loads.get(c)) {
                v += x * x;
            }
            s += taus.get(c) * v / tr;
        }
        return s;
    }

    /** @return {@code K·u} with {@code K_kl = exp(−|t_k − t_l|/tau)} (identity for tau ≤ 0), O(n) */
    static double[] kernelTimes(double[] u, double[] t, double tau) {
        int n = u.length;
        if (!(tau > 0)) {
            return u.clone();
        }
        double[] decay = new double[n];
        double lastDt = Double.NaN;
        double f = 0;
        for (int i = 1; i < n; i++) {
            double dt = t[i] - t[i - 1];
            if (dt != lastDt) { // equally spaced frames: one exp
                f = Math.exp(-dt / tau);
                lastDt = dt;
            }
            decay[i] = f;
        }
        double[] fw = new double[n];
        double[] out = new double[n];
        fw[0] = u[0];
        for (int i = 1; i < n; i++) {
            fw[i] = u[i] + decay[i] * fw[i - 1];
        }
        double bw = u[n - 1];
        out[n - 1] = fw[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            bw = u[i] + decay[i + 1] * bw;
            out[i] = fw[i] + bw - u[i];
        }
        return out;
    }

}
