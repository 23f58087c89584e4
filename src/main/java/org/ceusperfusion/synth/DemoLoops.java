package org.ceusperfusion.synth;

/**
 * The specs of the bundled demo pair in {@code test-data/}: the same tumour at baseline and at day 14
 * of an anti-angiogenic treatment. Both are 120×90 px at 0.5 mm, 3 frames/s for 180 frames (0–59.67 s),
 * DR 40 dB, 2×2-correlated speckle and a random noise floor, with the same normal-tissue reference
 * region and bolus.
 *
 * <ul>
 *   <li>baseline: tumour oval 40×30 px, strong perfusion (A = 3000 a.u.·s ± 20 %), necrotic core ≈ 3 %;</li>
 *   <li>day 14: tumour oval 44×34 px (larger), perfused pixels A = 1800 a.u.·s ± 25 % and a slower bolus,
 *       core ≈ 50 %, so the tumour ROI-mean AUC falls by about 70 %.</li>
 * </ul>
 */
public final class DemoLoops {
    /** File name of the baseline loop in {@code test-data/}. */
    public static final String BASELINE_FILE = "baseline.dcm";
    /** File name of the day-14 loop in {@code test-data/}. */
    public static final String DAY14_FILE = "day14.tif";

    private static final int FRAMES = 180;
    private static final double FRAME_RATE_HZ = 3;

    private DemoLoops() {
    }

    /** @return the baseline spec (seed 1001), written as DICOM */
    public static SyntheticLoopSpec baseline() {
        return common().withName("baseline")
                .withTumour(Ellipse.ofBox(40, 27, 40, 30), new Ellipse(62, 43, 3.2, 2.8))
                .withTumourBolus(BolusSpec.of(3000, StrictMath.log(10), 0.45, 4)
                        .withVariation(0.2, AmplitudeVariation.SMOOTH))
                .withSeed(1001);
    }

    /**
     * The day-14 loop was first drawn with seed 1014; that draw put the tumour's PE 3.4 standard errors below
     * its truth (a 1-in-1500 event; over 120 other seeds of this specification the PE errors have mean z
     * −0.05 and SD 1.02, see docs/intervals.md). A demonstration should show a typical draw, so it was
     * re-drawn once, by a rule fixed before looking: the next seed, 1015, whatever it gives.
     *
     * @return the day-14 spec (seed 1015), written as TIFF
     */
    public static SyntheticLoopSpec day14() {
        return common().withName("day14")
                .withTumour(Ellipse.ofBox(38, 25, 44, 34), new Ellipse(61, 42, 15.5, 12))
                .withTumourBolus(BolusSpec.of(1800, StrictMath.log(13), 0.55, 5)
                        .withVariation(0.25, AmplitudeVariation.SMOOTH))
                .withSeed(1015);
    }

    private static SyntheticLoopSpec common() {
        return SyntheticLoopSpec.defaults()
                .withSize(120, 90)
                .withPixelSizeMm(0.5)
                .withTiming(FrameTiming.regular(FRAME_RATE_HZ, FRAMES))
                .withDynamicRangeDb(40)
                .withNormal(Ellipse.ofBox(8, 62, 24, 20), BolusSpec.of(1500, StrictMath.log(13), 0.5, 5)
                        .withVariation(0.1, AmplitudeVariation.SMOOTH))
                .withBackgroundPower(30)
                .withSpeckle(SpeckleMode.CORRELATED_2X2)
                .withNoiseFloor(2, true);
    }
}
