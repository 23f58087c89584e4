package org.ceusperfusion.synth;

import java.util.SplittableRandom;

import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;

/**
 * Generates a synthetic CEUS cine loop and its truth from a {@link SyntheticLoopSpec}.
 *
 * <p>Deterministic: one {@link SplittableRandom} seeded with {@code spec.seed()} is split, in a fixed
 * order, into streams for frame times, per-pixel parameters, speckle and noise; all transcendental
 * functions use {@link StrictMath}. The same spec therefore gives the same grey values on every JVM.
 *
 * <pre>{@code
 * SyntheticLoop s = SyntheticLoopGenerator.generate(SyntheticLoopSpec.defaults());
 * CineLoop loop = s.loop();                 // 8-bit grey values as float
 * double auc = s.truth().tumour().auc();    // true AUC of the tumour ROI-mean curve, a.u.·s
 * }</pre>
 */
public final class SyntheticLoopGenerator {

    private SyntheticLoopGenerator() {
    }

    /**
     * @param spec what to generate
     * @return the loop (format {@code SYNTHETIC}, timing source {@code synthetic}) and its truth
     * @throws IllegalArgumentException when {@link SyntheticLoopSpec#validate()} fails, the normal ROI
     *                                  overlaps the tumour or an ROI is empty
     */
    public static SyntheticLoop generate(SyntheticLoopSpec spec) {
        spec.validate();
        SplittableRandom root = new SplittableRandom(spec.seed());
        SplittableRandom timingRng = root.split();
        SplittableRandom mapRng = root.split();
        SplittableRandom speckleRng = root.split();
        SplittableRandom noiseRng = root.split();
        double[] times = spec.timing().times(timingRng);
        PixelMap map = PixelMap.build(spec, mapRng);
        SyntheticTruth truth = TruthCalculator.truth(spec, map, times);
        float[][] frames = new float[times.length][];
        FrameRenderer renderer = new FrameRenderer(spec, map);
        for (int k = 0; k < times.length; k++) {
            frames[k] = renderer.render(times[k], speckleRng, noiseRng);
        }
        LoopMetadata meta = LoopMetadata.simple(spec.name(), "SYNTHETIC", "synthetic");
        CineLoop loop = new CineLoop(spec.width(), spec.height(), times, spec.pixelSizeMm(), meta,
                FrameSource.of(frames));
        return new SyntheticLoop(loop, truth);
    }

    /**
     * The log compression of the spec: {@code G = round(maxGrey/DR · 10·log10(P))} clamped to
     * {@code 0..maxGrey} (P ≤ 0 gives 0).
     *
     * @param powerLinear linear echo power, a.u. (P_ref = 1)
     * @return the grey level
     */
    public static int compress(double powerLinear, double dynamicRangeDb, int maxGrey) {
        if (!(powerLinear > 0)) {
            return 0;
        }
        long g = Math.round(maxGrey / dynamicRangeDb * 10 * StrictMath.log10(powerLinear));
        return (int) Math.max(0, Math.min(maxGrey, g));
    }

    /** The inverse of {@link #compress}: {@code P = 10^(G·DR/(10·maxGrey))}. */
    public static double linearise(double grey, double dynamicRangeDb, int maxGrey) {
        return StrictMath.pow(10, grey * dynamicRangeDb / (10.0 * maxGrey));
    }

    /** Renders frames one at a time, consuming the speckle and noise streams in a fixed order. */
    private static final class FrameRenderer {
        private final SyntheticLoopSpec spec;
        private final PixelMap map;

        FrameRenderer(SyntheticLoopSpec spec, PixelMap map) {
            this.spec = spec;
            this.map = map;
        }

        float[] render(double tS, SplittableRandom speckleRng, SplittableRandom noiseRng) {
            double[] speckle = speckle(speckleRng);
            float[] g = new float[map.area.length];
            for (int i = 0; i < g.length; i++) {
                BolusSpec b = map.region[i] == PixelMap.NORMAL ? spec.normalBolus() : spec.tumourBolus();
                double c = map.area[i] == 0 ? 0 : map.area[i] * b.shape(tS - map.onsetS[i]);
                double noise = spec.noiseFloorRandom() ? spec.noiseFloorMean() * exponential(noiseRng)
                        : spec.noiseFloorMean();
                double p = (spec.backgroundPower() + c) * speckle[i] + noise;
                g[i] = compress(p, spec.dynamicRangeDb(), spec.maxGrey());
            }
            return g;
        }

        private double[] speckle(SplittableRandom rng) {
            int w = map.width;
            int h = map.height;
            double[] s = new double[w * h];
            switch (spec.speckle()) {
                case NONE -> java.util.Arrays.fill(s, 1.0);
                case INDEPENDENT -> {
                    for (int i = 0; i < s.length; i++) {
                        s[i] = exponential(rng);
                    }
                }
                case CORRELATED_2X2 -> {
                    int ox = rng.nextInt(2);
                    int oy = rng.nextInt(2);
                    int gw = w / 2 + 2;
                    double[] grains = new double[gw * (h / 2 + 2)];
                    for (int i = 0; i < grains.length; i++) {
                        grains[i] = exponential(rng);
                    }
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            s[y * w + x] = grains[((y + oy) / 2) * gw + (x + ox) / 2];
                        }
                    }
                }
                default -> throw new IllegalStateException(spec.speckle().toString());
            }
            return s;
        }

        private static double exponential(SplittableRandom rng) {
            return -StrictMath.log1p(-rng.nextDouble());
        }
    }
}
