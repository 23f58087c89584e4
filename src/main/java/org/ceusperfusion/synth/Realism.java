package org.ceusperfusion.synth;

import java.util.List;
import java.util.Objects;

/**
 * The realistic additions to a {@link SyntheticLoopSpec} (perfusion-reference.md §8), used by
 * {@link RealisticLoopGenerator}. Immutable; start from {@link #defaults()} and change copies with the
 * {@code with…} methods. {@link #off()} reproduces the old model's statistics (independent speckle).
 *
 * <p>Per pixel i and frame time t (linear echo power, a.u.):
 * {@code P = G_r(t) · M_c(t) · (B · T_c + c_i(t) · S_c(t)) + N_i(t)}, where c is the pixel's enhancement
 * above baseline, B the background (tissue) power, T_c the frozen tissue speckle of the pixel's speckle cell
 * c (exponential, mean 1, drawn once), S_c(t) = |z_c(t)|² the bubble speckle of the cell (z complex Gaussian,
 * AR(1) in time with coefficient {@code exp(−Δt/(2τ))}, so S is exponential with mean 1 at every frame and
 * its autocorrelation is {@code exp(−|Δt|/τ)}), M_c(t) multiplicative noise (lognormal, mean 1, CV
 * {@code multiplicativeCv}, independent per cell and frame), G_r(t) a slow gain common to the region r
 * (tumour ellipse or outside it; lognormal, mean 1, CV {@code gainCv}, log-AR(1) with correlation time
 * {@code gainTauS}) and N the noise floor of the base spec.
 *
 * @param speckleTauS      bubble speckle decorrelation time τ, s (0: independent each frame; +∞: frozen)
 * @param speckleGrainPx   speckle cell size, px (square cells of grainPx × grainPx share T, S and M; ≥ 1)
 * @param multiplicativeCv CV of the multiplicative per-cell noise M (≥ 0; 0 = off)
 * @param gainCv           CV of the region-common gain G (≥ 0; 0 = off)
 * @param gainTauS         correlation time of the gain, s (&gt; 0)
 * @param onsetSpreadS     per-pixel onset spread inside the tumour, s: uniform half-range or normal SD (≥ 0)
 * @param normalOnsetSpread whether the onset spread is normal (true) or uniform (false)
 * @param recirculation    second hump of every pixel, or {@code null}
 * @param rim              weakly enhancing rim around the core, or {@code null}
 * @param contrastMode     contrast-specific mode: tissue suppressed (B and noise floor scaled to reach grey 0)
 * @param destruction      destruction flash (plateau before it), or {@code null}
 * @param artefacts        isolated artefact flash frames (empty list: none)
 */
