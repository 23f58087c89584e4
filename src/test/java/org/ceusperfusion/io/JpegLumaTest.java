package org.ceusperfusion.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.roi.RoiSpecParser;
import org.ceusperfusion.tic.Linearizer;
import org.ceusperfusion.tic.TicExtractor;
import org.ceusperfusion.tic.TimeIntensityCurve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JPEG luma path against the path it replaces (decode to RGB, then 0.299 R + 0.587 G + 0.114 B), on a
 * side-by-side JPEG YBR_FULL_422 loop with speckle, black background and saturated colour overlays.
 */
class JpegLumaTest {
    private static final int W = 200;
    private static final int H = 120;
    private static final int FRAMES = 12;

    @TempDir
    Path dir;

    @Test
    void lumaFramesMatchTheColourConvertedLuminanceToOneIn10000() throws IOException {
        Path file = writeLoop(dir.resolve("ybr.dcm"));
        CineLoop loop = LoopReader.open(file, LoadOptions.NONE);
        assertEquals("luma", loop.metadata().tags().get("jpegDecode"));
        ByteReader bytes = ByteReader.map(file);
        DicomParser.Parsed parsed = DicomParser.parse(bytes);
        PixelFormat format = PixelFormat.of(parsed.dataset(), file.toString());
        DicomPixelDecoder old = new DicomPixelDecoder(parsed.dataset(), format, parsed.syntax());
        assertEquals("RGB", old.outputPhotometric());
        Linearizer lin = Linearizer.logCompressed(40, 255);
        double worstFrameMean = 0;
        double worstRoi = 0;
        double worstGreyPixel = 0;
        RoiMask roi = RoiSpecParser.parse("t=oval:120,30,60,50", "t");
        int[] idx = roi.pixelIndices(W, H);
        for (int f = 0; f < FRAMES; f++) {
            float[] luma = loop.frame(f);
            float[] lum = PhotometricConverter.toGrey(old.frame(f), "RGB", 255, null);
            worstFrameMean = Math.max(worstFrameMean, relative(mean(luma, null, lin), mean(lum, null, lin)));
            worstRoi = Math.max(worstRoi, relative(mean(luma, idx, lin), mean(lum, idx, lin)));
            for (int i = 24 * W; i < luma.length; i++) { // below the overlays: grey pixels
                worstGreyPixel = Math.max(worstGreyPixel, Math.abs(luma[i] - lum[i]));
            }
        }
        System.out.printf("JPEG luma vs RGB luminance: ROI mean power %.2e, frame mean power %.2e (relative),"
                + " grey pixels up to %.3f grey levels%n", worstRoi, worstFrameMean, worstGreyPixel);
        assertTrue(worstGreyPixel <= 1.0, "grey pixels differ by up to " + worstGreyPixel);
        assertTrue(worstRoi <= 1e-4, "ROI mean power differs by " + worstRoi);
        assertTrue(worstFrameMean <= 1e-3, "frame mean power (with colour overlays) differs by " + worstFrameMean);
        List<TimeIntensityCurve> tic = TicExtractor.extract(loop, List.of(roi), lin);
        assertEquals(FRAMES, tic.get(0).meanIntensity().length);
    }

    @Test
    void aColourBarConversionKeepsTheColourPath() throws IOException {
        Path file = writeLoop(dir.resolve("bar.dcm"));
        CineLoop loop = LoopReader.open(file, new LoadOptions(null, null, ColourBarLine.parse("2,8,58,8", "--colour-bar")));
        assertNull(loop.metadata().tags().get("jpegDecode"));
    }

    @Test
    void theStreamDecidesWhetherTheFirstComponentIsLuma() {
        byte[] ycc = SideBySideJpegLoop.jpeg(new int[16 * 8], 16, 8, 0.9f);
        assertTrue(JpegLuma.isYCbCr(ycc), "the JDK encoder writes JFIF YCbCr");
        assertFalse(JpegLuma.isYCbCr(adobe(0)), "Adobe transform 0: RGB components");
        assertTrue(JpegLuma.isYCbCr(adobe(1)), "Adobe transform 1: YCbCr");
        assertFalse(JpegLuma.isYCbCr(sofOnly('R', 'G', 'B')), "component ids R, G, B");
        assertTrue(JpegLuma.isYCbCr(sofOnly(1, 2, 3)));
        assertFalse(JpegLuma.isYCbCr(new byte[] {(byte) 0xFF, (byte) 0xD8}), "no frame header");
    }

    private static byte[] adobe(int transform) {
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
        byte[] sof = sofOnly(1, 2, 3);
        byte[] out = new byte[2 + app14.length + sof.length - 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xD8;
        System.arraycopy(app14, 0, out, 2, app14.length);
        System.arraycopy(sof, 2, out, 2 + app14.length, sof.length - 2);
        return out;
    }

    /** SOI, then a baseline SOF of 8-bit 3-component 16×8 with the given component ids. */
    private static byte[] sofOnly(int c1, int c2, int c3) {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 17, 8, 0, 8, 0, 16, 3,
            (byte) c1, 0x21, 0, (byte) c2, 0x11, 1, (byte) c3, 0x11, 1};
    }

    private static Path writeLoop(Path file) throws IOException {
        byte[][] jpegs = new byte[FRAMES][];
        SplittableRandom rng = new SplittableRandom(16);
        for (int f = 0; f < FRAMES; f++) {
            int[] rgb = new int[W * H];
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int g = x < 100 ? (int) Math.min(255, -Math.log(1 - rng.nextDouble()) * 60)
                            : (int) Math.min(255, -Math.log(1 - rng.nextDouble()) * (5 + 12 * f));
                    rgb[y * W + x] = g << 16 | g << 8 | g;
                }
            }
            for (int y = 2; y < 14; y++) {
                for (int x = 2; x < 60; x++) {
                    rgb[y * W + x] = x < 30 ? 0xE0D020 : 0x2040F0; // yellow and blue overlays
                }
            }
            jpegs[f] = SideBySideJpegLoop.jpeg(rgb, W, H, 0.9f);
        }
        DicomBuilder b = new DicomBuilder(TransferSyntax.JPEG_BASELINE)
                .str(DicomDictionary.MODALITY, "CS", "US").us(DicomDictionary.SAMPLES_PER_PIXEL, 3)
                .str(DicomDictionary.PHOTOMETRIC, "CS", "YBR_FULL_422").us(DicomDictionary.PLANAR_CONFIGURATION, 0)
                .str(DicomDictionary.NUMBER_OF_FRAMES, "IS", Integer.toString(FRAMES))
                .us(DicomDictionary.ROWS, H).us(DicomDictionary.COLUMNS, W)
                .us(DicomDictionary.BITS_ALLOCATED, 8).us(DicomDictionary.BITS_STORED, 8)
                .us(DicomDictionary.HIGH_BIT, 7).us(DicomDictionary.PIXEL_REPRESENTATION, 0)
                .str(DicomDictionary.FRAME_TIME, "DS", "100");
        Files.write(file, b.encapsulatedWithOffsets(jpegs).build());
        return file;
    }

    private static double mean(float[] frame, int[] idx, Linearizer lin) {
        double s = 0;
        int n = idx == null ? frame.length : idx.length;
        for (int k = 0; k < n; k++) {
            s += lin.power(frame[idx == null ? k : idx[k]]);
        }
        return s / n;
    }

    private static double relative(double a, double b) {
        return Math.abs(a - b) / Math.abs(b);
    }
}
