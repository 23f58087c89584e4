package org.ceusperfusion.maps;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.fit.LevenbergMarquardtFitter;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.BolusModels;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.tic.Linearizer;

/**
 * Parametric perfusion maps: the bolus model fitted to the linearised time-intensity curve of every
 * pixel (or of every {@code bin × bin} block, or of a sliding window around every pixel), on several
 * threads.
 *
 * <p>Pipeline: frames are read once per band of rows ({@value #DEFAULT_TILE_MB} MB of curves per band,
 * so a loop larger than that is processed in bands; a tile of grey levels, every frame held as bytes
 * and fitted, counts one byte a sample), linearised with {@link Linearizer} into a pixel-major float array; the curves are then fitted by {@code threads} workers taking chunks of
 * {@value #CHUNK} curves in turn. Failed fits are NaN. PE, AUC, TTP, t0 and mTT come from the model's
 * closed forms (the same numbers as {@link org.ceusperfusion.params.ParameterCalculator}); the other
 * parameters, and the 95 % CIs when asked for, from {@code ParameterCalculator}.
 *
 * <p>For models linear in baseline and amplitude (lognormal, gamma variate, LDRW, FPT) each curve
 * starts from its {@linkplain BlockShapes block's reference shape}: the mean curve of every 16×16-pixel
 * block is fitted once, and a pixel's baseline and amplitude for that shape follow by linear least
 * squares ({@link org.ceusperfusion.fit.SharedShapeFitter}). A curve whose amplitude is not significant
 * ({@value UnitFitter#SCREEN_SIGMAS} standard errors) is {@code NO_BOLUS} without an LM fit: its
 * amplitude-type parameters (PE, AUC, WiAUC, ...) are 0 and its times NaN, so necrotic
 * (non-enhancing) tissue shows as 0 on a PE map rather than as a hole. The others are fitted by LM from
 * that start (usually 3–5 iterations), or by the ordinary fitter when that does not end {@code OK}.
 * Other models are fitted from their data-driven start, and a curve without a visible bolus
 * ({@link org.ceusperfusion.model.CurveFeatures#hasBolus()}) is {@code NO_BOLUS}. Without CIs no
 * covariance is computed.
 *
 * <p>Each pixel's result depends only on its own curve and its block's mean curve (over all the
 * block's pixels, mapped or not), so maps are identical for any thread count, band size or ROI.
 *
 * <pre>{@code
 * ParametricMaps m = new ParametricMapper(MapSettings.defaults().withThreads(4))
 *         .map(loop, null, MapProgress.NONE);          // whole frame
 * float[] pe = m.values(PerfusionParameter.PE);        // a.u., row-major
 * }</pre>
 */
public final class ParametricMapper {
    /** Curves per band of rows, MB (float curves of every pixel of the band). */
    public static final int DEFAULT_TILE_MB = 256;
    /** Curves handed to a worker at a time. */
    static final int CHUNK = 32;

    /**
     * Relative RSS decrease and parameter change that end a pixel's fit. Looser than the ROI analysis
     * (1e-10, 1e-8): a pixel's own noise is far larger. On the benchmark loop it moves a pixel's PE by
     * 0.02 % (median; 0.24 % at the 95th percentile) against 1e-6, with a third fewer iterations.
     */
    public static final double MAP_TOLERANCE = 1e-4;
    private static final LevenbergMarquardtFitter FITTER = new LevenbergMarquardtFitter()
            .withTolerances(MAP_TOLERANCE, MAP_TOLERANCE).withCovariance(false);
    private static final LevenbergMarquardtFitter FITTER_WITH_COVARIANCE = FITTER.withCovariance(true);

    private final MapSettings settings;
    private final long tileBytes;
    private final boolean shapeStart;

    /** @param settings what to map and how */
    public ParametricMapper(MapSettings settings) {
        this(settings, (long) DEFAULT_TILE_MB << 20, true);
    }

    private ParametricMapper(MapSettings settings, long tileBytes, boolean shapeStart) {
        this.settings = settings;
        this.tileBytes = tileBytes;
        this.shapeStart = shapeStart;
    }

    /** @return a mapper holding at most {@code bytes} of curves in memory at a time (≥ one row) */
    public ParametricMapper withTileBytes(long bytes) {
        return new ParametricMapper(settings, Math.max(1, bytes), shapeStart);
    }

    /**
     * @param on whether curves start from their block's reference shape (default, when the model allows
     *           it) or only from their own data-driven start (each curve fitted on its own, slower)
     * @return a mapper with that choice
     */
    ParametricMapper withShapeStart(boolean on) {
        return new ParametricMapper(settings, tileBytes, on);
    }

    /** @return the settings */
    public MapSettings settings() {
        return settings;
    }

