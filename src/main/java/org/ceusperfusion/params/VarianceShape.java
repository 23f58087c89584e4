package org.ceusperfusion.params;

/**
 * How the variance of a fitted curve's residuals grows with the fitted enhancement e:
 * {@code w = a + c·e + b·e²} (a > 0, b, c ≥ 0), the best non-negative least-squares fit of the squared
 * residuals over every subset of the three terms. Additive noise (a), noise that grows with the number of
 * bubbles (c) and multiplicative speckle (b) are all representable. {@link StructuredNoise} starts its REML
 * search from it and falls back to it when REML cannot run.
 */
final class VarianceShape {

    private VarianceShape() {
    }

    /**
     * Non-negative least squares of {@code r²} on {@code [1, e, e²]} (e the fitted enhancement above
     * baseline), by enumerating the active sets of the three coefficients.
     *
     * @return {@code {a, c, b}} ≥ 0 with {@code a > 0} (a small floor keeps every frame's variance positive)
     */
    static double[] of(double[] res, double[] enh) {
        int n = res.length;
        double[][] x = new double[n][];
        double[] y = new double[n];
        double mean = 0;
        double emax = 0;
        for (int i = 0; i < n; i++) {
            emax = Math.max(emax, Math.abs(enh[i]));
        }
        double scale = emax > 0 ? emax : 1;
        for (int i = 0; i < n; i++) {
            double e = Math.max(enh[i], 0) / scale;
            x[i] = new double[] {1, e, e * e};
            y[i] = res[i] * res[i];
            mean += y[i] / n;
        }
        if (!(mean > 0)) {
            return new double[] {1, 0, 0};
        }
        double[] best = {mean, 0, 0};
        double bestSs = sumSquares(x, y, best);
        for (int mask = 1; mask < 8; mask++) {
            double[] c = restrictedLeastSquares(x, y, mask);
            if (c == null) {
                continue;
            }
            double ss = sumSquares(x, y, c);
            if (ss < bestSs) {
                bestSs = ss;
                best = c;
            }
        }
        double floor = 1e-3 * mean;
        return new double[] {Math.max(best[0], floor), best[1] / scale, best[2] / (scale * scale)};
    }

    /** @return least squares on the columns in {@code mask} (others 0), or null when a coefficient is negative */
    private static double[] restrictedLeastSquares(double[][] x, double[] y, int mask) {
        int[] cols = java.util.stream.IntStream.range(0, 3).filter(c -> (mask & (1 << c)) != 0).toArray();
        int m = cols.length;
        double[][] a = new double[m][m];
        double[] rhs = new double[m];
        for (int i = 0; i < y.length; i++) {
            for (int p = 0; p < m; p++) {
                rhs[p] += x[i][cols[p]] * y[i];
                for (int q = 0; q < m; q++) {
                    a[p][q] += x[i][cols[p]] * x[i][cols[q]];
                }
            }
        }
        double[] sol;
        try {
            var lu = new org.apache.commons.math3.linear.LUDecomposition(
                    new org.apache.commons.math3.linear.Array2DRowRealMatrix(a, false), 1e-13);
            if (!lu.getSolver().isNonSingular()) {
                return null;
            }
            sol = lu.getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(rhs, false)).toArray();
        } catch (RuntimeException e) {
            return null;
        }
        double[] c = new double[3];
        for (int p = 0; p < m; p++) {
            if (!(sol[p] >= 0)) {
                return null;
            }
            c[cols[p]] = sol[p];
        }
        return c;
    }

    private static double sumSquares(double[][] x, double[] y, double[] c) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double d = y[i] - c[0] - c[1] * x[i][1] - c[2] * x[i][2];
            s += d * d;
        }
        return s;
    }

}
