package org.ceusperfusion.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ceusperfusion.cine.CineLoop;
import org.junit.jupiter.api.Test;

/** Shift estimation against the generator's known breathing motion. */
class MotionEstimatorTest {

    @Test
    void tracksTheBmodePanelWithSubpixelAccuracy() {
        SideBySideLoop spec = new SideBySideLoop(3, 9, 6, 150, Double.NaN, Double.NaN, -1, true, 21);
        CineLoop loop = spec.generate();
        MotionSettings s = MotionSettings.defaults().withCorrection(true);
        TrackingLayout layout = TrackingLayout.choose(loop, spec.roi(), s);
        assertEquals("bmode-panel", layout.method());
        assertEquals(-SideBySideLoop.PANEL_W, layout.offset()[0]);
        assertEquals(0, layout.offset()[1]);
        assertTrue(layout.window().endX() <= SideBySideLoop.PANEL_W, layout.toString());

        MotionTrack track = MotionCorrection.track(loop, layout, s);
        double rms = rmsError(spec, track);
        System.out.printf("B-mode tracking: RMS error %.3f px over %d frames, min similarity %.3f%n", rms,
                track.size(), min(track.similarity()));
        assertTrue(rms < 0.5, "RMS error " + rms + " px");
        assertTrue(min(track.similarity()) > 0.8);
    }

    @Test
    void tracksTheContrastFramesWithoutAPanelOnceEnhanced() {
        SideBySideLoop spec = new SideBySideLoop(3, 6, 6, 150, Double.NaN, Double.NaN, -1, false, 22);
        CineLoop loop = spec.generate();
        MotionSettings s = MotionSettings.defaults().withCorrection(true);
        TrackingLayout layout = TrackingLayout.choose(loop, spec.roi(), s);
        assertEquals("contrast", layout.method());
        MotionTrack track = MotionCorrection.track(loop, layout, s);
        double[] t = loop.timesS();
        double sum = 0;
        int n = 0;
        double ref = t[track.referenceFrame()];
        for (int k = 0; k < track.size(); k++) {
            if (t[k] >= 8 && t[k] <= 22) { // enhanced frames
                double ex = track.dxPx()[k] - (spec.dx(t[k]) - spec.dx(ref));
                double ey = track.dyPx()[k] - (spec.dy(t[k]) - spec.dy(ref));
                sum += ex * ex + ey * ey;
                n++;
            }
        }
        double rms = Math.sqrt(sum / n);
        System.out.printf("contrast tracking: RMS error %.3f px over %d enhanced frames (reference frame %d)%n",
                rms, n, track.referenceFrame() + 1);
        assertTrue(rms < 1.5, "RMS error " + rms + " px");
    }

    @Test
    void parabolaFindsTheVertex() {
        // y = -(x - 0.3)^2 at -1, 0, 1
        assertEquals(0.3, MotionEstimator.parabola(-1.69, -0.09, -0.49), 1e-12);
        assertEquals(0, MotionEstimator.parabola(Double.NaN, 1, 0.5), 0);
    }

    static double rmsError(SideBySideLoop spec, MotionTrack track) {
        double[] t = spec.times();
        double sum = 0;
        for (int k = 0; k < track.size(); k++) {
            double ex = track.dxPx()[k] - spec.dx(t[k]);
            double ey = track.dyPx()[k] - spec.dy(t[k]);
            sum += ex * ex + ey * ey;
        }
        return Math.sqrt(sum / track.size());
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }
}
