package org.ceusperfusion.model;

import java.util.List;

/**
 * The lognormal bolus whose onset is spread evenly over a window: the mean curve of a region whose pixels
 * each follow the same lognormal but start at times spread uniformly over {@code [t0, t0 + W]}
 * (perfusion-reference.md §8, per-pixel onset heterogeneity):
 * <pre>
 *   f(t) = O + (A / W) · [F(t − t0) − F(t − t0 − W)],   F(τ) = Φ((ln τ − μ) / σ) for τ &gt; 0, 0 otherwise,
 * </pre>
 * the lognormal of {@link LognormalModel} convolved with the uniform onset distribution. Parameter vector
 * {@code [O, A, mu, sigma, t0, W]}: baseline (a.u.), area (a.u.·s), μ and σ of the pixels' lognormal, the
 * earliest onset t0 (s from the first frame) and the width W of the onset window (s, ≥ {@link #W_MIN}; as
 * W → 0 the curve is the lognormal).
 *
 * <p>Closed forms: AUC = A; mTT (from the earliest onset t0) = e^(μ+σ²/2) + W/2. TTP is the root of
 * {@code g(τ) = g(τ − W)} (g the lognormal density), found by bisection to full precision; PE follows from it.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * BolusModel m = new LognormalSpreadModel();
 * double[] p = {0, 100, Math.log(20), 0.6, 5, 8};
 * double mtt = m.meanTransitTimeS(p);   // 27.9442 s: the lognormal's 23.9442 s plus half the window
 * }</pre>
 */
public final class LognormalSpreadModel implements BolusModel {

    /** Index of the baseline O. */
    public static final int O = 0;
    /** Index of the area A. */
    public static final int A = 1;
    /** Index of μ. */
    public static final int MU = 2;
    /** Index of σ. */
    public static final int SIGMA = 3;
    /** Index of the earliest onset t0. */
    public static final int T0 = 4;
    /** Index of the onset window's width W. */
    public static final int W = 5;

    /** Narrowest onset window accepted by the fit, s (the curve is then the lognormal within 1e-5). */
    public static final double W_MIN = 0.01;

    private static final List<String> NAMES = List.of("O", "A", "mu", "sigma", "t0", "W");
    private static final LognormalModel LOGNORMAL = new LognormalModel();

    /** @return {@code lognormal}: the lognormal's extension for a region (as a recirculation term is), not a model of its own */
    @Override
    public String name() {
        return "lognormal";
    }

    @Override
    public List<String> parameterNames() {
        return NAMES;
    }

    @Override
    public double value(double t, double[] p) {
        double tau = t - p[T0];
        if (tau <= 0) {
            return p[O];
        }
        return p[O] + p[A] * windowMass(tau, p) / p[W];
    }

    @Override
    public void gradient(double t, double[] p, double[] out) {
        valueAndGradient(t, p, out);
    }

    @Override
    public double valueAndGradient(double t, double[] p, double[] out) {
        double tau = t - p[T0];
        out[O] = 1.0;
        if (tau <= 0) {
            for (int k = 1; k < out.length; k++) {
                out[k] = 0;
            }
            return p[O];
        }
        double s = p[SIGMA];
        double w = p[W];
        double aw = p[A] / w;
        double h = windowMass(tau, p) / w;
        double z1 = (Math.log(tau) - p[MU]) / s;
        double phi1 = StandardNormal.density(z1);
        double late = tau - w;
        double z2 = late > 0 ? (Math.log(late) - p[MU]) / s : 0;
        double phi2 = late > 0 ? StandardNormal.density(z2) : 0;
        double g1 = phi1 / (s * tau);
        double g2 = late > 0 ? phi2 / (s * late) : 0;
        out[A] = h;
        out[MU] = aw * (phi2 - phi1) / s;
        out[SIGMA] = aw * (phi2 * z2 - phi1 * z1) / s;
        out[T0] = aw * (g2 - g1);
        out[W] = aw * (g2 - h);
        return p[O] + p[A] * h;
    }

    /** {@code F(τ) − F(τ − W)}, from the upper tails where both lie above the median (no cancellation). */
    private static double windowMass(double tau, double[] p) {
        double s = p[SIGMA];
        double late = tau - p[W];
        double z1 = (Math.log(tau) - p[MU]) / s;
        if (!(late > 0)) {
            return StandardNormal.cdf(z1);
        }
        double z2 = (Math.log(late) - p[MU]) / s;
        if (z2 > 0) {
            return StandardNormal.upperTail(z2) - StandardNormal.upperTail(z1);
        }
        return StandardNormal.cdf(z1) - StandardNormal.cdf(z2);
    }

    /** {@code f = O + A·h(t; shape)}: true. */
    @Override
    public boolean linearInBaselineAndAmplitude() {
        return true;
    }

