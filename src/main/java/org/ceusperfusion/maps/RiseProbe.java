package org.ceusperfusion.maps;

import java.util.concurrent.ExecutorService;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.fit.ShiftedShapes;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.LognormalModel;
import org.ceusperfusion.tic.Linearizer;

/**
 * The fastest bolus rise of a loop, for automatic temporal binning ({@link MapSettings#frameBinFor(int,
 * double, double)}). One pass over the frames reads every {@value #STRIDE}th pixel of every
 * {@value #STRIDE}th row of the mapped area (coarser to keep at most {@value #MAX_PIXELS} pixels; linear
 * power, samples of at most {@value #MAX_SAMPLE_S} s). Each probe curve is matched to lognormal shapes
 * (σ = 0.5) rising in 1.2 to 15 s, shifted in time ({@link ShiftedShapes}); the fastest rise is the
 * {@value #FAST_QUANTILE} quantile of the rises of the curves that clearly show a bolus (evidence above
 * {@value #STRONG}; single-pixel rises are noisy, so a lower quantile would follow the noise). Per pixel, because a
 * mean curve is wider than its pixels' boluses when their onsets differ (a 3 s rise jittered ±4 s looks
 * like a 7 s one), and a low quantile, because a fast tumour rim covering a small part of the frame must
 * not be blurred by bins sized for the slower tissue around it. Whatever the mapped model, the rise is
 * measured with the lognormal. Package-private.
 */
final class RiseProbe {
    /** Pixel sub-sampling in x and y. */
    static final int STRIDE = 2;
    /** Longest probe sample, s. */
    static final double MAX_SAMPLE_S = 0.25;
    /** Most pixels read. */
    static final int MAX_PIXELS = 1024;
    /** Rise (onset to peak) of the probe's reference lognormal (σ = 0.5), s. */
    static final double REFERENCE_RISE_S = 6;
    /** Stretches of the reference tried: rises of 1.2 to 15 s. */
    static final double[] WIDTHS = {0.2, 0.3, 0.4, 0.55, 0.75, 1, 1.4, 1.9, 2.5};
    private static final BolusModel LOGNORMAL = new LognormalModel();
    /** Evidence of a bolus ({@link ShiftedShapes.Match#evidence()}) of the probe curves whose stretch counts. */
    static final double STRONG = 8;
    /** Fewest probe curves with a bolus for their widths to count. */
    static final int MIN_PIXELS = 12;
    /** Quantile of the probe curves' width scales taken as the fast end. */
    static final double FAST_QUANTILE = 0.2;

    private RiseProbe() {
    }

    /**
     * @param mapped which pixels are mapped
     * @return the fastest rise (onset to peak) seen in the loop, s, or NaN when fewer than
     *         {@value #MIN_PIXELS} probe curves show a bolus
     */
    static double fastestRiseS(CineLoop loop, Linearizer lin, boolean[] mapped) {
        return fastestRiseS(loop, lin, mapped, null, 1);
    }

    /**
     * As {@link #fastestRiseS(CineLoop, Linearizer, boolean[])}, the frames and the probe curves split into
     * {@code threads} parts run on {@code pool} (the same result for any split).
     *
     * @param pool    where to run the parts, or {@code null} for this thread
     * @param threads parts to split the work into
     */
    static double fastestRiseS(CineLoop loop, Linearizer lin, boolean[] mapped, ExecutorService pool, int threads) {
        int k = Math.max(1, (int) Math.floor(MAX_SAMPLE_S / loop.frameIntervalS() + 1e-9));
        k = Math.max(1, Math.min(k, loop.frameCount() / 40));
        int[] px = probePixels(mapped, loop.width(), loop.height());
        if (px.length == 0) {
            return Double.NaN;
        }
        int parts = pool == null ? 1 : Math.max(1, threads);
        float[][] curves = curves(loop, lin, px, k, pool, parts);
        double[] t = CurveTile.sampleTimes(loop.timesS(), k);
        double[] ref = {0, 1, Math.log(REFERENCE_RISE_S) + 0.25, 0.5, referenceOnset(t, curves)};
        ShiftedShapes s = ShiftedShapes.of(LOGNORMAL, t, ref, t.length, WIDTHS);
        return s == null ? Double.NaN : fastWidth(s, curves, pool, parts) * REFERENCE_RISE_S;
    }

