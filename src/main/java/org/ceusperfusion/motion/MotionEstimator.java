package org.ceusperfusion.motion;

/**
 * Estimates the in-plane translation of a tracked window between a reference frame and any other frame,
 * by normalised cross-correlation (NCC).
 *
 * <p>Both images are cropped to the window grown by the search range (and kept inside {@code bounds}, e.g.
 * the B-mode panel, so the search never looks into the other panel), smoothed by a Gaussian of
 * {@code blurSigmaPx} (band limit: suppresses frame-to-frame speckle and noise), then searched
 * coarse-to-fine: every offset within ±{@code searchPx}/2 on images reduced 2× (2×2 means), then ±2 px
 * around the best coarse offset at full resolution. The integer peak is refined to sub-pixel precision by a
 * parabola through it and its two neighbours along x and along y. NCC is insensitive to a change of
 * brightness and contrast, which on log-compressed (grey) contrast frames is what a global change of
 * bubble concentration does.
 *
 * <pre>{@code
 * MotionEstimator est = new MotionEstimator(loop.frame(0), w, h, window, panel, 15, 1.0);
 * Shift s = est.estimate(loop.frame(k));   // s.dxPx(), s.dyPx(), s.similarity()
 * }</pre>
 */
public final class MotionEstimator {
    private static final int FINE_RADIUS = 2;
    private static final int MIN_COARSE_SIDE = 8;

    private final int width;
    private final PixelWindow crop;
    private final PixelWindow window;
    private final int searchPx;
    private final double blurSigmaPx;
    private final Ncc fine;
    private final Ncc coarse;

    /**
     * @param reference   the reference frame, {@code width × height} grey values, row-major
     * @param width       frame width, pixels
     * @param height      frame height, pixels
     * @param window      the tracked window in the reference frame; must lie inside {@code bounds}
     * @param bounds      where the moved window may go (a panel, or the whole frame)
     * @param searchPx    largest shift searched along x and y, pixels (≥ 1)
     * @param blurSigmaPx Gaussian smoothing before matching, pixels (0: none)
     * @throws IllegalArgumentException when the window is not inside the bounds or the frame
     */
    public MotionEstimator(float[] reference, int width, int height, PixelWindow window, PixelWindow bounds,
                           int searchPx, double blurSigmaPx) {
        PixelWindow frame = new PixelWindow(0, 0, width, height);
        PixelWindow b = bounds.intersect(frame);
        if (b == null || !b.contains(window)) {
            throw new IllegalArgumentException("tracked window " + window + " is not inside " + bounds);
        }
        this.width = width;
        this.searchPx = searchPx;
        this.blurSigmaPx = blurSigmaPx;
        this.crop = window.grow(searchPx + FINE_RADIUS, searchPx + FINE_RADIUS).intersect(b);
        this.window = window;
        float[] img = prepare(reference);
        fine = new Ncc(img, crop.width(), window.x() - crop.x(), window.y() - crop.y(), window.width(),
                window.height());
        coarse = coarse(img);
    }

    /** Same window, crop, search range and smoothing as {@code other}, another reference (already prepared). */
    private MotionEstimator(MotionEstimator other, float[] prepared) {
        this.width = other.width;
        this.searchPx = other.searchPx;
        this.blurSigmaPx = other.blurSigmaPx;
        this.crop = other.crop;
        this.window = other.window;
        fine = new Ncc(prepared, crop.width(), other.fine.wx, other.fine.wy, window.width(), window.height());
        coarse = coarse(prepared);
    }

    /**
     * @param prepared a frame prepared by {@link #prepare}
     * @return an estimator of shifts relative to that frame, with this one's window, search range and smoothing
     */
    MotionEstimator withReference(float[] prepared) {
        return new MotionEstimator(this, prepared);
    }

    private Ncc coarse(float[] img) {
        if (window.width() / 2 >= MIN_COARSE_SIDE && window.height() / 2 >= MIN_COARSE_SIDE) {
            float[] small = Images.half(img, crop.width(), crop.height());
            return new Ncc(small, crop.width() / 2, fine.wx / 2, fine.wy / 2, window.width() / 2, window.height() / 2);
        }
        return null;
    }

    /** @return the region of the frame that is read (the window grown by the search range, within bounds) */
    public PixelWindow crop() {
        return crop;
    }

    /**
     * @param frame a frame of the same size as the reference
     * @return its shift relative to the reference, the peak NCC and the texture ratio; a flat window gives
     *         shift 0 and similarity NaN
     */
    public Shift estimate(float[] frame) {
        return estimatePrepared(prepare(frame));
    }

