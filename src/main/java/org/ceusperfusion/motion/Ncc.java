package org.ceusperfusion.motion;

/**
 * Normalised cross-correlation of a zero-mean reference window with a frame image at integer offsets.
 * Package-private helper of {@link MotionEstimator}.
 */
final class Ncc {
    final float[] ref;
    final double refNorm;
    final int ww;
    final int wh;
    final int wx;
    final int wy;

    /** @param img the reference image ({@code w} wide), the window at (wx, wy) of size ww × wh */
    Ncc(float[] img, int w, int wx, int wy, int ww, int wh) {
        this.ww = ww;
        this.wh = wh;
        this.wx = wx;
        this.wy = wy;
        ref = new float[ww * wh];
        double sum = 0;
        for (int j = 0; j < wh; j++) {
            for (int i = 0; i < ww; i++) {
                ref[j * ww + i] = img[(wy + j) * w + wx + i];
                sum += ref[j * ww + i];
            }
        }
        double mean = sum / ref.length;
        double ss = 0;
        for (int k = 0; k < ref.length; k++) {
            ref[k] -= (float) mean;
            ss += ref[k] * ref[k];
        }
        refNorm = Math.sqrt(ss);
    }

    /** @return whether the window moved by (ox, oy) stays inside a {@code w × h} image */
    boolean valid(int ox, int oy, int w, int h) {
        return wx + ox >= 0 && wy + oy >= 0 && wx + ox + ww <= w && wy + oy + wh <= h;
    }

    /** @return {NCC, standard deviation of the frame window} at offset (ox, oy); NaN NCC when flat */
    double[] at(float[] img, int w, int ox, int oy) {
        double sxy = 0;
        double sy = 0;
        double syy = 0;
        for (int j = 0; j < wh; j++) {
            int row = (wy + oy + j) * w + wx + ox;
            int r = j * ww;
            for (int i = 0; i < ww; i++) {
                double v = img[row + i];
                sxy += ref[r + i] * v;
                sy += v;
                syy += v * v;
            }
        }
        int n = ref.length;
        double var = Math.max(0, syy - sy * sy / n);
        double den = refNorm * Math.sqrt(var);
        return new double[] {den > 0 ? sxy / den : Double.NaN, Math.sqrt(var / n)};
    }

    /** @return the standard deviation of the reference window */
    double refStd() {
        return refNorm / Math.sqrt(ref.length);
    }
}
