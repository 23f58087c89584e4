package org.ceusperfusion.params;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The difference between the mean levels of two short windows of one curve (before and after a destruction
 * flash) with a 95 % interval from the same noise model as every other interval of the program
 * ({@link StructuredNoise}: white noise, speckle growing with the level above the lower window, a slow gain on the
 * whole level, estimated by REML) and the sandwich covariance of {@link CorrelatedCovariance}. The interval
 * uses Student's t on the difference's own degrees of freedom ({@link CorrelatedCovariance#contrastDof()}); callers
 * may prefer the standard error itself when a slow drift makes those degrees of freedom collapse.
 *
 * <p>The noise is learnt on longer stretches than the two windows, so that a slow drift (gain, out-of-plane
 * motion: correlation times of several seconds, longer than a window) is seen: each sample belongs to
 * {@link #FIRST} or {@link #SECOND} (the windows whose means are differenced), to {@link #FIRST_CONTEXT} (more
 * samples on the first side, modelled by their own level and slope, e.g. the end of the wash-in) or to
 * {@link #SECOND_CONTEXT} (more samples on the second side, their own level), or is left out ({@code -1}).
 * The window means are the least-squares levels of their own samples, so the context changes only the interval.
 */
public final class LevelDifference {
    /** The first window. */
    public static final int FIRST = 0;
    /** Context on the first side: own level and slope. */
    public static final int FIRST_CONTEXT = 1;
    /** The second window. */
    public static final int SECOND = 2;
    /** Context on the second side: own level. */
    public static final int SECOND_CONTEXT = 3;

    private LevelDifference() {
    }

    /**
     * The estimate.
     *
     * @param before     mean of the first window, a.u.
     * @param after      mean of the second window, a.u.
     * @param difference {@code before − after}, a.u.
     * @param se         its standard error, a.u. (NaN when the noise model could not be built)
     * @param dof        effective degrees of freedom (NaN likewise)
     * @param ci95       {@code {lo, hi}}, a.u. (NaN likewise)
     */
    public record Estimate(double before, double after, double difference, double se, double dof, double[] ci95) {
    }

    /**
     * @param t     sample times, s, increasing
     * @param y     sample values
     * @param group per sample: {@link #FIRST}, {@link #FIRST_CONTEXT}, {@link #SECOND}, {@link #SECOND_CONTEXT}
     *              or −1 (not used); non-finite values are not used
     * @return the estimate; its interval is NaN when a window has fewer than 2 samples or the noise model fails
     */
    public static Estimate of(double[] t, double[] y, int[] group) {
        int[] idx = java.util.stream.IntStream.range(0, t.length)
                .filter(i -> group[i] >= 0 && group[i] <= 3 && Double.isFinite(y[i])).toArray();
        double[] sum = new double[4];
        int[] count = new int[4];
        for (int i : idx) {
            sum[group[i]] += y[i];
            count[group[i]]++;
        }
        double mb = sum[FIRST] / count[FIRST];
        double ma = sum[SECOND] / count[SECOND];
        double[] none = {Double.NaN, Double.NaN};
        if (count[FIRST] < 2 || count[SECOND] < 2) {
            return new Estimate(mb, ma, mb - ma, Double.NaN, Double.NaN, none);
        }
        double[][] design = design(t, group, idx, count);
        double[] fitted = leastSquares(design, y, idx, group);
        int n = idx.length;
        double[] tt = new double[n];
        double[] r = new double[n];
        double[] e = new double[n];
        double low = Math.min(mb, ma);
        double rss = 0;
        for (int k = 0; k < n; k++) {
            tt[k] = t[idx[k]];
            r[k] = y[idx[k]] - fitted[k];
            e[k] = fitted[k] - low;
            rss += r[k] * r[k];
        }
        CorrelatedCovariance cc = CorrelatedCovariance.fromResiduals(tt, r, e, fitted, design, rss, null);
        if (cc == null) {
            return new Estimate(mb, ma, mb - ma, Double.NaN, Double.NaN, none);
        }
        double[][] c = cc.covariance();
        double se = Math.sqrt(Math.max(0, c[0][0] + c[1][1] - 2 * c[0][1]));
        double[] contrast = new double[c.length];
        contrast[0] = 1;
        contrast[1] = -1;
        double own = cc.contrastDof().of(new double[][] {contrast})[0];
        double dof = Math.max(1, Double.isFinite(own) ? own : cc.dof());
        double tq = new TDistribution(dof).inverseCumulativeProbability(0.975);
        double diff = mb - ma;
        return new Estimate(mb, ma, diff, se, dof, new double[] {diff - tq * se, diff + tq * se});
    }

    /**
     * Columns: first-window level, second-window level, then for each context present its level (and for the
     * first side's context a slope about its mean time).
     */
    private static double[][] design(double[] t, int[] group, int[] idx, int[] count) {
        double tc = 0;
        for (int i : idx) {
            tc += group[i] == FIRST_CONTEXT ? t[i] / count[FIRST_CONTEXT] : 0;
        }
        boolean slope = count[FIRST_CONTEXT] >= 3;
        int cols = 2 + (count[FIRST_CONTEXT] > 0 ? 1 : 0) + (slope ? 1 : 0) + (count[SECOND_CONTEXT] > 0 ? 1 : 0);
        double[][] j = new double[idx.length][cols];
        int firstCtx = 2;
        int firstSlope = firstCtx + (count[FIRST_CONTEXT] > 0 ? 1 : 0);
        int secondCtx = firstSlope + (slope ? 1 : 0);
        for (int k = 0; k < idx.length; k++) {
            int g = group[idx[k]];
            switch (g) {
                case FIRST -> j[k][0] = 1;
                case SECOND -> j[k][1] = 1;
                case FIRST_CONTEXT -> {
                    j[k][firstCtx] = 1;
                    if (slope) {
                        j[k][firstSlope] = t[idx[k]] - tc;
                    }
                }
                default -> j[k][secondCtx] = 1;
            }
        }
        return j;
    }

    /** @return the fitted values of the design's least-squares fit at the used samples */
    private static double[] leastSquares(double[][] j, double[] y, int[] idx, int[] group) {
        int n = idx.length;
        org.apache.commons.math3.linear.RealMatrix a = new org.apache.commons.math3.linear.Array2DRowRealMatrix(j, false);
        double[] yy = new double[n];
        for (int k = 0; k < n; k++) {
            yy[k] = y[idx[k]];
        }
        var solver = new org.apache.commons.math3.linear.QRDecomposition(a).getSolver();
        double[] beta = solver.solve(new org.apache.commons.math3.linear.ArrayRealVector(yy, false)).toArray();
        return a.operate(beta);
    }
}
