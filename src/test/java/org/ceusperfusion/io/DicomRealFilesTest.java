package org.ceusperfusion.io;

import static org.junit.jupiter.api.Assertions.*;

import ij.IJ;
import ij.ImagePlus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real DICOM files of real-data/dicom-us, against the README's reference values and independent readers. */
class DicomRealFilesTest {
    private static final double[] ECHO_FTV_TIMES = {0, 0.076, 0.152, 0.232, 0.304, 0.380, 0.480, 0.532, 0.608, 0.684};

    private static CineLoop open(Path p) {
        return LoopReader.open(p, LoadOptions.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"raw-mono2-frametime", "raw-palette", "raw-rgb", "rle-rgb",
        "jpegbaseline-ybr422", "jpegbaseline-ybrfull", "jpeglossless-rgb"})
    void echoVariantsHaveTenFramesOf76MsAndTheReferenceLuminance(String variant) {
        CineLoop loop = open(RealData.echo(variant));
        assertEquals(600, loop.width());
        assertEquals(430, loop.height());
        assertEquals(10, loop.frameCount());
        assertArrayEquals(CineLoop.regularTimes(10, 0.076), loop.timesS(), 1e-9);
        assertEquals("FrameTime", loop.metadata().timingSource());
        assertEquals(RealData.ECHO_FRAME1_MEAN, RealData.frame1Mean(loop), 0.8, variant);
        assertEquals(255, loop.metadata().maxGrey());
    }

    @Test
    void originalRlePaletteEchoReadsAsLuminanceNotIndices() {
        CineLoop loop = open(RealData.dicom("US-PAL-8-10x-echo.dcm"));
        assertEquals(10, loop.frameCount());
        assertEquals("1.2.840.10008.1.2.5", loop.metadata().transferSyntax());
        double m = RealData.frame1Mean(loop);
        assertEquals(RealData.ECHO_FRAME1_MEAN, m, 0.8);
        assertTrue(Math.abs(m - 132.2) > 50, "palette indices would average 132.2");
    }

    @Test
    void frameTimeVectorGivesTheIrregularReferenceTimes() {
        CineLoop loop = open(RealData.echo("raw-mono2-frametimevector"));
        assertArrayEquals(ECHO_FTV_TIMES, loop.timesS(), 1e-9);
        assertEquals("FrameTimeVector", loop.metadata().timingSource());
        assertEquals(RealData.ECHO_FRAME1_MEAN, RealData.frame1Mean(loop), 0.8);
    }

    @Test
    void allEncodingsOfTheEchoAgreePixelByPixel() {
        CineLoop rgb = open(RealData.echo("raw-rgb"));
        CineLoop rle = open(RealData.echo("rle-rgb"));
        CineLoop pal = open(RealData.echo("raw-palette"));
        CineLoop mono = open(RealData.echo("raw-mono2-frametime"));
        for (int i = 0; i < 10; i++) {
            assertEquals(0, RealData.maxAbsDiff(rgb.frame(i), rle.frame(i)), "RLE frame " + i);
            assertTrue(RealData.maxAbsDiff(rgb.frame(i), pal.frame(i)) < 1e-3, "palette frame " + i);
            assertTrue(RealData.maxAbsDiff(rgb.frame(i), mono.frame(i)) <= 0.5001, "rounded luminance frame " + i);
        }
    }

