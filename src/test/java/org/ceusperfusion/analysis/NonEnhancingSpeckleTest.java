package org.ceusperfusion.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.roi.RoiSpecParser;
import org.ceusperfusion.synth.AmplitudeVariation;
import org.ceusperfusion.synth.BolusSpec;
import org.ceusperfusion.synth.DemoLoops;
import org.ceusperfusion.synth.Ellipse;
import org.ceusperfusion.synth.FrameTiming;
import org.ceusperfusion.synth.RealisticLoop;
import org.ceusperfusion.synth.RealisticLoopGenerator;
import org.ceusperfusion.synth.RealisticPhantoms;
import org.ceusperfusion.synth.RealisticSpec;
import org.ceusperfusion.synth.SpeckleMode;
import org.ceusperfusion.synth.SyntheticLoopGenerator;
import org.ceusperfusion.synth.SyntheticLoopSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13: the non-enhancing fraction must not call perfused tissue non-enhancing when its speckle is new in every
 * frame (the noise of a perfused pixel then comes mostly from its own bolus), and must still call pure noise
 * non-enhancing. Truth: perfused tissue 0, necrotic regions 1; the bundled demo's truth from its generator. Seeds
 * 2001–2002 of the demo-like specification and the bundled demo were used to choose the bolus-window test's
 * thresholds; the seeds here (41xx, 42xx, 43xx) were not.
 */
class NonEnhancingSpeckleTest {

    private static RoiAnalysis analyze(CineLoop loop, double dynamicRangeDb, String spec) {
        RoiMask roi = RoiSpecParser.parse(spec, "roi");
        return Analyzer.analyze(loop, null, List.of(roi), null, AnalysisSettings.logCompressed(dynamicRangeDb))
                .target();
    }

    /**
     * The bundled demo's specification (speckle new in every frame on tissue and bubbles alike, 2×2 cells,
     * multiplicative) at {@code fps} for 60 s, with a tumour core of the given semi-axes (centre (60, 42)).
     */
    static SyntheticLoopSpec demoLike(double fps, long seed, double coreRx, double coreRy) {
        return SyntheticLoopSpec.defaults().withSize(120, 90).withPixelSizeMm(0.5)
                .withTiming(FrameTiming.regular(fps, (int) Math.round(60 * fps)))
                .withDynamicRangeDb(40)
                .withNormal(Ellipse.ofBox(8, 62, 24, 20), BolusSpec.of(1500, StrictMath.log(13), 0.5, 5)
                        .withVariation(0.1, AmplitudeVariation.SMOOTH))
                .withBackgroundPower(30).withSpeckle(SpeckleMode.CORRELATED_2X2).withNoiseFloor(2, true)
                .withTumour(Ellipse.ofBox(40, 27, 40, 30), new Ellipse(60, 42, coreRx, coreRy))
                .withTumourBolus(BolusSpec.of(3000, StrictMath.log(10), 0.45, 4)
                        .withVariation(0.2, AmplitudeVariation.SMOOTH))
                .withSeed(seed);
    }

    /**
     * The bundled demo loops: the reference ROI {@code normal} (truth 0) read 13.2 % and 11.6 % non-enhancing with
     * the running-mean route alone; measured now 0.26 % and 0.26 %; the tumours 2.98 % and 49.40 % for truth 2.98 %
     * and 49.49 % (were 3.40 % and 51.19 %).
     */
    @Test
    void bundledDemoNormalTissueIsPerfusedAndTheTumoursKeepTheirCores() {
        SyntheticLoopSpec[] specs = {DemoLoops.baseline(), DemoLoops.day14()};
        for (SyntheticLoopSpec spec : specs) {
            var loop = SyntheticLoopGenerator.generate(spec);
            double normal = analyze(loop.loop(), 40, "oval:8,62,24,20").nonEnhancingFraction();
            double tumour = analyze(loop.loop(), 40, spec.tumour().ovalSpec("t").substring(2)).nonEnhancingFraction();
            double truth = loop.truth().tumour().nonEnhancingFraction();
            System.out.printf("demo %s: normal %.4f (truth 0), tumour %.4f (truth %.4f)%n", spec.name(), normal,
                    tumour, truth);
            assertTrue(normal <= 0.01, spec.name() + " normal " + normal);
            assertEquals(truth, tumour, 0.01, spec.name() + " tumour");
        }
    }

    /**
     * Demo-like loops on unseen seeds: normal tissue (truth 0) at 3 and 10 frames/s (the running-mean route alone:
     * 9–15 % at 3 frames/s). Measured 1.32 %, 0 % and 0 %: at 3 frames/s this tissue (+3–4 dB at the peak, pixel
     * CV 1) sits at the edge of a per-pixel test (0–1.3 % over 11 seeds), so the bound here is 1.5 %. Not
     * asserted at 1 frame/s (11.6–15.0 % on the tuning seeds; the running-mean route alone: 58–59 %).
     */
    @ParameterizedTest
    @CsvSource({"3, 4101", "3, 4102", "10, 4103"})
    void demoLikeNormalTissueWithSpeckleNewInEveryFrame(double fps, long seed) {
        CineLoop loop = SyntheticLoopGenerator.generate(demoLike(fps, seed, 3.2, 2.8)).loop();
        double normal = analyze(loop, 40, "oval:8,62,24,20").nonEnhancingFraction();
        System.out.printf("demo-like %.0f fps seed %d: normal tissue non-enhancing %.4f (truth 0)%n", fps, seed, normal);
        assertTrue(normal <= 0.015, "normal " + normal);
    }

