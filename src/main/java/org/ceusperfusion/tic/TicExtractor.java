package org.ceusperfusion.tic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.ObjIntConsumer;

import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.roi.RoiMask;

/**
 * Time-intensity curves of several ROIs in one pass over the frames.
 *
 * <p>Each frame is read once ({@link CineLoop#frame(int)} may decode from disk). Per ROI and frame:
 * the mean of the <em>linearised</em> pixel values (linearise first, then average; perfusion-reference §2),
 * and the fraction of ROI pixels that are clipped, i.e. whose grey value is {@code ≤ 0} or
 * {@code ≥ maxGrey} of the loop ({@link org.ceusperfusion.cine.LoopMetadata#maxGrey()}), where the
 * linearisation no longer holds.
 *
 * <pre>
 *   List&lt;TimeIntensityCurve&gt; tics = TicExtractor.extract(loop, rois, Linearizer.logCompressed(40, loop.metadata()));
 * </pre>
 */
public final class TicExtractor {
    /** ROIs of at least this many pixels (e.g. the whole frame) are summed through a histogram of grey levels. */
    static final int LARGE_ROI = 1 << 16;
    private static final int MAX_HISTOGRAM = 65535;

    private TicExtractor() {
    }

    /**
     * Mean linear power and clipped fraction of many pixels: integer grey levels are counted and each
     * level's power taken once (equal to the pixel-by-pixel sum up to rounding, ~1e-15 relative);
     * other values are added one by one. Runs of equal neighbouring values (a lossy decoder's flat blocks,
     * black borders) are counted at once.
     *
     * @return {mean power, clipped fraction}
     */
    static double[] histogramMean(float[] frame, int[] idx, Linearizer lin, double maxGrey) {
        return histogramMean(frame, idx, isRange(idx), lin, maxGrey);
    }

    /** @param range whether {@code idx} is {@code idx[0], idx[0] + 1, ...} (then read without the index) */
    private static double[] histogramMean(float[] frame, int[] idx, boolean range, Linearizer lin, double maxGrey) {
        Histogram h = new Histogram((int) maxGrey + 1, lin, maxGrey);
        int n = idx.length;
        float prev = n == 0 ? 0 : frame[idx[0]];
        int run = 0;
        if (range && n > 0) {
            for (int i = idx[0], end = idx[0] + n; i < end; i++) {
                float g = frame[i];
                if (g == prev) {
                    run++;
                } else {
                    h.add(prev, run);
                    prev = g;
                    run = 1;
                }
            }
        } else {
            for (int i : idx) {
                float g = frame[i];
                if (g == prev) {
                    run++;
                } else {
                    h.add(prev, run);
                    prev = g;
                    run = 1;
                }
            }
        }
        h.add(prev, run);
        return h.meanAndClipped(n);
    }

    /**
     * @return the power of every integer grey level {@code 0..maxGrey} (what {@link Linearizer#power} gives for it),
     *         or an empty table when the grey scale is too deep for one
     */
    static double[] powerOfLevels(Linearizer lin, double maxGrey) {
        if (!(maxGrey >= 0 && maxGrey <= MAX_HISTOGRAM)) {
            return new double[0];
        }
        double[] table = new double[(int) maxGrey + 1];
        for (int level = 0; level < table.length; level++) {
            table[level] = lin.power(level);
        }
        return table;
    }

    /** @return whether {@code idx} counts up by one from its first element */
    static boolean isRange(int[] idx) {
        for (int i = 1; i < idx.length; i++) {
            if (idx[i] != idx[0] + i) {
                return false;
            }
        }
        return true;
    }

    /** Counts of integer grey levels, and the power of other values added one by one in pixel order. */
    private static final class Histogram {
        private final int[] counts;
        private final Linearizer lin;
        private final double maxGrey;
        private double rest;
        private int restClipped;

        Histogram(int levels, Linearizer lin, double maxGrey) {
            this.counts = new int[levels];
            this.lin = lin;
            this.maxGrey = maxGrey;
        }

