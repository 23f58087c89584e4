package org.ceusperfusion.maps;

import java.util.SplittableRandom;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;
import org.ceusperfusion.synth.Ellipse;
import org.ceusperfusion.synth.SyntheticLoopGenerator;

/**
 * A map phantom with realistic timing and exact per-pixel truth: a tumour whose necrotic core does not
 * enhance, a perfused rim, and surrounding tissue whose bolus arrives later than the tumour's; every
 * pixel has its own onset (uniform jitter), its own area (±25 % rim, ±10 % tissue), and speckle that is
 * correlated over 2×2 pixels and in time (complex Gaussian AR(1) per grain, so each frame's speckle is
 * exponential with unit mean and its lag-1 correlation is {@code ρ²}). Power
 * {@code P = (background + c(t))·speckle + noise floor}, log-compressed to 8 bits over the dynamic range.
 *
 * <p>Boluses are lognormal in linear power, {@code c(t) = A/(√(2π)σ(t−t0)) · exp(−(ln(t−t0)−μ)²/(2σ²))}:
 * TTP {@code = t0 + e^(μ−σ²)}, PE {@code = A·e^(σ²/2−μ)/(√(2π)σ)}. Deterministic for a seed.
 * Used by the map tests and by the realistic benchmark loop ({@link MapBenchmarkLoop}).
 *
 * @param width        frame width, pixels
 * @param height       frame height, pixels
 * @param fps          frames per second
 * @param frames       frame count
 * @param tumourArea   rim area A, a.u.·s (mean; ±25 % uniform per pixel)
 * @param tumourMu     rim μ, ln s
 * @param tumourSigma  rim σ
 * @param tumourT0S    rim mean onset, s
 * @param jitterS      half-range of the uniform per-pixel onset jitter, s (every region)
 * @param tissueDelayS surrounding tissue's mean onset after the tumour's, s
 * @param tissueArea   tissue area A, a.u.·s
 * @param tissueMu     tissue μ, ln s
 * @param tissueSigma  tissue σ
 * @param speckleRho   frame-to-frame correlation of the complex speckle field (0 = independent frames)
 * @param seed         random seed
 */
