package org.ceusperfusion.motion;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;
import org.ceusperfusion.cine.UltrasoundRegion;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.roi.RoiSpecParser;
import org.ceusperfusion.synth.BolusSpec;
import org.ceusperfusion.synth.SyntheticLoopGenerator;

/**
 * Test generator of a free-breathing side-by-side loop: a B-mode panel (static speckled texture with a bright
 * rim and a dark vessel, no contrast) on the left and the contrast panel on the right, both moved by the same
 * in-plane breathing motion; optionally an out-of-plane episode (B-mode replaced by decorrelated texture, the
 * tumour absent from the contrast panel) and a flash frame.
 *
 * <p>Content at world point p is shown at display point p + shift(t); shift(0) = (0, 0), so the ROI drawn on
 * frame 1 is the tumour. Contrast: P = (background + A(p)·shape(t − t0))·S + N with exponential speckle S
 * (new every frame) and noise N, log-compressed over 40 dB (as {@link SyntheticLoopGenerator}). The truth AUC of
 * the ROI is the mean of A over its pixels.
 */
final class SideBySideLoop {
    static final int PANEL_W = 96;
    static final int PANEL_H = 80;
    static final double DR_DB = 40;
    static final double PIXEL_MM = 0.3;
    static final double BACKGROUND = 30;
    static final double NOISE = 2;
    static final BolusSpec TUMOUR = BolusSpec.of(2500, Math.log(12), 0.5, 4);
    static final BolusSpec NORMAL = BolusSpec.of(700, Math.log(14), 0.6, 5);
    /** Tumour ellipse in the contrast panel: centre and semi-axes, pixels. */
    static final double CX = 48;
    static final double CY = 40;
    static final double AX = 15;
    static final double AY = 12;
    private static final int MARGIN = 24;

    final double ampX;
    final double ampY;
    final double fps;
    final int frames;
    final double oopStartS;
    final double oopEndS;
    final int flashFrame;
    final long seed;
    final boolean bmodePanel;

    /**
     * @param ampX       breathing amplitude along x, pixels
     * @param ampY       breathing amplitude along y, pixels
     * @param fps        frames per second
     * @param frames     number of frames
     * @param oopStartS  start of the out-of-plane episode, s (NaN: none)
     * @param oopEndS    end of the episode, s (exclusive)
     * @param flashFrame 0-based frame with a flash (−1: none)
     * @param bmodePanel whether there is a B-mode panel (else the frame is the contrast panel only)
     * @param seed       random seed
     */
    SideBySideLoop(double ampX, double ampY, double fps, int frames, double oopStartS, double oopEndS,
                   int flashFrame, boolean bmodePanel, long seed) {
        this.ampX = ampX;
        this.ampY = ampY;
        this.fps = fps;
        this.frames = frames;
        this.oopStartS = oopStartS;
        this.oopEndS = oopEndS;
        this.flashFrame = flashFrame;
        this.bmodePanel = bmodePanel;
        this.seed = seed;
    }

    /** The acceptance scenario: ≈ 9 px vertical and 3 px horizontal breathing, one out-of-plane episode. */
    static SideBySideLoop breathing(long seed) {
        return new SideBySideLoop(3, 9, 6, 360, 30, 32, -1, true, seed);
    }

    /** @return the same loop without motion, out-of-plane episode or flash */
    SideBySideLoop still() {
        return new SideBySideLoop(0, 0, fps, frames, Double.NaN, Double.NaN, -1, bmodePanel, seed);
    }

    double dx(double t) {
        return ampX * Math.sin(2 * Math.PI * t / 3.3);
    }

    double dy(double t) {
        return ampY * Math.sin(2 * Math.PI * t / 4.0);
    }

    boolean outOfPlane(double t) {
        return t >= oopStartS && t < oopEndS;
    }

    int contrastX0() {
        return bmodePanel ? PANEL_W : 0;
    }

    int width() {
        return bmodePanel ? 2 * PANEL_W : PANEL_W;
    }

    /** @return the inline spec of the tumour ROI (the oval's bounding box) in frame coordinates */
    String roiSpec() {
        return "tumour=oval:" + (int) (contrastX0() + CX - AX) + "," + (int) (CY - AY) + "," + (int) (2 * AX) + ","
                + (int) (2 * AY);
    }

    RoiMask roi() {
        return RoiSpecParser.parse(roiSpec(), "tumour");
    }

    /** Per-pixel area A at a contrast-panel world point (pixel centre coordinates). */
    static double area(double x, double y) {
        double u = (x - CX) / AX;
        double v = (y - CY) / AY;
        if (u * u + v * v > 1) {
            return NORMAL.meanArea();
        }
        return TUMOUR.meanArea() * (1 + 0.2 * Math.cos(2 * Math.PI * x / 23) * Math.cos(2 * Math.PI * y / 17));
    }

