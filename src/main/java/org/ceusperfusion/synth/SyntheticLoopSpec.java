package org.ceusperfusion.synth;

import java.util.Objects;

/**
 * Everything that defines a synthetic CEUS loop; all units explicit. Immutable: change a copy with
 * the {@code with…} methods, starting from {@link #defaults()}.
 *
 * <p>Signal model, per pixel i and frame time t (linear echo power, arbitrary units, P_ref = 1):
 * {@code P = (backgroundPower + A_i·shape(t − t0_i)) · S + N}, where S is the speckle factor
 * (exponential, mean 1, new each frame; 1 when {@link SpeckleMode#NONE}) and N the noise floor
 * (exponential with mean {@code noiseFloorMean} when {@code noiseFloorRandom}, else the constant
 * {@code noiseFloorMean}). Pixels inside the tumour ellipse follow {@code tumourBolus}, those inside
 * the core ellipse (and the tumour) get A = 0, all others follow {@code normalBolus}. Log
 * compression: {@code G = round(maxGrey/DR · 10·log10(P))} clamped to {@code 0..maxGrey}, so that
 * {@code P = 10^(G·DR/(10·maxGrey))} inverts it.
 *
 * @param name              loop name (file stem of written files)
 * @param width             frame width, pixels
 * @param height            frame height, pixels
 * @param timing            frame times
 * @param pixelSizeMm       physical pixel size, mm, or {@code null} when unknown
 * @param dynamicRangeDb    dynamic range DR of the log compression, dB (default 40)
 * @param maxGrey           largest grey value (default 255; the file writers need 255)
 * @param tumour            tumour ellipse, pixels; its bounding box must have integer corners and size
 * @param core              non-enhancing core ellipse, pixels (pixels inside it and the tumour get A = 0), or {@code null}
 * @param tumourBolus       bolus of the tumour's enhancing pixels
 * @param normalRoi         reference ROI ellipse in normal tissue (outside the tumour), integer bounding box
 * @param normalBolus       bolus of every pixel outside the tumour
 * @param backgroundPower   tissue background echo power, linear a.u. (&gt; 0)
 * @param speckle           speckle model
 * @param noiseFloorMean    mean of the additive noise floor, linear a.u. (≥ 0)
 * @param noiseFloorRandom  whether the noise floor is random (exponential) or constant
 * @param seed              seed of every random draw
 */
