package org.ceusperfusion.fit;

import java.util.Arrays;
import org.ceusperfusion.model.BolusModel;

/**
 * A bolus shape that many curves share approximately (e.g. the pixels of a block of tissue): the
 * nonlinear parameters of a reference fit (typically of the block's mean curve), the basis curve
 * {@code g(t) = f(t; O = 0, A = 1, shape)} on the first {@code samples} sample times, and the linear
 * least-squares fit of baseline O and amplitude A to any curve given that shape:
 * <pre>
 *   y_i ≈ O + A · g(t_i),   A = (n·Σg y − Σg·Σy) / (n·Σg² − (Σg)²),   O = (Σy − A·Σg) / n,
 *   SE(A) = √(s² · n / (n·Σg² − (Σg)²)),   s² = RSS / (n − 2).
 * </pre>
 * One pass over the curve, no allocation but the small result. Only for models that are
 * {@linkplain BolusModel#linearInBaselineAndAmplitude() linear in O and A}. Immutable and thread-safe.
 *
 * <pre>{@code
 * ReferenceShape s = ReferenceShape.of(model, timesS, blockFit.params(), timesS.length);
 * ReferenceShape.LinearFit lf = s.linearFit(pixelCurve);   // O, A and SE(A) of the pixel
 * double[] start = s.start(lf);                            // [O, A, shape...] to start an LM fit from
 * }</pre>
 */
public final class ReferenceShape {
    private final BolusModel model;
    private final double[] params;
    private final double[] times;
    private final double[] basis;
    private final double sumG;
    private final double det;

    /**
     * The fit of baseline and amplitude given the shape.
     *
     * @param baseline    O, a.u.
     * @param amplitude   A (the model's amplitude parameter, e.g. the lognormal's area), a.u.·s
     * @param amplitudeSe standard error of A from the residual variance (white-noise assumption)
     * @param rss         residual sum of squares of the linear fit
     */
    public record LinearFit(double baseline, double amplitude, double amplitudeSe, double rss) {
        /** @return {@code A / SE(A)}: how many standard errors the amplitude lies above 0 (NaN when SE is 0 and A is 0) */
        public double tStatistic() {
            return amplitude / amplitudeSe;
        }
    }

    private ReferenceShape(BolusModel model, double[] params, double[] times, double[] basis, double sumG,
                           double det) {
        this.model = model;
        this.params = params;
        this.times = times;
        this.basis = basis;
        this.sumG = sumG;
        this.det = det;
    }

    /**
     * @param model   a model linear in its first two parameters (baseline, amplitude)
     * @param timesS  sample times, s, increasing
     * @param params  reference parameters in the model's order (the first two are ignored)
     * @param samples how many leading samples the shape covers (the fit window), 3 ≤ samples ≤ times
     * @return the shape, or {@code null} when its basis is constant on those samples (no bolus in the
     *         window) or not finite
     * @throws IllegalArgumentException when the model is not linear in O and A, or the sizes are wrong
     */
    public static ReferenceShape of(BolusModel model, double[] timesS, double[] params, int samples) {
        if (!model.linearInBaselineAndAmplitude()) {
            throw new IllegalArgumentException("model " + model.name() + " is not linear in baseline and amplitude");
        }
        if (samples < 3 || samples > timesS.length || params.length != model.parameterNames().size()) {
            throw new IllegalArgumentException("need 3.." + timesS.length + " samples and "
                    + model.parameterNames().size() + " parameters, got " + samples + " and " + params.length);
        }
        double[] p = params.clone();
        p[0] = 0;
        p[1] = 1;
        double[] t = Arrays.copyOf(timesS, samples);
        double[] g = new double[samples];
        double sg = 0;
        double sgg = 0;
        for (int i = 0; i < samples; i++) {
            g[i] = model.value(t[i], p);
            sg += g[i];
            sgg += g[i] * g[i];
        }
        double det = samples * sgg - sg * sg;
        if (!(det > 1e-12 * samples * sgg) || !Double.isFinite(det)) {
            return null;
        }
        return new ReferenceShape(model, p, t, g, sg, det);
    }

    /** @return the model */
    public BolusModel model() {
        return model;
    }

    /** @return samples covered (the leading samples of every curve fitted with this shape) */
    public int samples() {
        return basis.length;
    }

    /** @return the sample times covered, s (do not modify) */
    double[] times() {
        return times;
    }

    /** @return the basis {@code g(t_i)} (a copy) */
    public double[] basis() {
        return basis.clone();
    }

    /** @return the reference parameters with O = 0 and A = 1 (a copy) */
    public double[] params() {
        return params.clone();
    }

    /**
     * The least-squares baseline and amplitude of {@code y} (its first {@link #samples()} values) given
     * the shape. Non-finite samples give a non-finite result.
     */
    public LinearFit linearFit(double[] y) {
        int n = basis.length;
        double sy = 0;
        double sgy = 0;
        for (int i = 0; i < n; i++) {
            sy += y[i];
            sgy += basis[i] * y[i];
        }
        double a = (n * sgy - sumG * sy) / det;
        double o = (sy - a * sumG) / n;
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - o - a * basis[i];
            rss += r * r;
        }
        double se = n > 2 ? Math.sqrt(rss / (n - 2) * n / det) : Double.NaN;
        return new LinearFit(o, a, se, rss);
    }

    /** @return a start point for a fit: the linear fit's O and A with the reference shape */
    public double[] start(LinearFit lf) {
        double[] p = params.clone();
        p[0] = lf.baseline();
        p[1] = lf.amplitude();
        return p;
    }
}
