package org.ceusperfusion.motion;

import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.tic.FlashSignal;
import org.ceusperfusion.tic.Linearizer;
import org.ceusperfusion.tic.TimeIntensityCurve;

/**
 * Time-intensity curves of ROIs that follow the tissue: in frame k every ROI pixel (x, y) is read at
 * (x + round(dx_k), y + round(dy_k)). Pixels moved outside {@code bounds} (the ROI's panel) are left out of
 * that frame's mean and counted; when more than half of a ROI leaves, its value for the frame is NaN.
 * As in {@link org.ceusperfusion.tic.TicExtractor}: linearise first, then average; a pixel is clipped at grey
 * {@code ≤ 0} or {@code ≥ maxGrey}. The same pass also gives the frame-wide {@link FlashSignal} (for flash
 * detection).
 */
public final class MovingRoiTic {
    /** Largest fraction of a ROI that may leave the frame before its value for that frame is dropped. */
    public static final double MAX_OUTSIDE_FRACTION = 0.5;

    /**
     * The curves and what was counted.
     *
     * @param tics         one curve per ROI, in ROI order
     * @param outsidePx    per ROI and frame: pixels that fell outside the bounds
     * @param frameMean    the {@link FlashSignal} of each frame, a.u.
     */
    public record Result(List<TimeIntensityCurve> tics, int[][] outsidePx, double[] frameMean) {
    }

    private MovingRoiTic() {
    }

    /**
     * @param loop   the loop
     * @param rois   ROIs as drawn on the reference frame
     * @param lin    grey → linear power
     * @param dxPx   shift per frame along x, pixels
     * @param dyPx   shift per frame along y, pixels
     * @param bounds where the moved ROI pixels may be read (its panel, or the whole frame)
     * @return curves, outside counts and flash signals
     */
    public static Result extract(CineLoop loop, List<RoiMask> rois, Linearizer lin, double[] dxPx, double[] dyPx,
                                 PixelWindow bounds) {
        int n = loop.frameCount();
        int w = loop.width();
        int[][] xs = new int[rois.size()][];
        int[][] ys = new int[rois.size()][];
        for (int r = 0; r < rois.size(); r++) {
            int[] idx = rois.get(r).pixelIndices(w, loop.height());
            xs[r] = new int[idx.length];
            ys[r] = new int[idx.length];
            for (int k = 0; k < idx.length; k++) {
                xs[r][k] = idx[k] % w;
                ys[r][k] = idx[k] / w;
            }
        }
        double[][] means = new double[rois.size()][n];
        double[][] clipped = new double[rois.size()][n];
        double[][] top = new double[rois.size()][n];
        int[][] outside = new int[rois.size()][n];
        double[] frameMean = new double[n];
        double maxGrey = loop.metadata().maxGrey();
        int[] flashRows = FlashSignal.mask(w, loop.height()).pixelIndices(w, loop.height());
        for (int f = 0; f < n; f++) {
            float[] frame = loop.frame(f);
            frameMean[f] = FlashSignal.of(frame, flashRows, lin, maxGrey);
            int ox = (int) Math.round(dxPx[f]);
            int oy = (int) Math.round(dyPx[f]);
            for (int r = 0; r < xs.length; r++) {
                double sum = 0;
                int clip = 0;
                int high = 0;
                int in = 0;
                for (int k = 0; k < xs[r].length; k++) {
                    int x = xs[r][k] + ox;
                    int y = ys[r][k] + oy;
                    if (!bounds.contains(x, y)) {
                        continue;
                    }
                    float g = frame[y * w + x];
                    sum += lin.power(g);
                    clip += g <= 0 || g >= maxGrey ? 1 : 0;
                    high += g >= maxGrey ? 1 : 0;
                    in++;
                }
                outside[r][f] = xs[r].length - in;
                boolean enough = in > 0 && outside[r][f] <= MAX_OUTSIDE_FRACTION * xs[r].length;
                means[r][f] = enough ? sum / in : Double.NaN;
                clipped[r][f] = in > 0 ? (double) clip / in : 0;
                top[r][f] = in > 0 ? (double) high / in : 0;
            }
        }
        List<TimeIntensityCurve> tics = new ArrayList<>();
        for (int r = 0; r < rois.size(); r++) {
            tics.add(new TimeIntensityCurve(rois.get(r).name(), loop.timesS(), means[r], clipped[r], top[r]));
        }
        return new Result(tics, outside, frameMean);
    }
}
