package org.ceusperfusion.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.tic.Linearizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A tile of grey levels (frames held as bytes, no binning) gives every curve, block sum and grey sum with
 * the same bits as a tile of linear powers; a loop with a frame not held as bytes falls back to the latter;
 * binned samples and grey sums of frames held as bytes have the same bits as those of the frames as floats.
 */
class CurveTileTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
    private static final CineLoop FLOATS = MapFixtures.LOOP.loop();
    private static final Linearizer LIN = Linearizer.logCompressed(40, FLOATS.metadata().maxGrey());

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    @Test
    void greyLevelTileGivesTheSameCurvesAsPowerTile() {
        CineLoop bytes = withBytes(-1);
        for (int parts : new int[] {1, 2}) {
            int y0 = 5;
            int y1 = 37;
            int w = FLOATS.width();
            double[] sumsF = new double[w * FLOATS.height()];
            double[] sumsB = new double[sumsF.length];
            CurveTile f = CurveTile.load(FLOATS, LIN, y0, y1, sumsF, (y0 + 2) * w, 20 * w, 1, POOL, parts);
            CurveTile b = CurveTile.load(bytes, LIN, y0, y1, sumsB, (y0 + 2) * w, 20 * w, 1, POOL, parts);
            assertArrayEquals(sumsF, sumsB, "grey sums, " + parts + " parts");
            assertSameCurves(f, b, y0, y1);
        }
    }

    @Test
    void aFrameNotHeldAsBytesFallsBackToPowers() {
        CineLoop mixed = withBytes(FLOATS.frameCount() - 3);
        int w = FLOATS.width();
        int h = FLOATS.height();
        double[] sumsF = new double[w * h];
        double[] sumsM = new double[w * h];
        CurveTile f = CurveTile.load(FLOATS, LIN, 0, h, sumsF, 0, w * h, 1, POOL, 2);
        CurveTile m = CurveTile.load(mixed, LIN, 0, h, sumsM, 0, w * h, 1, POOL, 2);
        assertArrayEquals(sumsF, sumsM, "grey sums counted once");
        assertSameCurves(f, m, 0, h);
    }

    @Test
    void binnedFramesHeldAsBytesGiveTheSameSamplesAndGreySums() {
        int w = FLOATS.width();
        int h = FLOATS.height();
        // every frame as bytes, and one frame (then the grey sums go on as doubles) as floats
        for (int asFloats : new int[] {-1, 4, FLOATS.frameCount() - 2}) {
            CineLoop bytes = withBytes(asFloats);
            for (int k : new int[] {3, 7}) {
                for (int parts : new int[] {1, 2}) {
                    double[] sumsF = new double[w * h];
                    double[] sumsB = new double[w * h];
                    CurveTile f = CurveTile.load(FLOATS, LIN, 3, h - 4, sumsF, 5 * w, (h - 12) * w, k, POOL, parts);
                    CurveTile b = CurveTile.load(bytes, LIN, 3, h - 4, sumsB, 5 * w, (h - 12) * w, k, POOL, parts);
                    String what = "k " + k + ", " + parts + " parts, frame " + asFloats + " as floats";
                    assertArrayEquals(sumsF, sumsB, "grey sums, " + what);
                    assertSameCurves(f, b, 3, h - 4);
                }
            }
        }
    }

    private static void assertSameCurves(CurveTile a, CurveTile b, int y0, int y1) {
        int w = FLOATS.width();
        int n = FLOATS.frameCount();
        assertEquals(a.frames, b.frames);
        double[] ca = new double[n];
        double[] cb = new double[n];
        double[] sa = new double[2 * n];
        double[] sb = new double[2 * n];
        for (int i = y0 * w; i < y1 * w; i++) {
            a.curve(i, ca);
            b.curve(i, cb);
            assertArrayEquals(ca, cb, "pixel " + i);
            a.addCurve(i, ca);
            b.addCurve(i, cb);
            assertArrayEquals(ca, cb, "pixel " + i + " added");
            a.addCurveTo(i, sa, 0, i % 3 == 0 ? n : -1);
            b.addCurveTo(i, sb, 0, i % 3 == 0 ? n : -1);
        }
        assertArrayEquals(sa, sb, "block sums");
    }

    /** {@link #FLOATS} with its frames held as bytes, except frame {@code asFloats} (none when −1). */
    private static CineLoop withBytes(int asFloats) {
        int n = FLOATS.frameCount();
        byte[][] planes = MapFixtures.bytePlanes(FLOATS);
        FrameSource source = new FrameSource() {
            @Override
            public int frameCount() {
                return n;
            }

            @Override
            public float[] frame(int index) {
                return FLOATS.frame(index);
            }

            @Override
            public byte[] greyBytes(int index) {
                return index == asFloats ? null : planes[index];
            }
        };
        return new CineLoop(FLOATS.width(), FLOATS.height(), FLOATS.timesS(), FLOATS.pixelSizeMm(),
                FLOATS.metadata(), source);
    }
}
