package org.ceusperfusion.tic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.roi.RoiRasterizer;
import org.junit.jupiter.api.Test;

/**
 * The per-ROI pixel store of the frame pass: the linear power and non-enhancing classification from it are
 * identical to those from re-reading the frames, TIC curves are unchanged by the store and by the whole-frame histogram.
 */
class RoiPixelSeriesTest {
    @Test
    void nonEnhancingResultFromTheStoreIsIdenticalToReadingTheFrames() {
        NonEnhancingCriterionTest.SpeckleLoop s = new NonEnhancingCriterionTest.SpeckleLoop(7, 0.4, 3, 0.5);
        CineLoop loop = s.loop();
        Linearizer lin = Linearizer.logCompressed(NonEnhancingCriterionTest.DR, 255);
        RoiPixelSeries.Recorder rec = new RoiPixelSeries.Recorder(s.roi, loop.width(), loop.height(),
                loop.frameCount(), 255, Long.MAX_VALUE);
        List<TimeIntensityCurve> withStore = TicExtractor.extract(loop, List.of(s.roi), lin, rec);
        RoiPixelSeries series = rec.series();
        assertNotNull(series);
        assertEquals(s.roi.area(), series.pixels());
        assertEquals(loop.frameCount(), series.frames());
        assertArrayEquals(TicExtractor.extract(loop, List.of(s.roi), lin).get(0).meanIntensity(),
                withStore.get(0).meanIntensity(), 0.0);
        boolean[] used = new boolean[loop.frameCount()];
        java.util.Arrays.fill(used, true);
        used[17] = false;
        RoiPixelStore fromFrames = RoiPixelStore.fill(loop, s.roi, lin, null, null, used);
        RoiPixelStore fromStore = RoiPixelStore.of(series, loop.timesS(), lin, used);
        int n = fromFrames.pixels();
        assertEquals(n, fromStore.pixels());
        for (int f = 0; f < loop.frameCount(); f++) {
            float[] expected = new float[n];
            float[] whole = new float[n];
            float[] part = new float[n];
            fromFrames.power(f, 0, n, expected);
            fromStore.power(f, 0, n, whole);
            fromStore.power(f, n / 3, n / 2, part);
            assertArrayEquals(expected, whole, 0f);
            for (int k = 0; k < n; k++) {
                assertEquals(expected[k], fromStore.power(f, k), 0f);
                assertEquals(k >= n / 3 && k < n / 2 ? expected[k] : 0f, part[k], 0f);
            }
        }
        NonEnhancingCriterion.Result a = NonEnhancingCriterion.classify(fromFrames, 0, 60, 2);
        NonEnhancingCriterion.Result b = NonEnhancingCriterion.classify(fromStore, 0, 60, 2);
        assertArrayEquals(a.nonEnhancing(), b.nonEnhancing());
        assertEquals(a.framesUsed(), b.framesUsed());
        assertTrue(Math.abs(b.fraction() - s.truth) < 0.02, b.fraction() + " vs " + s.truth);
    }

    @Test
    void sixteenBitValuesAreStoredAsShortsAndNonIntegersAreNotStored() {
        RoiMask roi = RoiRasterizer.oval("r", 1, 1, 6, 6);
        float[][] frames = new float[5][64];
        for (int f = 0; f < frames.length; f++) {
            for (int i = 0; i < 64; i++) {
                frames[f][i] = (f * 997 + i * 1013) % 4096;
            }
        }
        RoiPixelSeries.Recorder rec = new RoiPixelSeries.Recorder(roi, 8, 8, 5, 4095, Long.MAX_VALUE);
        for (int f = 0; f < 5; f++) {
            rec.accept(frames[f], f);
        }
        RoiPixelSeries series = rec.series();
        int[] idx = roi.pixelIndices(8, 8);
        float[] got = new float[idx.length];
        for (int f = 0; f < 5; f++) {
            series.values(f, got);
            for (int k = 0; k < idx.length; k++) {
                assertEquals(frames[f][idx[k]], got[k]);
            }
        }
        Linearizer lin = Linearizer.logCompressed(50, 4095);
        RoiPixelStore store = RoiPixelStore.of(series, new double[] {0, 1, 2, 3, 4}, lin, new boolean[5]);
        float[] row = new float[idx.length];
        for (int f = 0; f < 5; f++) {
            store.power(f, 0, idx.length, row);
            for (int k = 0; k < idx.length; k++) {
                float expected = (float) lin.power(frames[f][idx[k]]);
                assertEquals(expected, store.power(f, k), 0f, "16-bit grey through the power table");
                assertEquals(expected, row[k], 0f);
            }
        }
        RoiPixelSeries.Recorder luminance = new RoiPixelSeries.Recorder(roi, 8, 8, 2, 255, Long.MAX_VALUE);
        float[] colour = new float[64];
        java.util.Arrays.fill(colour, 127.5f);
        luminance.accept(new float[64], 0);
        luminance.accept(colour, 1);
        assertNull(luminance.series(), "non-integer grey values: the consumer reads the frames itself");
        RoiPixelSeries.Recorder tooBig = new RoiPixelSeries.Recorder(roi, 8, 8, 5, 255, idx.length * 5L - 1);
        for (int f = 0; f < 5; f++) {
            tooBig.accept(new float[64], f);
        }
        assertNull(tooBig.series(), "over the memory limit nothing is kept");
        RoiPixelSeries.Recorder partial = new RoiPixelSeries.Recorder(roi, 8, 8, 5, 255, Long.MAX_VALUE);
        partial.accept(new float[64], 0);
        assertNull(partial.series(), "a pass that did not show every frame leaves no store");
    }

