package org.ceusperfusion.tic;

import org.ceusperfusion.roi.RoiMask;

/**
 * The local tissue echo level around each ROI pixel: the median of the pixels' own floors (linear power,
 * the lowest running mean before the peak) over a square neighbourhood clipped to the ROI. Used by
 * {@link NonEnhancingCriterion} so that a pixel's rise is judged against the tissue around it rather than
 * against its own frozen speckle.
 */
final class LocalTissueLevel {
    private LocalTissueLevel() {
    }

    /**
     * @param roi      the ROI (pixel order of {@link RoiMask#pixelIndices}: row-major in its bounding box)
     * @param fpn      per ROI pixel: {floor, peak, noise}; NaN floors are skipped
     * @param radiusPx neighbourhood half-width, pixels (≥ 0)
     * @return per ROI pixel: the median floor of its neighbourhood, linear power (NaN when none is known)
     */
    static double[] medianFloors(RoiMask roi, double[][] fpn, int radiusPx) {
        int w = roi.width();
        int h = roi.height();
        double[] grid = new double[w * h];
        java.util.Arrays.fill(grid, Double.NaN);
        int[] at = new int[fpn.length];
        int k = 0;
        for (int i = 0; i < grid.length && k < fpn.length; i++) {
            if (roi.inside()[i]) {
                grid[i] = fpn[k][0];
                at[k++] = i;
            }
        }
        double[] out = new double[fpn.length];
        double[] buf = new double[(2 * radiusPx + 1) * (2 * radiusPx + 1)];
        for (k = 0; k < fpn.length; k++) {
            out[k] = median(grid, w, h, at[k] % w, at[k] / w, radiusPx, buf);
        }
        return out;
    }

    private static double median(double[] grid, int w, int h, int cx, int cy, int r, double[] buf) {
        int m = 0;
        for (int y = Math.max(0, cy - r); y <= Math.min(h - 1, cy + r); y++) {
            for (int x = Math.max(0, cx - r); x <= Math.min(w - 1, cx + r); x++) {
                double f = grid[y * w + x];
                if (!Double.isNaN(f)) {
                    buf[m++] = f;
                }
            }
        }
        if (m == 0) {
            return Double.NaN;
        }
        java.util.Arrays.sort(buf, 0, m);
        return m % 2 == 1 ? buf[m / 2] : 0.5 * (buf[m / 2 - 1] + buf[m / 2]);
    }
}