    /** The onset of the reference: {@value #REFERENCE_RISE_S} s before the probe's mean curve peaks. */
    private static double referenceOnset(double[] t, float[][] curves) {
        int n = t.length;
        double[] mean = new double[n];
        for (float[] c : curves) {
            for (int j = 0; j < n; j++) {
                mean[j] += c[j];
            }
        }
        int half = Math.max(1, n / 100);
        int best = 0;
        double bestV = Double.NEGATIVE_INFINITY;
        for (int j = half; j < n - half; j++) {
            double v = 0;
            for (int i = j - half; i <= j + half; i++) {
                v += mean[i];
            }
            if (v > bestV) {
                bestV = v;
                best = j;
            }
        }
        return Math.max(t[0], t[best] - REFERENCE_RISE_S);
    }

    /**
     * The {@value #FAST_QUANTILE} quantile of the width scale of the probe curves that show a bolus (NaN
     * when fewer than {@value #MIN_PIXELS} do).
     */
    private static double fastWidth(ShiftedShapes s, float[][] curves, ExecutorService pool, int parts) {
        double[] widths = new double[curves.length];
        Parts.run(pool, parts, q -> {
            double[] y = new double[curves[0].length];
            ShiftedShapes.Workspace ws = new ShiftedShapes.Workspace();
            for (int p = Parts.start(curves.length, q, parts); p < Parts.start(curves.length, q + 1, parts); p++) {
                for (int j = 0; j < y.length; j++) {
                    y[j] = curves[p][j];
                }
                ShiftedShapes.Match match = s.match(y, ws);
                boolean strong = match != null && match.t() > STRONG && match.relativePeak() >= 1;
                widths[p] = strong ? match.width() : Double.NaN;
            }
        });
        int m = 0;
        for (double v : widths) {
            if (!Double.isNaN(v)) {
                widths[m++] = v;
            }
        }
        if (m < MIN_PIXELS) {
            return Double.NaN;
        }
        java.util.Arrays.sort(widths, 0, m);
        return widths[(int) (FAST_QUANTILE * m)];
    }

    /** At most {@value #MAX_PIXELS} mapped pixels on a regular grid. */
    private static int[] probePixels(boolean[] mapped, int w, int h) {
        int count = 0;
        for (boolean b : mapped) {
            count += b ? 1 : 0;
        }
        int stride = Math.max(STRIDE, (int) Math.ceil(Math.sqrt(count / (double) MAX_PIXELS)));
        int[] out = new int[(w / stride + 1) * (h / stride + 1)];
        int n = 0;
        for (int y = stride / 2; y < h; y += stride) {
            for (int x = stride / 2; x < w; x += stride) {
                if (mapped[y * w + x]) {
                    out[n++] = y * w + x;
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * The probe pixels' linear curves, samples of {@code k} frames; the frames split into {@code parts}
     * ranges of whole samples, read on {@code pool}.
     */
    private static float[][] curves(CineLoop loop, Linearizer lin, int[] px, int k, ExecutorService pool,
                                    int parts) {
        int samples = CurveTile.samples(loop.frameCount(), k);
        float[][] c = new float[px.length][samples];
        float[] lut = CurveTile.lut(lin, loop.metadata().maxGrey());
        float[] byteLut = CurveTile.byteLut(lut, lin);
        int n = loop.frameCount();
        Parts.run(pool, parts, q -> {
            int fEnd = Math.min(n, Parts.start(samples, q + 1, parts) * k);
            for (int f = Parts.start(samples, q, parts) * k; f < fEnd; f++) {
                byte[] bytes = loop.greyBytes(f);
                float[] frame = bytes == null ? loop.frame(f) : null;
                int j = f / k;
                float weight = 1f / Math.min(k, n - j * k);
                for (int p = 0; p < px.length; p++) {
                    c[p][j] += weight * (bytes != null ? byteLut[bytes[px[p]] & 0xFF]
                            : CurveTile.power(lut, lin, frame[px[p]]));
                }
            }
        });
        return c;
    }
}
