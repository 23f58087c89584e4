package org.ceusperfusion.params;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.LevenbergMarquardtFitter;
import org.ceusperfusion.model.BolusModel;

/**
 * Seeded block wild bootstrap 95 % intervals for every perfusion parameter — an option beside the default
 * {@link Intervals} (same frames, same noise model).
 *
 * <p>On exactly the fitted frames, the residuals {@code r_i = y_i − f(t_i)} are inflated by
 * {@code √(n/(n − p))}; each of B replicates multiplies them block by block by random signs (blocks of
 * consecutive frames spanning {@code 2·τ} seconds, τ the noise correlation time {@link StructuredNoise}
 * estimates from the same residuals, at least one frame), adds them to the fitted curve, refits from the
 * fitted parameters on the same window (no alternative starts; a weighted fit's replicates are weighted the
 * same way, {@link FitResult#weighting()}, their weights re-estimated from each replicate) and computes every
 * parameter. Signs per
 * block keep each frame's own variance (speckle is multiplicative) and the correlation inside a block;
 * independent draws per frame would not. The interval is the 2.5 % and 97.5 % percentiles of the
 * replicates that fitted (QOF from their R²). The point values stay those of the original fit. Results
 * are identical for the same fit, data and seed.
 *
 * <pre>{@code
 * FitResult fit = new LevenbergMarquardtFitter().fit(model, t, y);
 * ParameterEstimates e = BootstrapCi.compute(fit, t, y, BootstrapCi.DEFAULT_REPLICATES, 42L);
 * }</pre>
 */
public final class BootstrapCi {

    /** Default number of bootstrap replicates. */
    public static final int DEFAULT_REPLICATES = 200;

    private static final PerfusionParameter[] ALL = PerfusionParameter.values();

    private BootstrapCi() {
    }

    /**
     * @param fit        a fit of {@code values} at {@code timesS} (its window and parameters are used)
     * @param timesS     the curve's times, s (the same arrays that were fitted)
     * @param values     the curve's intensities
     * @param replicates B ≥ 20
     * @param seed       random seed
     * @return point values of the fit with bootstrap percentile intervals; the delta-method estimates
     *         (NaN intervals) when the fit has no parameters
     * @throws IllegalArgumentException when the arrays differ in length or {@code replicates < 20}
     */
    public static ParameterEstimates compute(FitResult fit, double[] timesS, double[] values, int replicates,
                                             long seed) {
        if (timesS == null || values == null || timesS.length != values.length) {
            throw new IllegalArgumentException("times and values must be non-null arrays of equal length");
        }
        if (replicates < 20) {
            throw new IllegalArgumentException("bootstrap needs at least 20 replicates, got " + replicates);
        }
        ParameterEstimates point = ParameterCalculator.compute(fit);
        if (!fit.hasParameters()) {
            return point;
        }
        double[][] ty = Intervals.fittedSamples(fit, timesS, values);
        if (ty[0].length <= fit.params().length + 1) {
            return point;
        }
        double tau = noiseCorrelation(fit, ty[0], ty[1]);
        List<double[]> reps = replicate(fit, ty[0], ty[1], replicates, seed, 2 * tau);
        Map<PerfusionParameter, double[]> ci = new EnumMap<>(PerfusionParameter.class);
        for (PerfusionParameter q : ALL) {
            ci.put(q, percentiles(reps, q.ordinal()));
        }
        return new ParameterEstimates(point.values(), ci, new IntervalInfo(IntervalInfo.BLOCK_BOOTSTRAP,
                IntervalInfo.COVERS_FIT, Double.NaN, Double.NaN, tau, ty[0].length));
    }

    /** @see #compute(FitResult, double[], double[], int, long) with {@value #DEFAULT_REPLICATES} replicates */
    public static ParameterEstimates compute(FitResult fit, double[] timesS, double[] values, long seed) {
        return compute(fit, timesS, values, DEFAULT_REPLICATES, seed);
    }

    /** @return the effective correlation time of the residuals, s (0 when not estimable) */
    private static double noiseCorrelation(FitResult fit, double[] t, double[] y) {
        CorrelatedCovariance cc = Intervals.covariance(fit, t, y);
        return cc == null ? 0 : cc.noise().correlationTimeS();
    }

    /** @return per successful replicate, parameter values indexed by ordinal (QOF = 100·R²) */
    private static List<double[]> replicate(FitResult fit, double[] t, double[] y, int b, long seed,
                                          double blockS) {
        BolusModel model = fit.model();
        double[] p = fit.params();
        int n = t.length;
        double[] f = new double[n];
        double[] r = new double[n];
        double inflate = Math.sqrt(n / (double) (n - p.length));
        for (int i = 0; i < n; i++) {
            f[i] = model.value(t[i], p);
            r[i] = (y[i] - f[i]) * inflate;
        }
        LevenbergMarquardtFitter fitter = new LevenbergMarquardtFitter().withAlternativeStarts(false)
                .withWeighting(fit.weighting());
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] ys = new double[n];
        List<double[]> out = new ArrayList<>(b);
        for (int k = 0; k < b; k++) {
            double blockStart = Double.NEGATIVE_INFINITY;
            double sign = 1;
            double offset = rnd.nextDouble() * Math.max(blockS, 0);
            for (int i = 0; i < n; i++) {
                if (i == 0 || !(blockS > 0) || t[i] - blockStart >= blockS) {
                    blockStart = i == 0 || !(blockS > 0) ? t[i] - offset : blockStart + blockS * Math.floor((t[i] - blockStart) / blockS);
                    sign = rnd.nextBoolean() ? 1 : -1;
                }
                ys[i] = f[i] + sign * r[i];
            }
            FitResult rf = fitter.fit(model, t, ys, t[0], t[n - 1], p);
            if (rf.hasParameters()) {
                double[] v = ParameterCalculator.values(model, rf.params());
                v[PerfusionParameter.QOF.ordinal()] = 100 * rf.r2();
                out.add(v);
            }
        }
        return out;
    }

    /** @return the 2.5 % and 97.5 % percentiles (linear interpolation) of the finite replicate values */
    static double[] percentiles(List<double[]> reps, int q) {
        double[] v = reps.stream().mapToDouble(a -> a[q]).filter(Double::isFinite).sorted().toArray();
        if (v.length < 10) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {quantile(v, 0.025), quantile(v, 0.975)};
    }

    private static double quantile(double[] sorted, double prob) {
        double h = (sorted.length - 1) * prob;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
