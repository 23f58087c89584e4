package org.ceusperfusion.synth;

import java.util.List;

/**
 * Named realistic phantoms (perfusion-reference.md §8) with exact truth: generate them with
 * {@link RealisticLoopGenerator#generate}. All share a 120×90 px frame at 0.5 mm, DR 40 dB, the default
 * tumour ellipse {@code oval:40,27,40,30} and normal ROI {@code oval:8,62,24,20}, background 30 a.u.,
 * bubble speckle decorrelation τ = 1 s on 1-px cells, multiplicative CV 0.1 and a region gain CV 0.05 over
 * 5 s ({@link Realism#defaults()}), unless said otherwise. Each generates in about a second or less.
 */
public final class RealisticPhantoms {
    /** Default frame rate of the phantoms, frames/s. */
    public static final double FPS = 10;

    private RealisticPhantoms() {
    }

    private static SyntheticLoopSpec base(String name, double fps, double durationS, long seed) {
        if (!(fps >= 1 && fps <= 35)) {
            throw new IllegalArgumentException("frame rate " + fps + " outside 1..35 frames/s");
        }
        int frames = (int) Math.round(durationS * fps) + 1;
        return SyntheticLoopSpec.defaults().withName(name).withTiming(FrameTiming.regular(fps, frames)).withSeed(seed);
    }

    /** A lognormal bolus whose mode (TTP from onset) is {@code modeS} seconds. */
    private static BolusSpec bolus(double area, double modeS, double sigma, double t0S, double variation) {
        return BolusSpec.of(area, StrictMath.log(modeS) + sigma * sigma, sigma, t0S)
                .withVariation(variation, AmplitudeVariation.SMOOTH);
    }

    /**
     * The realistic default: the default boluses (tumour t0 4 s, normal t0 5 s) at 10 frames/s for 60 s.
     *
     * @param seed seed of every random draw
     */
    public static RealisticSpec standard(long seed) {
        return new RealisticSpec(base("standard", FPS, 60, seed), Realism.defaults());
    }

    /**
     * A fast arterial bolus: tumour rises from onset (4 s) to peak in 3 s (σ 0.35, area 1500 a.u.·s), normal
     * tissue in 4 s; 40 s long, sampled at {@code fps} (1–35 frames/s; at 1 fps the rise spans 3 samples).
     *
     * @param fps  frame rate, frames/s (1..35)
     * @param seed seed
     */
    public static RealisticSpec coarseFastBolus(double fps, long seed) {
        SyntheticLoopSpec b = base("fast-bolus", fps, 40, seed)
                .withTumourBolus(bolus(1500, 3, 0.35, 4, 0.2))
                .withNormal(SyntheticLoopSpec.defaults().normalRoi(), bolus(900, 4, 0.4, 4.5, 0.1));
        return new RealisticSpec(b, Realism.defaults());
    }

    /**
     * A slow bolus: rise of 15 s from onset (5 s), σ 0.6, 120 s long at {@code fps} frames/s.
     *
     * @param fps  frame rate, frames/s (1..35)
     * @param seed seed
     */
    public static RealisticSpec slowBolus(double fps, long seed) {
        SyntheticLoopSpec b = base("slow-bolus", fps, 120, seed)
                .withTumourBolus(bolus(6000, 15, 0.6, 5, 0.2))
                .withNormal(SyntheticLoopSpec.defaults().normalRoi(), bolus(4000, 18, 0.6, 6, 0.1));
        return new RealisticSpec(b, Realism.defaults());
    }

    /**
     * Recirculation: the default boluses plus a second hump 15 s after each pixel's onset, 30 % of the first
     * pass's area, 1.5× wider; 10 frames/s for 80 s. Truth: {@link RealisticTruth#tumourFirstPass()} (first
     * pass alone) and {@link RealisticTruth#tumour()} (whole curve).
     *
     * @param seed seed
     */
    public static RealisticSpec recirculation(long seed) {
        return new RealisticSpec(base("recirculation", FPS, 80, seed),
                Realism.defaults().withRecirculation(new Realism.Recirculation(15, 0.3, 1.5)));
    }

    /**
     * A heterogeneous tumour: per-pixel tumour onsets spread uniformly by ±{@code onsetSpreadS} around 4 s;
     * the surrounding tissue (normal bolus) arrives {@code surroundDelayS} after the tumour (typically 5–15 s);
     * 10 frames/s for 80 s.
     *
     * @param onsetSpreadS   half-range of the uniform onset spread, s (≥ 0)
     * @param surroundDelayS delay of the surrounding tissue's onset after the tumour's, s
     * @param seed           seed
     */
    public static RealisticSpec heterogeneousTumour(double onsetSpreadS, double surroundDelayS, long seed) {
        SyntheticLoopSpec d = SyntheticLoopSpec.defaults();
        BolusSpec n = d.normalBolus();
        BolusSpec later = new BolusSpec(n.meanArea(), n.mu(), n.sigma(), d.tumourBolus().t0S() + surroundDelayS,
                n.amplitudeVariation(), n.variation(), 0);
        SyntheticLoopSpec b = base("heterogeneous", FPS, 80, seed).withNormal(d.normalRoi(), later);
        return new RealisticSpec(b, Realism.defaults().withOnsetSpread(onsetSpreadS, false));
    }