    @Test
    void jpegBaselineFramesAreCloseToTheLosslessOnes() {
        CineLoop rgb = open(RealData.echo("raw-rgb"));
        CineLoop jpeg = open(RealData.echo("jpegbaseline-ybr422"));
        for (int i = 0; i < 10; i++) {
            assertEquals(RealData.mean(rgb.frame(i)), RealData.mean(jpeg.frame(i)), 1.0, "frame " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"OBXXXX1A.dcm", "OBXXXX1A_2frame.dcm", "OBXXXX1A_rle_2frame.dcm", "gdcm-US-ALOKA-16.dcm"})
    void pixelSizeComesFromTheUltrasoundRegions(String name) throws IOException {
        CineLoop loop = open(RealData.dicom(name));
        assertFalse(loop.metadata().regions().isEmpty());
        assertEquals("UltrasoundRegion", loop.metadata().tags().get("pixelSizeSource"));
        List<Double> deltasCm = rawPhysicalDeltaX(Files.readAllBytes(RealData.dicom(name)));
        assertFalse(deltasCm.isEmpty());
        double px = loop.pixelSizeMm();
        assertTrue(deltasCm.stream().anyMatch(d -> Math.abs(d * 10 - px) < 1e-12),
                "pixel size " + px + " mm is one of the file's PhysicalDeltaX values " + deltasCm + " cm × 10");
        assertTrue(px > 0.05 && px < 2, "plausible ultrasound pixel size " + px);
    }

    /** Finds (0018,602C) FD values by byte search, independently of the parser (explicit or implicit VR LE). */
    private static List<Double> rawPhysicalDeltaX(byte[] d) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i + 16 < d.length; i++) {
            if (d[i] == 0x18 && d[i + 1] == 0 && d[i + 2] == 0x2C && d[i + 3] == 0x60) {
                boolean explicit = d[i + 4] == 'F' && d[i + 5] == 'D' && d[i + 6] == 8 && d[i + 7] == 0;
                boolean implicit = d[i + 4] == 8 && d[i + 5] == 0 && d[i + 6] == 0 && d[i + 7] == 0;
                if (explicit || implicit) {
                    out.add(ByteBuffer.wrap(d, i + 8, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble());
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ExplVR_BigEnd.dcm", "color-px.dcm", "color-pl.dcm", "US1_UNCR.dcm", "SC_rgb_2frame.dcm"})
    void uncompressedRgbMatchesImageJsDecodingPixelByPixel(String name) {
        CineLoop loop = open(RealData.dicom(name));
        ImagePlus imp = IJ.openImage(RealData.dicom(name).toString());
        assertNotNull(imp, "ImageJ opens uncompressed RGB DICOM");
        assertEquals(imp.getWidth(), loop.width());
        assertEquals(imp.getHeight(), loop.height());
        float[] reference = ImageJFrames.grey(imp.getStack().getProcessor(1));
        assertTrue(RealData.maxAbsDiff(reference, loop.frame(0)) < 1e-3, name);
    }

    @Test
    void explicitBigEndianFileHasItsHeaderValues() {
        CineLoop loop = open(RealData.dicom("ExplVR_BigEnd.dcm"));
        assertEquals(80, loop.width());
        assertEquals(60, loop.height());
        assertEquals("1.2.840.10008.1.2.2", loop.metadata().transferSyntax());
        assertEquals("US", loop.metadata().tags().get("Modality"));
        assertEquals("G.E. Medical Systems", loop.metadata().tags().get("Manufacturer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SC_ybr_full_uncompressed.dcm", "SC_ybr_full_422_uncompressed.dcm",
        "SC_rgb_rle_2frame.dcm", "SC_rgb_jpeg_dcmtk.dcm", "SC_rgb_dcmtk_+eb+cy+s2.dcm"})
    void colourEncodingsMatchTheirRgbTwin(String name) {
        int[] twin = rgbSamples(RealData.dicom("SC_rgb_2frame.dcm"));
        int[] other = rgbSamples(RealData.dicom(name));
        assertEquals(twin.length, other.length);
        boolean lossy = name.contains("jpeg") || name.contains("dcmtk");
        // the YBR twins were made by 8-bit YCbCr quantisation: (128,128,255) is stored as Y/Cb/Cr 143/192/115,
        // which converts back to R = 124.8, so a few units of error are in the files themselves
        boolean ybr = name.contains("ybr");
        int tolerance = lossy ? 40 : ybr ? 6 : 0;
        int worst = 0;
        double sum = 0;
        for (int i = 0; i < twin.length; i++) {
            int d = Math.abs(twin[i] - other[i]);
            worst = Math.max(worst, d);
            sum += d;
        }
        assertTrue(worst <= tolerance, name + ": worst RGB difference " + worst);
        assertTrue(sum / twin.length < (lossy ? 3 : 1.5), name + ": mean RGB difference " + sum / twin.length);
        int centre = (50 * 100 + 50) * 3;
        for (int c = 0; c < 3; c++) {
            assertEquals(twin[centre + c], other[centre + c], lossy ? 8 : ybr ? 4 : 0, name + " centre pixel channel " + c);
        }
        CineLoop a = open(RealData.dicom("SC_rgb_2frame.dcm"));
        CineLoop b = open(RealData.dicom(name));
        assertEquals(RealData.mean(a.frame(0)), RealData.mean(b.frame(0)), 1.0);
    }

    /** RGB samples of frame 1 through the package's decoder, YBR converted to RGB. */
    private static int[] rgbSamples(Path p) {
        try {
            DicomParser.Parsed parsed = DicomParser.parse(Files.readAllBytes(p), p.toString());
            PixelFormat f = PixelFormat.of(parsed.dataset(), p.toString());
            DicomPixelDecoder dec = new DicomPixelDecoder(parsed.dataset(), f, parsed.syntax());
            int[] s = dec.frame(0);
            if (dec.outputPhotometric().equals("YBR_FULL")) {
                float[] rgb = new float[3];
                for (int i = 0; i < s.length; i += 3) {
                    PhotometricConverter.ybrToRgb(s[i], s[i + 1], s[i + 2], 255, rgb);
                    for (int c = 0; c < 3; c++) {
                        s[i + c] = Math.round(rgb[c]);
                    }
                }
            }
            return s;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unsupportedCompressionIsNamed() {
        InputException j2k = assertThrows(InputException.class, () -> open(RealData.dicom("US1_J2KR.dcm")));
        assertTrue(j2k.getMessage().contains("unsupported transfer syntax 1.2.840.10008.1.2.4.90 (JPEG 2000"),
                j2k.getMessage());
    }

    @Test
    void sha256IsTheFilesDigest() throws Exception {
        Path p = RealData.dicom("SC_rgb_rle_2frame.dcm");
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
        assertEquals(java.util.HexFormat.of().formatHex(d), LoopReader.sha256(p));
        assertEquals(64, LoopReader.sha256(p).length());
    }
}
