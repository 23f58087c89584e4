package org.ceusperfusion.tic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import org.ceusperfusion.roi.RoiMask;
import org.junit.jupiter.api.Test;

/**
 * The banded {@link BolusWindow} (ring means one band of ROI rows at a time, sliding running sums where they are
 * exact) against {@link BolusWindowReference}, the whole-ROI version first merged: the ring means bit for bit and the
 * per-pixel decisions identical, on oval ROIs of several bands with speckle new in every frame, a necrotic core,
 * arrival varying across the ROI, pixels leaving the image (NaN) and unused frames.
 */
class BolusWindowEquivalenceTest {
    /** Where the pixel tests of every other band run in the two-thread check. */
    private static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newCachedThreadPool(
            r -> {
                Thread t = new Thread(r, "equivalence-beside");
                t.setDaemon(true);
                return t;
            });

    /** The whole classification with part of it on another thread is the classification on one. */
    @Test
    void classificationIsTheSameWithWorkBeside() {
        for (long seed = 1; seed <= 3; seed++) {
            Phantom ph = new Phantom(seed, 90, 80, 120, 1.0);
            double end = ph.store.timesS()[ph.store.frames() - 1];
            NonEnhancingCriterion.Result one = NonEnhancingCriterion.classify(ph.store, 0, end,
                    NonEnhancingCriterion.Rule.DEFAULT);
            NonEnhancingCriterion.Result two = NonEnhancingCriterion.classify(ph.store, 0, end,
                    NonEnhancingCriterion.Rule.DEFAULT, POOL);
            assertArrayEquals(one.nonEnhancing(), two.nonEnhancing(), "seed " + seed);
            assertEquals(one.nonEnhancingPixels(), two.nonEnhancingPixels());
            assertTrue(one.nonEnhancingPixels() > 0 && one.nonEnhancingPixels() < one.classifiedPixels(),
                    "both outcomes: " + one.nonEnhancingPixels() + " of " + one.classifiedPixels());
        }
    }

    @Test
    void ringMeansAreBitIdenticalToTheWholeRoiTables() {
        Phantom ph = new Phantom(7, 96, 70, 120, 1.0);
        int[] frames = ph.usedFrames();
        float[][] ref = BolusWindowReference.surroundings(ph.store, frames, 3);
        float[][] now = BolusWindow.surroundings(ph.store, frames, 3);
        assertEquals(ref.length, now.length);
        for (int k = 0; k < ref.length; k++) {
            for (int i = 0; i < frames.length; i++) {
                assertEquals(Float.floatToRawIntBits(ref[k][i]), Float.floatToRawIntBits(now[k][i]),
                        "pixel " + k + " frame " + i);
            }
        }
    }

    @Test
    void decisionsAreIdenticalToTheReference() {
        int enhancing = 0;
        int not = 0;
        for (long seed = 1; seed <= 4; seed++) {
            for (double scale : new double[] {1.0, 1e-6}) {
                Phantom ph = new Phantom(seed, 70 + 10 * (int) seed, 60, 150, scale);
                int[] frames = ph.usedFrames();
                for (int run : new int[] {3, 6, 24}) {
                    for (int radius : new int[] {2, 3, 5}) {
                        NonEnhancingCriterion.Rule rule = new NonEnhancingCriterion.Rule(1.5, 1.25, radius, true);
                        boolean[] ref = BolusWindowReference.enhances(ph.store, frames, run, ph.local, rule);
                        boolean[] now = BolusWindow.enhances(ph.store, frames, run, ph.local, rule);
                        assertArrayEquals(ref, now, "seed " + seed + " scale " + scale + " run " + run
                                + " radius " + radius);
                        boolean[] beside = BolusWindow.enhances(ph.store, frames, run, ph.local, rule, POOL);
                        assertArrayEquals(ref, beside, "band tests on another thread, seed " + seed);
                        for (boolean b : now) {
                            enhancing += b ? 1 : 0;
                            not += b ? 0 : 1;
                        }
                    }
                }
            }
        }
        // both outcomes occur in bulk, so identity is not that of two constant answers
        assertTrue(enhancing > 10000 && not > 10000, enhancing + " enhancing, " + not + " not");
    }

