package org.ceusperfusion.maps;

import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.tic.Linearizer;

/**
 * The linearised time series of every pixel of a band of rows, read in one pass over the frames and
 * stored pixel-major ({@code series[(pixel − first) · samples + sample]}), so that each pixel's curve is
 * contiguous. With temporal binning {@code k > 1}, sample {@code j} is the mean linear power of frames
 * {@code jk .. jk+k−1} (the last sample may average fewer frames). Without binning, when every frame is
 * held as bytes ({@link CineLoop#greyBytes}), the tile keeps each sample's grey level (one byte, a quarter
 * of a float) and gives its linear power from a 256-entry table: the same values, a quarter of the memory
 * to fill and to read. Package-private.
 */
final class CurveTile {
    final int width;
    final int frames;
    /** First loaded row (inclusive). */
    final int y0;
    /** Last loaded row (exclusive). */
    final int y1;
    /** Linear power per sample, or {@code null} for a tile of grey levels. */
    private final float[] series;
    /** Grey level per sample ({@code & 0xFF}), or {@code null}. */
    private final byte[] levels;
    /** Linear power of each grey level, for {@link #levels}. */
    private final float[] powerOf;

    private CurveTile(int width, int frames, int y0, int y1) {
        this.width = width;
        this.frames = frames;
        this.y0 = y0;
        this.y1 = y1;
        this.series = new float[(y1 - y0) * width * frames];
        this.levels = null;
        this.powerOf = null;
    }

    private CurveTile(int width, int frames, int y0, int y1, float[] powerOf) {
        this.width = width;
        this.frames = frames;
        this.y0 = y0;
        this.y1 = y1;
        this.series = null;
        this.levels = new byte[(y1 - y0) * width * frames];
        this.powerOf = powerOf;
    }

    /** Samples staged frame-major before they are written pixel-major (one cache line per pixel). */
    private static final int STAGE = 16;

    /**
     * Reads rows {@code [y0, y1)} of every frame, linearised, and adds the grey values of image pixels
     * {@code [sumFirst, sumFirst + sumCount)} of every frame into {@code greySum} (a whole-frame array).
     * Samples are summed frame-major into a buffer of {@value #STAGE} samples, then written pixel-major.
     */
    static CurveTile load(CineLoop loop, Linearizer lin, int y0, int y1, double[] greySum, int sumFirst,
                          int sumCount, int k) {
        return load(loop, lin, y0, y1, greySum, sumFirst, sumCount, k, null, 1);
    }

    /**
     * As {@link #load(CineLoop, Linearizer, int, int, double[], int, int, int)}, the frames split into
     * {@code parts} ranges of whole samples read on {@code pool}, so each frame is read once (each pixel's
     * samples, and the grey sums of integer grey levels, are the same for any split).
     */
    static CurveTile load(CineLoop loop, Linearizer lin, int y0, int y1, double[] greySum, int sumFirst,
                          int sumCount, int k, java.util.concurrent.ExecutorService pool, int parts) {
        int w = loop.width();
        float[] lut = lut(lin, loop.metadata().maxGrey());
        if (k == 1 && loop.greyBytes(0) != null) {
            CurveTile tile = loadLevels(loop, lin, lut, y0, y1, greySum, sumFirst, sumCount, pool, parts);
            if (tile != null) {
                return tile;
            }
        }
        CurveTile tile = new CurveTile(w, samples(loop.frameCount(), k), y0, y1);
        int m = pool == null ? 1 : Math.max(1, Math.min(parts, tile.frames));
        double[][] sums = new double[m][];
        Parts.run(m == 1 ? null : pool, m, q -> {
            sums[q] = m == 1 ? null : new double[sumCount];
            tile.loadSamples(loop, lin, lut, y0 * w, Parts.start(tile.frames, q, m),
                    Parts.start(tile.frames, q + 1, m), k, greySum, sumFirst, sumCount, sums[q]);
        });
        for (double[] partial : sums) {
            for (int i = 0; partial != null && i < sumCount; i++) {
                greySum[sumFirst + i] += partial[i];
            }
        }
        return tile;
    }

    /**
     * The tile of grey levels (every frame a sample), or {@code null} when a frame is not held as bytes
     * ({@code greySum} is then left as it was).
     */
    private static CurveTile loadLevels(CineLoop loop, Linearizer lin, float[] lut, int y0, int y1,
                                        double[] greySum, int sumFirst, int sumCount,
                                        java.util.concurrent.ExecutorService pool, int parts) {
        float[] powerOf = byteLut(lut, lin);
        for (int g = 0; g < powerOf.length; g++) {
            powerOf[g] = 0f + powerOf[g];   // what a float tile's staging (0 + v) stores
        }
        CurveTile tile = new CurveTile(loop.width(), loop.frameCount(), y0, y1, powerOf);
        int m = pool == null ? 1 : Math.max(1, Math.min(parts, tile.frames));
        int[][] sums = new int[m][];
        boolean[] complete = new boolean[m];
        Parts.run(m == 1 ? null : pool, m, q -> {
            sums[q] = new int[sumCount];
            complete[q] = tile.loadLevels(loop, y0 * loop.width(), Parts.start(tile.frames, q, m),
                    Parts.start(tile.frames, q + 1, m), sumFirst, sumCount, sums[q]);
        });
        for (boolean c : complete) {
            if (!c) {
                return null;
            }
        }
        for (int[] partial : sums) {
            addSums(partial, greySum, sumFirst);
        }
        return tile;
    }

