package org.ceusperfusion.motion;

import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.cine.CineLoop;

/**
 * Tracks the contrast frames (or a user region) of a loop whose content changes: key frames about
 * {@value #KEY_SPACING_S} s apart are registered to earlier key frames, every frame to its nearest key frame,
 * and the key frames' shifts relative to the reference are solved together.
 *
 * <p>Why: a CEUS loop's window does not keep its look. Before the bolus it shows tissue speckle, at the peak
 * the enhancing tissue (bubble speckle that decorrelates within ~1 s), later a wash-out whose regions fade at
 * different rates. A single template (the peak frame) matched against a pre-contrast frame finds whatever patch
 * of tissue texture resembles the tumour best (measured: +10 px in y for a true +2 on a weak-rim phantom), and
 * between enhanced frames the changing brightness of the regions pulls the peak by a fraction of a pixel. Frames
 * close in time look alike, so their relative shift is reliable. Chaining such shifts alone drifts, so each key
 * frame is registered to its predecessor (full search) and to the key frames {@link #SPANS} earlier (±
 * {@value #NEAR_RADIUS} px around the chained estimate) and directly to the reference. Every link is weighted by
 * its precision (see {@link #precision}): where speckle lasts, neighbours correlate far better than the peak frame
 * and the direct link counts little; where it is new every frame, both share only the anatomy and count alike.
 * The key frames' shifts are the
 * weighted least-squares solution (reference fixed at 0), links more than {@value #OUTLIER_PX} px off the
 * solution down-weighted over three reweighting rounds.
 *
 * <p>A frame (key or not) whose window has less than {@link MotionCorrection#MIN_TEXTURE} of the reference's
 * standard deviation (black frames in contrast mode) is not compared; its shift is interpolated. A frame's
 * similarity is how well it agrees with the frames around it: the lower of its NCC with its key frame and that
 * key frame's NCC with the previous and next key frames (the NCC with the peak frame is low on every pre-contrast
 * frame and would reject the baseline as out-of-plane).
 *
 * <p>One pass over the frames; memory: the smoothed windows of the frames since the last key frame and the
 * templates of the last {@value #LINKS} key frames.
 */
final class KeyframeTracker {
    /** Target spacing of key frames, s. */
    static final double KEY_SPACING_S = 0.5;
    /** Besides its predecessor, each key frame is registered to the key frames this many key frames earlier. */
    static final int[] SPANS = {2, 3, 4, 8, 16, 32, 64};
    /** The longest link, key frames: the half bandwidth of the normal equations. */
    static final int LINKS = 64;
    /** Search radius around the chained prediction for the longer links, pixels. */
    static final int NEAR_RADIUS = 2;
    /** Links disagreeing with the solution by more than this are down-weighted, pixels. */
    static final double OUTLIER_PX = 1.0;
    /**
     * Smoothing before matching, pixels: light, because speckle that lasts ~1 s is shared by frames
     * {@value #KEY_SPACING_S} s apart and is the sharpest structure there is (the tissue's frozen speckle even more so).
     */
    static final double BLUR_PX = 1.0;
    /** Weight of a key frame's direct link to the reference relative to a link between key frames (before precision). */
    static final double ANCHOR_WEIGHT = 1.0;

    private final CineLoop loop;
    private final MotionEstimator ref;
    private final int refFrame;
    private final int step;
    private final int n;
    private final List<Link> links = new ArrayList<>();
    private final List<Integer> keys = new ArrayList<>();
    private final List<MotionEstimator> keyEst = new ArrayList<>();
    private final List<double[]> chain = new ArrayList<>();
    /** Per key frame: peak NCC of its link to the previous key frame (NaN for the first). */
    private final List<Double> linkSim = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    private final int[] keyOf;
    private final double[] relX;
    private final double[] relY;
    private final double[] sim;
    private final boolean[] tracked;

    private record Link(int from, int to, double dx, double dy, double weight) {
    }

    private record Pending(int frame, float[] img) {
    }

    private KeyframeTracker(CineLoop loop, TrackingLayout layout, MotionSettings s, int refFrame) {
        this.loop = loop;
        this.refFrame = refFrame;
        this.n = loop.frameCount();
        this.ref = new MotionEstimator(loop.frame(refFrame), loop.width(), loop.height(), layout.window(),
                layout.bounds(), s.searchPx(), BLUR_PX);
        this.step = keyStep(loop.timesS());
        keyOf = new int[n];
        java.util.Arrays.fill(keyOf, -1);
        relX = new double[n];
        relY = new double[n];
        sim = new double[n];
        java.util.Arrays.fill(sim, Double.NaN);
        tracked = new boolean[n];
    }

