package org.ceusperfusion.io;

import static org.junit.jupiter.api.Assertions.*;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ShortProcessor;
import java.nio.file.Path;
import java.util.Random;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The direct plane reading of uncompressed 8-bit ImageJ stacks gives exactly the loop ImageJ's stack opener
 * gives, and the bytes that were written; other TIFFs keep the ImageJ path.
 */
class TiffDirectReadTest {
    @TempDir
    Path tmp;

    @Test
    void generatedGrey8StackIsReadDirectlyWithTheWrittenBytesAndCalibration() {
        int w = 37, h = 23, n = 50;
        Random rnd = new Random(7);
        ImageStack stack = new ImageStack(w, h);
        byte[][] planes = new byte[n][w * h];
        for (byte[] p : planes) {
            rnd.nextBytes(p);
            stack.addSlice(new ByteProcessor(w, h, p.clone()));
        }
        Calibration cal = new Calibration();
        cal.frameInterval = 0.2;
        cal.setTimeUnit("s");
        cal.setUnit("mm");
        cal.pixelWidth = 0.1;
        cal.pixelHeight = 0.1;
        Path p = save(stack, 1, cal, "g8.tif");
        assertTrue(TiffLoopReader.readsDirectly(p));
        CineLoop loop = TiffLoopReader.read(p);
        for (int f = 0; f < n; f++) {
            float[] g = loop.frame(f);
            for (int i = 0; i < w * h; i++) {
                assertEquals(planes[f][i] & 0xFF, g[i], 0.0, "frame " + f + " pixel " + i);
            }
        }
        assertArrayEquals(CineLoop.regularTimes(n, 0.2), loop.timesS(), 1e-12);
        assertEquals(0.1, loop.pixelSizeMm(), 1e-12);
        assertSameLoop(TiffLoopReader.read(p, GreyConversion.LUMINANCE, false), loop);
    }

    @Test
    void day14TiffIsIdenticalThroughBothPaths() {
        Path p = Path.of(System.getProperty("ceus.projectDir", ".")).resolve("test-data").resolve("day14.tif");
        CineLoop viaImageJ = TiffLoopReader.read(p, GreyConversion.LUMINANCE, false);
        CineLoop loop = LoopReader.open(p, LoadOptions.NONE);
        assertEquals("grey8", loop.metadata().photometric());
        assertTrue(TiffLoopReader.readsDirectly(p));
        assertSameLoop(viaImageJ, loop);
    }

    @Test
    void hyperstackAndSixteenBitKeepTheImageJPath() {
        ImageStack s8 = new ImageStack(4, 3);
        ImageStack s16 = new ImageStack(4, 3);
        for (int i = 0; i < 6; i++) {
            s8.addSlice(new ByteProcessor(4, 3));
            s16.addSlice(new ShortProcessor(4, 3));
        }
        Path hyper = save(s8, 2, null, "hyper.tif");
        assertFalse(TiffLoopReader.readsDirectly(hyper));
        InputException e = assertThrows(InputException.class, () -> TiffLoopReader.read(hyper));
        assertTrue(e.getMessage().contains("2 channels"), e.getMessage());
        Path sixteen = save(s16, 1, null, "s16.tif");
        assertFalse(TiffLoopReader.readsDirectly(sixteen));
        assertEquals(6, TiffLoopReader.read(sixteen).frameCount());
    }

    private Path save(ImageStack stack, int channels, Calibration cal, String name) {
        ImagePlus imp = new ImagePlus("t", stack);
        imp.setDimensions(channels, 1, stack.getSize() / channels);
        if (cal != null) {
            imp.setCalibration(cal);
        }
        Path p = tmp.resolve(name);
        assertTrue(new FileSaver(imp).saveAsTiffStack(p.toString()));
        return p;
    }

    private static void assertSameLoop(CineLoop expected, CineLoop actual) {
        assertEquals(expected.width(), actual.width());
        assertEquals(expected.height(), actual.height());
        assertEquals(expected.frameCount(), actual.frameCount());
        assertArrayEquals(expected.timesS(), actual.timesS(), 0.0);
        assertEquals(expected.pixelSizeMm(), actual.pixelSizeMm());
        assertEquals(expected.metadata().maxGrey(), actual.metadata().maxGrey(), 0.0);
        assertEquals(expected.metadata().photometric(), actual.metadata().photometric());
        assertEquals(expected.metadata().timingSource(), actual.metadata().timingSource());
        assertEquals(expected.metadata().tags(), actual.metadata().tags());
        for (int f = 0; f < expected.frameCount(); f++) {
            assertArrayEquals(expected.frame(f), actual.frame(f), 0.0f, "frame " + f);
        }
    }
}