    /**
     * Maps the pixels of {@code roi} (every pixel when {@code null}).
     *
     * @param loop     the cine loop
     * @param roi      the pixels to map, or {@code null} for the whole frame
     * @param progress told how many curves are done (from the worker threads), and asked whether to stop
     * @return the maps
     * @throws MapCancelledException when {@code progress} asked to stop
     * @throws InputException when the ROI is empty or reaches outside the frame, the loop has fewer than
     *                        6 frames, or the model is unknown
     */
    public ParametricMaps map(CineLoop loop, RoiMask roi, MapProgress progress) {
        long startNs = System.nanoTime();
        int w = loop.width();
        int h = loop.height();
        boolean[] mapped = mask(roi, w, h);
        if (loop.frameCount() < 6) {
            throw new InputException(loop.metadata().path(), "a parametric map needs at least 6 frames, the loop has "
                    + loop.frameCount());
        }
        BolusModel model = modelFor(settings.analysis().model());
        Linearizer lin = settings.analysis().linear() ? Linearizer.identity()
                : Linearizer.logCompressed(settings.analysis().dynamicRangeDb(), loop.metadata().maxGrey());
        MapUnits units = settings.bin() > 1 ? MapUnits.binned(mapped, w, h, settings.bin())
                : MapUnits.perPixel(mapped, w);
        int n = w * h;
        int k = settings.params().size();
        UnitFitter.Outputs out = new UnitFitter.Outputs(images(k, n), settings.withCi() ? images(k, n) : null,
                settings.withCi() ? images(k, n) : null, UnitFitter.blank(n), UnitFitter.blank(n));
        double[] greySum = new double[n];
        Run run = new Run(loop, lin, model, units, out, greySum, progress, mapped);
        run.execute();
        float[] mean = new float[n];
        for (int i = 0; i < n; i++) {
            mean[i] = (float) (greySum[i] / loop.frameCount());
        }
        double seconds = (System.nanoTime() - startNs) * 1e-9;
        return new ParametricMaps(w, h, loop.pixelSizeMm(), settings, model.name(), out.values(), out.ciLo(),
                out.ciHi(), out.r2(), out.status(), mean, mapped, countTrue(mapped), units.count(), run.fitted.get(), run.frameBin,
                run.t.length, seconds, run.riseS);
    }

    private static boolean[] mask(RoiMask roi, int w, int h) {
        boolean[] m = new boolean[w * h];
        if (roi == null) {
            java.util.Arrays.fill(m, true);
            return m;
        }
        for (int idx : roi.pixelIndices(w, h)) {
            m[idx] = true;
        }
        return m;
    }

    private static BolusModel modelFor(String label) {
        try {
            return BolusModels.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw new InputException("--model", e.getMessage());
        }
    }

    private static float[][] images(int k, int n) {
        float[][] a = new float[k][];
        for (int i = 0; i < k; i++) {
            a[i] = UnitFitter.blank(n);
        }
        return a;
    }

    private static int countTrue(boolean[] m) {
        int c = 0;
        for (boolean b : m) {
            c += b ? 1 : 0;
        }
        return c;
    }

    /** One mapping run: bands of rows, each loaded once and fitted by the workers. */
    private final class Run {
        private final CineLoop loop;
        private final Linearizer lin;
        private final BolusModel model;
        private final MapUnits units;
        private final UnitFitter.Outputs out;
        private final double[] greySum;
        private final MapProgress progress;
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger fitted = new AtomicInteger();
        private int frameBin;
        private double[] t;
        private double riseS = Double.NaN;
        private final boolean[] mapped;
        private final LevenbergMarquardtFitter fitter;
        private BlockShapes shapes;

        Run(CineLoop loop, Linearizer lin, BolusModel model, MapUnits units, UnitFitter.Outputs out,
            double[] greySum, MapProgress progress, boolean[] mapped) {
            this.mapped = mapped;
            this.fitter = settings.withCi() ? FITTER_WITH_COVARIANCE : FITTER;
            this.loop = loop;
            this.lin = lin;
            this.model = model;
            this.units = units;
            this.out = out;
            this.greySum = greySum;
            this.progress = progress == null ? MapProgress.NONE : progress;
        }