    /**
     * A necrotic core (ellipse centre (60, 42), semi-axes 11×8 px, ≈ 29 % of the tumour) with a weakly
     * enhancing rim around it: tumour pixels within {@code rimWidthPx} of the core get
     * {@code rimRatio ×} the normal tissue's mean area. 10 frames/s for 60 s. Truth:
     * {@link PixelTruth#necroticFraction(Ellipse)} (rim counts as perfused).
     *
     * @param rimWidthPx rim width, px (&gt; 0)
     * @param rimRatio   rim area / normal mean area (0..1, typically 0.1–0.2)
     * @param seed       seed
     */
    public static RealisticSpec weakRimNecrosis(double rimWidthPx, double rimRatio, long seed) {
        SyntheticLoopSpec d = SyntheticLoopSpec.defaults();
        SyntheticLoopSpec b = base("rim-necrosis", FPS, 60, seed).withTumour(d.tumour(), new Ellipse(60, 42, 11, 8));
        return new RealisticSpec(b, Realism.defaults().withRim(new Realism.WeakRim(rimWidthPx, rimRatio)));
    }

    /**
     * Contrast-specific mode: tissue and noise floor suppressed by 30 dB ({@link RealisticSpec#CONTRAST_SUPPRESSION}),
     * so pre-contrast frames and necrosis are grey 0–5 (bottom clipping); the default core is present.
     * With {@code topClipping} the tumour area is ×70 so that its peak exceeds grey 255 before clamping
     * ({@link RealisticTruth#clippedTumourFraction()} records how much). 10 frames/s for 60 s.
     *
     * @param topClipping whether the tumour peak saturates at 255
     * @param seed        seed
     */
    public static RealisticSpec contrastMode(boolean topClipping, long seed) {
        SyntheticLoopSpec b = base(topClipping ? "contrast-clipped" : "contrast", FPS, 60, seed);
        if (topClipping) {
            b = b.withTumourBolus(b.tumourBolus().withMeanArea(70 * b.tumourBolus().meanArea()));
        }
        return new RealisticSpec(b, Realism.defaults().withContrastMode(true));
    }

    /** Contrast mode without top clipping: {@code contrastMode(false, seed)}. */
    public static RealisticSpec contrastMode(long seed) {
        return contrastMode(false, seed);
    }

    /**
     * Destruction–replenishment: plateau (tumour level 300 a.u., normal 200 a.u., reached through the bolus
     * CDF), a 2-frame bright destruction flash (×40) at 30 s, then refill with β = 0.5 /s; 10 frames/s for 60 s.
     * Truth: {@link RealisticTruth#replenishment()}.
     *
     * @param seed seed
     */
    public static RealisticSpec destructionWithRefill(long seed) {
        return destruction("destruction-refill", true, seed);
    }

    /**
     * Destruction without refill (targeted/static bubbles): bolus, plateau, a 2-frame flash at 30 s, then the
     * enhancement stays at 0 (floor fraction 0); 10 frames/s for 60 s.
     *
     * @param seed seed
     */
    public static RealisticSpec destructionNoRefill(long seed) {
        return destruction("destruction-no-refill", false, seed);
    }

    private static RealisticSpec destruction(String name, boolean refill, long seed) {
        SyntheticLoopSpec b = base(name, FPS, 60, seed).withTumourBolus(bolus(300, 5, 0.5, 2, 0.2))
                .withNormal(SyntheticLoopSpec.defaults().normalRoi(), bolus(200, 6, 0.5, 3, 0.1));
        return new RealisticSpec(b, Realism.defaults().withDestruction(new Realism.Destruction(30, 2, 40, refill, 0.5, 0)));
    }

    /**
     * The standard phantom with artefact frames: bright (×50) at frames 100 and 301–302, dark (×0.02) at 200.
     *
     * @param seed seed
     */
    public static RealisticSpec withArtefactFlash(long seed) {
        RealisticSpec s = withArtefactFlash(standard(seed), 50, 100, 301, 302);
        return withArtefactFlash(s, 0.02, 200);
    }

    /**
     * Adds artefact flash frames to a spec (kept with those it already has).
     *
     * @param spec   the phantom
     * @param gain   whole-frame power factor (≫ 1 bright, ≪ 1 dark)
     * @param frames frame indices
     * @return the copy
     */
    public static RealisticSpec withArtefactFlash(RealisticSpec spec, double gain, int... frames) {
        List<Realism.ArtefactFlash> a = new java.util.ArrayList<>(spec.realism().artefacts());
        for (int f : frames) {
            a.add(new Realism.ArtefactFlash(f, gain));
        }
        return spec.withRealism(spec.realism().withArtefacts(a));
    }
}
