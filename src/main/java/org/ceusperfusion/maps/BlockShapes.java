package org.ceusperfusion.maps;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.FitStatus;
import org.ceusperfusion.fit.LevenbergMarquardtFitter;
import org.ceusperfusion.fit.ShiftedShapes;
import org.ceusperfusion.model.BolusModel;

/**
 * Reference bolus shapes for the per-pixel fits of a map ({@link org.ceusperfusion.fit.SharedShapeFitter}).
 * The frame is cut into {@value #BLOCK}×{@value #BLOCK}-pixel blocks aligned on the image grid; the mean
 * linearised curve of every block holding a mapped pixel (over all of the block's pixels, mapped or not)
 * and the mean curve of the whole frame are fitted once, with the map's fitter (first-pass window). A
 * pixel's shape is its block's when that fit is {@code OK}, else the whole frame's, else none. A pixel's
 * result therefore depends only on its own curve and its block's, not on the ROI, the bands of rows or
 * the threads. Package-private.
 */
final class BlockShapes {
    /** Block side, pixels. */
    static final int BLOCK = 16;

    private final int width;
    private final int blocksX;
    private final ShiftedShapes[] shapes;
    private final ShiftedShapes global;

    private BlockShapes(int width, int blocksX, ShiftedShapes[] shapes, ShiftedShapes global) {
        this.width = width;
        this.blocksX = blocksX;
        this.shapes = shapes;
        this.global = global;
    }

    /** Sums of the curves of the blocks holding a mapped pixel and of the whole frame, band by band. */
    static final class Sums {
        private final int width;
        private final int blocksX;
        private final int n;
        private final boolean[] needed;
        private final int[] counts;
        private final double[] sums;

        /**
         * @param mapped which pixels are mapped (a block is fitted when it holds one)
         * @param n      samples per curve
         */
        Sums(boolean[] mapped, int width, int height, int n) {
            this.width = width;
            this.blocksX = (width + BLOCK - 1) / BLOCK;
            this.n = n;
            int nb = blocksX * ((height + BLOCK - 1) / BLOCK);
            this.needed = new boolean[nb];
            this.counts = new int[nb + 1];
            this.sums = new double[(nb + 1) * n];
            for (int i = 0; i < mapped.length; i++) {
                if (mapped[i]) {
                    needed[blockOf(i)] = true;
                }
            }
        }

        private int blockOf(int i) {
            return (i / width) / BLOCK * blocksX + (i % width) / BLOCK;
        }

        /**
         * Adds the curves of rows {@code [y0, y1)} of {@code tile} (in pixel order: any banding gives the same
         * sums), to the whole frame's sum and to their block's, in one pass over each curve.
         */
        void add(CurveTile tile, int y0, int y1) {
            int nb = needed.length;
            for (int i = y0 * width; i < y1 * width; i++) {
                int b = blockOf(i);
                boolean own = needed[b];
                tile.addCurveTo(i, sums, nb * n, own ? b * n : -1);
                counts[nb]++;
                if (own) {
                    counts[b]++;
                }
            }
        }

        /** @return the mean curve of block {@code b} ({@code blocks()} for the whole frame), or {@code null} */
        double[] mean(int b) {
            if (counts[b] == 0) {
                return null;
            }
            double[] c = new double[n];
            for (int j = 0; j < n; j++) {
                c[j] = sums[b * n + j] / counts[b];
            }
            return c;
        }

        int blocks() {
            return needed.length;
        }
    }

    /**
     * Fits the mean curves of {@code sums}.
     *
     * @param t    sample times, s
     * @param pool where to fit the blocks, or {@code null} for this thread
     */
    static BlockShapes fit(Sums sums, double[] t, BolusModel model, LevenbergMarquardtFitter fitter,
                           ExecutorService pool) {
        int nb = sums.blocks();
        ShiftedShapes[] shapes = new ShiftedShapes[nb + 1];
        List<Runnable> jobs = new ArrayList<>();
        for (int b = 0; b <= nb; b++) {
            double[] mean = sums.mean(b);
            if (mean != null) {
                int index = b;
                jobs.add(() -> shapes[index] = shapeOf(model, fitter, t, mean));
            }
        }
        run(jobs, pool);
        ShiftedShapes global = shapes[nb];
        for (int b = 0; b < nb; b++) {
            if (shapes[b] == null) {
                shapes[b] = global;
            }
        }
        return new BlockShapes(sums.width, sums.blocksX, shapes, global);
    }

    /** @return the shape for image pixel {@code index}, or {@code null} when there is none */
    ShiftedShapes forPixel(int index) {
        return shapes[(index / width) / BLOCK * blocksX + (index % width) / BLOCK];
    }

    /** @return the whole frame's shape, or {@code null} when its mean curve has no usable fit */
    ShiftedShapes global() {
        return global;
    }

    private static ShiftedShapes shapeOf(BolusModel model, LevenbergMarquardtFitter fitter, double[] t, double[] y) {
        FitResult r = fitter.fit(model, t, y);
        if (r.status() != FitStatus.OK) {
            return null;
        }
        int n = 0;
        while (n < t.length && t[n] <= r.windowEndS()) {
            n++;
        }
        return n < model.parameterNames().size() + 1 ? null : ShiftedShapes.of(model, t, r.params(), n);
    }

    private static void run(List<Runnable> jobs, ExecutorService pool) {
        if (pool == null) {
            jobs.forEach(Runnable::run);
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (Runnable r : jobs) {
            futures.add(pool.submit(r));
        }
        for (Future<?> f : futures) {
            ParametricMapper.await(f);
        }
    }
}
