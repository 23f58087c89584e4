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

    @Test
    void planeBytesBecomeGreyValues() {
        // uint16 big endian, one sample
        byte[] u16 = ByteBuffer.allocate(4).putShort((short) 1000).putShort((short) 0xFFFF).array();
        assertArrayEquals(new float[] {1000, 65535}, BioFormatsReader.grey(u16, 2, 1, false, 3, false));
        // uint8 RGB, interleaved and planar
        byte[] inter = {10, 20, 30, (byte) 200, 0, 0};
        float l0 = PhotometricConverter.luminance(10, 20, 30);
        float l1 = PhotometricConverter.luminance(200, 0, 0);
        assertArrayEquals(new float[] {l0, l1}, BioFormatsReader.grey(inter, 2, 3, true, 1, true));
        byte[] planar = {10, (byte) 200, 20, 0, 30, 0};
        assertArrayEquals(new float[] {l0, l1}, BioFormatsReader.grey(planar, 2, 3, false, 1, true));
        // signed int8 and little-endian float
        assertArrayEquals(new float[] {-2}, BioFormatsReader.grey(new byte[] {-2}, 1, 1, false, 0, true));
        byte[] f = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(2.5f).array();
        assertArrayEquals(new float[] {2.5f}, BioFormatsReader.grey(f, 1, 1, false, 6, true));
    }
}