public record Realism(double speckleTauS, int speckleGrainPx, double multiplicativeCv, double gainCv, double gainTauS,
                      double onsetSpreadS, boolean normalOnsetSpread, Recirculation recirculation, WeakRim rim,
                      boolean contrastMode, Destruction destruction, List<ArtefactFlash> artefacts) {

    public Realism {
        Objects.requireNonNull(artefacts, "artefacts");
        artefacts = List.copyOf(artefacts);
        if (!(speckleTauS >= 0) || speckleGrainPx < 1 || !(multiplicativeCv >= 0) || !(gainCv >= 0)
                || !(gainTauS > 0) || !(onsetSpreadS >= 0)) {
            throw new IllegalArgumentException("bad realism: tau=" + speckleTauS + " s, grain=" + speckleGrainPx
                    + " px, multCv=" + multiplicativeCv + ", gainCv=" + gainCv + ", gainTau=" + gainTauS
                    + " s, onsetSpread=" + onsetSpreadS + " s");
        }
    }

    /** Independent speckle per pixel and frame, no extra noise, nothing else: the old model's statistics. */
    public static Realism off() {
        return new Realism(0, 1, 0, 0, 5, 0, false, null, null, false, null, List.of());
    }

    /** Realistic defaults: τ = 1 s, 1-px cells, multiplicative CV 0.1, gain CV 0.05 over 5 s. */
    public static Realism defaults() {
        return new Realism(1, 1, 0.1, 0.05, 5, 0, false, null, null, false, null, List.of());
    }

    /** @return a copy with bubble speckle decorrelation time τ (s) and cell size (px) */
    public Realism withSpeckle(double tauS, int grainPx) {
        return new Realism(tauS, grainPx, multiplicativeCv, gainCv, gainTauS, onsetSpreadS, normalOnsetSpread,
                recirculation, rim, contrastMode, destruction, artefacts);
    }

    /** @return a copy with multiplicative CV and gain CV / correlation time (s) */
    public Realism withNoise(double multCv, double gCv, double gTauS) {
        return new Realism(speckleTauS, speckleGrainPx, multCv, gCv, gTauS, onsetSpreadS, normalOnsetSpread,
                recirculation, rim, contrastMode, destruction, artefacts);
    }

    /** @return a copy with a tumour onset spread, s (uniform half-range, or normal SD when {@code normal}) */
    public Realism withOnsetSpread(double spreadS, boolean normal) {
        return new Realism(speckleTauS, speckleGrainPx, multiplicativeCv, gainCv, gainTauS, spreadS, normal,
                recirculation, rim, contrastMode, destruction, artefacts);
    }

    /** @return a copy with a recirculation hump ({@code null}: none) */
    public Realism withRecirculation(Recirculation v) {
        return new Realism(speckleTauS, speckleGrainPx, multiplicativeCv, gainCv, gainTauS, onsetSpreadS,
                normalOnsetSpread, v, rim, contrastMode, destruction, artefacts);
    }

    /** @return a copy with a weak rim ({@code null}: none) */
    public Realism withRim(WeakRim v) {
        return new Realism(speckleTauS, speckleGrainPx, multiplicativeCv, gainCv, gainTauS, onsetSpreadS,
                normalOnsetSpread, recirculation, v, contrastMode, destruction, artefacts);
    }

    /** @return a copy in contrast mode or not */
    public Realism withContrastMode(boolean v) {
        return new Realism(speckleTauS, speckleGrainPx, multiplicativeCv, gainCv, gainTauS, onsetSpreadS,
                normalOnsetSpread, recirculation, rim, v, destruction, artefacts);
    }

    /** @return a copy with a destruction flash ({@code null}: none) */
    public Realism withDestruction(Destruction v) {
        return new Realism(speckleTauS, speckleGrainPx, multiplicativeCv, gainCv, gainTauS, onsetSpreadS,
                normalOnsetSpread, recirculation, rim, contrastMode, v, artefacts);
    }

    /** @return a copy with these artefact flash frames */
    public Realism withArtefacts(List<ArtefactFlash> v) {
        return new Realism(speckleTauS, speckleGrainPx, multiplicativeCv, gainCv, gainTauS, onsetSpreadS,
                normalOnsetSpread, recirculation, rim, contrastMode, destruction, v);
    }

    /**
     * A second, smaller hump per pixel (recirculation): {@code areaRatio · A · shape'(t − t0 − delayS)}, where
     * shape' is the bolus lognormal stretched in time by {@code widthFactor} (μ' = μ + ln widthFactor, same σ).
     *
     * @param delayS      delay of the hump after the pixel's first-pass onset, s (&gt; 0; typically 10–25)
     * @param areaRatio   hump area / first-pass area (0..1)
     * @param widthFactor time stretch of the hump (&gt; 0; ≥ 1 makes it wider)
     */
    public record Recirculation(double delayS, double areaRatio, double widthFactor) {
        public Recirculation {
            if (!(delayS > 0) || !(areaRatio >= 0 && areaRatio <= 1) || !(widthFactor > 0)) {
                throw new IllegalArgumentException("bad recirculation: " + delayS + " s, " + areaRatio + ", "
                        + widthFactor);
            }
        }
    }

    /**
     * A weakly enhancing rim: tumour pixels outside the core but inside the core ellipse grown by
     * {@code widthPx} on both semi-axes get area {@code amplitudeRatio · normalBolus.meanArea} (perfused).
     *
     * @param widthPx        rim width, px (&gt; 0)
     * @param amplitudeRatio rim area / normal-tissue mean area (0..1, typically 0.1–0.2)
     */
    public record WeakRim(double widthPx, double amplitudeRatio) {
        public WeakRim {
            if (!(widthPx > 0) || !(amplitudeRatio > 0 && amplitudeRatio <= 1)) {
                throw new IllegalArgumentException("bad rim: " + widthPx + " px, ratio " + amplitudeRatio);
            }
        }
    }

    /**
     * A destruction flash. Before it every pixel follows a plateau {@code c = A · F(t − t0)} (F the lognormal
     * CDF of its bolus; A = the bolus area, read as the plateau level in a.u.). The first {@code frames} frames
     * at or after {@code timeS} are flash frames: whole-frame power × {@code flashGain}, showing the plateau
     * just before {@code timeS} (the bubbles being destroyed). After the
     * flash: with refill {@code c · (1 − e^(−β(t − timeS)))} (Wei 1998, {@link
     * org.ceusperfusion.model.ReplenishmentModel} with tf = timeS, A = the ROI plateau), without refill
     * {@code floorFraction · c} (static/targeted bubbles destroyed, the signal stays down).
     *
     * @param timeS         flash time, s from the first frame
     * @param frames        number of flash frames (1–3)
     * @param flashGain     power factor of the flash frames (e.g. 40 bright, 0.02 dark)
     * @param refill        whether the signal refills
     * @param betaPerS      refill rate β, 1/s (&gt; 0; unused without refill)
     * @param floorFraction fraction of the enhancement left after a flash without refill (0..1)
     */
    public record Destruction(double timeS, int frames, double flashGain, boolean refill, double betaPerS,
                              double floorFraction) {
        public Destruction {
            if (!Double.isFinite(timeS) || frames < 1 || frames > 3 || !(flashGain > 0) || !(betaPerS > 0)
                    || !(floorFraction >= 0 && floorFraction <= 1)) {
                throw new IllegalArgumentException("bad destruction flash: " + timeS + " s, " + frames + " frames");
            }
        }
    }

    /**
     * An isolated artefact frame: whole-frame power × {@code gain} at frame index {@code frameIndex}
     * (gain ≫ 1 a bright flash, ≪ 1 a dark frame). The enhancement itself is not changed.
     *
     * @param frameIndex index of the frame (0-based, must exist)
     * @param gain       power factor (&gt; 0)
     */
    public record ArtefactFlash(int frameIndex, double gain) {
        public ArtefactFlash {
            if (frameIndex < 0 || !(gain > 0)) {
                throw new IllegalArgumentException("bad artefact flash: frame " + frameIndex + ", gain " + gain);
            }
        }
    }
}
