package org.ceusperfusion.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.roi.RoiSpecParser;
import org.ceusperfusion.synth.FrameTiming;
import org.ceusperfusion.synth.RealisticLoop;
import org.ceusperfusion.synth.RealisticLoopGenerator;
import org.ceusperfusion.synth.RealisticPhantoms;
import org.ceusperfusion.synth.RealisticSpec;
import org.ceusperfusion.synth.RigidMotion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Contrast-frame tracking against the known rigid motion of realistic phantoms (synth.RigidMotion: whole frame
 * moved by a sine in x and y, sub-pixel, tissue speckle frozen, bubble speckle decorrelating over ~1 s): weak-rim
 * necrosis, a normal (default) tumour and contrast mode (black background), at 3 and 10 frames/s, amplitudes 2–6 px,
 * several seeds; the B-mode panel of a side-by-side loop at 3 and 10 frames/s. Shifts are compared with the true
 * shift relative to the reference frame (the frame the ROI is drawn on; the phantom's shift is 0 there).
 */
class MovingPhantomTrackingTest {
    /** The phantoms are drawn at t = 15 s, where their shift is 0 (an enhanced frame, as for contrast tracking). */
    static final double ZERO_S = 15;
    static final String TUMOUR = "tumour=oval:40,27,40,30";

    static RealisticSpec phantom(String kind, double fps, long seed) {
        RealisticSpec s = switch (kind) {
            case "rim" -> RealisticPhantoms.weakRimNecrosis(3, 0.15, seed);
            case "normal" -> RealisticPhantoms.standard(seed);
            case "contrast" -> RealisticPhantoms.contrastMode(seed);
            default -> throw new IllegalArgumentException(kind);
        };
        int frames = (int) Math.round(60 * fps) + 1;
        return s.withBase(s.base().withTiming(FrameTiming.regular(fps, frames)));
    }

    /** x amplitude, y amplitude 3/4 of it; periods 4 s and 5.3 s (breathing-like rates), 0 at {@link #ZERO_S}. */
    static RigidMotion sine(double ampPx) {
        return RigidMotion.sine(ampPx, 0.75 * ampPx, 4.0, 5.3, ZERO_S);
    }

    static MotionSettings settings(double fps) {
        return MotionSettings.defaults().withCorrection(true).withReferenceFrame((int) Math.round(ZERO_S * fps) + 1);
    }

    /**
     * @return {fraction of tracked frames within 1 px, fraction of frames tracked, largest error on tracked frames,
     *         time of the last untracked frame (s; −1 if none)}
     */
    static double[] score(CineLoop loop, MotionTrack track, RigidMotion m) {
        double[] t = loop.timesS();
        double r = t[track.referenceFrame()];
        int ok = 0;
        int tracked = 0;
        double worst = 0;
        double lastUntracked = -1;
        for (int k = 0; k < track.size(); k++) {
            if (!track.tracked()[k]) {
                lastUntracked = t[k];
                continue;
            }
            tracked++;
            double e = Math.hypot(track.dxPx()[k] - (m.dxPx(t[k]) - m.dxPx(r)), track.dyPx()[k] - (m.dyPx(t[k]) - m.dyPx(r)));
            ok += e <= 1 ? 1 : 0;
            worst = Math.max(worst, e);
        }
        return new double[] {ok / (double) tracked, tracked / (double) track.size(), worst, lastUntracked};
    }

    static MotionTrack track(CineLoop loop, MotionSettings s) {
        RoiMask roi = RoiSpecParser.parse(TUMOUR, "tumour");
        return MotionCorrection.track(loop, TrackingLayout.choose(loop, roi, s), s);
    }

    @ParameterizedTest
    @CsvSource({"rim,3", "rim,10", "normal,3", "normal,10", "contrast,3", "contrast,10"})
    void tracksTheTissueWithinOnePixel(String kind, double fps) {
        double[][] cases = {{1, 2}, {2, 4}, {3, 6}}; // seed, amplitude (px)
        for (double[] c : cases) {
            RigidMotion m = sine(c[1]);
            RealisticLoop r = RealisticLoopGenerator.generate(phantom(kind, fps, (long) c[0]), m);
            MotionTrack track = track(r.loop(), settings(fps));
            double[] s = score(r.loop(), track, m);
            System.out.printf("moving %s %.0f fps seed %.0f ±%.0f px: %.1f %% of tracked frames within 1 px (%.1f %% of"
                    + " frames tracked, the last at %.1f s), worst %.2f px%n", kind, fps, c[0], c[1], 100 * s[0], 100 * s[1], s[3], s[2]);
            assertEquals("contrast", track.method());
            assertTrue(s[0] >= 0.95, kind + " seed " + c[0] + ": " + 100 * s[0] + " % within 1 px");
            // contrast mode: black frames before the bolus (onset 4 s) and at the end of the wash-out are not compared
            assertTrue(s[1] >= (kind.equals("contrast") ? 0.85 : 1), "tracked share " + s[1]);
        }
    }

    /** Breathing-like motion (sin⁴: at rest most of the cycle, a quick 6 px / 4 px excursion every 4 s). */
    @ParameterizedTest
    @CsvSource({"rim,10", "contrast,3"})
    void tracksBreathingLikeMotion(String kind, double fps) {
        RigidMotion m = new RigidMotion(6, 4, 4.0, 4.0, ZERO_S, true, false);
        RealisticLoop r = RealisticLoopGenerator.generate(phantom(kind, fps, 7), m);
        MotionTrack track = track(r.loop(), settings(fps));
        double[] s = score(r.loop(), track, m);
        System.out.printf("breathing %s %.0f fps: %.1f %% of tracked frames within 1 px (%.1f %% tracked), worst %.2f px%n",
                kind, fps, 100 * s[0], 100 * s[1], s[2]);
        assertTrue(s[0] >= 0.95, 100 * s[0] + " % within 1 px");
        assertTrue(s[1] >= (kind.equals("contrast") ? 0.85 : 1), "tracked share " + s[1]);
    }

    @ParameterizedTest
    @CsvSource({"rim,3", "rim,10", "normal,10", "contrast,10"})
    void aStillLoopHasNoShift(String kind, double fps) {
        RealisticLoop r = RealisticLoopGenerator.generate(phantom(kind, fps, 5), null);
        MotionTrack track = track(r.loop(), settings(fps));
        double worst = 0;
        for (int k = 0; k < track.size(); k++) {
            worst = Math.max(worst, Math.hypot(track.dxPx()[k], track.dyPx()[k]));
        }
        System.out.printf("still %s %.0f fps: largest shift %.2f px%n", kind, fps, worst);
        // contrast mode: up to 0.55 px measured late in the wash-out, where only dim, decorrelating bubble speckle
        // is left (the 0.5 px aim is met on the phantoms with tissue)
        assertTrue(worst <= (kind.equals("contrast") ? 0.6 : 0.5), "largest shift " + worst + " px");
    }

    @ParameterizedTest
    @CsvSource({"3,180", "10,600"})
    void tracksTheBmodePanelOfASideBySideLoop(double fps, int frames) {
        for (long seed = 31; seed <= 32; seed++) {
            double amp = seed == 31 ? 2 : 6;
            SideBySideLoop spec = new SideBySideLoop(amp, 0.75 * amp, fps, frames, Double.NaN, Double.NaN, -1, true,
                    seed);
            CineLoop loop = spec.generate();
            MotionSettings s = MotionSettings.defaults().withCorrection(true);
            MotionTrack track = MotionCorrection.track(loop, TrackingLayout.choose(loop, spec.roi(), s), s);
            double[] t = loop.timesS();
            int ok = 0;
            for (int k = 0; k < track.size(); k++) {
                ok += Math.hypot(track.dxPx()[k] - spec.dx(t[k]), track.dyPx()[k] - spec.dy(t[k])) <= 1 ? 1 : 0;
            }
            System.out.printf("side-by-side %.0f fps ±%.0f px: %d of %d frames within 1 px%n", fps, amp, ok, frames);
            assertEquals("bmode-panel", track.method());
            assertTrue(ok >= 0.95 * frames, ok + " of " + frames);
        }
    }

    @Test
    void withoutMotionTheGeneratorIsUnchanged() {
        RealisticSpec s = phantom("rim", 3, 9);
        CineLoop plain = RealisticLoopGenerator.generate(s).loop();
        CineLoop still = RealisticLoopGenerator.generate(s, RigidMotion.sine(0, 0, 4, 4, 0)).loop();
        CineLoop moved = RealisticLoopGenerator.generate(s, sine(3)).loop();
        boolean differs = false;
        for (int k = 0; k < plain.frameCount(); k++) {
            assertTrue(java.util.Arrays.equals(plain.frame(k), still.frame(k)), "frame " + k);
            differs |= !java.util.Arrays.equals(plain.frame(k), moved.frame(k));
        }
        assertTrue(differs);
    }
}
