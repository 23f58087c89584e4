/**
 * Synthetic CEUS cine loops with known truth: the project's phantom maker.
 *
 * <p>{@link org.ceusperfusion.synth.SyntheticLoopSpec} describes a loop (size, frame times, a tumour
 * ellipse with a lognormal bolus per pixel, a necrotic core, a normal-tissue reference region,
 * speckle, noise floor, log compression, seed); {@link org.ceusperfusion.synth.SyntheticLoopGenerator}
 * turns it into an in-memory {@link org.ceusperfusion.cine.CineLoop} plus a
 * {@link org.ceusperfusion.synth.SyntheticTruth}; {@link org.ceusperfusion.synth.LoopFiles} writes
 * DICOM, TIFF or AVI files and the {@code <name>.truth.json} sidecar. {@link
 * org.ceusperfusion.synth.TestDataMain} regenerates the bundled files in {@code test-data/}.
 *
 * <p>Realistic phantoms (perfusion-reference.md §8; docs/phantoms.md): a {@link
 * org.ceusperfusion.synth.RealisticSpec} is a plain spec plus {@link org.ceusperfusion.synth.Realism}
 * (AR(1) bubble speckle with decorrelation time τ, frozen tissue speckle, multiplicative and region-gain
 * noise, recirculation, onset spread, weak rim, contrast mode, destruction flash with/without refill,
 * artefact frames); {@link org.ceusperfusion.synth.RealisticLoopGenerator} renders it with a
 * {@link org.ceusperfusion.synth.RealisticTruth} (whole-curve and first-pass ROI truth, {@link
 * org.ceusperfusion.synth.PixelTruth} per pixel, {@link org.ceusperfusion.synth.MixtureCurve} of any ROI,
 * flash frame indices, clipping); {@link org.ceusperfusion.synth.RealisticLoopFiles} writes it.
 * Named scenarios in {@link org.ceusperfusion.synth.RealisticPhantoms}: {@code standard},
 * {@code coarseFastBolus}, {@code slowBolus}, {@code recirculation}, {@code heterogeneousTumour},
 * {@code weakRimNecrosis}, {@code contrastMode}, {@code destructionWithRefill}, {@code destructionNoRefill},
 * {@code withArtefactFlash}. {@link org.ceusperfusion.synth.CurveNoiseSampler} draws ROI-mean curves with
 * the same noise statistics without rendering frames.
 *
 * <p>Everything is deterministic: the same spec (including its seed) gives byte-identical files.
 * Pure Java except the TIFF and AVI writers, which use ImageJ's non-GUI encoders.
 */
package org.ceusperfusion.synth;