    /**
     * @param loop     the loop
     * @param layout   where to track (contrast or region)
     * @param s        settings (search range)
     * @param refFrame 0-based reference frame (shift 0)
     * @return the track
     */
    static MotionTrack track(CineLoop loop, TrackingLayout layout, MotionSettings s, int refFrame) {
        KeyframeTracker t = new KeyframeTracker(loop, layout, s, refFrame);
        for (int f = 0; f < t.n; f++) {
            t.visit(f);
        }
        t.flush(true);
        double[][] key = t.solve();
        return t.result(layout, key);
    }

    /** @return frames between key frames: about {@link #KEY_SPACING_S} at the median frame interval (≥ 1) */
    static int keyStep(double[] t) {
        if (t.length < 2) {
            return 1;
        }
        double[] d = new double[t.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = t[i + 1] - t[i];
        }
        double dt = org.ceusperfusion.tic.RobustStats.median(d);
        return dt > 0 ? Math.max(1, (int) Math.round(KEY_SPACING_S / dt)) : 1;
    }

    private void visit(int f) {
        float[] img = ref.prepare(loop.frame(f));
        double texture = ref.compare(img, 0, 0)[1];
        if (!(texture >= MotionCorrection.MIN_TEXTURE) && f != refFrame) {
            return; // too little structure to be compared: interpolated later
        }
        tracked[f] = true;
        boolean key = f == refFrame || Math.floorMod(f - refFrame, step) == 0;
        if (!key) {
            pending.add(new Pending(f, img));
            return;
        }
        int k = keys.size();
        MotionEstimator est = f == refFrame ? ref : ref.withReference(img);
        double[] pos = linkKey(f, k, img);
        keys.add(f);
        keyEst.add(est);
        chain.add(pos);
        if (keyEst.size() > LINKS + 1) {
            keyEst.set(keyEst.size() - 2 - LINKS, null); // keep the templates a link can reach
        }
        keyOf[f] = k;
        sim[f] = 1;
        flush(false);
    }

    /** Registers key frame {@code f} (index k) to its previous key frames and the reference; @return chained position */
    private double[] linkKey(int f, int k, float[] img) {
        if (f != refFrame) {
            Shift direct = ref.estimatePrepared(img);
            if (Double.isFinite(direct.similarity())) {
                links.add(new Link(-1, k, direct.dxPx(), direct.dyPx(), ANCHOR_WEIGHT * precision(direct)));
            }
        }
        if (k == 0) {
            linkSim.add(Double.NaN);
            return new double[] {0, 0};
        }
        Shift prev = keyEst.get(k - 1).estimatePrepared(img);
        linkSim.add(prev.similarity());
        if (!Double.isFinite(prev.similarity())) {
            return chain.get(k - 1).clone();
        }
        links.add(new Link(k - 1, k, prev.dxPx(), prev.dyPx(), precision(prev)));
        double[] pos = {chain.get(k - 1)[0] + prev.dxPx(), chain.get(k - 1)[1] + prev.dyPx()};
        for (int span : SPANS) {
            int j = k - span;
            if (j < 0) {
                break;
            }
            Shift s = keyEst.get(j).estimateNear(img, pos[0] - chain.get(j)[0], pos[1] - chain.get(j)[1], NEAR_RADIUS);
            if (s != null && Double.isFinite(s.similarity())) {
                links.add(new Link(j, k, s.dxPx(), s.dyPx(), precision(s)));
            }
        }
        return pos;
    }

    /**
     * Registers the waiting frames (all after the second-last key frame) to the nearer of the last two key
     * frames, or to the last one when {@code end}.
     */
    private void flush(boolean end) {
        int last = keys.size() - 1;
        int prevFrame = last > 0 ? keys.get(last - 1) : -2;
        double[] prevPos = last > 0 ? chain.get(last - 1) : null;
        for (Pending p : pending) {
            int k = last;
            if (!end && last > 0 && p.frame() - keys.get(last - 1) < keys.get(last) - p.frame()) {
                k = last - 1;
            }
            Shift s = last < 0 || keyEst.get(k) == null ? null : register(keyEst.get(k), p, k, prevFrame, prevPos);
            if (s == null || !Double.isFinite(s.similarity())) {
                tracked[p.frame()] = false;
                continue;
            }
            double[] pos = {chain.get(k)[0] + s.dxPx(), chain.get(k)[1] + s.dyPx()};
            keyOf[p.frame()] = k;
            relX[p.frame()] = s.dxPx();
            relY[p.frame()] = s.dyPx();
            sim[p.frame()] = s.similarity();
            prevFrame = p.frame();
            prevPos = pos;
        }
        pending.clear();
    }