    @Test
    void wholeFrameHistogramMeanEqualsThePixelByPixelSum() {
        int w = 320;
        int h = 240;
        SplittableRandom rng = new SplittableRandom(5);
        float[] frame = new float[w * h];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = i % 97 == 0 ? (float) (rng.nextDouble() * 255) : rng.nextInt(256);
        }
        RoiMask whole = new RoiMask("frame", 0, 0, w, h, filled(w * h));
        int[] idx = whole.pixelIndices(w, h);
        assertTrue(idx.length >= TicExtractor.LARGE_ROI);
        Linearizer lin = Linearizer.logCompressed(40, 255);
        double sum = 0;
        int clip = 0;
        for (int i : idx) {
            sum += lin.power(frame[i]);
            clip += frame[i] <= 0 || frame[i] >= 255 ? 1 : 0;
        }
        double[] mc = TicExtractor.histogramMean(frame, idx, lin, 255);
        assertEquals(sum / idx.length, mc[0], 1e-12 * sum / idx.length);
        assertEquals((double) clip / idx.length, mc[1], 1e-15);
        CineLoop loop = new CineLoop(w, h, new double[] {0}, null, LoopMetadata.simple("x", "SYNTHETIC", "option"),
                FrameSource.of(new float[][] {frame}));
        assertEquals(sum / idx.length, TicExtractor.extract(loop, List.of(whole), lin).get(0).meanIntensity()[0],
                1e-12 * sum / idx.length);
    }

    @Test
    void histogramMeanCountsRunsOfEqualValuesAsTheirPixels() {
        int w = 400;
        int h = 200;
        SplittableRandom rng = new SplittableRandom(16);
        float[] frame = new float[w * h];
        for (int i = 0; i < frame.length; i += 8) { // flat 8-pixel runs as a lossy decoder's DC-only blocks leave
            double u = rng.nextDouble();
            float v = u < 0.05 ? Float.NaN : u < 0.15 ? (float) (rng.nextDouble() * 255) : u < 0.25 ? 0 : u < 0.3 ? 255
                    : rng.nextInt(256);
            java.util.Arrays.fill(frame, i, i + 8, v);
            if (rng.nextDouble() < 0.3) {
                frame[i + rng.nextInt(8)] = rng.nextInt(256); // a run broken inside
            }
        }
        int[] range = new int[w * h - 3];
        int[] shuffled = new int[range.length];
        for (int i = 0; i < range.length; i++) {
            range[i] = i + 3;
            shuffled[i] = (int) ((i * 7919L) % range.length) + 3;
        }
        Linearizer lin = Linearizer.logCompressed(40, 255);
        for (int[] idx : new int[][] {range, shuffled}) {
            double sum = 0;
            int clip = 0;
            for (int i : idx) {
                sum += lin.power(frame[i]);
                clip += frame[i] <= 0 || frame[i] >= 255 ? 1 : 0;
            }
            double[] mc = TicExtractor.histogramMean(frame, idx, lin, 255);
            assertTrue(Double.isNaN(sum) == Double.isNaN(mc[0]), "NaN pixels make the mean NaN, as pixel by pixel");
            assertEquals((double) clip / idx.length, mc[1], 0.0);
        }
        for (int i = 0; i < frame.length; i++) {
            frame[i] = Float.isNaN(frame[i]) ? 17 : frame[i];
        }
        for (int[] idx : new int[][] {range, shuffled}) {
            double sum = 0;
            for (int i : idx) {
                sum += lin.power(frame[i]);
            }
            double[] mc = TicExtractor.histogramMean(frame, idx, lin, 255);
            assertEquals(sum / idx.length, mc[0], 1e-12 * sum / idx.length);
        }
    }

    private static boolean[] filled(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }
}
