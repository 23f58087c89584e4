package org.ceusperfusion.motion;

/**
 * Solves a symmetric positive (semi-)definite banded system by Cholesky factorisation. Package-private helper
 * of {@link KeyframeTracker}.
 */
final class BandCholesky {
    /** Added to a pivot that is not positive (an unknown without equations), relative to 1. */
    private static final double TINY = 1e-12;

    private BandCholesky() {
    }

    /**
     * @param band {@code band[i][p − (i − j)] = A[i][j]} for {@code j = i − p .. i} (lower band, row-major);
     *             overwritten by the factor
     * @param b    right-hand side; overwritten
     * @param p    half bandwidth
     * @return the solution x of A x = b (0 for an unknown whose pivot vanishes)
     */
    static double[] solve(double[][] band, double[] b, int p) {
        int m = b.length;
        for (int i = 0; i < m; i++) {
            for (int j = Math.max(0, i - p); j <= i; j++) {
                double s = band[i][p - (i - j)];
                for (int k = Math.max(0, i - p); k < j; k++) {
                    s -= band[i][p - (i - k)] * band[j][p - (j - k)];
                }
                if (j == i) {
                    band[i][p] = s > TINY ? Math.sqrt(s) : Double.POSITIVE_INFINITY;
                } else {
                    band[i][p - (i - j)] = s / band[j][p];
                }
            }
        }
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double s = b[i];
            for (int k = Math.max(0, i - p); k < i; k++) {
                s -= band[i][p - (i - k)] * y[k];
            }
            y[i] = s / band[i][p];
        }
        for (int i = m - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k <= Math.min(m - 1, i + p); k++) {
                s -= band[k][p - (k - i)] * y[k];
            }
            y[i] = s / band[i][p];
        }
        return y;
    }
}
