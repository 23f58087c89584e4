package org.ceusperfusion.tic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.roi.RoiRasterizer;
import org.junit.jupiter.api.Test;

class TicExtractorTest {
    private static final int W = 20;
    private static final int H = 10;
    private static final int FRAMES = 12;

    /** Frame f: left half a 0/255 checkerboard, right half uniform grey 20·f. Counts reads per frame. */
    private static final class Frames implements FrameSource {
        final int[] reads = new int[FRAMES];

        @Override
        public int frameCount() {
            return FRAMES;
        }

        @Override
        public float[] frame(int f) {
            reads[f]++;
            float[] px = new float[W * H];
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    px[y * W + x] = x < W / 2 ? ((x + y) % 2 == 0 ? 0 : 255) : 20 * f;
                }
            }
            return px;
        }
    }

    private static CineLoop loop(Frames frames) {
        double[] t = new double[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            t[i] = 0.1 * i + (i > 5 ? 0.05 : 0);
        }
        return new CineLoop(W, H, t, null, LoopMetadata.simple("mem", "SYNTHETIC", "option"), frames);
    }

    @Test
    void averagesAfterLinearisingInOnePass() {
        Frames frames = new Frames();
        CineLoop loop = loop(frames);
        Linearizer lin = Linearizer.logCompressed(40, 255);
        RoiMask checker = RoiRasterizer.rectangle("checker", 0, 0, 10, 10);
        RoiMask uniform = RoiRasterizer.oval("uniform", 11, 1, 8, 8);
        List<TimeIntensityCurve> tics = TicExtractor.extract(loop, List.of(checker, uniform), lin);
        for (int f = 0; f < FRAMES; f++) {
            assertEquals(1, frames.reads[f], "each frame is read once");
        }
        assertEquals("checker", tics.get(0).roiName());
        assertEquals("uniform", tics.get(1).roiName());
        assertArrayEquals(loop.timesS(), tics.get(0).timesS());
        double checkerMean = (1 + 1e4) / 2;   // not 10^(127.5·40/2550) ≈ 100: linearise before averaging
        for (int f = 0; f < FRAMES; f++) {
            assertEquals(checkerMean, tics.get(0).meanIntensity()[f], 1e-9);
            assertEquals(1.0, tics.get(0).clippedFraction()[f], 0);
            assertEquals(Math.pow(10, 20.0 * f * 40 / 2550), tics.get(1).meanIntensity()[f], 1e-9);
            assertEquals(f == 0 ? 1.0 : 0.0, tics.get(1).clippedFraction()[f], 0);
        }
    }

    @Test
    void identityAveragesRawGrey() {
        List<TimeIntensityCurve> tics = TicExtractor.extract(loop(new Frames()),
                List.of(RoiRasterizer.rectangle("half", 5, 0, 10, 10)), Linearizer.identity());
        for (int f = 0; f < FRAMES; f++) {
            assertEquals((127.5 * 50 + 20.0 * f * 50) / 100, tics.get(0).meanIntensity()[f], 1e-9);
        }
    }

    @Test
    void roiOutsideTheImageIsAnInputError() {
        CineLoop loop = loop(new Frames());
        assertThrows(InputException.class, () -> TicExtractor.extract(loop,
                List.of(RoiRasterizer.oval("big", 15, 5, 10, 10)), Linearizer.identity()));
        assertThrows(InputException.class, () -> TicExtractor.extract(loop,
                List.of(RoiRasterizer.rectangle("neg", -1, 0, 3, 3)), Linearizer.identity()));
    }
}
