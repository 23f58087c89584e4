package org.ceusperfusion.fit;

/**
 * In-place Cholesky factorisation of small symmetric positive-definite matrices stored row-major in
 * flat arrays. Allocation-free except {@link #inverse}.
 */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * Replaces the lower triangle of {@code a} (k×k, row-major) by L with {@code A = L·Lᵀ}.
     *
     * @return {@code false} when {@code a} is not numerically positive definite
     */
    static boolean decompose(double[] a, int k) {
        for (int j = 0; j < k; j++) {
            double d = a[j * k + j];
            for (int m = 0; m < j; m++) {
                d -= a[j * k + m] * a[j * k + m];
            }
            if (!(d > 0) || !Double.isFinite(d)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            a[j * k + j] = ljj;
            for (int i = j + 1; i < k; i++) {
                double s = a[i * k + j];
                for (int m = 0; m < j; m++) {
                    s -= a[i * k + m] * a[j * k + m];
                }
                a[i * k + j] = s / ljj;
            }
        }
        return true;
    }

    /** Solves {@code L·Lᵀ·x = b} with the factor from {@link #decompose}; {@code x} may alias {@code b}. */
    static void solve(double[] l, int k, double[] b, double[] x) {
        for (int i = 0; i < k; i++) {
            double s = b[i];
            for (int m = 0; m < i; m++) {
                s -= l[i * k + m] * x[m];
            }
            x[i] = s / l[i * k + i];
        }
        for (int i = k - 1; i >= 0; i--) {
            double s = x[i];
            for (int m = i + 1; m < k; m++) {
                s -= l[m * k + i] * x[m];
            }
            x[i] = s / l[i * k + i];
        }
    }

    /** @return {@code (L·Lᵀ)⁻¹} as a new k×k matrix */
    static double[][] inverse(double[] l, int k) {
        double[][] inv = new double[k][k];
        double[] e = new double[k];
        for (int c = 0; c < k; c++) {
            java.util.Arrays.fill(e, 0);
            e[c] = 1;
            solve(l, k, e, e);
            for (int r = 0; r < k; r++) {
                inv[r][c] = e[r];
            }
        }
        return inv;
    }
}
