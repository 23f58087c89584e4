package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;
import org.junit.jupiter.api.Test;

/** Big loops in ImageJ: a streamed loop opens as a virtual stack; in memory, one pass decides 8 or 32 bits. */
class CineLoopImagesStreamingTest {
    private static final int W = 40;
    private static final int H = 30;

    @Test
    void aStreamedLoopBecomesAnEightBitVirtualStackReadOnDemand() {
        float[][] frames = CineLoopImagesTest.randomFrames(25, W * H, 3, true, 255);
        AtomicInteger reads = new AtomicInteger();
        FrameSource counted = new FrameSource() {
            @Override
            public int frameCount() {
                return frames.length;
            }

            @Override
            public float[] frame(int index) {
                reads.incrementAndGet();
                return frames[index];
            }
        };
        LoopMetadata m = new LoopMetadata("/data/big.dcm", "DICOM", 255, "YBR_FULL_422", null, "FrameTime",
                List.of(), Map.of("frames", "streamed"));
        CineLoop loop = new CineLoop(W, H, CineLoop.regularTimes(25, 0.1), null, m, counted);
        ImagePlus imp = CineLoopImages.toImagePlus(loop, "big");
        assertTrue(imp.getStack().isVirtual());
        assertEquals(8, imp.getBitDepth());
        assertEquals(25, imp.getNFrames());
        assertTrue(reads.get() <= 3, "opening reads only the frames it checks and shows: " + reads.get());
        CineLoop back = CineLoopImages.toCineLoop(imp, new ArrayList<>());
        for (int i = 0; i < 25; i++) {
            assertArrayEquals(frames[i], back.frame(i), 0f, "frame " + (i + 1));
        }
        assertEquals(ImageTimes.label(1.2), imp.getStack().getSliceLabel(13));
    }

    @Test
    void aStreamedNonByteLoopIsAThirtyTwoBitVirtualStackWithItsValues() {
        float[][] frames = CineLoopImagesTest.randomFrames(6, W * H, 4, false, 255);
        LoopMetadata m = new LoopMetadata("/data/rgb.dcm", "DICOM", 255, "RGB", null, "FrameTime",
                List.of(), Map.of("frames", "streamed"));
        CineLoop loop = new CineLoop(W, H, CineLoop.regularTimes(6, 0.1), null, m, FrameSource.of(frames));
        ImagePlus imp = CineLoopImages.toImagePlus(loop, "rgb");
        assertTrue(imp.getStack().isVirtual());
        assertEquals(32, imp.getBitDepth());
        assertArrayEquals(frames[4], (float[]) imp.getStack().getProcessor(5).getPixels(), 0f);
    }

    @Test
    void inMemoryALaterNonByteFrameTurnsTheWholeStackToThirtyTwoBitsInOnePass() {
        float[][] frames = CineLoopImagesTest.randomFrames(8, W * H, 5, true, 255);
        frames[6][17] = 12.25f;
        AtomicInteger reads = new AtomicInteger();
        FrameSource counted = new FrameSource() {
            @Override
            public int frameCount() {
                return frames.length;
            }

            @Override
            public float[] frame(int index) {
                reads.incrementAndGet();
                return frames[index];
            }
        };
        CineLoop loop = new CineLoop(W, H, CineLoop.regularTimes(8, 0.1), null,
                new LoopMetadata("/data/l.dcm", "DICOM", 255, "MONOCHROME2", null, "FrameTime", List.of(), Map.of()),
                counted);
        ImagePlus imp = CineLoopImages.toImagePlus(loop, "l");
        assertEquals(8, reads.get(), "each frame read once");
        assertEquals(32, imp.getBitDepth());
        CineLoop back = CineLoopImages.toCineLoop(imp, new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            assertArrayEquals(frames[i], back.frame(i), 0f);
        }
    }
}
