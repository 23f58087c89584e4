package org.ceusperfusion.maps;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.params.PerfusionParameter;

/**
 * How a parametric map is made.
 *
 * @param analysis linearisation (dynamic range or linear) and bolus model, as for an ROI analysis
 * @param params   the perfusion parameters to map, in output order (at least one, no duplicates)
 * @param bin      spatial binning: the mean curve of each {@code bin × bin} block is fitted once and its
 *                 values fill the block's pixels (1 = per pixel)
 * @param smooth   sliding window: each pixel's curve is the mean of the {@code smooth × smooth} pixels
 *                 centred on it (odd; 1 = off); exclusive with {@code bin > 1}
 * @param frameBin temporal binning: consecutive frames averaged into one sample of the fitted curve
 *                 (1 = every frame; {@value #AUTO} = automatic, see {@link #frameBinFor})
 * @param threads  worker threads (≥ 1)
 * @param withCi   whether to compute the 95 % confidence interval of every parameter per pixel (slower)
 */
public record MapSettings(AnalysisSettings analysis, List<PerfusionParameter> params, int bin, int smooth,
                          int frameBin, int threads, boolean withCi) {

    /** {@code frameBin} value asking for automatic temporal binning. */
    public static final int AUTO = 0;
    /** Automatic temporal binning aims at samples at least this far apart, s. */
    public static final double AUTO_SAMPLE_INTERVAL_S = 1.5;
    /** Automatic temporal binning keeps at least this many samples per curve. */
    public static final int AUTO_MIN_SAMPLES = 40;

    /** The parameters mapped when none are named. */
    public static final List<PerfusionParameter> DEFAULT_PARAMS = List.of(
            PerfusionParameter.PE, PerfusionParameter.AUC, PerfusionParameter.TTP, PerfusionParameter.MTT);
    /** Largest bin or window size accepted, pixels. */
    public static final int MAX_WINDOW = 64;

    public MapSettings {
        if (analysis == null) {
            analysis = AnalysisSettings.logCompressed(AnalysisSettings.DEFAULT_DYNAMIC_RANGE_DB);
        }
        if (params == null || params.isEmpty()) {
            throw new InputException("--params", "name at least one parameter, e.g. PE,AUC,TTP,mTT");
        }
        params = List.copyOf(new LinkedHashSet<>(params));
        if (bin < 1 || bin > MAX_WINDOW) {
            throw new InputException("--bin", "must be a whole number of pixels from 1 to " + MAX_WINDOW + ", got " + bin);
        }
        if (smooth < 1 || smooth > MAX_WINDOW || smooth % 2 == 0) {
            throw new InputException("--smooth", "must be an odd number of pixels from 1 to " + MAX_WINDOW
                    + ", got " + smooth);
        }
        if (frameBin < 0 || frameBin > 1000) {
            throw new InputException("--frame-bin", "must be a number of frames from 1 to 1000 (or auto), got "
                    + frameBin);
        }
        if (bin > 1 && smooth > 1) {
            throw new InputException("--smooth", "cannot be combined with --bin: choose one");
        }
        if (threads < 1 || threads > 1024) {
            throw new InputException("--threads", "must be from 1 to 1024, got " + threads);
        }
    }

    /** Per-pixel maps of the default parameters on all cores, 40 dB, lognormal. */
    public static MapSettings defaults() {
        return new MapSettings(null, DEFAULT_PARAMS, 1, 1, AUTO, availableCores(), false);
    }

    /** @return the number of cores the JVM may use */
    public static int availableCores() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** @return a copy with other analysis settings */
    public MapSettings withAnalysis(AnalysisSettings a) {
        return new MapSettings(a, params, bin, smooth, frameBin, threads, withCi);
    }

    /** @return a copy mapping other parameters */
    public MapSettings withParams(List<PerfusionParameter> p) {
        return new MapSettings(analysis, p, bin, smooth, frameBin, threads, withCi);
    }

    /** @return a copy with another bin size */
    public MapSettings withBin(int n) {
        return new MapSettings(analysis, params, n, smooth, frameBin, threads, withCi);
    }

    /** @return a copy with another sliding-window size */
    public MapSettings withSmooth(int n) {
        return new MapSettings(analysis, params, bin, n, frameBin, threads, withCi);
    }

    /** @return a copy with another temporal binning ({@value #AUTO}: automatic) */
    public MapSettings withFrameBin(int n) {
        return new MapSettings(analysis, params, bin, smooth, n, threads, withCi);
    }

    /**
     * The temporal binning used for a loop regardless of its boluses' speed (the automatic choice of
     * {@link ParametricMapper} is {@link #frameBinFor(int, double, double)}): {@code frameBin} when set,
     * else (auto) the largest number of
     * frames whose span stays within {@value #AUTO_SAMPLE_INTERVAL_S} s, keeping at least
     * {@value #AUTO_MIN_SAMPLES} samples per curve (e.g. 12 for 720 frames at 8 frames/s, 6 for 264 frames at
     * 4 frames/s, 5 for 200 frames at 8 frames/s). Per-pixel curves are dominated by speckle, and a bolus
     * rises over several seconds: 1.5 s samples keep the median rim TTP on the benchmark loop within 0.1 s
     * of the truth (see BENCHMARKS.md) at a fraction of the fitting time; {@code --frame-bin 1} fits every
     * frame.
     *
     * @param frames          frames in the loop
     * @param frameIntervalS  median frame interval, s
     * @return frames per sample, ≥ 1
     */
    public int frameBinFor(int frames, double frameIntervalS) {
        if (frameBin != AUTO) {
            return Math.max(1, Math.min(frameBin, frames / 6));
        }
        if (!(frameIntervalS > 0)) {
            return 1;
        }
        int k = (int) Math.floor(AUTO_SAMPLE_INTERVAL_S / frameIntervalS + 1e-9);
        return Math.max(1, Math.min(k, frames / AUTO_MIN_SAMPLES));
    }

    /** Automatic temporal binning keeps samples at most this fraction of the fastest bolus rise. */
    public static final double AUTO_RISE_FRACTION = 1.0 / 6;

    /**
     * The temporal binning used for a loop whose fastest bolus rises (onset to peak) in {@code riseS}
     * seconds: {@code frameBin} when set; else (auto) the largest number of frames whose span stays within
     * both {@value #AUTO_SAMPLE_INTERVAL_S} s and a sixth of the rise, keeping at least
     * {@value #AUTO_MIN_SAMPLES} samples per curve, so a fast bolus is never blurred (a 3 s rise at 8
     * frames/s gets 4 frames = 0.5 s samples). With an unknown rise (NaN) samples are at most 0.5 s.
     *
     * @param frames         frames in the loop
     * @param frameIntervalS median frame interval, s
     * @param riseS          the fastest rise seen in the loop, s, or NaN
     * @return frames per sample, ≥ 1
     */
    public int frameBinFor(int frames, double frameIntervalS, double riseS) {
        if (frameBin != AUTO || !(frameIntervalS > 0)) {
            return frameBinFor(frames, frameIntervalS);
        }
        double span = Math.min(AUTO_SAMPLE_INTERVAL_S, riseS > 0 ? riseS * AUTO_RISE_FRACTION : 0.5);
        int k = (int) Math.floor(span / frameIntervalS + 1e-9);
        return Math.max(1, Math.min(k, frames / AUTO_MIN_SAMPLES));
    }

    /** @return a copy with another thread count */
    public MapSettings withThreads(int n) {
        return new MapSettings(analysis, params, bin, smooth, frameBin, n, withCi);
    }

    /** @return a copy with or without per-pixel confidence intervals */
    public MapSettings withCi(boolean on) {
        return new MapSettings(analysis, params, bin, smooth, frameBin, threads, on);
    }

    /**
     * Parses a comma list of parameter labels such as {@code PE,AUC,TTP,mTT} (case-insensitive;
     * {@code all} names every parameter).
     *
     * @throws InputException naming the bad label and the valid ones
     */
    public static List<PerfusionParameter> parseParams(String list) {
        if (list == null || list.isBlank()) {
            throw new InputException("--params", "name at least one parameter, e.g. PE,AUC,TTP,mTT");
        }
        if (list.trim().equalsIgnoreCase("all")) {
            return List.of(PerfusionParameter.values());
        }
        List<PerfusionParameter> out = new ArrayList<>();
        for (String s : list.split(",")) {
            if (s.isBlank()) {
                continue;
            }
            try {
                out.add(PerfusionParameter.fromLabel(s));
            } catch (IllegalArgumentException e) {
                throw new InputException("--params", e.getMessage());
            }
        }
        if (out.isEmpty()) {
            throw new InputException("--params", "name at least one parameter, e.g. PE,AUC,TTP,mTT");
        }
        return out;
    }
}
