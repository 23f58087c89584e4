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
}
