package org.ceusperfusion.motion;

import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.tic.FlashSignal;
import org.ceusperfusion.tic.Linearizer;
import org.ceusperfusion.tic.TicExtractor;
import org.ceusperfusion.tic.TimeIntensityCurve;

/**
 * The frame stage of the analysis: motion estimation (when asked), ROI curves that follow the tissue, and
 * frame rejection. Without motion correction the curves are exactly those of {@link TicExtractor}.
 *
 * <pre>{@code
 * MotionResult m = MotionCorrection.run(loop, masks, linearizer, MotionSettings.defaults().withCorrection(true));
 * double[][] kept = m.selection().keep(m.tics().get(0).timesS(), m.tics().get(0).meanIntensity());
 * }</pre>
 */
public final class MotionCorrection {
    /**
     * In contrast or region tracking, a frame whose window has less than this fraction of the reference's
     * standard deviation (e.g. before the contrast arrives) is not compared; its shift is interpolated.
     */
    public static final double MIN_TEXTURE = 0.3;

    private MotionCorrection() {
    }

    /**
     * @param loop  the loop
     * @param rois  ROIs as drawn on the reference frame; the first is the target that places the tracked window
     * @param lin   grey → linear power
     * @param s     motion settings
     * @return curves, track, selection
     * @throws org.ceusperfusion.InputException for exclusions beyond the loop or windows outside the frame
     */
    public static MotionResult run(CineLoop loop, List<RoiMask> rois, Linearizer lin, MotionSettings s) {
        return run(loop, rois, lin, s, (frame, f) -> { });
    }

    /**
     * As {@link #run(CineLoop, List, Linearizer, MotionSettings)}; without motion correction every frame is
     * also shown, in order, to {@code frameConsumer} during the curves' pass (one pass over the frames for
     * every per-frame consumer). With motion correction {@code frameConsumer} is not called.
     *
     * @param frameConsumer called with each frame's grey values and its 0-based index
     */
    public static MotionResult run(CineLoop loop, List<RoiMask> rois, Linearizer lin, MotionSettings s,
                                   java.util.function.ObjIntConsumer<float[]> frameConsumer) {
        int n = loop.frameCount();
        boolean[] excluded = FrameExclusions.mask(s.excludeFrames(), n);
        if (!s.correction()) {
            List<RoiMask> all = new ArrayList<>(rois);
            all.add(FlashSignal.mask(loop.width(), loop.height()));
            List<TimeIntensityCurve> tics = TicExtractor.extract(loop, all, lin, frameConsumer);
            double[] frameMean = s.detectFlashes() ? tics.get(rois.size()).meanIntensity() : null;
            FrameSelection sel = FrameRejection.select(excluded, loop.timesS(), frameMean, null,
                    s.similarityFraction(), n);
            return new MotionResult(List.copyOf(tics.subList(0, rois.size())), null, sel, Double.NaN,
                    new int[rois.size()][n]);
        }
        TrackingLayout layout = TrackingLayout.choose(loop, rois.get(0), s);
        MotionTrack track = track(loop, layout, s);
        MovingRoiTic.Result r = MovingRoiTic.extract(loop, rois, lin, track.dxPx(), track.dyPx(), layout.roiBounds());
        FrameSelection sel = FrameRejection.select(excluded, loop.timesS(), s.detectFlashes() ? r.frameMean() : null, track,
                s.similarityFraction(), n);
        return new MotionResult(r.tics(), track, sel, FrameRejection.threshold(track, s.similarityFraction()),
                r.outsidePx());
    }

    /**
     * Estimates the shift of every frame: on a B-mode panel every frame against the reference frame (the anatomy
     * keeps its look); on contrast frames or a user region through key frames ({@link KeyframeTracker}: the
     * window's look changes with the bolus).
     *
     * @param loop   the loop
     * @param layout where to track
     * @param s      settings (search range, reference frame)
     * @return the track
     */
    public static MotionTrack track(CineLoop loop, TrackingLayout layout, MotionSettings s) {
        int n = loop.frameCount();
        boolean bmode = layout.method().equals("bmode-panel");
        int ref = referenceFrame(loop, layout, s, bmode);
        if (!bmode) {
            return KeyframeTracker.track(loop, layout, s, ref);
        }
        MotionEstimator est = new MotionEstimator(loop.frame(ref), loop.width(), loop.height(), layout.window(),
                layout.bounds(), s.searchPx(), layout.blurSigmaPx());
        double[] dx = new double[n];
        double[] dy = new double[n];
        double[] sim = new double[n];
        boolean[] tracked = new boolean[n];
        for (int f = 0; f < n; f++) {
            Shift sh = f == ref ? Shift.NONE : est.estimate(loop.frame(f));
            dx[f] = sh.dxPx();
            dy[f] = sh.dyPx();
            sim[f] = sh.similarity();
            tracked[f] = bmode || f == ref || Double.isFinite(sh.similarity()) && sh.texture() >= MIN_TEXTURE;
        }
        interpolateUntracked(dx, tracked);
        interpolateUntracked(dy, tracked);
        return new MotionTrack(layout.method(), ref, layout.window(), layout.offset(), dx, dy, sim, tracked);
    }

    private static int referenceFrame(CineLoop loop, TrackingLayout layout, MotionSettings s, boolean bmode) {
        if (s.referenceFrame() != null) {
            if (s.referenceFrame() > loop.frameCount()) {
                throw new org.ceusperfusion.InputException("--motion-reference", "frame " + s.referenceFrame()
                        + " does not exist: the loop has " + loop.frameCount() + " frames");
            }
            return s.referenceFrame() - 1;
        }
        if (bmode) {
            return 0;
        }
        int best = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int f = 0; f < loop.frameCount(); f++) {
            float[] w = Images.crop(loop.frame(f), loop.width(), layout.window());
            double m = 0;
            for (float v : w) {
                m += v;
            }
            if (m > max) {
                max = m;
                best = f;
            }
        }
        return best;
    }

    /** Replaces untracked values by linear interpolation between tracked neighbours (held at the ends). */
    static void interpolateUntracked(double[] v, boolean[] tracked) {
        int prev = -1;
        for (int i = 0; i <= v.length; i++) {
            if (i < v.length && !tracked[i]) {
                continue;
            }
            for (int j = prev + 1; j < i; j++) {
                if (prev < 0 && i == v.length) {
                    v[j] = 0;
                } else if (prev < 0) {
                    v[j] = v[i];
                } else if (i == v.length) {
                    v[j] = v[prev];
                } else {
                    v[j] = v[prev] + (v[i] - v[prev]) * (j - prev) / (double) (i - prev);
                }
            }
            prev = i;
        }
    }

}
