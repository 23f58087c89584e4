package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;
import org.ceusperfusion.roi.RoiMask;
import org.junit.jupiter.api.Test;

/** The ImagePlus ⇄ CineLoop adapter, in memory: grey values, times and calibration survive the round trip. */
class CineLoopImagesTest {
    static final double[] IRREGULAR = {0, .076, .152, .232, .304, .380, .480, .532, .608, .684};

    static CineLoop loop(float[][] frames, int w, int h, double[] times, Double px, double maxGrey) {
        LoopMetadata m = new LoopMetadata("/data/loop.dcm", "DICOM", maxGrey, "MONOCHROME2", null,
                "FrameTimeVector", List.of(), Map.of());
        return new CineLoop(w, h, times, px, m, FrameSource.of(frames));
    }

    static float[][] randomFrames(int n, int size, long seed, boolean integers, float max) {
        Random r = new Random(seed);
        float[][] f = new float[n][size];
        for (float[] frame : f) {
            for (int i = 0; i < size; i++) {
                frame[i] = integers ? r.nextInt((int) max + 1) : r.nextFloat() * max;
            }
        }
        return f;
    }

    @Test
    void eightBitLoopBecomesAnEightBitTimeSeriesAndComesBackIdentical() {
        float[][] frames = randomFrames(10, 12 * 7, 1, true, 255);
        CineLoop loop = loop(frames, 12, 7, IRREGULAR, 0.2, 255);
        ImagePlus imp = CineLoopImages.toImagePlus(loop, "echo");
        assertEquals(8, imp.getBitDepth());
        assertEquals(10, imp.getNFrames());
        assertEquals(1, imp.getNSlices());
        Calibration cal = imp.getCalibration();
        assertEquals(0.076, cal.frameInterval, 1e-12, "median of the irregular intervals");
        assertEquals(1 / 0.076, cal.fps, 1e-9);
        assertEquals("s", cal.getTimeUnit());
        assertEquals(0.2, cal.pixelWidth, 1e-12);
        assertEquals("mm", cal.getUnit());
        assertEquals("t=0.232 s", imp.getStack().getSliceLabel(4));
        assertEquals("/data/loop.dcm", imp.getProp(CineLoopImages.PATH_PROPERTY));

        List<String> warnings = new ArrayList<>();
        CineLoop back = CineLoopImages.toCineLoop(imp, warnings);
        assertTrue(warnings.isEmpty(), warnings.toString());
        assertArrayEquals(IRREGULAR, back.timesS(), 0);
        for (int i = 0; i < frames.length; i++) {
            assertArrayEquals(frames[i], back.frame(i), 0);
        }
        assertEquals(255, back.metadata().maxGrey());
        assertEquals(0.2, back.pixelSizeMm(), 1e-12);
        assertEquals("/data/loop.dcm", back.metadata().path());
        assertEquals("DICOM", back.metadata().format());
        assertEquals("FrameTimeVector", back.metadata().timingSource());
    }

    @Test
    void nonIntegerOrWideLoopsBecomeThirtyTwoBitWithTheirGreyScale() {
        float[][] luminance = randomFrames(3, 20, 2, false, 255);
        ImagePlus imp = CineLoopImages.toImagePlus(loop(luminance, 5, 4, new double[] {0, .5, 1}, null, 255), "l");
        assertEquals(32, imp.getBitDepth());
        CineLoop back = CineLoopImages.toCineLoop(imp);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(luminance[i], back.frame(i), 0);
        }
        assertNull(back.pixelSizeMm());