    /** Grey levels staged frame-major before they are written pixel-major (one cache line per pixel). */
    private static final int STAGE_LEVELS = 64;

    /**
     * Loads the grey levels of frames {@code [f0, f1)} of every tile pixel (image pixel {@code first + i}) and
     * adds the grey values of image pixels {@code [sumFirst, sumFirst + sumCount)} into {@code partial} (whole
     * numbers: summed as ints, {@link #addSums}).
     *
     * @return {@code false} when a frame is not held as bytes (the tile is then unusable)
     */
    private boolean loadLevels(CineLoop loop, int first, int f0, int f1, int sumFirst, int sumCount,
                               int[] partial) {
        int count = (y1 - y0) * width;
        byte[] stage = new byte[Math.min(STAGE_LEVELS, f1 - f0) * count];
        for (int f = f0; f < f1; f++) {
            byte[] bytes = loop.greyBytes(f);
            if (bytes == null) {
                return false;
            }
            int jl = (f - f0) % STAGE_LEVELS;
            System.arraycopy(bytes, first, stage, jl * count, count);
            for (int i = 0; i < sumCount; i++) {
                partial[i] += bytes[sumFirst + i] & 0xFF;
            }
            if (jl == STAGE_LEVELS - 1 || f == f1 - 1) {
                for (int i = 0; i < count; i++) {
                    int off = i * frames + f - jl;
                    for (int s = 0; s <= jl; s++) {
                        levels[off + s] = stage[s * count + i];
                    }
                }
            }
        }
        return true;
    }

    /**
     * Loads samples {@code [j0, j1)} of every tile pixel (image pixel {@code first + i}) and adds the grey
     * values of image pixels {@code [sumFirst, sumFirst + sumCount)} of their frames into {@code partial}
     * ({@code partial[i]} for pixel {@code sumFirst + i}), or into {@code greySum} when {@code partial} is null.
     * Those sums start from 0, so the grey levels of frames held as bytes are summed as ints until a frame is
     * not ({@link #addSums}: the same doubles).
     */
    private void loadSamples(CineLoop loop, Linearizer lin, float[] lut, int first, int j0, int j1, int k,
                             double[] greySum, int sumFirst, int sumCount, double[] partial) {
        int nFrames = loop.frameCount();
        int count = (y1 - y0) * width;
        float[] stage = new float[Math.min(STAGE, j1 - j0) * count];
        float[] byteLut = null;
        double[] sumsInto = partial == null ? greySum : partial;
        int sumOff = partial == null ? sumFirst : 0;
        int[] levelSums = null;   // the grey sums of the frames held as bytes, until a frame is not
        boolean floatSeen = false;
        for (int f = j0 * k; f < Math.min(nFrames, j1 * k); f++) {
            byte[] bytes = loop.greyBytes(f);
            float[] frame = bytes == null ? loop.frame(f) : null;
            if (bytes != null && byteLut == null) {
                byteLut = byteLut(lut, lin);
            }
            int j = f / k;
            int frameInSample = f - j * k;
            int jl = (j - j0) % STAGE;
            int base = jl * count;
            if (frameInSample == 0) {
                java.util.Arrays.fill(stage, base, base + count, 0f);
            }
            float weight = 1f / Math.min(k, nFrames - j * k);
            if (bytes != null && k == 1) {   // every frame its own sample (the branches of the loop below hoisted)
                for (int i = 0; i < count; i++) {
                    stage[base + i] += byteLut[bytes[first + i] & 0xFF];
                }
            } else if (bytes != null) {   // binned bytes: the same, each value weighted as below
                for (int i = 0; i < count; i++) {
                    stage[base + i] += byteLut[bytes[first + i] & 0xFF] * weight;
                }
            } else {
                for (int i = 0; i < count; i++) {
                    float v = power(lut, lin, frame[first + i]);
                    stage[base + i] += k == 1 ? v : v * weight;
                }
            }
            if (bytes != null && !floatSeen) {   // whole grey levels: summed exactly as ints
                if (levelSums == null) {
                    levelSums = new int[sumCount];
                }
                for (int i = 0; i < sumCount; i++) {
                    levelSums[i] += bytes[sumFirst + i] & 0xFF;
                }
            } else {
                if (levelSums != null) {
                    addSums(levelSums, sumsInto, sumOff);
                    levelSums = null;
                }
                floatSeen |= bytes == null;
                if (bytes != null) {
                    for (int i = 0; i < sumCount; i++) {
                        sumsInto[sumOff + i] += bytes[sumFirst + i] & 0xFF;
                    }
                } else {
                    for (int i = 0; i < sumCount; i++) {
                        sumsInto[sumOff + i] += frame[sumFirst + i];
                    }
                }
            }
            boolean sampleDone = frameInSample == k - 1 || f == nFrames - 1;
            if (sampleDone && (jl == STAGE - 1 || j == j1 - 1)) {
                unstage(stage, 0, count, j - jl, jl + 1);
            }
        }
        if (levelSums != null) {
            addSums(levelSums, sumsInto, sumOff);
        }
    }