public record SyntheticLoopSpec(String name, int width, int height, FrameTiming timing, Double pixelSizeMm,
                                double dynamicRangeDb, int maxGrey, Ellipse tumour, Ellipse core,
                                BolusSpec tumourBolus, Ellipse normalRoi, BolusSpec normalBolus,
                                double backgroundPower, SpeckleMode speckle, double noiseFloorMean,
                                boolean noiseFloorRandom, long seed) {

    public SyntheticLoopSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(tumour, "tumour");
        Objects.requireNonNull(tumourBolus, "tumourBolus");
        Objects.requireNonNull(normalRoi, "normalRoi");
        Objects.requireNonNull(normalBolus, "normalBolus");
        Objects.requireNonNull(speckle, "speckle");
        if (width < 1 || height < 1 || !(dynamicRangeDb > 0) || maxGrey < 1 || !(backgroundPower > 0)
                || !(noiseFloorMean >= 0) || (pixelSizeMm != null && !(pixelSizeMm > 0))) {
            throw new IllegalArgumentException("bad synthetic loop spec: " + width + "x" + height + ", DR "
                    + dynamicRangeDb + " dB, maxGrey " + maxGrey + ", background " + backgroundPower
                    + ", noise " + noiseFloorMean + ", pixel size " + pixelSizeMm);
        }
    }

    /**
     * Checks the geometry (done by the generator, so that {@code with…} chains may pass through
     * intermediate states): the tumour and normal-ROI ellipses need integer bounding boxes inside the frame.
     *
     * @return this spec
     * @throws IllegalArgumentException naming the offending ellipse
     */
    public SyntheticLoopSpec validate() {
        requireRoi("tumour", tumour, width, height);
        requireRoi("normal ROI", normalRoi, width, height);
        return this;
    }

    private static void requireRoi(String what, Ellipse e, int width, int height) {
        if (!e.hasIntegerBox() || !e.fitsIn(width, height)) {
            throw new IllegalArgumentException(what + " ellipse " + e + " must have an integer bounding box inside the "
                    + width + "x" + height + " frame");
        }
    }

    /**
     * A small default loop: 120×90 px at 0.5 mm, 4 frames/s for 60 s, DR 40 dB, tumour 40×30 px with
     * a 3 % core, independent speckle, random noise floor, seed 1.
     */
    public static SyntheticLoopSpec defaults() {
        return new SyntheticLoopSpec("synthetic", 120, 90, FrameTiming.regular(4, 240), 0.5, 40, 255,
                Ellipse.ofBox(40, 27, 40, 30), new Ellipse(62, 43, 3.2, 2.8),
                BolusSpec.of(3000, StrictMath.log(10), 0.45, 4).withVariation(0.2, AmplitudeVariation.SMOOTH),
                Ellipse.ofBox(8, 62, 24, 20),
                BolusSpec.of(1500, StrictMath.log(14), 0.6, 5).withVariation(0.1, AmplitudeVariation.SMOOTH),
                30, SpeckleMode.INDEPENDENT, 2, true, 1L);
    }

    /** @return a copy with another name */
    public SyntheticLoopSpec withName(String v) {
        return new SyntheticLoopSpec(v, width, height, timing, pixelSizeMm, dynamicRangeDb, maxGrey, tumour, core,
                tumourBolus, normalRoi, normalBolus, backgroundPower, speckle, noiseFloorMean, noiseFloorRandom, seed);
    }

    /** @return a copy with another frame size, pixels */
    public SyntheticLoopSpec withSize(int w, int h) {
        return new SyntheticLoopSpec(name, w, h, timing, pixelSizeMm, dynamicRangeDb, maxGrey, tumour, core,
                tumourBolus, normalRoi, normalBolus, backgroundPower, speckle, noiseFloorMean, noiseFloorRandom, seed);
    }

    /** @return a copy with other frame times */
    public SyntheticLoopSpec withTiming(FrameTiming v) {
        return new SyntheticLoopSpec(name, width, height, v, pixelSizeMm, dynamicRangeDb, maxGrey, tumour, core,
                tumourBolus, normalRoi, normalBolus, backgroundPower, speckle, noiseFloorMean, noiseFloorRandom, seed);
    }

    /** @return a copy with another pixel size, mm ({@code null}: unknown) */
    public SyntheticLoopSpec withPixelSizeMm(Double v) {
        return new SyntheticLoopSpec(name, width, height, timing, v, dynamicRangeDb, maxGrey, tumour, core,
                tumourBolus, normalRoi, normalBolus, backgroundPower, speckle, noiseFloorMean, noiseFloorRandom, seed);
    }

    /** @return a copy with another dynamic range, dB */
    public SyntheticLoopSpec withDynamicRangeDb(double v) {
        return new SyntheticLoopSpec(name, width, height, timing, pixelSizeMm, v, maxGrey, tumour, core,
                tumourBolus, normalRoi, normalBolus, backgroundPower, speckle, noiseFloorMean, noiseFloorRandom, seed);
    }

    /** @return a copy with another largest grey value */
    public SyntheticLoopSpec withMaxGrey(int v) {
        return new SyntheticLoopSpec(name, width, height, timing, pixelSizeMm, dynamicRangeDb, v, tumour, core,
                tumourBolus, normalRoi, normalBolus, backgroundPower, speckle, noiseFloorMean, noiseFloorRandom, seed);
    }

    /** @return a copy with another tumour ellipse and core ({@code null}: no core) */
    public SyntheticLoopSpec withTumour(Ellipse t, Ellipse c) {
        return new SyntheticLoopSpec(name, width, height, timing, pixelSizeMm, dynamicRangeDb, maxGrey, t, c,
                tumourBolus, normalRoi, normalBolus, backgroundPower, speckle, noiseFloorMean, noiseFloorRandom, seed);
    }

    /** @return a copy with another tumour bolus */
    public SyntheticLoopSpec withTumourBolus(BolusSpec v) {
        return new SyntheticLoopSpec(name, width, height, timing, pixelSizeMm, dynamicRangeDb, maxGrey, tumour, core,
                v, normalRoi, normalBolus, backgroundPower, speckle, noiseFloorMean, noiseFloorRandom, seed);
    }

    /** @return a copy with another normal-tissue reference ROI and bolus */
    public SyntheticLoopSpec withNormal(Ellipse roi, BolusSpec bolus) {
        return new SyntheticLoopSpec(name, width, height, timing, pixelSizeMm, dynamicRangeDb, maxGrey, tumour, core,
                tumourBolus, roi, bolus, backgroundPower, speckle, noiseFloorMean, noiseFloorRandom, seed);
    }

    /** @return a copy with another tissue background power, linear a.u. */
    public SyntheticLoopSpec withBackgroundPower(double v) {
        return new SyntheticLoopSpec(name, width, height, timing, pixelSizeMm, dynamicRangeDb, maxGrey, tumour, core,
                tumourBolus, normalRoi, normalBolus, v, speckle, noiseFloorMean, noiseFloorRandom, seed);
    }

    /** @return a copy with another speckle model */
    public SyntheticLoopSpec withSpeckle(SpeckleMode v) {
        return new SyntheticLoopSpec(name, width, height, timing, pixelSizeMm, dynamicRangeDb, maxGrey, tumour, core,
                tumourBolus, normalRoi, normalBolus, backgroundPower, v, noiseFloorMean, noiseFloorRandom, seed);
    }

    /** @return a copy with another noise floor (mean in linear a.u.; random or constant) */
    public SyntheticLoopSpec withNoiseFloor(double mean, boolean random) {
        return new SyntheticLoopSpec(name, width, height, timing, pixelSizeMm, dynamicRangeDb, maxGrey, tumour, core,
                tumourBolus, normalRoi, normalBolus, backgroundPower, speckle, mean, random, seed);
    }

    /** @return a copy with speckle off and a constant noise floor (the noise-free loop of the same truth) */
    public SyntheticLoopSpec noiseFree() {
        return withSpeckle(SpeckleMode.NONE).withNoiseFloor(noiseFloorMean, false);
    }

    /** @return a copy with another seed */
    public SyntheticLoopSpec withSeed(long v) {
        return new SyntheticLoopSpec(name, width, height, timing, pixelSizeMm, dynamicRangeDb, maxGrey, tumour, core,
                tumourBolus, normalRoi, normalBolus, backgroundPower, speckle, noiseFloorMean, noiseFloorRandom, v);
    }

    /** @return the baseline O of every pixel: background power + mean noise floor, linear a.u. */
    public double baselinePower() {
        return backgroundPower + noiseFloorMean;
    }
}
