package org.ceusperfusion.io;

import static org.ceusperfusion.io.DicomDictionary.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.UltrasoundRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DICOM encodings built in the test, with known pixel values, timing and calibration. */
class DicomSyntheticTest {
    @TempDir
    Path tmp;

    private CineLoop read(DicomBuilder b) throws IOException {
        Path p = tmp.resolve("t" + System.nanoTime() + ".dcm");
        Files.write(p, b.build());
        return LoopReader.open(p, LoadOptions.NONE);
    }

    private static DicomBuilder mono(TransferSyntax ts, int bits, int stored, int rows, int cols, int frames,
                                     String pi, int signed) {
        return new DicomBuilder(ts).us(SAMPLES_PER_PIXEL, 1).str(PHOTOMETRIC, "CS", pi)
                .us(ROWS, rows).us(COLUMNS, cols).str(NUMBER_OF_FRAMES, "IS", Integer.toString(frames))
                .us(BITS_ALLOCATED, bits).us(BITS_STORED, stored).us(HIGH_BIT, stored - 1)
                .us(PIXEL_REPRESENTATION, signed);
    }

    @Test
    void implicitVr16BitWithCineRate() throws IOException {
        int[] words = {0, 1, 2, 4095, 100, 200, 7, 8, 9, 10, 11, 12};
        DicomBuilder b = mono(TransferSyntax.IMPLICIT_LE, 16, 12, 2, 3, 2, "MONOCHROME2", 0)
                .str(CINE_RATE, "IS", "20").ow(PIXEL_DATA, words);
        CineLoop loop = read(b);
        assertEquals(3, loop.width());
        assertEquals(2, loop.height());
        assertArrayEquals(new double[] {0, 0.05}, loop.timesS(), 1e-12);
        assertEquals("CineRate", loop.metadata().timingSource());
        assertEquals(4095, loop.metadata().maxGrey());
        assertArrayEquals(new float[] {0, 1, 2, 4095, 100, 200}, loop.frame(0));
        assertArrayEquals(new float[] {7, 8, 9, 10, 11, 12}, loop.frame(1));
    }

    @Test
    void explicitBigEndianMonochrome1IsInverted() throws IOException {
        DicomBuilder b = mono(TransferSyntax.EXPLICIT_BE, 16, 16, 1, 2, 1, "MONOCHROME1", 0)
                .ow(PIXEL_DATA, 0x0102, 65535);
        CineLoop loop = read(b);
        assertArrayEquals(new float[] {65535 - 0x0102, 0}, loop.frame(0));
        assertEquals("none", loop.metadata().timingSource());
    }

    @Test
    void signedSamplesAreShiftedToTheUnsignedScale() throws IOException {
        DicomBuilder b = mono(TransferSyntax.EXPLICIT_LE, 8, 8, 1, 4, 1, "MONOCHROME2", 1)
                .raw(PIXEL_DATA, "OB", new byte[] {(byte) -128, -1, 0, 127});
        assertArrayEquals(new float[] {0, 127, 128, 255}, read(b).frame(0));
    }

    @Test
    void frameTimeVectorIsCumulativeAndBeatsFrameTime() throws IOException {
        DicomBuilder b = mono(TransferSyntax.EXPLICIT_LE, 8, 8, 1, 2, 3, "MONOCHROME2", 0)
                .str(FRAME_TIME, "DS", "50").str(FRAME_TIME_VECTOR, "DS", "0\\40\\70")
                .raw(PIXEL_DATA, "OB", new byte[6]);
        CineLoop loop = read(b);
        assertArrayEquals(new double[] {0, 0.040, 0.110}, loop.timesS(), 1e-12);
        assertEquals("FrameTimeVector", loop.metadata().timingSource());
    }

    @Test
    void ultrasoundRegionsInUndefinedLengthSequenceGiveMillimetres() throws IOException {
        DicomBuilder small = region(TransferSyntax.IMPLICIT_LE, 0, 0, 9, 9, 0, 0.01, 0.01);
        DicomBuilder big = region(TransferSyntax.IMPLICIT_LE, 0, 0, 99, 79, 1, 0.025, 0.03);
        DicomBuilder b = mono(TransferSyntax.IMPLICIT_LE, 8, 8, 1, 2, 1, "MONOCHROME2", 0)
                .sequence(US_REGIONS, true, small, big).str(PIXEL_SPACING, "DS", "0.9\\0.9")
                .raw(PIXEL_DATA, "OB", new byte[2]);
        CineLoop loop = read(b);
        assertEquals(2, loop.metadata().regions().size());
        UltrasoundRegion r = loop.metadata().regions().get(1);
        assertEquals(99, r.maxX1());
        assertEquals(0.25, r.physicalDeltaXMm(), 1e-12);
        assertEquals(0.25, loop.pixelSizeMm(), 1e-12);
        assertEquals("UltrasoundRegion", loop.metadata().tags().get("pixelSizeSource"));
        assertEquals("0.3", loop.metadata().tags().get("pixelSizeYMm"));
    }

    private static DicomBuilder region(TransferSyntax ts, int x0, int y0, int x1, int y1, int format,
                                       double dxCm, double dyCm) {
        return new DicomBuilder(ts).us(REGION_SPATIAL_FORMAT, format).us(REGION_DATA_TYPE, 1)
                .ul(REGION_MIN_X0, x0).ul(REGION_MIN_Y0, y0).ul(REGION_MAX_X1, x1).ul(REGION_MAX_Y1, y1)
                .us(PHYSICAL_UNITS_X, 3).us(PHYSICAL_UNITS_Y, 3).fd(PHYSICAL_DELTA_X, dxCm).fd(PHYSICAL_DELTA_Y, dyCm);
    }

