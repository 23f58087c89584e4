package org.ceusperfusion.synth;

/**
 * What is known exactly about a realistic loop.
 *
 * <p>{@link #base()} is a {@link SyntheticTruth} whose ROI truths are the WHOLE-curve parameters of the
 * pixel-averaged noise-free curve (PE, TTP from a 1 ms grid; AUC, mTT from the exact moments; AUC and mTT
 * are NaN in destruction loops), baseline = the effective tissue baseline (contrast mode included); it is
 * what the file writers put in the truth JSON. {@link #tumourFirstPass()} and {@link #normalFirstPass()}
 * hold the same for the first pass alone (no recirculation hump). In all four, {@link RoiTruth#curve()} is the
 * FIRST-PASS curve ({@code null} in destruction loops) and {@code closedForm} is false; use
 * {@link #curve(boolean[])} for the whole noise-free ROI-mean curve of any mask.
 *
 * @param realistic          the spec that made the loop
 * @param base               whole-curve truth of the tumour and normal ROIs (schema of the plain generator)
 * @param tumourFirstPass    first-pass truth of the tumour ROI
 * @param normalFirstPass    first-pass truth of the normal ROI
 * @param pixels             exact per-pixel truth (region, area, onset, shape)
 * @param artefactFrames     indices of the artefact flash frames, ascending
 * @param destructionFrames  indices of the destruction flash frames, ascending (empty without destruction)
 * @param replenishment      truth of the destruction/refill, or {@code null} without destruction
 * @param clippedTumourSamples tumour-ROI pixel samples whose grey exceeded maxGrey before clamping (top clipping)
 * @param tumourSamples      tumour-ROI pixel samples in the loop (pixels × frames)
 */
public record RealisticTruth(RealisticSpec realistic, SyntheticTruth base, RoiTruth tumourFirstPass,
                             RoiTruth normalFirstPass, PixelTruth pixels, int[] artefactFrames,
                             int[] destructionFrames, Replenishment replenishment, long clippedTumourSamples,
                             long tumourSamples) {

    public RealisticTruth {
        artefactFrames = artefactFrames.clone();
        destructionFrames = destructionFrames.clone();
    }

    /** @return whole-curve truth of the tumour ROI */
    public RoiTruth tumour() {
        return base.tumour();
    }

    /** @return whole-curve truth of the normal ROI */
    public RoiTruth normal() {
        return base.normal();
    }

    /** @return frame times, s */
    public double[] timesS() {
        return base.timesS();
    }

    /** @return fraction of tumour-ROI pixel samples clipped at the top grey level (0..1) */
    public double clippedTumourFraction() {
        return tumourSamples == 0 ? 0 : clippedTumourSamples / (double) tumourSamples;
    }

    /** @return indices of every flash frame (artefact and destruction), ascending, without duplicates */
    public int[] flashFrames() {
        return java.util.stream.IntStream.concat(java.util.Arrays.stream(artefactFrames),
                java.util.Arrays.stream(destructionFrames)).distinct().sorted().toArray();
    }

    /** @return the true ROI-mean curve (above baseline) of any ROI mask, row-major width·height */
    public MixtureCurve curve(boolean[] mask) {
        return MixtureCurve.of(pixels, mask, realistic.realism());
    }

    /** @return the artefact frame indices (a copy) */
    @Override
    public int[] artefactFrames() {
        return artefactFrames.clone();
    }

    /** @return the destruction frame indices (a copy) */
    @Override
    public int[] destructionFrames() {
        return destructionFrames.clone();
    }

    /**
     * Truth of a destruction flash, in the terms of {@link org.ceusperfusion.model.ReplenishmentModel}
     * ({@code f = O + A(1 − e^(−β(t − tf)))}).
     *
     * @param tfS          flash time tf, s from the first frame (refill starts here)
     * @param refill       whether the signal refills
     * @param betaPerS     β, 1/s (NaN without refill)
     * @param tumourA      tumour-ROI mean plateau just before the flash, above baseline, a.u. (= A with refill)
     * @param normalA      normal-ROI mean plateau just before the flash, a.u.
     * @param floorFraction fraction of the plateau left without refill (0 with refill)
     * @param baseline     effective tissue baseline O, a.u.
     */
    public record Replenishment(double tfS, boolean refill, double betaPerS, double tumourA, double normalA,
                                double floorFraction, double baseline) {
    }
}
