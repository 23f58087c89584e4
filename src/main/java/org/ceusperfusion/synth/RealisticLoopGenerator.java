package org.ceusperfusion.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;

/**
 * Generates a realistic CEUS loop (signal model in {@link Realism}) and its exact truth from a
 * {@link RealisticSpec}. Deterministic: one {@link SplittableRandom} seeded with the base seed is split in
 * a fixed order into streams for frame times, the pixel map, speckle, noise floor, onset spread and gain.
 * The plain {@link SyntheticLoopGenerator} is not changed by this class.
 *
 * <pre>{@code
 * RealisticLoop r = RealisticLoopGenerator.generate(RealisticPhantoms.recirculation(7));
 * double pe1 = r.truth().tumourFirstPass().pe();   // first-pass PE of the ROI-mean curve, a.u.
 * }</pre>
 */
public final class RealisticLoopGenerator {

    private RealisticLoopGenerator() {
    }

    /**
     * @param rs what to generate
     * @return the loop (format {@code SYNTHETIC}) and its truth
     * @throws IllegalArgumentException on bad geometry, overlapping ROIs or an artefact frame past the end
     */
    public static RealisticLoop generate(RealisticSpec rs) {
        return generate(rs, null);
    }

    /**
     * As {@link #generate(RealisticSpec)}, with the whole frame moved rigidly in the plane: frame k shows the
     * phantom moved by ({@code motion.dxPx(t_k)}, {@code motion.dyPx(t_k)}) pixels (the truth of the shift per
     * frame). The truth (curves, pixel map, necrotic fraction) is that of the unmoved phantom, i.e. of ROIs
     * drawn at a time where the shift is 0. {@code null} or a still motion gives the unmoved loop byte for byte.
     *
     * @param rs     what to generate
     * @param motion the rigid motion, or {@code null}
     * @return the loop and its truth
     * @throws IllegalArgumentException as {@link #generate(RealisticSpec)}
     */
    public static RealisticLoop generate(RealisticSpec rs, RigidMotion motion) {
        SyntheticLoopSpec spec = rs.base().validate();
        SplittableRandom root = new SplittableRandom(spec.seed());
        SplittableRandom timingRng = root.split();
        SplittableRandom mapRng = root.split();
        SplittableRandom speckleRng = root.split();
        SplittableRandom noiseRng = root.split();
        SplittableRandom spreadRng = root.split();
        SplittableRandom gainRng = root.split();
        double[] times = spec.timing().times(timingRng);
        PixelTruth px = PixelTruth.build(spec, rs.realism(), mapRng, spreadRng);
        int[] artefacts = artefactFrames(rs.realism(), times.length);
        int[] destruction = destructionFrames(rs.realism(), times);
        double[] frameGain = frameGains(rs.realism(), times.length, destruction);
        boolean[] tumourMask = spec.tumour().mask(spec.width(), spec.height());
        RealisticRenderer renderer = new RealisticRenderer(rs, px, tumourMask, speckleRng, noiseRng, gainRng);
        float[][] frames = new float[times.length][];
        for (int k = 0; k < times.length; k++) {
            boolean flash = java.util.Arrays.binarySearch(destruction, k) >= 0;
            double curveS = flash ? Math.nextDown(rs.realism().destruction().timeS()) : times[k];
            frames[k] = motion == null || motion.isStill() ? renderer.render(times[k], frameGain[k], curveS)
                    : renderer.render(times[k], frameGain[k], curveS, motion.dxPx(times[k]), motion.dyPx(times[k]));
        }
        RealisticTruth truth = RealisticTruthCalculator.truth(rs, px, times, artefacts, destruction,
                renderer.clipped(), renderer.tumourSamples());
        LoopMetadata meta = LoopMetadata.simple(spec.name(), "SYNTHETIC", "synthetic");
        CineLoop loop = new CineLoop(spec.width(), spec.height(), times, spec.pixelSizeMm(), meta,
                FrameSource.of(frames));
        return new RealisticLoop(loop, truth);
    }

    private static int[] artefactFrames(Realism r, int n) {
        List<Integer> out = new ArrayList<>();
        for (Realism.ArtefactFlash a : r.artefacts()) {
            if (a.frameIndex() >= n) {
                throw new IllegalArgumentException("artefact frame " + a.frameIndex() + " past the last frame " + (n - 1));
            }
            out.add(a.frameIndex());
        }
        return out.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
    }

    /** @return the first {@code frames} frame indices at or after the destruction time */
    private static int[] destructionFrames(Realism r, double[] times) {
        Realism.Destruction d = r.destruction();
        if (d == null) {
            return new int[0];
        }
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < times.length && out.size() < d.frames(); k++) {
            if (times[k] >= d.timeS()) {
                out.add(k);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] frameGains(Realism r, int n, int[] destruction) {
        double[] g = new double[n];
        java.util.Arrays.fill(g, 1.0);
        for (int k : destruction) {
            g[k] *= r.destruction().flashGain();
        }
        for (Realism.ArtefactFlash a : r.artefacts()) {
            g[a.frameIndex()] *= a.gain();
        }
        return g;
    }
}