    @Test
    void pixelSpacingIsTheFallbackWhenRegionsAreNotInCentimetres() throws IOException {
        DicomBuilder reg = region(TransferSyntax.EXPLICIT_LE, 0, 0, 9, 9, 1, 0.1, 0.1).us(PHYSICAL_UNITS_X, 4);
        DicomBuilder b = mono(TransferSyntax.EXPLICIT_LE, 8, 8, 1, 2, 1, "MONOCHROME2", 0)
                .sequence(US_REGIONS, false, reg).str(PIXEL_SPACING, "DS", "0.4\\0.5")
                .raw(PIXEL_DATA, "OB", new byte[2]);
        CineLoop loop = read(b);
        assertTrue(Double.isNaN(loop.metadata().regions().get(0).physicalDeltaXMm()));
        assertEquals(0.5, loop.pixelSizeMm(), 1e-12);
        assertEquals("PixelSpacing", loop.metadata().tags().get("pixelSizeSource"));
    }

    @Test
    void eightBitPaletteMapsToLuminance() throws IOException {
        DicomBuilder b = mono(TransferSyntax.EXPLICIT_LE, 8, 8, 1, 3, 1, "PALETTE COLOR", 0)
                .us(RED_DESCRIPTOR, 3, 0, 8).us(GREEN_DESCRIPTOR, 3, 0, 8).us(BLUE_DESCRIPTOR, 3, 0, 8)
                .ow(RED_DATA, 0, 255, 0).ow(GREEN_DATA, 0, 0, 255).ow(BLUE_DATA, 100, 0, 0)
                .raw(PIXEL_DATA, "OB", new byte[] {2, 1, 0, 0});
        float[] f = read(b).frame(0);
        assertEquals(0.587f * 255, f[0], 1e-3);
        assertEquals(0.299f * 255, f[1], 1e-3);
        assertEquals(0.114f * 100, f[2], 1e-3);
    }

    @Test
    void rleFrameIsDecoded() throws IOException {
        byte[] frame = new byte[64 + 4];
        java.nio.ByteBuffer.wrap(frame).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(64);
        frame[64] = (byte) -2; // repeat next byte 3 times
        frame[65] = 9;
        frame[66] = 0;         // one literal
        frame[67] = 4;
        DicomBuilder b = mono(TransferSyntax.RLE, 8, 8, 2, 2, 1, "MONOCHROME2", 0).encapsulated(frame);
        assertArrayEquals(new float[] {9, 9, 9, 4}, read(b).frame(0));
    }

    @Test
    void packBitsHandlesLiteralRepeatAndNoOp() {
        byte[] src = {2, 1, 2, 3, (byte) -2, 9, (byte) -128, 0, 7};
        byte[] out = new byte[7];
        RleDecoder.unpack(new ByteReader(src, "t", false), 0, src.length, out);
        assertArrayEquals(new byte[] {1, 2, 3, 9, 9, 9, 7}, out);
    }

    @Test
    void segmentedPaletteExpandsDiscreteLinearAndIndirectSegments() {
        int[] words = {0, 3, 0, 10, 20, 1, 2, 40, 2, 1, 0, 0};
        assertArrayEquals(new int[] {0, 10, 20, 30, 40, 0, 10, 20}, SegmentedLut.expand(words, "t"));
        assertThrows(InputException.class, () -> SegmentedLut.expand(new int[] {7, 1, 0}, "t"));
        assertThrows(InputException.class, () -> SegmentedLut.expand(new int[] {0, 9, 1}, "t"));
    }

    @Test
    void pixelDataShorterThanTheFramesIsATruncationError() throws IOException {
        DicomBuilder b = mono(TransferSyntax.EXPLICIT_LE, 8, 8, 2, 2, 3, "MONOCHROME2", 0)
                .raw(PIXEL_DATA, "OB", new byte[10]);
        InputException e = assertThrows(InputException.class, () -> read(b));
        assertTrue(e.getMessage().contains("truncated DICOM"), e.getMessage());
        assertTrue(e.getMessage().contains("need 12"), e.getMessage());
    }

    @Test
    void optionsOverrideTimingAndPixelSize() throws IOException {
        DicomBuilder b = mono(TransferSyntax.EXPLICIT_LE, 8, 8, 1, 2, 3, "MONOCHROME2", 0)
                .str(FRAME_TIME, "DS", "50").str(PIXEL_SPACING, "DS", "0.4\\0.4").raw(PIXEL_DATA, "OB", new byte[6]);
        Path p = tmp.resolve("o.dcm");
        Files.write(p, b.build());
        CineLoop loop = LoopReader.open(p, new LoadOptions(0.2, 0.1));
        assertArrayEquals(new double[] {0, 0.2, 0.4}, loop.timesS(), 1e-12);
        assertEquals("option", loop.metadata().timingSource());
        assertEquals(0.1, loop.pixelSizeMm(), 1e-12);
        assertEquals("option", loop.metadata().tags().get("pixelSizeSource"));
        assertThrows(InputException.class, () -> LoopReader.open(p, new LoadOptions(-1.0, null)));
    }
}
