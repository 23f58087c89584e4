package org.ceusperfusion.motion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.tic.Linearizer;
import org.junit.jupiter.api.Test;

/** Exclusion parsing, flash detection and the combined frame selection. */
class FrameRejectionTest {

    @Test
    void parsesExclusionsAsOneBasedInclusiveRanges() {
        boolean[] m = FrameExclusions.mask(" 3-5, 8 ", 10);
        assertArrayEquals(new boolean[] {false, false, true, true, true, false, false, true, false, false}, m);
        assertEquals(0, FrameExclusions.parse(null).cardinality());
        assertEquals(12, FrameExclusions.parse("10-20,35").cardinality());
    }

    @Test
    void badExclusionsAreInputErrorsThatNameTheProblem() {
        assertTrue(assertThrows(InputException.class, () -> FrameExclusions.parse("5-2")).getMessage()
                .contains("ends before"));
        assertTrue(assertThrows(InputException.class, () -> FrameExclusions.parse("0")).getMessage()
                .contains("from 1"));
        assertTrue(assertThrows(InputException.class, () -> FrameExclusions.parse("a,3")).getMessage()
                .contains("'a'"));
        assertTrue(assertThrows(InputException.class, () -> FrameExclusions.mask("9-12", 10)).getMessage()
                .contains("10 frames"));
    }

    @Test
    void findsAOneFrameFlashButNotTheBolusRise() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] m = new double[200];
        for (int i = 0; i < m.length; i++) {
            double t = i * 0.25;
            double bolus = t > 5 ? 400 * Math.exp(-Math.pow(Math.log((t - 5) / 8), 2) / 0.5) / (t - 5) : 0;
            m[i] = 30 + bolus + rng.nextGaussian();
        }
        m[120] *= 3; // flash
        m[150] += 40; // two-frame flash
        m[151] += 35;
        boolean[] flash = FlashDetector.detect(times(m.length, 0.25), m);
        List<Integer> found = new java.util.ArrayList<>();
        for (int i = 0; i < flash.length; i++) {
            if (flash[i]) {
                found.add(i);
            }
        }
        assertEquals(List.of(120, 150, 151), found);
    }

    @Test
    void aNoisyBolusPeakIsNotAFlash() throws Exception {
        // The bundled synthetic loops have no flash; their whole-frame mean rises through the bolus with
        // speckle noise, which a rule comparing only with the frames before mistook for flashes.
        java.nio.file.Path data = java.nio.file.Path.of(System.getProperty("ceus.projectDir", ".")).resolve("test-data");
        for (String name : List.of("baseline.dcm", "day14.tif")) {
            CineLoop loop = org.ceusperfusion.io.LoopReader.open(data.resolve(name), org.ceusperfusion.io.LoadOptions.NONE);
            Linearizer lin = Linearizer.logCompressed(40, 255);
            double[] mean = new double[loop.frameCount()];
            for (int f = 0; f < mean.length; f++) {
                double sum = 0;
                for (float g : loop.frame(f)) {
                    sum += lin.power(g);
                }
                mean[f] = sum / loop.width() / loop.height();
            }
            boolean[] flash = FlashDetector.detect(loop.timesS(), mean);
            for (int f = 0; f < flash.length; f++) {
                assertFalse(flash[f], name + ": frame " + (f + 1) + " is no flash");
            }
        }
    }

    @Test
    void flashFrameOfAGeneratedLoopIsRejectedWithItsReason() {
        SideBySideLoop spec = new SideBySideLoop(0, 0, 6, 120, Double.NaN, Double.NaN, 70, true, 5);
        CineLoop loop = spec.generate();
        MotionResult r = MotionCorrection.run(loop, List.of(spec.roi()), Linearizer.logCompressed(40, 255),
                MotionSettings.defaults().withExcludeFrames("1-2"));
        assertEquals(List.of(new RejectedFrame(1, "excluded"), new RejectedFrame(2, "excluded"),
                new RejectedFrame(71, "flash")), r.selection().rejected());
        assertEquals(117, r.selection().usedCount());
    }

    @Test
    void outOfPlaneFramesFallBelowTheSimilarityThreshold() {
        double[] sim = {1, 0.95, 0.96, 0.2, 0.3, 0.94, 0.97, Double.NaN};
        boolean[] tracked = {true, true, true, true, true, true, true, false};
        MotionTrack track = new MotionTrack("bmode-panel", 0, new PixelWindow(0, 0, 10, 10), new int[2],
                new double[8], new double[8], sim, tracked);
        FrameSelection s = FrameRejection.select(null, new double[8], null, track, 0.6, 8);
        assertEquals(List.of(new RejectedFrame(4, "out-of-plane"), new RejectedFrame(5, "out-of-plane")),
                s.rejected());
        assertEquals(0.6 * 0.95, FrameRejection.threshold(track, 0.6), 1e-12);
    }

    @Test
    void untrackedShiftsAreInterpolatedBetweenTrackedNeighbours() {
        double[] v = {9, 1, 9, 9, 4, 9};
        MotionCorrection.interpolateUntracked(v, new boolean[] {false, true, false, false, true, false});
        assertArrayEquals(new double[] {1, 1, 2, 3, 4, 4}, v, 1e-12);
    }

    static double[] times(int n, double dt) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * dt;
        }
        return t;
    }
}