public record MapPhantom(int width, int height, double fps, int frames, double tumourArea, double tumourMu,
                         double tumourSigma, double tumourT0S, double jitterS, double tissueDelayS,
                         double tissueArea, double tissueMu, double tissueSigma, double speckleRho, long seed) {
    /** Background (tissue without contrast) power, a.u. */
    public static final double BACKGROUND = 30;
    /** Mean of the exponential noise floor, a.u. */
    public static final double NOISE_FLOOR = 2;
    /** Dynamic range of the log compression, dB. */
    public static final double DYNAMIC_RANGE_DB = 40;

    /**
     * The default realistic phantom: 96×72 pixels, 60 s at 8 frames/s, rim bolus rising over 8.3 s from
     * 5 s, onset jitter ±4 s, surrounding tissue 7 s later, speckle field correlation 0.5 between frames (0.25 in intensity).
     */
    public static MapPhantom realistic(long seed) {
        return new MapPhantom(96, 72, 8, 480, 1800, Math.log(13), 0.55, 5, 4, 7, 1500, Math.log(13), 0.5, 0.5,
                seed);
    }

    /** @return a copy with another size and frame count */
    public MapPhantom withSize(int w, int h, int n) {
        return new MapPhantom(w, h, fps, n, tumourArea, tumourMu, tumourSigma, tumourT0S, jitterS, tissueDelayS,
                tissueArea, tissueMu, tissueSigma, speckleRho, seed);
    }

    /** @return a copy with another onset jitter (±s) and tissue delay (s) */
    public MapPhantom withTiming(double jitter, double delay) {
        return new MapPhantom(width, height, fps, frames, tumourArea, tumourMu, tumourSigma, tumourT0S, jitter, delay,
                tissueArea, tissueMu, tissueSigma, speckleRho, seed);
    }

    /** @return a copy whose rim bolus rises from onset to peak in {@code riseS} seconds (same σ and area) */
    public MapPhantom withTumourRise(double riseS) {
        double mu = Math.log(riseS) + tumourSigma * tumourSigma;
        return new MapPhantom(width, height, fps, frames, tumourArea, mu, tumourSigma, tumourT0S, jitterS,
                tissueDelayS, tissueArea, tissueMu, tissueSigma, speckleRho, seed);
    }

    /** @return a copy with another rim area (a.u.·s) */
    public MapPhantom withTumourArea(double a) {
        return new MapPhantom(width, height, fps, frames, a, tumourMu, tumourSigma, tumourT0S, jitterS,
                tissueDelayS, tissueArea, tissueMu, tissueSigma, speckleRho, seed);
    }

    /** @return the tumour ellipse: the central 60 % × 64 % of the frame */
    public Ellipse tumour() {
        return new Ellipse(width * 0.5, height * 0.45, width * 0.3, height * 0.32);
    }

    /** @return the necrotic core: same centre, semi-axes /√2 (half the tumour's area) */
    public Ellipse core() {
        Ellipse t = tumour();
        return new Ellipse(t.cx(), t.cy(), t.rx() / Math.sqrt(2), t.ry() / Math.sqrt(2));
    }

    /**
     * Per-pixel truth (row-major arrays).
     *
     * @param region 0 tissue, 1 perfused rim, 2 necrotic core
     * @param onsetS bolus onset, s (NaN in the core)
     * @param ttpS   time to peak, s (NaN in the core)
     * @param pe     peak enhancement, linear a.u. (0 in the core)
     */
    public record Truth(byte[] region, double[] area, double[] onsetS, double[] ttpS, double[] pe) {
        /** Region codes. */
        public static final byte TISSUE = 0;
        public static final byte RIM = 1;
        public static final byte CORE = 2;

        /** @return whether pixel {@code i} enhances */
        public boolean perfused(int i) {
            return region[i] != CORE;
        }

        /** @return a mask of the pixels of region {@code r} */
        public boolean[] mask(byte r) {
            boolean[] m = new boolean[region.length];
            for (int i = 0; i < m.length; i++) {
                m[i] = region[i] == r;
            }
            return m;
        }
    }

    /** The generated loop and its truth. */
    public record Generated(CineLoop loop, Truth truth) {
    }

    /** @return the loop and its per-pixel truth */
    public Generated generate() {
        SplittableRandom root = new SplittableRandom(seed);
        Truth truth = truth(root.split());
        SplittableRandom speckleRng = root.split();
        SplittableRandom noiseRng = root.split();
        double[] times = CineLoop.regularTimes(frames, 1.0 / fps);
        int gw = width / 2 + 1;
        int gh = height / 2 + 1;
        double[] re = new double[gw * gh];
        double[] im = new double[gw * gh];
        double keep = Math.sqrt(1 - speckleRho * speckleRho);
        float[][] out = new float[frames][];
        for (int f = 0; f < frames; f++) {
            for (int g = 0; g < re.length; g++) {
                double a = speckleRng.nextGaussian() * Math.sqrt(0.5);
                double b = speckleRng.nextGaussian() * Math.sqrt(0.5);
                re[g] = f == 0 ? a : speckleRho * re[g] + keep * a;
                im[g] = f == 0 ? b : speckleRho * im[g] + keep * b;
            }
            out[f] = frame(truth, times[f], re, im, gw, noiseRng);
        }
        LoopMetadata meta = LoopMetadata.simple("map-phantom", "SYNTHETIC", "synthetic");
        return new Generated(new CineLoop(width, height, times, 0.25, meta, FrameSource.of(out)), truth);
    }

    private float[] frame(Truth truth, double t, double[] re, double[] im, int gw, SplittableRandom noiseRng) {
        float[] g = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int k = (y / 2) * gw + x / 2;
                double speckle = re[k] * re[k] + im[k] * im[k];
                double c = truth.region()[i] == Truth.CORE ? 0 : bolus(truth, i, t);
                double noise = -NOISE_FLOOR * Math.log1p(-noiseRng.nextDouble());
                double p = (BACKGROUND + c) * speckle + noise;
                g[i] = SyntheticLoopGenerator.compress(p, DYNAMIC_RANGE_DB, 255);
            }
        }
        return g;
    }

    private double bolus(Truth truth, int i, double t) {
        double tau = t - truth.onsetS()[i];
        if (tau <= 0) {
            return 0;
        }
        boolean rim = truth.region()[i] == Truth.RIM;
        double mu = rim ? tumourMu : tissueMu;
        double s = rim ? tumourSigma : tissueSigma;
        double z = (Math.log(tau) - mu) / s;
        return truth.area()[i] * Math.exp(-0.5 * z * z) / (Math.sqrt(2 * Math.PI) * s * tau);
    }

    private Truth truth(SplittableRandom rng) {
        int n = width * height;
        byte[] region = new byte[n];
        double[] area = new double[n];
        double[] onset = new double[n];
        double[] ttp = new double[n];
        double[] pe = new double[n];
        Ellipse tumour = tumour();
        Ellipse core = core();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                byte r = !tumour.containsPixel(x, y) ? Truth.TISSUE : core.containsPixel(x, y) ? Truth.CORE : Truth.RIM;
                region[i] = r;
                double jitter = (2 * rng.nextDouble() - 1) * jitterS;
                double v = 2 * rng.nextDouble() - 1;
                if (r == Truth.CORE) {
                    onset[i] = Double.NaN;
                    ttp[i] = Double.NaN;
                    continue;
                }
                boolean rim = r == Truth.RIM;
                double mu = rim ? tumourMu : tissueMu;
                double s = rim ? tumourSigma : tissueSigma;
                area[i] = rim ? tumourArea * (1 + 0.25 * v) : tissueArea * (1 + 0.1 * v);
                onset[i] = tumourT0S + (rim ? 0 : tissueDelayS) + jitter;
                ttp[i] = onset[i] + Math.exp(mu - s * s);
                pe[i] = area[i] * Math.exp(s * s / 2 - mu) / (Math.sqrt(2 * Math.PI) * s);
            }
        }
        return new Truth(region, area, onset, ttp, pe);
    }
}
