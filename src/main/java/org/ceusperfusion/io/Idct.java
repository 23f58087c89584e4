package org.ceusperfusion.io;

/**
 * The 8×8 inverse DCT of a dequantised JPEG block in integer arithmetic: the Loeffler–Ligtenberg–Moschytz
 * flow graph (12 multiplications per 8-point transform) with constants scaled by 2^13, columns first with 2
 * extra bits of precision, then rows; level shift +128, rounding and clamping to 0..255 as in libjpeg's
 * default (slow integer) method, so pixels agree with the JDK decoder.
 */
final class Idct {
    private static final int CONST_BITS = 13;
    private static final int PASS1_BITS = 2;
    private static final int C_0_298631336 = 2446;
    private static final int C_0_390180644 = 3196;
    private static final int C_0_541196100 = 4433;
    private static final int C_0_765366865 = 6270;
    private static final int C_0_899976223 = 7373;
    private static final int C_1_175875602 = 9633;
    private static final int C_1_501321110 = 12299;
    private static final int C_1_847759065 = 15137;
    private static final int C_1_961570560 = 16069;
    private static final int C_2_053119869 = 16819;
    private static final int C_2_562915447 = 20995;
    private static final int C_3_072711026 = 25172;

    private Idct() {
    }

    /** @return {@code v} clamped to 0..255 */
    static float clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /**
     * @param in     64 dequantised coefficients in natural (row-major) order; left unchanged
     * @param work   64 ints of scratch space
     * @param out    the image, row-major, {@code width} wide
     * @param width  image width, pixels
     * @param height image height, pixels
     * @param x0     block's left column
     * @param y0     block's top row
     */
    static void inverse(int[] in, int[] work, float[] out, int width, int height, int x0, int y0) {
        for (int c = 0; c < 8; c++) {
            columns(in, work, c);
        }
        int rows = Math.min(8, height - y0);
        int cols = Math.min(8, width - x0);
        for (int r = 0; r < rows; r++) {
            row(work, r * 8, out, (y0 + r) * width + x0, cols);
        }
    }

    private static void columns(int[] in, int[] w, int c) {
        int i0 = in[c];
        int i1 = in[8 + c];
        int i2 = in[16 + c];
        int i3 = in[24 + c];
        int i4 = in[32 + c];
        int i5 = in[40 + c];
        int i6 = in[48 + c];
        int i7 = in[56 + c];
        if ((i1 | i2 | i3 | i4 | i5 | i6 | i7) == 0) {
            int dc = i0 << PASS1_BITS;
            for (int r = 0; r < 8; r++) {
                w[r * 8 + c] = dc;
            }
            return;
        }
        int z1 = (i2 + i6) * C_0_541196100;
        int t2 = z1 - i6 * C_1_847759065;
        int t3 = z1 + i2 * C_0_765366865;
        int t0 = (i0 + i4) << CONST_BITS;
        int t1 = (i0 - i4) << CONST_BITS;
        int e10 = t0 + t3;
        int e13 = t0 - t3;
        int e11 = t1 + t2;
        int e12 = t1 - t2;
        int z1o = i7 + i1;
        int z2o = i5 + i3;
        int z3o = i7 + i3;
        int z4o = i5 + i1;
        int z5 = (z3o + z4o) * C_1_175875602;
        z1o *= -C_0_899976223;
        z2o *= -C_2_562915447;
        z3o = z3o * -C_1_961570560 + z5;
        z4o = z4o * -C_0_390180644 + z5;
        int o0 = i7 * C_0_298631336 + z1o + z3o;
        int o1 = i5 * C_2_053119869 + z2o + z4o;
        int o2 = i3 * C_3_072711026 + z2o + z3o;
        int o3 = i1 * C_1_501321110 + z1o + z4o;
        final int shift = CONST_BITS - PASS1_BITS;
        final int round = 1 << (shift - 1);
        w[c] = (e10 + o3 + round) >> shift;
        w[56 + c] = (e10 - o3 + round) >> shift;
        w[8 + c] = (e11 + o2 + round) >> shift;
        w[48 + c] = (e11 - o2 + round) >> shift;
        w[16 + c] = (e12 + o1 + round) >> shift;
        w[40 + c] = (e12 - o1 + round) >> shift;
        w[24 + c] = (e13 + o0 + round) >> shift;
        w[32 + c] = (e13 - o0 + round) >> shift;
    }

    private static void row(int[] w, int at, float[] out, int o, int cols) {
        int i0 = w[at];
        int i1 = w[at + 1];
        int i2 = w[at + 2];
        int i3 = w[at + 3];
        int i4 = w[at + 4];
        int i5 = w[at + 5];
        int i6 = w[at + 6];
        int i7 = w[at + 7];
        int shift = CONST_BITS + PASS1_BITS + 3;
        int round = 1 << (shift - 1);
        if ((i1 | i2 | i3 | i4 | i5 | i6 | i7) == 0) {
            float dc = clamp(((i0 + (1 << (PASS1_BITS + 2))) >> (PASS1_BITS + 3)) + 128);
            for (int x = 0; x < cols; x++) {
                out[o + x] = dc;
            }
            return;
        }
        int z1 = (i2 + i6) * C_0_541196100;
        int t2 = z1 - i6 * C_1_847759065;
        int t3 = z1 + i2 * C_0_765366865;
        int t0 = (i0 + i4) << CONST_BITS;
        int t1 = (i0 - i4) << CONST_BITS;
        int e10 = t0 + t3;
        int e13 = t0 - t3;
        int e11 = t1 + t2;
        int e12 = t1 - t2;
        int z1o = i7 + i1;
        int z2o = i5 + i3;
        int z3o = i7 + i3;
        int z4o = i5 + i1;
        int z5 = (z3o + z4o) * C_1_175875602;
        z1o *= -C_0_899976223;
        z2o *= -C_2_562915447;
        z3o = z3o * -C_1_961570560 + z5;
        z4o = z4o * -C_0_390180644 + z5;
        int o0 = i7 * C_0_298631336 + z1o + z3o;
        int o1 = i5 * C_2_053119869 + z2o + z4o;
        int o2 = i3 * C_3_072711026 + z2o + z3o;
        int o3 = i1 * C_1_501321110 + z1o + z4o;
        if (cols == 8) {
            out[o] = clamp(((e10 + o3 + round) >> shift) + 128);
            out[o + 7] = clamp(((e10 - o3 + round) >> shift) + 128);
            out[o + 1] = clamp(((e11 + o2 + round) >> shift) + 128);
            out[o + 6] = clamp(((e11 - o2 + round) >> shift) + 128);
            out[o + 2] = clamp(((e12 + o1 + round) >> shift) + 128);
            out[o + 5] = clamp(((e12 - o1 + round) >> shift) + 128);
            out[o + 3] = clamp(((e13 + o0 + round) >> shift) + 128);
            out[o + 4] = clamp(((e13 - o0 + round) >> shift) + 128);
            return;
        }
        float[] v = new float[8];
        v[0] = clamp(((e10 + o3 + round) >> shift) + 128);
        v[7] = clamp(((e10 - o3 + round) >> shift) + 128);
        v[1] = clamp(((e11 + o2 + round) >> shift) + 128);
        v[6] = clamp(((e11 - o2 + round) >> shift) + 128);
        v[2] = clamp(((e12 + o1 + round) >> shift) + 128);
        v[5] = clamp(((e12 - o1 + round) >> shift) + 128);
        v[3] = clamp(((e13 + o0 + round) >> shift) + 128);
        v[4] = clamp(((e13 - o0 + round) >> shift) + 128);
        System.arraycopy(v, 0, out, o, cols);
    }
}