    /**
     * As {@link #estimate} for a frame already cropped and smoothed by {@link #prepare} (of an estimator with
     * the same window, bounds, search range and smoothing).
     */
    Shift estimatePrepared(float[] img) {
        int cw = crop.width();
        int ch = crop.height();
        int cx = 0;
        int cy = 0;
        int radius = searchPx;
        if (coarse != null) {
            float[] small = Images.half(img, cw, ch);
            int[] best = argmax(coarse, small, cw / 2, ch / 2, 0, 0, (searchPx + 1) / 2);
            if (best != null) {
                cx = 2 * best[0];
                cy = 2 * best[1];
                radius = FINE_RADIUS;
            }
        }
        int[] best = argmax(fine, img, cw, ch, cx, cy, radius);
        if (best == null && radius < searchPx) {
            best = argmax(fine, img, cw, ch, 0, 0, searchPx);
        }
        if (best == null) {
            return new Shift(0, 0, Double.NaN, 0);
        }
        return refine(img, cw, ch, best[0], best[1]);
    }

    /**
     * Searches only the integer offsets within ±{@code radius} of the rounded prediction, at full resolution.
     *
     * @param img a prepared frame ({@link #prepare})
     * @param px  predicted shift along x, pixels
     * @param py  predicted shift along y, pixels
     * @return the refined shift, or {@code null} when the best offset lies on the edge of the searched square
     *         (the prediction was too far off) or nothing could be compared
     */
    Shift estimateNear(float[] img, double px, double py, int radius) {
        int cx = (int) Math.round(px);
        int cy = (int) Math.round(py);
        int[] best = argmax(fine, img, crop.width(), crop.height(), cx, cy, radius);
        if (best == null || Math.abs(best[0] - cx) == radius || Math.abs(best[1] - cy) == radius) {
            return null;
        }
        return refine(img, crop.width(), crop.height(), best[0], best[1]);
    }

    /**
     * @param img a prepared frame ({@link #prepare})
     * @return {NCC, frame-window SD / reference-window SD} at the integer offset (ox, oy); {NaN, NaN} when the
     *         offset leaves the crop or the search range
     */
    double[] compare(float[] img, int ox, int oy) {
        if (Math.abs(ox) > searchPx || Math.abs(oy) > searchPx || !fine.valid(ox, oy, crop.width(), crop.height())) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] v = fine.at(img, crop.width(), ox, oy);
        double refStd = fine.refStd();
        return new double[] {v[0], refStd > 0 ? v[1] / refStd : Double.NaN};
    }

    private int[] argmax(Ncc ncc, float[] img, int w, int h, int cx, int cy, int radius) {
        double best = Double.NEGATIVE_INFINITY;
        int[] arg = null;
        int limit = ncc == coarse ? (searchPx + 1) / 2 : searchPx;
        for (int oy = cy - radius; oy <= cy + radius; oy++) {
            for (int ox = cx - radius; ox <= cx + radius; ox++) {
                if (Math.abs(ox) > limit || Math.abs(oy) > limit || !ncc.valid(ox, oy, w, h)) {
                    continue;
                }
                double c = ncc.at(img, w, ox, oy)[0];
                if (c > best) {
                    best = c;
                    arg = new int[] {ox, oy};
                }
            }
        }
        return arg;
    }

    private Shift refine(float[] img, int w, int h, int bx, int by) {
        double[] peak = fine.at(img, w, bx, by);
        double sx = parabola(value(img, w, h, bx - 1, by), peak[0], value(img, w, h, bx + 1, by));
        double sy = parabola(value(img, w, h, bx, by - 1), peak[0], value(img, w, h, bx, by + 1));
        double refStd = fine.refStd();
        return new Shift(bx + sx, by + sy, peak[0], refStd > 0 ? peak[1] / refStd : 0);
    }

    private double value(float[] img, int w, int h, int ox, int oy) {
        if (Math.abs(ox) > searchPx || Math.abs(oy) > searchPx || !fine.valid(ox, oy, w, h)) {
            return Double.NaN;
        }
        return fine.at(img, w, ox, oy)[0];
    }

    /** @return the vertex of the parabola through (−1, a), (0, b), (1, c), within ±0.5; 0 when undefined */
    static double parabola(double a, double b, double c) {
        double den = a - 2 * b + c;
        if (!Double.isFinite(a) || !Double.isFinite(c) || !(den < 0)) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / den));
    }

    /** @return the frame cropped to {@link #crop()} and smoothed, as the estimator compares it */
    float[] prepare(float[] frame) {
        float[] c = Images.crop(frame, width, crop);
        return blurSigmaPx > 0 ? Images.gaussian(c, crop.width(), crop.height(), blurSigmaPx) : c;
    }
}
