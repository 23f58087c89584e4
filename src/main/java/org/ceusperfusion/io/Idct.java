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
        int[] odd = odd(i7, i5, i3, i1);
        int shift = CONST_BITS - PASS1_BITS;
        int round = 1 << (shift - 1);
        w[c] = (e10 + odd[3] + round) >> shift;
        w[56 + c] = (e10 - odd[3] + round) >> shift;
        w[8 + c] = (e11 + odd[2] + round) >> shift;
        w[48 + c] = (e11 - odd[2] + round) >> shift;
        w[16 + c] = (e12 + odd[1] + round) >> shift;
        w[40 + c] = (e12 - odd[1] + round) >> shift;
        w[24 + c] = (e13 + odd[0] + round) >> shift;
        w[32 + c] = (e13 - odd[0] + round) >> shift;
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
        float[] v = new float[8];
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
        int[] odd = odd(i7, i5, i3, i1);
        v[0] = clamp(((e10 + odd[3] + round) >> shift) + 128);
        v[7] = clamp(((e10 - odd[3] + round) >> shift) + 128);
        v[1] = clamp(((e11 + odd[2] + round) >> shift) + 128);
        v[6] = clamp(((e11 - odd[2] + round) >> shift) + 128);
        v[2] = clamp(((e12 + odd[1] + round) >> shift) + 128);
        v[5] = clamp(((e12 - odd[1] + round) >> shift) + 128);
        v[3] = clamp(((e13 + odd[0] + round) >> shift) + 128);
        v[4] = clamp(((e13 - odd[0] + round) >> shift) + 128);
        System.arraycopy(v, 0, out, o, cols);
    }

    /** The odd half of the 8-point transform from inputs 7, 5, 3, 1; @return its four outputs, scaled by 2^13. */
    private static int[] odd(int a0, int a1, int a2, int a3) {
        int z1 = a0 + a3;
        int z2 = a1 + a2;
        int z3 = a0 + a2;
        int z4 = a1 + a3;
        int z5 = (z3 + z4) * C_1_175875602;
        int b0 = a0 * C_0_298631336;
        int b1 = a1 * C_2_053119869;
        int b2 = a2 * C_3_072711026;
        int b3 = a3 * C_1_501321110;
        z1 *= -C_0_899976223;
        z2 *= -C_2_562915447;
        z3 = z3 * -C_1_961570560 + z5;
        z4 = z4 * -C_0_390180644 + z5;
        return new int[] {b0 + z1 + z3, b1 + z2 + z4, b2 + z2 + z3, b3 + z1 + z4};
    }
}