    /**
     * Pure noise: the demo-like tumour made wholly necrotic (speckle new in every frame, no bubbles) at 1, 3 and
     * 10 frames/s must read at least 0.99 non-enhancing (the running-mean route alone read 0.92–0.97: the
     * maximum of 2 s running means of exponential speckle).
     */
    @ParameterizedTest
    @CsvSource({"1, 4201", "3, 4202", "10, 4203"})
    void wholeNecroticTumourOfSpeckleNewInEveryFrame(double fps, long seed) {
        CineLoop loop = SyntheticLoopGenerator.generate(demoLike(fps, seed, 30, 25)).loop();
        double f = analyze(loop, 40, "oval:40,27,40,30").nonEnhancingFraction();
        System.out.printf("demo-like %.0f fps seed %d, all necrotic: non-enhancing %.4f (truth 1)%n", fps, seed, f);
        assertTrue(f >= 0.99, "necrotic " + f);
    }

    /**
     * Realistic phantoms (frozen tissue speckle, bubble speckle new in every frame or correlated over 1 s,
     * multiplicative noise, gain drift) at 3 and 10 frames/s: the tumour (truth 0.0298) within 0.01 and the normal
     * tissue at most 1 % non-enhancing.
     */
    @ParameterizedTest
    @CsvSource({"3, 0, 4302", "10, 0, 4303", "3, 1, 4305", "10, 1, 4306"})
    void realisticPerfusedTissueWithSpeckleNewInEveryFrameOrCorrelated(double fps, double tauS, long seed) {
        double[] r = realistic(fps, tauS, seed);
        assertEquals(r[1], r[0], 0.01);
        assertTrue(r[2] <= 0.01, "normal " + r[2]);
    }

    /**
     * At 1 frame/s the tumour's perfused tissue still reads enhancing (tumour within 0.01 of its truth, speckle new
     * in every frame or correlated over 1 s). The normal tissue of this phantom does not reach 1 % there (measured
     * 9.5 % and 12.1 % on these seeds; see docs/frames-and-quality.md).
     */
    @ParameterizedTest
    @CsvSource({"1, 0, 4301", "1, 1, 4304"})
    void realisticTumourAtOneFramePerSecond(double fps, double tauS, long seed) {
        double[] r = realistic(fps, tauS, seed);
        assertEquals(r[1], r[0], 0.01);
    }

    /** @return {tumour non-enhancing, its truth, normal tissue non-enhancing} of the standard realistic phantom */
    private static double[] realistic(double fps, double tauS, long seed) {
        RealisticSpec s = RealisticPhantoms.standard(seed);
        s = new RealisticSpec(s.base().withTiming(FrameTiming.regular(fps, (int) Math.round(60 * fps) + 1)),
                s.realism().withSpeckle(tauS, 1));
        RealisticLoop r = RealisticLoopGenerator.generate(s);
        double dr = s.base().dynamicRangeDb();
        double tumour = analyze(r.loop(), dr, r.truth().tumour().spec()).nonEnhancingFraction();
        double normal = analyze(r.loop(), dr, r.truth().normal().spec()).nonEnhancingFraction();
        double truth = r.truth().tumour().nonEnhancingFraction();
        System.out.printf("realistic %.0f fps, speckle tau %.0f s, seed %d: tumour %.4f (truth %.4f), normal %.4f%n",
                fps, tauS, seed, tumour, truth, normal);
        return new double[] {tumour, truth, normal};
    }

    /**
     * Pure noise in contrast mode: a wholly necrotic tumour is grey 0–5 (bottom clipping, noise floor only) and
     * must read at least 0.99 non-enhancing, at 10 and at 1 frame/s.
     */
    @ParameterizedTest
    @CsvSource({"10, 4401", "1, 4402"})
    void wholeNecroticTumourInContrastMode(double fps, long seed) {
        RealisticSpec c = RealisticPhantoms.contrastMode(seed);
        SyntheticLoopSpec b = c.base().withTiming(FrameTiming.regular(fps, (int) Math.round(60 * fps) + 1))
                .withTumour(c.base().tumour(), new Ellipse(60, 42, 30, 25));
        RealisticLoop r = RealisticLoopGenerator.generate(new RealisticSpec(b, c.realism()));
        double f = analyze(r.loop(), b.dynamicRangeDb(), r.truth().tumour().spec()).nonEnhancingFraction();
        System.out.printf("contrast mode %.0f fps, all necrotic: non-enhancing %.4f (truth %.4f)%n", fps, f,
                r.truth().tumour().nonEnhancingFraction());
        assertEquals(1.0, r.truth().tumour().nonEnhancingFraction(), 1e-12);
        assertTrue(f >= 0.99, "necrotic " + f);
    }
}