    @Test
    void slidingSumsAreUsedOnlyWhereExact() {
        float[] narrow = {1f, 3.5f, 1e-3f, 700f, Float.NaN, 0f, 2.25f};
        assertTrue(BolusWindow.slidingSumIsExact(narrow, 24));
        float[] wide = {1f, 1e-7f, 700f};
        assertFalse(BolusWindow.slidingSumIsExact(wide, 24));
        assertFalse(BolusWindow.slidingSumIsExact(new float[] {1f, Float.MIN_VALUE}, 3));
        assertFalse(BolusWindow.slidingSumIsExact(new float[] {1f, Float.POSITIVE_INFINITY}, 3));
        // a curve with a wide range still gets the fresh-sum windows of the reference
        float[] curve = new float[60];
        for (int i = 0; i < curve.length; i++) {
            curve[i] = i < 20 ? 1e-7f * (1 + i % 3) : i < 40 ? 50f + i : 2f;
        }
        assertFalse(BolusWindow.slidingSumIsExact(curve, 5));
        assertArrayEquals(BolusWindowReference.windows(curve, 5), BolusWindow.windows(curve, 5));
    }

    /** An oval ROI in a w×h box: perfused rim, necrotic core, arrival later to the right, speckle CV 1. */
    private static final class Phantom {
        final RoiPixelStore store;
        final double[] local;

        Phantom(long seed, int w, int h, int frameCount, double scale) {
            Random rnd = new Random(seed);
            boolean[] inside = new boolean[w * h];
            int n = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double dx = (x + 0.5 - w / 2.0) / (w / 2.0);
                    double dy = (y + 0.5 - h / 2.0) / (h / 2.0);
                    inside[y * w + x] = dx * dx + dy * dy <= 1;
                    n += inside[y * w + x] ? 1 : 0;
                }
            }
            int[] xy = IntStream.range(0, w * h).filter(i -> inside[i]).toArray();
            double[] t = new double[frameCount];
            boolean[] used = new boolean[frameCount];
            float[][] p = new float[frameCount][n];
            for (int f = 0; f < frameCount; f++) {
                t[f] = f / 2.0;
                used[f] = f % 17 != 5;
                for (int k = 0; k < n; k++) {
                    int x = xy[k] % w;
                    int y = xy[k] / w;
                    double dx = (x + 0.5 - w / 2.0) / (w / 2.0);
                    double dy = (y + 0.5 - h / 2.0) / (h / 2.0);
                    boolean core = dx * dx + dy * dy < 0.2 || (x * 7 + y * 3) % 23 == 0;
                    double arrive = 8 + 10.0 * x / w;
                    double s = (t[f] - arrive) / 6;
                    double b = s <= 0 ? 0 : s * s * Math.exp(2 - 2 * s);
                    double mean = scale * (20 + 15 * (y % 9) / 8.0 + (core ? 0 : 80 * b));
                    boolean off = x + f / 10 >= w + 3 - (int) seed || (x < 3 && f > frameCount - 20);
                    p[f][k] = off ? Float.NaN : (float) (mean * -Math.log(1 - rnd.nextDouble()));
                }
            }
            store = new RoiPixelStore(new RoiMask("oval", 0, 0, w, h, inside), t, p, used);
            local = new double[n];
            for (int k = 0; k < n; k++) {
                local[k] = k % 29 == 0 ? Double.NaN : scale * (18 + 10 * rnd.nextDouble());
            }
        }

        int[] usedFrames() {
            return IntStream.range(0, store.frames()).filter(f -> store.used()[f]).toArray();
        }
    }
}