        float[][] twelveBit = randomFrames(2, 20, 3, true, 4095);
        ImagePlus wide = CineLoopImages.toImagePlus(loop(twelveBit, 5, 4, new double[] {0, .1}, null, 4095), "w");
        assertEquals(32, wide.getBitDepth());
        assertEquals(4095, CineLoopImages.toCineLoop(wide).metadata().maxGrey());
    }

    @Test
    void timesFallBackToLabelsThenFrameIntervalAndAreNeverGuessed() {
        ImagePlus labelled = stack(4, false);
        String[] labels = {"t=10 s", "t=10.5 s", "t=11.25 s", "t=12 s"};
        for (int i = 0; i < 4; i++) {
            labelled.getStack().setSliceLabel(labels[i], i + 1);
        }
        assertArrayEquals(new double[] {0, .5, 1.25, 2}, CineLoopImages.toCineLoop(labelled).timesS(), 1e-12);

        ImagePlus regular = stack(4, false);
        regular.getCalibration().frameInterval = 125;
        regular.getCalibration().setTimeUnit("ms");
        assertArrayEquals(new double[] {0, .125, .25, .375}, CineLoopImages.toCineLoop(regular).timesS(), 1e-12);

        ImagePlus untimed = stack(3, false);
        InputException e = assertThrows(InputException.class, () -> CineLoopImages.toCineLoop(untimed));
        assertTrue(e.getMessage().contains("no frame times"), e.getMessage());
        assertFalse(CineLoopImages.hasFrameTimes(untimed));
        assertArrayEquals(new double[] {0, .25, .5}, CineLoopImages.toCineLoop(untimed, new ArrayList<>(), .25)
                .timesS(), 1e-12, "an explicit frame interval is used");
    }

    @Test
    void zSlicesAreTimeWhenThereIsOneTimePointAndFramesWinOtherwise() {
        ImagePlus z = stack(5, false);
        z.getCalibration().frameInterval = 0.5;
        assertEquals(5, z.getNSlices());
        assertEquals(1, z.getNFrames());
        CineLoop fromZ = CineLoopImages.toCineLoop(z);
        assertEquals(5, fromZ.frameCount());
        assertEquals(3f, fromZ.frame(3)[0], "frame k holds value k");

        ImagePlus hyper = stack(6, false);
        hyper.setDimensions(1, 2, 3);
        hyper.getCalibration().frameInterval = 0.5;
        List<String> warnings = new ArrayList<>();
        CineLoop fromT = CineLoopImages.toCineLoop(hyper, warnings);
        assertEquals(3, fromT.frameCount());
        assertEquals(4f, fromT.frame(2)[0], "z=1 of t=3 is stack index 5, value 4");
        assertEquals(1, warnings.size(), "Z slices per time point: " + warnings);
        assertTrue(warnings.get(0).contains("2 Z slices"), warnings.get(0));
    }

    @Test
    void sixteenBitKeepsRawValuesOnA65535Scale() {
        ImageStack s = new ImageStack(2, 1);
        s.addSlice(new ShortProcessor(2, 1, new short[] {(short) 40000, 7}, null));
        s.addSlice(new ShortProcessor(2, 1, new short[] {(short) 65535, 0}, null));
        ImagePlus sixteen = new ImagePlus("s", s);
        sixteen.getCalibration().fps = 10;
        CineLoop loop = CineLoopImages.toCineLoop(sixteen);
        assertEquals(65535, loop.metadata().maxGrey());
        assertArrayEquals(new float[] {40000, 7}, loop.frame(0), 0);
        assertArrayEquals(new float[] {65535, 0}, loop.frame(1), 0);
    }

    @Test
    void rgbBecomesLuminance() {
        ColorProcessor cp = new ColorProcessor(2, 1);
        cp.set(0, 0, (200 << 16) | (100 << 8) | 50);
        cp.set(1, 0, (255 << 16) | (255 << 8) | 255);
        ImageStack s = new ImageStack(2, 1);
        s.addSlice(cp);
        CineLoop loop = CineLoopImages.toCineLoop(new ImagePlus("rgb", s));
        assertEquals(255, loop.metadata().maxGrey());
        assertEquals(0.299 * 200 + 0.587 * 100 + 0.114 * 50, loop.frame(0)[0], 1e-4); // 124.2
        assertEquals(255, loop.frame(0)[1], 1e-4);
    }

    @Test
    void pixelSizeIsConvertedToMillimetres() {
        ImagePlus imp = stack(2, false);
        imp.getCalibration().frameInterval = 1;
        imp.getCalibration().pixelWidth = 0.025;
        imp.getCalibration().pixelHeight = 0.025;
        imp.getCalibration().setUnit("cm");
        assertEquals(0.25, CineLoopImages.toCineLoop(imp).pixelSizeMm(), 1e-12);
        imp.getCalibration().setUnit("µm");
        imp.getCalibration().pixelWidth = 250;
        imp.getCalibration().pixelHeight = 250;
        assertEquals(0.25, CineLoopImages.toCineLoop(imp).pixelSizeMm(), 1e-12);
    }

    @Test
    void roisBecomeMasksOverTheirBounds() {
        RoiMask rect = CineLoopImages.toRoiMask(new Roi(2, 3, 4, 5), "roi");
        assertEquals(List.of(2, 3, 4, 5, 20), List.of(rect.x(), rect.y(), rect.width(), rect.height(), rect.area()));
        assertEquals("roi", rect.name());

        OvalRoi oval = new OvalRoi(10, 20, 40, 20);
        oval.setName("tumour");
        RoiMask m = CineLoopImages.toRoiMask(oval, "roi");
        assertEquals("tumour", m.name());
        assertTrue(m.contains(30, 30), "centre");
        assertFalse(m.contains(10, 20), "corner of the bounding box");
        assertEquals(Math.PI * 20 * 10, m.area(), 0.03 * Math.PI * 20 * 10, "ellipse area π·a·b");

        PolygonRoi triangle = new PolygonRoi(new int[] {0, 40, 0}, new int[] {0, 0, 40}, 3, Roi.POLYGON);
        assertEquals(800, CineLoopImages.toRoiMask(triangle, "t").area(), 45, "triangle area 40·40/2");

        assertThrows(InputException.class, () -> CineLoopImages.toRoiMask(new Line(0, 0, 5, 5), "l"));
    }

    /** An 8-bit Z stack of {@code n} 3×2 slices; slice k (0-based) is filled with k. */
    static ImagePlus stack(int n, boolean labels) {
        ImageStack s = new ImageStack(3, 2);
        for (int k = 0; k < n; k++) {
            ByteProcessor bp = new ByteProcessor(3, 2);
            bp.setValue(k);
            bp.fill();
            s.addSlice(labels ? "t=" + k + " s" : null, bp);
        }
        return new ImagePlus("stack", s);
    }
}
