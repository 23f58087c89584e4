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
 * <p>Everything is deterministic: the same spec (including its seed) gives byte-identical files.
 * Pure Java except the TIFF and AVI writers, which use ImageJ's non-GUI encoders.
 */
package org.ceusperfusion.synth;