        /** Adds {@code run} pixels of grey value {@code g}. */
        void add(float g, int run) {
            int level = (int) g;
            if (level == g && level >= 0 && level < counts.length) {
                counts[level] += run;
                return;
            }
            for (int i = 0; i < run; i++) {
                rest += lin.power(g);
                restClipped += g <= 0 || g >= maxGrey ? 1 : 0;
            }
        }

        double[] meanAndClipped(int n) {
            double sum = rest;
            int clip = restClipped;
            for (int level = 0; level < counts.length; level++) {
                if (counts[level] > 0) {
                    sum += counts[level] * lin.power(level);
                    clip += level <= 0 || level >= maxGrey ? counts[level] : 0;
                }
            }
            return new double[] {sum / n, (double) clip / n};
        }
    }

    /**
     * @param loop the cine loop
     * @param rois the ROIs, in output order
     * @param lin  grey → linear power ({@link Linearizer#identity()} for linear data)
     * @return one curve per ROI, in the order of {@code rois}
     * @throws org.ceusperfusion.InputException when a ROI is empty or reaches outside the frame
     */
    public static List<TimeIntensityCurve> extract(CineLoop loop, List<RoiMask> rois, Linearizer lin) {
        return extract(loop, rois, lin, frame -> { });
    }

    /**
     * As {@link #extract(CineLoop, List, Linearizer)}, reporting progress.
     *
     * @param framesDone called with the number of frames processed so far after each frame
     */
    public static List<TimeIntensityCurve> extract(CineLoop loop, List<RoiMask> rois, Linearizer lin,
                                                   IntConsumer framesDone) {
        return extract(loop, rois, lin, (frame, f) -> framesDone.accept(f + 1));
    }

    /**
     * As {@link #extract(CineLoop, List, Linearizer)}, showing every frame, in order, to {@code frameConsumer}
     * once its curves are taken (so other per-frame consumers share the same pass over the frames).
     *
     * @param frameConsumer called with each frame's grey values (not to be modified) and its 0-based index
     */
    public static List<TimeIntensityCurve> extract(CineLoop loop, List<RoiMask> rois, Linearizer lin,
                                                   ObjIntConsumer<float[]> frameConsumer) {
        int n = loop.frameCount();
        int[][] indices = new int[rois.size()][];
        for (int r = 0; r < rois.size(); r++) {
            indices[r] = rois.get(r).pixelIndices(loop.width(), loop.height());
        }
        boolean[] range = new boolean[indices.length];
        for (int r = 0; r < indices.length; r++) {
            range[r] = isRange(indices[r]);
        }
        double maxGrey = loop.metadata().maxGrey();
        double[][] means = new double[rois.size()][n];
        double[][] clipped = new double[rois.size()][n];
        double[][] top = new double[rois.size()][n];
        double[] powerOfLevel = powerOfLevels(lin, maxGrey);
        for (int f = 0; f < n; f++) {
            float[] frame = loop.frame(f);
            for (int r = 0; r < indices.length; r++) {
                if (indices[r].length >= LARGE_ROI && maxGrey <= MAX_HISTOGRAM) {
                    double[] mc = histogramMean(frame, indices[r], range[r], lin, maxGrey);
                    means[r][f] = mc[0];
                    clipped[r][f] = mc[1];
                    continue;
                }
                double sum = 0;
                int clip = 0;
                int high = 0;
                for (int idx : indices[r]) {
                    float g = frame[idx];
                    int level = (int) g;
                    sum += level == g && level >= 0 && level < powerOfLevel.length ? powerOfLevel[level] : lin.power(g);
                    if (g <= 0 || g >= maxGrey) {
                        clip++;
                        high += g >= maxGrey ? 1 : 0;
                    }
                }
                means[r][f] = sum / indices[r].length;
                clipped[r][f] = (double) clip / indices[r].length;
                top[r][f] = (double) high / indices[r].length;
            }
            frameConsumer.accept(frame, f);
        }
        List<TimeIntensityCurve> out = new ArrayList<>(rois.size());
        for (int r = 0; r < rois.size(); r++) {
            out.add(new TimeIntensityCurve(rois.get(r).name(), loop.timesS(), means[r], clipped[r], top[r]));
        }
        return out;
    }
}
