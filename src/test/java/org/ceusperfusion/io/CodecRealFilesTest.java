package org.ceusperfusion.io;

import static org.junit.jupiter.api.Assertions.*;

import org.ceusperfusion.cine.CineLoop;
import org.junit.jupiter.api.Test;

/** Compressed encodings added on top of the baseline readers: JPEG lossless DICOM, PNG-in-AVI, H.264 MP4. */
class CodecRealFilesTest {
    private static CineLoop open(java.nio.file.Path p) {
        return LoopReader.open(p, LoadOptions.NONE);
    }

    @Test
    void jpegLosslessEchoEqualsTheUncompressedOnePixelByPixel() {
        CineLoop ll = open(RealData.echo("jpeglossless-rgb"));
        CineLoop raw = open(RealData.echo("raw-rgb"));
        assertEquals("1.2.840.10008.1.2.4.70", ll.metadata().transferSyntax());
        assertEquals(10, ll.frameCount());
        assertArrayEquals(CineLoop.regularTimes(10, 0.076), ll.timesS(), 1e-9);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, RealData.maxAbsDiff(raw.frame(i), ll.frame(i)), "lossless frame " + i);
        }
        System.out.printf("jpeglossless-rgb frame-1 mean %.4f%n", RealData.frame1Mean(ll));
    }

    @Test
    void h264Mp4HasTenFramesAt76MsInDisplayOrder() {
        CineLoop mp4 = open(RealData.video("echo_h264.mp4"));
        CineLoop raw = open(RealData.echo("raw-rgb"));
        assertEquals("MP4", mp4.metadata().format());
        assertEquals("container", mp4.metadata().timingSource());
        assertEquals(600, mp4.width());
        assertEquals(430, mp4.height());
        assertEquals(10, mp4.frameCount());
        assertArrayEquals(CineLoop.regularTimes(10, 0.076), mp4.timesS(), 1e-6);
        double m = RealData.frame1Mean(mp4);
        System.out.printf("echo_h264.mp4 frame-1 mean %.4f, times %s%n", m, java.util.Arrays.toString(mp4.timesS()));
        assertEquals(RealData.ECHO_FRAME1_MEAN, m, 0.8);
        for (int i = 0; i < 10; i++) {
            // display order: frame i is closest to the lossless frame i, not to any other
            double own = meanAbsDiff(raw.frame(i), mp4.frame(i));
            for (int j = 0; j < 10; j++) {
                if (j != i) {
                    assertTrue(own < meanAbsDiff(raw.frame(j), mp4.frame(i)), "frame " + i + " vs " + j);
                }
            }
            assertTrue(own < 3, "H.264 crf 18 error of frame " + i + ": " + own);
        }
    }

    static double meanAbsDiff(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s / a.length;
    }

    @Test
    void pngInAviEqualsTheUncompressedDicomAndStreamsAboveTheBudget() {
        CineLoop png = open(RealData.video("echo_png.avi"));
        CineLoop raw = open(RealData.echo("raw-rgb"));
        assertEquals("MPNG", png.metadata().transferSyntax());
        assertEquals("container", png.metadata().timingSource());
        assertEquals(10, png.frameCount());
        assertArrayEquals(CineLoop.regularTimes(10, 0.076), png.timesS(), 1e-9);
        for (int i = 0; i < 10; i++) {
            assertTrue(RealData.maxAbsDiff(raw.frame(i), png.frame(i)) < 1e-3, "PNG frame " + i);
        }
        System.out.printf("echo_png.avi frame-1 mean %.4f%n", RealData.frame1Mean(png));
        CineLoop streamed = LoopReader.open(RealData.video("echo_png.avi"), LoadOptions.NONE, 3L * 600 * 430 * 4);
        assertEquals("streamed", streamed.metadata().tags().get("frames"));
        for (int i = 9; i >= 0; i--) {
            assertArrayEquals(png.frame(i), streamed.frame(i), "streamed PNG frame " + i);
        }
    }

    @Test
    void imageJAviStreamsThroughItsVirtualStackAboveTheBudget() {
        CineLoop mem = open(RealData.video("echo_raw_gray8.avi"));
        CineLoop streamed = LoopReader.open(RealData.video("echo_raw_gray8.avi"), LoadOptions.NONE, 2L * 600 * 430 * 4);
        assertEquals("memory", mem.metadata().tags().get("frames"));
        assertEquals("streamed", streamed.metadata().tags().get("frames"));
        assertEquals(10, streamed.frameCount());
        for (int i = 0; i < 10; i++) {
            assertArrayEquals(mem.frame(i), streamed.frame(i), "frame " + i);
        }
    }

    @Test
    void mpeg4Part2AviIsACleanUnsupportedCodecError() {
        org.ceusperfusion.InputException e = assertThrows(org.ceusperfusion.InputException.class,
                () -> open(RealData.video("echo_mpeg4part2.avi")));
        assertTrue(e.getMessage().contains("unsupported AVI codec FMP4 (MPEG-4 part 2)"), e.getMessage());
        assertTrue(e.getMessage().startsWith(RealData.video("echo_mpeg4part2.avi").toString() + ": "));
    }
}
