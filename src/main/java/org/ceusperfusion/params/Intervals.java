package org.ceusperfusion.params;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.FitWeights;
import org.ceusperfusion.model.BolusModel;

/**
 * The one 95 % interval method of CEUS Perfusion: every front end (analyze, ImageJ, macros, batch, compare)
 * gets its single-exam intervals here.
 *
 * <p>From exactly the frames that were fitted (the finite samples given, inside the fit window), the
 * residual noise is modelled as the physics makes it ({@link StructuredNoise}: white noise, bubble speckle loaded
 * with the fitted enhancement and correlated over τ₁ seconds, a slow region gain loaded with the fitted signal,
 * estimated by REML); the parameter covariance is the sandwich of
 * {@link CorrelatedCovariance} (for a weighted fit, {@link FitResult#weights()}, the weighted sandwich of the
 * same noise model); every perfusion parameter's interval is the delta method of
 * {@link ParameterCalculator} with Student's t on that parameter's own degrees of freedom
 * ({@link CorrelatedCovariance#contrastDof()}, {@link ParameterEstimates#dof}). Parameters the fit
 * held fixed (zero variance in the fit's covariance, e.g. the flash time of a replenishment fit) stay
 * fixed. When the noise model cannot be built (too few samples, a singular design) the pooled
 * {@code s²(JᵀJ)⁻¹} intervals are returned and labelled {@link IntervalInfo#POOLED}.
 *
 * <pre>{@code
 * FitResult fit = new LevenbergMarquardtFitter().fit(model, t, y);
 * ParameterEstimates e = Intervals.compute(fit, t, y);
 * e.intervals().covers();   // what the interval covers, for the outputs
 * }</pre>
 */
public final class Intervals {

    private Intervals() {
    }

    /**
     * @param fit    a fit of {@code values} at {@code timesS}
     * @param timesS the times of the samples the fit was given, s (frames rejected before fitting excluded)
     * @param values their intensities
     * @return values and honest 95 % intervals with their {@link IntervalInfo}
     * @throws IllegalArgumentException when the arrays are {@code null} or differ in length
     */
    public static ParameterEstimates compute(FitResult fit, double[] timesS, double[] values) {
        if (timesS == null || values == null || timesS.length != values.length) {
            throw new IllegalArgumentException("times and values must be non-null arrays of equal length");
        }
        ParameterEstimates pooled = ParameterCalculator.compute(fit);
        if (!fit.hasParameters()) {
            return pooled;
        }
        double[][] ty = fittedSamples(fit, timesS, values);
        CorrelatedCovariance cc = covariance(fit, ty[0], ty[1]);
        if (cc == null) {
            return pooled.withIntervals(new IntervalInfo(IntervalInfo.POOLED, IntervalInfo.COVERS_POOLED,
                    fit.degreesOfFreedom(), ParameterCalculator.pooledQuantile(fit), Double.NaN, ty[0].length));
        }
        double tq = new TDistribution(cc.dof()).inverseCumulativeProbability(0.975);
        ParameterEstimates e = ParameterCalculator.compute(fit, cc.covariance(), cc.contrastDof(), cc.dof());
        return e.withIntervals(new IntervalInfo(IntervalInfo.CORRELATED, IntervalInfo.COVERS_FIT, cc.dof(), tq,
                cc.noise().correlationTimeS(), cc.samples()));
    }

    /** @return the correlated-noise covariance of the fit's free parameters, embedded in the full order; or null */
    static CorrelatedCovariance covariance(FitResult fit, double[] t, double[] y) {
        int[] free = freeParameters(fit);
        if (free.length == 0) {
            return null;
        }
        BolusModel m = fit.model();
        double[] p = fit.params();
        try {
            CorrelatedCovariance cc = CorrelatedCovariance.of(m, p, free, t, y, weights(fit, t, y));
            if (cc == null) {
                return null;
            }
            double[][] full = new double[p.length][p.length];
            for (int a = 0; a < free.length; a++) {
                for (int b = 0; b < free.length; b++) {
                    full[free[a]][free[b]] = cc.covariance()[a][b];
                }
            }
            CorrelatedCovariance.ContrastDof byFree = cc.contrastDof();
            return new CorrelatedCovariance(full, cc.dof(), cc.noise(), cc.samples(), contrasts -> {
                double[][] reduced = new double[contrasts.length][free.length];
                for (int q = 0; q < contrasts.length; q++) {
                    for (int a = 0; a < free.length; a++) {
                        reduced[q][a] = contrasts[q][free[a]];
                    }
                }
                return byFree.of(reduced);
            });
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * @return the weights a weighted fit minimised with, one per fitted sample {@code t}; {@code null} for an
     *         unweighted fit. When the samples given are not the ones fitted (their count differs), the weights are
     *         recomputed at the fitted parameters ({@link FitWeights#fittedVariance}).
     */
    static double[] weights(FitResult fit, double[] t, double[] y) {
        double[] w = fit.weights();
        if (w == null || w.length == t.length) {
            return w;
        }
        return FitWeights.fittedVariance(fit.model(), fit.params(), t, y);
    }

    /** @return indices of the parameters the fit estimated (all, unless its covariance holds some at 0) */
    static int[] freeParameters(FitResult fit) {
        double[][] c = fit.covariance();
        List<Integer> free = new ArrayList<>();
        for (int a = 0; a < fit.params().length; a++) {
            if (c == null || c[a][a] != 0) {
                free.add(a);
            }
        }
        return free.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * @return {@code {t, y}}: the finite samples inside the fit window, sorted by time — the frames the fit used
     */
    public static double[][] fittedSamples(FitResult fit, double[] t, double[] y) {
        Integer[] idx = new Integer[t.length];
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            if (Double.isFinite(t[i]) && Double.isFinite(y[i]) && t[i] >= fit.windowStartS()
                    && t[i] <= fit.windowEndS()) {
                idx[n++] = i;
            }
        }
        Integer[] keep = Arrays.copyOf(idx, n);
        Arrays.sort(keep, (a, b) -> Double.compare(t[a], t[b]));
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = t[keep[i]];
            out[1][i] = y[keep[i]];
        }
        return out;
    }
}