    /**
     * Shift of a frame relative to key frame k: searched ±{@value #NEAR_RADIUS} px around the previous frame's
     * position when that frame was just before it, else (or when the peak lies on the edge of that square) over
     * the whole search range.
     */
    private Shift register(MotionEstimator key, Pending p, int k, int prevFrame, double[] prevPos) {
        if (prevFrame == p.frame() - 1 && prevPos != null) {
            Shift s = key.estimateNear(p.img(), prevPos[0] - chain.get(k)[0], prevPos[1] - chain.get(k)[1], NEAR_RADIUS);
            if (s != null) {
                return s;
            }
        }
        return key.estimatePrepared(p.img());
    }

    /**
     * @return the weight of a measured shift: ρ² / (1 − ρ²) for its peak NCC ρ (clipped to 0..0.95), to which the
     *         precision of a correlation peak is proportional; decorrelated pairs count little
     */
    static double precision(Shift s) {
        double r = Math.max(0, Math.min(0.95, s.similarity()));
        return r * r / (1 - r * r);
    }

    /** @return the key frames' shifts relative to the reference frame, {x[], y[]} */
    private double[][] solve() {
        int m = keys.size();
        int refKey = keys.indexOf(refFrame);
        double[] weight = new double[links.size()];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = links.get(i).weight();
        }
        double[][] sol = null;
        for (int round = 0; round < 4; round++) {
            sol = new double[][] {solveAxis(m, refKey, weight, true), solveAxis(m, refKey, weight, false)};
            for (int i = 0; i < weight.length; i++) {
                Link l = links.get(i);
                double fx = l.from() < 0 ? 0 : sol[0][l.from()];
                double fy = l.from() < 0 ? 0 : sol[1][l.from()];
                double e = Math.hypot(sol[0][l.to()] - fx - l.dx(), sol[1][l.to()] - fy - l.dy());
                weight[i] = l.weight() * (e <= OUTLIER_PX ? 1 : (OUTLIER_PX / e) * (OUTLIER_PX / e));
            }
        }
        return sol;
    }

    /**
     * Weighted least squares of the key frames' shifts along one axis, the reference key frame fixed at 0: the
     * normal equations are banded (a link spans at most {@value #LINKS} key frames; links to the reference only
     * add to the diagonal), solved by a banded Cholesky factorisation. A key frame without links stays at 0.
     */
    private double[] solveAxis(int m, int refKey, double[] weight, boolean x) {
        int p = LINKS;
        double[][] band = new double[m][p + 1]; // band[i][p - (i - j)] = A[i][j], j in i-p..i
        double[] b = new double[m];
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            double w = weight[i];
            double r = x ? l.dx() : l.dy();
            int from = l.from() == refKey ? -1 : l.from();
            int to = l.to() == refKey ? -1 : l.to();
            if (to < 0 && from < 0) {
                continue;
            }
            if (to < 0) { // s_from = -r relative to the reference
                band[from][p] += w;
                b[from] -= w * r;
            } else if (from < 0) {
                band[to][p] += w;
                b[to] += w * r;
            } else {
                band[to][p] += w;
                band[from][p] += w;
                band[Math.max(from, to)][p - Math.abs(to - from)] -= w;
                b[to] += w * r;
                b[from] -= w * r;
            }
        }
        if (refKey >= 0) {
            java.util.Arrays.fill(band[refKey], 0);
            for (int i = refKey + 1; i <= Math.min(m - 1, refKey + p); i++) {
                band[i][p - (i - refKey)] = 0;
            }
            band[refKey][p] = 1;
            b[refKey] = 0;
        }
        return BandCholesky.solve(band, b, p);
    }

    /**
     * Similarity of a key frame: the lower peak NCC of its links to the previous and the next key frame; of any
     * other frame: the lower of its NCC with its key frame and that key frame's similarity.
     */
    private void similarities() {
        double[] keySim = new double[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            double before = linkSim.get(k);
            double after = k + 1 < keys.size() ? linkSim.get(k + 1) : Double.NaN;
            keySim[k] = Double.isNaN(before) ? after : Double.isNaN(after) ? before : Math.min(before, after);
        }
        for (int f = 0; f < n; f++) {
            if (tracked[f] && keyOf[f] >= 0) {
                double ks = keySim[keyOf[f]];
                sim[f] = Double.isNaN(ks) ? sim[f] : Math.min(sim[f], ks);
            }
        }
    }

    private MotionTrack result(TrackingLayout layout, double[][] key) {
        similarities();
        double[] dx = new double[n];
        double[] dy = new double[n];
        for (int f = 0; f < n; f++) {
            if (tracked[f] && keyOf[f] >= 0) {
                dx[f] = key[0][keyOf[f]] + relX[f];
                dy[f] = key[1][keyOf[f]] + relY[f];
            } else {
                tracked[f] = false;
            }
        }
        MotionCorrection.interpolateUntracked(dx, tracked);
        MotionCorrection.interpolateUntracked(dy, tracked);
        return new MotionTrack(layout.method(), refFrame, layout.window(), layout.offset(), dx, dy, sim, tracked);
    }
}
