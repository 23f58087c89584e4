package org.ceusperfusion.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceusperfusion.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Bio-Formats fallback when Bio-Formats is absent (the test class path has no Bio-Formats; the
 * reflective read itself cannot be tested without its jar, which is not on Maven Central), and its
 * pure sample conversion.
 */
class BioFormatsReaderTest {
    @TempDir
    Path tmp;

    @Test
    void withoutBioFormatsAnUnknownFormatSaysFijiMayReadIt() throws IOException {
        assertFalse(BioFormatsReader.available(getClass().getClassLoader()));
        Path p = tmp.resolve("scan.czi");
        Files.write(p, "ZISRAWFILE and more bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        InputException e = assertThrows(InputException.class, () -> LoopReader.open(p, LoadOptions.NONE));
        assertEquals(p + ": not a cine loop: unrecognised format (first bytes 5A 49 53 52 41 57 46 49);"
                + " inside Fiji, Bio-Formats may read it", e.getMessage());
        ClassLoader empty = new ClassLoader(null) { };
        assertFalse(BioFormatsReader.available(empty));
        assertThrows(InputException.class, () -> LoopReader.fallback(p, new byte[] {1}, empty));
    }

    /** A 2×1 (or {@code pixels}×1) series of one plane with the given pixel layout. */
    static BioFormatsSeries series(int pixels, int type, boolean little, boolean interleaved, int rgb,
                                   byte[][] lut8, short[][] lut16) {
        SeriesLayout l = new SeriesLayout(null, pixels, 1, 1, 1, 1, "XYZCT", null, null, null, null, null, null);
        return new BioFormatsSeries(l, type, little, interleaved, rgb, lut8, lut16);
    }

    @Test
    void planeBytesBecomeGreyValues() {
        // uint16 big endian, one sample: as stored, full scale 65535
        byte[] u16 = ByteBuffer.allocate(4).putShort((short) 1000).putShort((short) 0xFFFF).array();
        BioFormatsSeries s16 = series(2, 3, false, false, 1, null, null);
        assertArrayEquals(new float[] {1000, 65535}, s16.grey(u16));
        assertEquals(65535, s16.fullScale());
        // uint8 RGB, interleaved and planar: luminance, full scale 255
        byte[] inter = {10, 20, 30, (byte) 200, 0, 0};
        float l0 = PhotometricConverter.luminance(10, 20, 30);
        float l1 = PhotometricConverter.luminance(200, 0, 0);
        assertArrayEquals(new float[] {l0, l1}, series(2, 1, true, true, 3, null, null).grey(inter));
        byte[] planar = {10, (byte) 200, 20, 0, 30, 0};
        assertArrayEquals(new float[] {l0, l1}, series(2, 1, true, false, 3, null, null).grey(planar));
        assertEquals(255, series(2, 1, true, false, 3, null, null).fullScale());
        // little-endian float: as stored, scale from the data
        byte[] f = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(2.5f).array();
        assertArrayEquals(new float[] {2.5f}, series(1, 6, true, false, 1, null, null).grey(f));
        assertTrue(Double.isNaN(series(1, 6, true, false, 1, null, null).fullScale()));
    }

    @Test
    void signedTypesAreShiftedOntoTheFullUnsignedScale() {
        // int8 -128..127 -> 0..255 (full scale 255): the minimum is black, the maximum white
        BioFormatsSeries s8 = series(3, 0, true, false, 1, null, null);
        assertArrayEquals(new float[] {0, 128, 255}, s8.grey(new byte[] {-128, 0, 127}));
        assertEquals(255, s8.fullScale());
        // int16 little endian -32768..32767 -> 0..65535
        byte[] i16 = ByteBuffer.allocate(6).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putShort((short) -32768).putShort((short) 0).putShort((short) 32767).array();
        BioFormatsSeries s16 = series(3, 2, true, false, 1, null, null);
        assertArrayEquals(new float[] {0, 32768, 65535}, s16.grey(i16));
        assertEquals(65535, s16.fullScale());
    }

    @Test
    void anInvertedColourTableIsApplied() {
        byte[][] inverted = new byte[3][256];
        for (int i = 0; i < 256; i++) {
            inverted[0][i] = inverted[1][i] = inverted[2][i] = (byte) (255 - i);
        }
        BioFormatsSeries s = series(3, 1, true, false, 1, inverted, null);
        assertTrue(s.indexed());
        float[] g = s.grey(new byte[] {0, 100, (byte) 255});
        assertArrayEquals(new float[] {255, 155, 0}, g, 1e-3f);
        short[][] inv16 = new short[3][256];
        for (int i = 0; i < 256; i++) {
            inv16[0][i] = inv16[1][i] = inv16[2][i] = (short) ((255 - i) * 257);
        }
        assertArrayEquals(new float[] {255, 155, 0}, series(3, 1, true, false, 1, null, inv16)
                .grey(new byte[] {0, 100, (byte) 255}), 1e-3f);
    }

    @Test
    void theFrameRateIsFoundInTheOriginalMetadata() {
        assertEquals(12.5, BioFormatsSeries.frameRate(java.util.Map.of("Frame rate", "12.5 fps")));
        assertEquals(20.0, BioFormatsSeries.frameRate(null, java.util.Map.of("Camera FrameRate", 20)));
        assertEquals(null, BioFormatsSeries.frameRate(java.util.Map.of("Exposure", 3)));
    }

    @Test
    void pluginLoaderFirstThenContext() {
        ClassLoader none = new ClassLoader(null) { };
        ClassLoader other = new ClassLoader(null) { };
        assertSame(none, BioFormatsReader.loader(none, other), "neither sees Bio-Formats: our own");
    }
}
