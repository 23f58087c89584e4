package org.ceusperfusion.fit;

/**
 * The normal equations of a five-parameter least-squares problem at one point: JᵀJ (lower triangle), Jᵀr
 * and the RSS from the model's values and gradients at every sample, the fast solver's inner loop
 * ({@link LmSolver}). Package-private, stateless.
 */
final class NormalEquations5 {

    private NormalEquations5() {
    }

    /**
     * Five parameters, unrolled with the sums in locals.
     *
     * @param y         the data, first {@code n} samples used
     * @param values    the model's values
     * @param gradients the model's gradients, five per sample ({@code gradients[5i + a]})
     * @param n         samples
     * @param m         receives the lower triangle of JᵀJ (row-major 5 × 5)
     * @param v         receives Jᵀr, {@code r = y − values}
     * @return the RSS, {@code +∞} when it is NaN
     */
    static double general(double[] y, double[] values, double[] gradients, int n, double[] m, double[] v) {
        double rss = 0;
        double v0 = 0, v1 = 0, v2 = 0, v3 = 0, v4 = 0;
        double m00 = 0, m10 = 0, m11 = 0, m20 = 0, m21 = 0, m22 = 0, m30 = 0, m31 = 0, m32 = 0, m33 = 0;
        double m40 = 0, m41 = 0, m42 = 0, m43 = 0, m44 = 0;
        double[] g = gradients;
        for (int i = 0; i < n; i++) {
            double r = y[i] - values[i];
            rss += r * r;
            int off = 5 * i;
            double g0 = g[off];
            double g1 = g[off + 1];
            double g2 = g[off + 2];
            double g3 = g[off + 3];
            double g4 = g[off + 4];
            v0 += g0 * r;
            v1 += g1 * r;
            v2 += g2 * r;
            v3 += g3 * r;
            v4 += g4 * r;
            m00 += g0 * g0;
            m10 += g1 * g0;
            m11 += g1 * g1;
            m20 += g2 * g0;
            m21 += g2 * g1;
            m22 += g2 * g2;
            m30 += g3 * g0;
            m31 += g3 * g1;
            m32 += g3 * g2;
            m33 += g3 * g3;
            m40 += g4 * g0;
            m41 += g4 * g1;
            m42 += g4 * g2;
            m43 += g4 * g3;
            m44 += g4 * g4;
        }
        return store(m, v, rss, v0, v1, v2, v3, v4, m00, m10, m11, m20, m21, m22, m30, m31, m32, m33, m40, m41,
                m42, m43, m44);
    }

    /**
     * {@link #general} when the first gradient component is 1 at every sample (an additive baseline,
     * {@link org.ceusperfusion.model.BolusModel#linearInBaselineAndAmplitude}): the products with it are left
     * out, which gives the same bits ({@code x · 1 = x}) with a quarter fewer multiplications.
     */
    static double unitBaseline(double[] y, double[] values, double[] gradients, int n, double[] m, double[] v) {
        double rss = 0;
        double v0 = 0, v1 = 0, v2 = 0, v3 = 0, v4 = 0;
        double m10 = 0, m11 = 0, m20 = 0, m21 = 0, m22 = 0, m30 = 0, m31 = 0, m32 = 0, m33 = 0;
        double m40 = 0, m41 = 0, m42 = 0, m43 = 0, m44 = 0;
        double[] g = gradients;
        for (int i = 0; i < n; i++) {
            double r = y[i] - values[i];
            rss += r * r;
            int off = 5 * i;
            double g1 = g[off + 1];
            double g2 = g[off + 2];
            double g3 = g[off + 3];
            double g4 = g[off + 4];
            v0 += r;
            v1 += g1 * r;
            v2 += g2 * r;
            v3 += g3 * r;
            v4 += g4 * r;
            m10 += g1;
            m11 += g1 * g1;
            m20 += g2;
            m21 += g2 * g1;
            m22 += g2 * g2;
            m30 += g3;
            m31 += g3 * g1;
            m32 += g3 * g2;
            m33 += g3 * g3;
            m40 += g4;
            m41 += g4 * g1;
            m42 += g4 * g2;
            m43 += g4 * g3;
            m44 += g4 * g4;
        }
        return store(m, v, rss, v0, v1, v2, v3, v4, n, m10, m11, m20, m21, m22, m30, m31, m32, m33, m40, m41,
                m42, m43, m44);
    }

    /**
     * Writes the five sums of Jᵀr into {@code v} and the lower triangle of the 5×5 JᵀJ (row-major) into {@code m};
     * once per evaluation, so the call costs nothing beside the loops that form the sums.
     *
     * @return {@code rss}, or +∞ when it is NaN
     */
    static double store(double[] m, double[] v, double rss, double v0, double v1, double v2, double v3, double v4,
                        double m00, double m10, double m11, double m20, double m21, double m22, double m30,
                        double m31, double m32, double m33, double m40, double m41, double m42, double m43,
                        double m44) {
        v[0] = v0;
        v[1] = v1;
        v[2] = v2;
        v[3] = v3;
        v[4] = v4;
        m[0] = m00;
        m[5] = m10;
        m[6] = m11;
        m[10] = m20;
        m[11] = m21;
        m[12] = m22;
        m[15] = m30;
        m[16] = m31;
        m[17] = m32;
        m[18] = m33;
        m[20] = m40;
        m[21] = m41;
        m[22] = m42;
        m[23] = m43;
        m[24] = m44;
        return Double.isNaN(rss) ? Double.POSITIVE_INFINITY : rss;
    }
}