    /**
     * Adds whole-number grey sums into {@code into} from {@code off} on: the same doubles as adding each
     * frame's grey levels one by one from 0 (every partial sum is a whole number below 2⁵³, hence exact).
     */
    private static void addSums(int[] sums, double[] into, int off) {
        for (int i = 0; i < sums.length; i++) {
            into[off + i] += sums[i];
        }
    }

    /** Writes staged samples {@code j0 .. j0+m−1} of tile pixels {@code from ..} into the pixel-major series. */
    private void unstage(float[] stage, int from, int count, int j0, int m) {
        for (int i = 0; i < count; i++) {
            int off = (from + i) * frames + j0;
            for (int s = 0; s < m; s++) {
                series[off + s] = stage[s * count + i];
            }
        }
    }

    /**
     * @return bytes a tile of {@code loop} binned by {@code k} holds per sample: 1 for a tile of grey levels
     *         (every frame its own sample and held as bytes), else 4 (a float)
     */
    static int bytesPerSample(CineLoop loop, int k) {
        if (k != 1) {
            return Float.BYTES;
        }
        for (int f = 0; f < loop.frameCount(); f++) {
            if (loop.greyBytes(f) == null) {
                return Float.BYTES;
            }
        }
        return 1;
    }

    /** @return samples per curve for {@code frames} frames binned by {@code k} */
    static int samples(int frames, int k) {
        return (frames + k - 1) / k;
    }

    /** @return the time of each sample: the mean time of its frames, s */
    static double[] sampleTimes(double[] timesS, int k) {
        double[] out = new double[samples(timesS.length, k)];
        for (int j = 0; j < out.length; j++) {
            int end = Math.min(timesS.length, (j + 1) * k);
            double s = 0;
            for (int f = j * k; f < end; f++) {
                s += timesS[f];
            }
            out[j] = s / (end - j * k);
        }
        return out;
    }

    /** @return the linear power of grey value {@code g}: from the table when it holds {@code g} */
    static float power(float[] lut, Linearizer lin, float g) {
        int gi = (int) g;
        return lut != null && gi == g && gi >= 0 && gi < lut.length ? lut[gi] : (float) lin.power(g);
    }

    /** {@link #power} of grey levels 0–255, for frames held as bytes ({@link CineLoop#greyBytes}). */
    static float[] byteLut(float[] lut, Linearizer lin) {
        float[] t = new float[256];
        for (int g = 0; g < t.length; g++) {
            t[g] = power(lut, lin, g);
        }
        return t;
    }

    /** A float table of the linearisation of integer grey levels, or {@code null} when not useful. */
    static float[] lut(Linearizer lin, double maxGrey) {
        if (lin.isIdentity() || !(maxGrey >= 1) || maxGrey > 65535 || maxGrey != Math.rint(maxGrey)) {
            return null;
        }
        float[] t = new float[(int) maxGrey + 1];
        for (int g = 0; g < t.length; g++) {
            t[g] = (float) lin.power(g);
        }
        return t;
    }

    /**
     * Adds the curve of image pixel {@code index} into {@code acc} from {@code offA} on and, when
     * {@code offB ≥ 0}, from {@code offB} on as well (each sum gets the same bits as from {@link #addCurve}).
     */
    void addCurveTo(int index, double[] acc, int offA, int offB) {
        int off = (index - y0 * width) * frames;
        if (levels != null) {
            for (int f = 0; f < frames; f++) {
                double v = powerOf[levels[off + f] & 0xFF];
                acc[offA + f] += v;
                if (offB >= 0) {
                    acc[offB + f] += v;
                }
            }
            return;
        }
        for (int f = 0; f < frames; f++) {
            double v = series[off + f];
            acc[offA + f] += v;
            if (offB >= 0) {
                acc[offB + f] += v;
            }
        }
    }

    /** Copies the curve of image pixel {@code index} into {@code out}. */
    void curve(int index, double[] out) {
        int off = (index - y0 * width) * frames;
        if (levels != null) {
            for (int f = 0; f < frames; f++) {
                out[f] = powerOf[levels[off + f] & 0xFF];
            }
            return;
        }
        for (int f = 0; f < frames; f++) {
            out[f] = series[off + f];
        }
    }

    /** Adds the curve of image pixel {@code index} into {@code acc}. */
    void addCurve(int index, double[] acc) {
        int off = (index - y0 * width) * frames;
        for (int f = 0; f < frames; f++) {
            acc[f] += sample(off + f);
        }
    }

    private float sample(int i) {
        return levels != null ? powerOf[levels[i] & 0xFF] : series[i];
    }
}