    /** @return the true AUC of the ROI mean curve: the mean of A over the ROI pixels, a.u.·s */
    double truthAuc() {
        RoiMask m = roi();
        double s = 0;
        int n = 0;
        for (int j = 0; j < m.height(); j++) {
            for (int i = 0; i < m.width(); i++) {
                if (m.inside()[j * m.width() + i]) {
                    s += area(m.x() + i - contrastX0() + 0.5, m.y() + j + 0.5);
                    n++;
                }
            }
        }
        return s / n;
    }

    double[] times() {
        return CineLoop.regularTimes(frames, 1 / fps);
    }

    /** @return the loop, with two ultrasound regions (B-mode left, contrast right) when there is a B-mode panel */
    CineLoop generate() {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] texture = texture(rng.split());
        float[] decorrelated = texture(rng.split());
        SplittableRandom noise = rng.split();
        double[] t = times();
        float[][] out = new float[frames][];
        for (int k = 0; k < frames; k++) {
            float[] f = new float[width() * PANEL_H];
            boolean oop = outOfPlane(t[k]);
            if (bmodePanel) {
                renderBmode(f, oop ? decorrelated : texture, dx(t[k]), dy(t[k]), noise);
            }
            renderContrast(f, t[k], oop, k == flashFrame, noise);
            out[k] = f;
        }
        List<UltrasoundRegion> regions = bmodePanel
                ? List.of(region(0), region(PANEL_W)) : List.of(region(0));
        LoopMetadata meta = new LoopMetadata("side-by-side", "SYNTHETIC", 255, "MONOCHROME2", null, "synthetic",
                regions, Map.of());
        return new CineLoop(width(), PANEL_H, t, PIXEL_MM, meta, FrameSource.of(out));
    }

    private static UltrasoundRegion region(int x0) {
        return new UltrasoundRegion(x0, 0, x0 + PANEL_W - 1, PANEL_H - 1, 1, 1, PIXEL_MM, PIXEL_MM);
    }

    private void renderBmode(float[] f, float[] texture, double sx, double sy, SplittableRandom rng) {
        int tw = PANEL_W + 2 * MARGIN;
        for (int y = 0; y < PANEL_H; y++) {
            for (int x = 0; x < PANEL_W; x++) {
                double wx = x - sx + MARGIN;
                double wy = y - sy + MARGIN;
                double g = bilinear(texture, tw, wx, wy) + 3 * rng.nextGaussian();
                f[y * width() + x] = (float) Math.max(0, Math.min(255, Math.round(g)));
            }
        }
    }

    private void renderContrast(float[] f, double t, boolean oop, boolean flash, SplittableRandom rng) {
        double tumourShape = TUMOUR.shape(t - TUMOUR.t0S());
        double normalShape = NORMAL.shape(t - NORMAL.t0S());
        double sx = dx(t);
        double sy = dy(t);
        int x0 = contrastX0();
        for (int y = 0; y < PANEL_H; y++) {
            for (int x = 0; x < PANEL_W; x++) {
                double wx = x + 0.5 - sx;
                double wy = y + 0.5 - sy;
                double a = oop ? NORMAL.meanArea() : area(wx, wy);
                double shape = a == NORMAL.meanArea() ? normalShape : tumourShape;
                double speckle = -Math.log1p(-rng.nextDouble());
                double p = (BACKGROUND + a * shape) * speckle + NOISE * -Math.log1p(-rng.nextDouble());
                if (flash) {
                    p *= 8;
                }
                f[y * width() + x0 + x] = SyntheticLoopGenerator.compress(p, DR_DB, 255);
            }
        }
    }

    /** A smooth speckle-like texture (Gaussian-smoothed noise) with a bright rim round the tumour and a vessel. */
    private static float[] texture(SplittableRandom rng) {
        int tw = PANEL_W + 2 * MARGIN;
        int th = PANEL_H + 2 * MARGIN;
        float[] noise = new float[tw * th];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) rng.nextGaussian();
        }
        float[] s = Images.gaussian(noise, tw, th, 1.5);
        float[] g = new float[s.length];
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                double u = (x - MARGIN + 0.5 - CX) / AX;
                double v = (y - MARGIN + 0.5 - CY) / AY;
                double r = Math.sqrt(u * u + v * v);
                double rim = 50 * Math.exp(-Math.pow((r - 1) / 0.12, 2));
                double vessel = -40 * Math.exp(-Math.pow((y - MARGIN - 0.35 * (x - MARGIN) - 8) / 2.5, 2));
                g[y * tw + x] = (float) (100 + 150 * s[y * tw + x] + rim + vessel);
            }
        }
        return g;
    }

    private static double bilinear(float[] img, int w, double x, double y) {
        int h = img.length / w;
        x = Math.max(0, Math.min(w - 1.001, x));
        y = Math.max(0, Math.min(h - 1.001, y));
        int x0 = (int) x;
        int y0 = (int) y;
        double fx = x - x0;
        double fy = y - y0;
        double a = img[y0 * w + x0] * (1 - fx) + img[y0 * w + x0 + 1] * fx;
        double b = img[(y0 + 1) * w + x0] * (1 - fx) + img[(y0 + 1) * w + x0 + 1] * fx;
        return a * (1 - fy) + b * fy;
    }
}
