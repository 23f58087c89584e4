package org.ceusperfusion.io;

import static org.junit.jupiter.api.Assertions.*;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import java.nio.file.Path;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AVI files of real-data/echo-video and TIFF stacks written by ImageJ in the test. */
class VideoAndTiffTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"echo_mjpeg.avi", "echo_raw_gray8.avi", "echo_raw_bgr24.avi"})
    void aviHasTenFramesAt13158FpsAndTheReferenceLuminance(String name) {
        CineLoop loop = LoopReader.open(RealData.video(name), LoadOptions.NONE);
        assertEquals(600, loop.width());
        assertEquals(430, loop.height());
        assertEquals(10, loop.frameCount());
        assertArrayEquals(CineLoop.regularTimes(10, 0.076), loop.timesS(), 1e-9);
        assertEquals("container", loop.metadata().timingSource());
        assertEquals("AVI", loop.metadata().format());
        assertEquals(RealData.ECHO_FRAME1_MEAN, RealData.frame1Mean(loop), 0.8, name);
    }

    @Test
    void aviCodecIsRecordedAndUncompressedEqualsTheDicomLuminance() {
        CineLoop bgr = LoopReader.open(RealData.video("echo_raw_bgr24.avi"), LoadOptions.NONE);
        CineLoop gray = LoopReader.open(RealData.video("echo_raw_gray8.avi"), LoadOptions.NONE);
        assertEquals("raw", bgr.metadata().transferSyntax());
        assertEquals("Y800", gray.metadata().transferSyntax());
        assertEquals("MJPG", LoopReader.open(RealData.video("echo_mjpeg.avi"), LoadOptions.NONE)
                .metadata().transferSyntax());
        CineLoop dicom = LoopReader.open(RealData.echo("raw-rgb"), LoadOptions.NONE);
        for (int i = 0; i < 10; i++) {
            assertTrue(RealData.maxAbsDiff(dicom.frame(i), bgr.frame(i)) < 1e-3, "bgr24 frame " + i);
        }
    }

    @Test
    void aviHeaderPrefersStreamRateOverMicrosecondsPerFrame() {
        byte[] h = new byte[12 + 8 + 4 + 8 + 56 + 8 + 4 + 8 + 56];
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(h).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(h.length - 8).put("AVI ".getBytes());
        b.put("LIST".getBytes()).putInt(4 + 8 + 56 + 8 + 4 + 8 + 56).put("hdrl".getBytes());
        b.put("avih".getBytes()).putInt(56).putInt(40000).position(b.position() + 52);
        b.put("LIST".getBytes()).putInt(4 + 8 + 56).put("strl".getBytes());
        b.put("strh".getBytes()).putInt(56).put("vids".getBytes()).put("MJPG".getBytes());
        b.position(b.position() + 12).putInt(1001).putInt(30000);
        AviHeader hdr = AviHeader.parse(h, "t.avi");
        assertEquals(1001.0 / 30000, hdr.frameIntervalS(), 1e-15);
        assertEquals("strh", hdr.timingField());
        assertEquals("MJPG", hdr.codec());
        assertEquals(0.04, new AviHeader(40000, 1, 0, 0, "x").frameIntervalS(), 1e-15);
    }

    private Path save(ImageStack stack, Calibration cal, String name) {
        ImagePlus imp = new ImagePlus("t", stack);
        imp.setDimensions(1, 1, stack.getSize());
        if (cal != null) {
            imp.setCalibration(cal);
        }
        Path p = tmp.resolve(name);
        assertTrue(new FileSaver(imp).saveAsTiffStack(p.toString()) || stack.getSize() == 1
                && new FileSaver(imp).saveAsTiff(p.toString()));
        return p;
    }

    @Test
    void tiffFrameIntervalAndCalibrationRoundTrip() {
        ImageStack stack = new ImageStack(4, 3);
        for (int i = 0; i < 5; i++) {
            ByteProcessor bp = new ByteProcessor(4, 3);
            bp.set(10 * i);
            stack.addSlice(bp);
        }
        Calibration cal = new Calibration();
        cal.frameInterval = 0.125;
        cal.setTimeUnit("sec");
        cal.pixelWidth = 0.02;
        cal.pixelHeight = 0.02;
        cal.setUnit("cm");
        CineLoop loop = LoopReader.open(save(stack, cal, "fi.tif"), LoadOptions.NONE);
        assertEquals(5, loop.frameCount());
        assertArrayEquals(CineLoop.regularTimes(5, 0.125), loop.timesS(), 1e-12);
        assertEquals("finterval", loop.metadata().timingSource());
        assertEquals(0.2, loop.pixelSizeMm(), 1e-12);
        assertEquals(30f, loop.frame(3)[5]);
        assertEquals(255, loop.metadata().maxGrey());
    }

    @Test
    void tiffSliceLabelTimesAreHonoured() {
        ImageStack stack = new ImageStack(2, 2);
        String[] labels = {"t=1.5 s", "t=1.75s", "frame 3; t=2250 ms", "t=2.5 s"};
        for (String l : labels) {
            stack.addSlice(l, new ShortProcessor(2, 2));
        }
        Calibration cal = new Calibration();
        cal.frameInterval = 9;
        CineLoop loop = LoopReader.open(save(stack, cal, "labels.tif"), LoadOptions.NONE);
        assertArrayEquals(new double[] {0, 0.25, 0.75, 1.0}, loop.timesS(), 1e-12);
        assertEquals("sliceLabels", loop.metadata().timingSource());
        assertEquals(65535, loop.metadata().maxGrey());
    }

    @Test
    void sliceLabelParser() {
        assertEquals(1.234, TiffLoopReader.parseLabelTime("t=1.234 s"), 1e-12);
        assertEquals(1.234, TiffLoopReader.parseLabelTime("t=1.234s"), 1e-12);
        assertEquals(0.5, TiffLoopReader.parseLabelTime("x; t = 500 ms"), 1e-12);
        assertNull(TiffLoopReader.parseLabelTime("0.08 s"));
        assertNull(TiffLoopReader.parseLabelTime("at=3 s"));
        assertNull(TiffLoopReader.parseLabelTime(null));
    }

    @Test
    void tiffRgbBecomesLuminanceAndFpsIsUsed() {
        ImageStack stack = new ImageStack(2, 1);
        ColorProcessor cp = new ColorProcessor(2, 1, new int[] {0xFF0000, 0x0000FF});
        stack.addSlice(cp);
        stack.addSlice(cp.duplicate());
        Calibration cal = new Calibration();
        cal.fps = 4;
        CineLoop loop = LoopReader.open(save(stack, cal, "rgb.tif"), LoadOptions.NONE);
        assertEquals(0.299 * 255, loop.frame(0)[0], 1e-3);
        assertEquals(0.114 * 255, loop.frame(1)[1], 1e-3);
        assertArrayEquals(new double[] {0, 0.25}, loop.timesS(), 1e-12);
        assertEquals("fps", loop.metadata().timingSource());
    }

    @Test
    void tiffFloatUsesItsMaximumAsGreyScaleAndNoTimingFallsBack() {
        ImageStack stack = new ImageStack(2, 1);
        stack.addSlice(new FloatProcessor(2, 1, new float[] {0.5f, 3.5f}));
        stack.addSlice(new FloatProcessor(2, 1, new float[] {1.5f, 2f}));
        CineLoop loop = LoopReader.open(save(stack, null, "f.tif"), LoadOptions.NONE);
        assertEquals(3.5, loop.metadata().maxGrey(), 1e-12);
        assertEquals("none", loop.metadata().timingSource());
        assertArrayEquals(new double[] {0, 1}, loop.timesS(), 1e-12);
        assertNull(loop.pixelSizeMm());
    }

    @Test
    void hyperstackWithTwoVaryingDimensionsIsRefused() {
        ImageStack stack = new ImageStack(2, 2);
        for (int i = 0; i < 4; i++) {
            stack.addSlice(new ByteProcessor(2, 2));
        }
        ImagePlus imp = new ImagePlus("h", stack);
        imp.setDimensions(1, 2, 2);
        imp.setOpenAsHyperStack(true);
        Path p = tmp.resolve("h.tif");
        assertTrue(new FileSaver(imp).saveAsTiffStack(p.toString()));
        InputException e = assertThrows(InputException.class, () -> LoopReader.open(p, LoadOptions.NONE));
        assertTrue(e.getMessage().contains("only one dimension may vary"), e.getMessage());
    }
}