        void execute() {
            int h = loop.height();
            int halo = settings.smooth() / 2;
            ExecutorService pool = settings.threads() > 1 ? Executors.newFixedThreadPool(settings.threads(), r -> {
                Thread th = new Thread(r, "ceus-map");
                th.setDaemon(true);
                return th;
            }) : null;
            try {
                chooseSamples(pool);
                int rows = bandRows();
                boolean withShapes = shapeStart && model.linearInBaselineAndAmplitude();
                BlockShapes.Sums sums = withShapes ? new BlockShapes.Sums(mapped, loop.width(), h, t.length) : null;
                if (withShapes && rows < h) {
                    sumBands(sums, rows, pool);
                }
                for (int y = 0; y < h; y += rows) {
                    int yEnd = Math.min(h, y + rows);
                    CurveTile tile = loadBand(y, yEnd, halo, pool);
                    if (withShapes && shapes == null) {
                        if (rows >= h) {
                            sums.add(tile, y, yEnd);   // one band: the block sums come from it
                        }
                        shapes = BlockShapes.fit(sums, t, model, fitter, pool);
                    }
                    fitBand(tile, units.firstUnitAtOrAfterRow(y), units.firstUnitAtOrAfterRow(yEnd), pool);
                }
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
        }

        /** Temporal binning: fixed, or automatic from the fastest bolus rise ({@link RiseProbe}). */
        private void chooseSamples(ExecutorService pool) {
            if (settings.frameBin() == MapSettings.AUTO) {
                riseS = RiseProbe.fastestRiseS(loop, lin, mapped, pool, settings.threads());
            }
            frameBin = settings.frameBinFor(loop.frameCount(), loop.frameIntervalS(), riseS);
            t = CurveTile.sampleTimes(loop.timesS(), frameBin);
        }

        /** Several bands: a first pass over them sums the blocks' curves (the grey sums are left alone). */
        private void sumBands(BlockShapes.Sums sums, int rows, ExecutorService pool) {
            for (int y = 0; y < loop.height(); y += rows) {
                int yEnd = Math.min(loop.height(), y + rows);
                sums.add(CurveTile.load(loop, lin, y, yEnd, greySum, 0, 0, frameBin, pool, settings.threads()), y, yEnd);
            }
        }

        /**
         * Rows per band: as many as fit in the tile budget ({@link CurveTile#bytesPerSample}), a multiple of
         * the bin size.
         */
        private int bandRows() {
            long rowBytes = (long) CurveTile.bytesPerSample(loop, frameBin) * loop.width() * t.length;
            int rows = (int) Math.max(1, Math.min(loop.height(), tileBytes / rowBytes));
            int bin = settings.bin();
            return Math.max(bin, rows / bin * bin);
        }

        private CurveTile loadBand(int y, int yEnd, int halo, ExecutorService pool) {
            int w = loop.width();
            return CurveTile.load(loop, lin, Math.max(0, y - halo), Math.min(loop.height(), yEnd + halo),
                    greySum, y * w, (yEnd - y) * w, frameBin, pool, settings.threads());
        }

        private void fitBand(CurveTile tile, int from, int to, ExecutorService pool) {
            AtomicInteger next = new AtomicInteger(from);
            Runnable worker = () -> work(tile, next, to);
            if (pool == null) {
                worker.run();
                return;
            }
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < settings.threads(); i++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> f : futures) {
                await(f);
            }
        }

        private void work(CurveTile tile, AtomicInteger next, int to) {
            UnitFitter uf = new UnitFitter(model, fitter, t, settings.params(), settings.withCi(), out);
            double[] y = new double[t.length];
            int total = units.count();
            for (int c = next.getAndAdd(CHUNK); c < to; c = next.getAndAdd(CHUNK)) {
                if (progress.cancelled()) {
                    throw new MapCancelledException(done.get());
                }
                int end = Math.min(to, c + CHUNK);
                int lm = 0;
                for (int u = c; u < end; u++) {
                    curveOf(tile, u, y);
                    int first = units.pixels[units.start[u]];
                    lm += uf.fitAndStore(y, units.pixels, units.start[u], units.start[u + 1],
                            shapes == null ? null : shapes.forPixel(first)) ? 1 : 0;
                }
                fitted.addAndGet(lm);
                progress.progress(done.addAndGet(end - c), total);
            }
        }

        /** The curve of unit {@code u}: its pixel, the mean of its block, or the mean of its window. */
        private void curveOf(CurveTile tile, int u, double[] y) {
            int a = units.start[u];
            int b = units.start[u + 1];
            int s = settings.smooth();
            if (b - a == 1 && s == 1) {
                tile.curve(units.pixels[a], y);
                return;
            }
            java.util.Arrays.fill(y, 0);
            int count = 0;
            if (s > 1) {
                count = addWindow(tile, units.pixels[a], s / 2, y);
            } else {
                for (int i = a; i < b; i++) {
                    tile.addCurve(units.pixels[i], y);
                }
                count = b - a;
            }
            for (int f = 0; f < y.length; f++) {
                y[f] /= count;
            }
        }

        private int addWindow(CurveTile tile, int pixel, int half, double[] y) {
            int w = loop.width();
            int px = pixel % w;
            int py = pixel / w;
            int count = 0;
            for (int yy = Math.max(0, py - half); yy <= Math.min(loop.height() - 1, py + half); yy++) {
                for (int xx = Math.max(0, px - half); xx <= Math.min(w - 1, px + half); xx++) {
                    tile.addCurve(yy * w + xx, y);
                    count++;
                }
            }
            return count;
        }
    }

    static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while mapping", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }
}