    /**
     * The lognormal's start with a window of a quarter of its rise time, centred where the lognormal's onset
     * was (the window's centre is what the data fix first).
     */
    @Override
    public double[] initialGuess(double[] t, double[] y) {
        double[] ln = LOGNORMAL.initialGuess(t, y);
        return ln == null ? null : fromLognormal(ln, 0.25, t[0]);
    }

    /**
     * Windows of 0, a half and one rise time of the lognormal that {@code start} implies, each centred on its
     * onset.
     */
    @Override
    public List<double[]> alternativeStarts(double[] start, double[] t, double[] y) {
        double[] ln = {start[O], start[A], start[MU], start[SIGMA], start[T0] + start[W] / 2};
        return List.of(fromLognormal(ln, 0, t[0]), fromLognormal(ln, 0.5, t[0]), fromLognormal(ln, 1.0, t[0]));
    }

    /**
     * @param lognormal    a {@link LognormalModel} parameter vector
     * @param riseFraction the window's width as a fraction of the lognormal's rise time (TTP − t0)
     * @param firstS       the first sample time, s (the window does not start before it)
     * @return this model's parameters: the same pixel lognormal, onset window of that width centred on the
     *         lognormal's onset
     */
    public static double[] fromLognormal(double[] lognormal, double riseFraction, double firstS) {
        double rise = LOGNORMAL.timeToPeakS(lognormal) - lognormal[LognormalModel.T0];
        double w = Math.max(W_MIN, riseFraction * rise);
        double t0 = Math.max(firstS, lognormal[LognormalModel.T0] - w / 2);
        return new double[] {lognormal[LognormalModel.O], lognormal[LognormalModel.A], lognormal[LognormalModel.MU],
            lognormal[LognormalModel.SIGMA], t0, w};
    }

    /**
     * @param lognormal    a {@link LognormalModel} parameter vector
     * @param riseFraction the window's width as a fraction of the lognormal's rise time (TTP − t0)
     * @return this model's parameters with the window starting at the lognormal's onset and a pixel lognormal
     *         σ × 0.7 whose mode comes half a window before the lognormal's, so that the peak stays about where
     *         the lognormal put it (a broad lognormal fitted to a spread curve starts where the earliest pixels do)
     */
    public static double[] startingAtOnset(double[] lognormal, double riseFraction) {
        double t0 = lognormal[LognormalModel.T0];
        double rise = LOGNORMAL.timeToPeakS(lognormal) - t0;
        double w = Math.max(W_MIN, riseFraction * rise);
        double sigma = Math.max(LognormalModel.SIGMA_MIN, 0.7 * lognormal[LognormalModel.SIGMA]);
        double mode = Math.max(rise - w / 2, 0.1 * rise);
        return new double[] {lognormal[LognormalModel.O], lognormal[LognormalModel.A], Math.log(mode) + sigma * sigma,
            sigma, t0, w};
    }

    /** Lower bounds: the lognormal's, and W ≥ {@link #W_MIN}. */
    @Override
    public double[] lowerBounds(double[] t, double[] y) {
        return withWindow(LOGNORMAL.lowerBounds(t, y), W_MIN);
    }

    /** Upper bounds: the lognormal's, and W ≤ the sampled span. */
    @Override
    public double[] upperBounds(double[] t, double[] y) {
        return withWindow(LOGNORMAL.upperBounds(t, y), ModelBounds.span(t));
    }

    private static double[] withWindow(double[] lognormalBounds, double w) {
        double[] b = java.util.Arrays.copyOf(lognormalBounds, 6);
        b[W] = w;
        return b;
    }

    @Override
    public double baseline(double[] p) {
        return p[O];
    }

    @Override
    public double onsetS(double[] p) {
        return p[T0];
    }

    @Override
    public double area(double[] p) {
        return p[A];
    }

    @Override
    public double meanTransitTimeS(double[] p) {
        return Math.exp(p[MU] + 0.5 * p[SIGMA] * p[SIGMA]) + p[W] / 2;
    }

    /** The root of {@code g(τ) = g(τ − W)} between the lognormal's mode and the mode + W, by bisection. */
    @Override
    public double timeToPeakS(double[] p) {
        double mode = Math.exp(p[MU] - p[SIGMA] * p[SIGMA]);
        double lo = mode;
        double hi = mode + p[W];
        if (!(hi > lo)) {
            return p[T0] + mode;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (lognormalDensity(mid, p) > lognormalDensity(mid - p[W], p)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return p[T0] + 0.5 * (lo + hi);
    }

    private static double lognormalDensity(double tau, double[] p) {
        if (!(tau > 0)) {
            return 0;
        }
        double z = (Math.log(tau) - p[MU]) / p[SIGMA];
        return StandardNormal.density(z) / (p[SIGMA] * tau);
    }

    @Override
    public double peakEnhancement(double[] p) {
        return value(timeToPeakS(p), p) - p[O];
    }

    @Override
    public String toString() {
        return name();
    }
}
