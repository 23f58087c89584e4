package org.ceusperfusion.io;

import static org.ceusperfusion.io.DicomDictionary.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Missing, empty, truncated, random and mutated files end in an InputException (or a valid loop), never another error. */
class BadInputTest {
    @TempDir
    Path tmp;

    private static InputException fails(Path p) {
        return assertThrows(InputException.class, () -> LoopReader.open(p, LoadOptions.NONE));
    }

    private Path write(String name, byte[] data) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, data);
        return p;
    }

    @Test
    void missingEmptyAndDirectory() throws IOException {
        assertTrue(fails(tmp.resolve("nope.dcm")).getMessage().endsWith("file not found"));
        assertTrue(fails(write("empty.avi", new byte[0])).getMessage().endsWith("empty file"));
        assertTrue(fails(write("empty.dcm", new byte[0])).getMessage().endsWith("empty file"));
        assertTrue(fails(tmp).getMessage().contains("not a regular file"));
        assertThrows(InputException.class, () -> LoopReader.sha256(tmp.resolve("nope.dcm")));
    }

    @Test
    void textNamedTifAndRandomBytesNamedDcm() throws IOException {
        InputException txt = fails(write("notes.tif", "hello, this is text\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(txt.getMessage().contains("not a cine loop: unrecognised format (first bytes 68 65 6C 6C"),
                txt.getMessage());
        Random rnd = new Random(7);
        for (int i = 0; i < 20; i++) {
            byte[] b = new byte[1 + rnd.nextInt(5000)];
            rnd.nextBytes(b);
            fails(write("random" + i + ".dcm", b));
        }
    }

    @Test
    void truncatedRealDicomNamesTheByteOffsets() throws IOException {
        byte[] full = Files.readAllBytes(RealData.echo("raw-mono2-frametime"));
        int[] cuts = {10, 131, 132, 137, 200, 500, 1000, full.length / 3, full.length - 2};
        for (int cut : cuts) {
            InputException e = fails(write("cut" + cut + ".dcm", Arrays.copyOf(full, cut)));
            assertTrue(e.getMessage().contains("byte"), "cut at " + cut + ": " + e.getMessage());
        }
        InputException e = fails(write("cutpix.dcm", Arrays.copyOf(full, full.length - 1000)));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void truncatedRleAndJpegDicom() throws IOException {
        for (String name : new String[] {"SC_rgb_rle_2frame.dcm", "SC_rgb_jpeg_dcmtk.dcm"}) {
            byte[] full = Files.readAllBytes(RealData.dicom(name));
            for (int cut : new int[] {full.length / 2, full.length - 20, full.length - 9}) {
                fails(write("cut" + cut + name, Arrays.copyOf(full, cut)));
            }
        }
    }

    @Test
    void absurdLengthsAndCountsAreRefused() throws IOException {
        DicomBuilder huge = new DicomBuilder(TransferSyntax.EXPLICIT_LE).us(ROWS, 65535).us(COLUMNS, 65535)
                .str(NUMBER_OF_FRAMES, "IS", "999999").us(BITS_ALLOCATED, 8).raw(PIXEL_DATA, "OB", new byte[16]);
        assertTrue(fails(write("huge.dcm", huge.build())).getMessage().contains("too large to load"));
        byte[] longValue = new DicomBuilder(TransferSyntax.EXPLICIT_LE).raw(0x00100010, "UT", new byte[4]).build();
        int lenAt = longValue.length - 8;
        longValue[lenAt] = (byte) 0xF0;
        longValue[lenAt + 1] = (byte) 0xFF;
        longValue[lenAt + 2] = (byte) 0xFF;
        longValue[lenAt + 3] = (byte) 0x7F;
        InputException e = fails(write("len.dcm", longValue));
        assertTrue(e.getMessage().contains("at byte"), e.getMessage());
    }

    @Test
    void truncatedVideoAndTiff() throws IOException {
        byte[] avi = Files.readAllBytes(RealData.video("echo_raw_gray8.avi"));
        for (int cut : new int[] {12, 100, 5000}) {
            expectInputOrValid(write("cut" + cut + ".avi", Arrays.copyOf(avi, cut)), "avi cut " + cut);
        }
        byte[] tif = {'I', 'I', 42, 0, 8, 0, 0, 0, 1};
        fails(write("cut.tif", tif));
    }

    /**
     * Seeded mutation test: truncations, bit flips and 32-bit length overwrites in the header region of
     * small real and synthetic DICOM files; each must give a valid loop or an InputException.
     */
    @Test
    void seededMutationsGiveAValidLoopOrAnInputException() throws IOException {
        byte[][] bases = {
            Files.readAllBytes(RealData.dicom("SC_rgb_rle_2frame.dcm")),
            Files.readAllBytes(RealData.dicom("ExplVR_BigEnd.dcm")),
            Files.readAllBytes(RealData.dicom("SC_rgb_jpeg_dcmtk.dcm")),
            Files.readAllBytes(RealData.dicom("SC_ybr_full_422_uncompressed.dcm")),
            syntheticWithSequences()};
        Random rnd = new Random(20240611L);
        int valid = 0;
        int refused = 0;
        for (int c = 0; c < 300; c++) {
            byte[] base = bases[c % bases.length];
            byte[] m = mutate(base, rnd);
            Path p = write("m" + c + ".dcm", m);
            if (expectInputOrValid(p, "mutation case " + c)) {
                valid++;
            } else {
                refused++;
            }
        }
        assertEquals(300, valid + refused);
        assertTrue(refused > 50, "most header mutations are detected: " + refused);
    }

    private static byte[] mutate(byte[] base, Random rnd) {
        int header = Math.min(base.length, 1200);
        switch (rnd.nextInt(3)) {
            case 0:
                return Arrays.copyOf(base, rnd.nextInt(base.length));
            case 1: {
                byte[] m = base.clone();
                int flips = 1 + rnd.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    int at = 128 + rnd.nextInt(header - 128);
                    m[at] ^= (byte) (1 << rnd.nextInt(8));
                }
                return m;
            }
            default: {
                byte[] m = base.clone();
                int at = 132 + rnd.nextInt(header - 136);
                int v = rnd.nextBoolean() ? -1 : rnd.nextInt();
                for (int k = 0; k < 4; k++) {
                    m[at + k] = (byte) (v >>> (8 * k));
                }
                return m;
            }
        }
    }

    private static byte[] syntheticWithSequences() {
        DicomBuilder item = new DicomBuilder(TransferSyntax.IMPLICIT_LE).us(REGION_SPATIAL_FORMAT, 1)
                .us(PHYSICAL_UNITS_X, 3).us(PHYSICAL_UNITS_Y, 3).fd(PHYSICAL_DELTA_X, 0.02).fd(PHYSICAL_DELTA_Y, 0.02);
        DicomBuilder nested = new DicomBuilder(TransferSyntax.IMPLICIT_LE).sequence(0x00089215, true, item);
        return new DicomBuilder(TransferSyntax.IMPLICIT_LE).sequence(0x00081140, true, nested)
                .sequence(US_REGIONS, false, item, item).us(ROWS, 8).us(COLUMNS, 8).us(BITS_ALLOCATED, 8)
                .us(SAMPLES_PER_PIXEL, 1).str(PHOTOMETRIC, "CS", "MONOCHROME2").str(NUMBER_OF_FRAMES, "IS", "2")
                .str(FRAME_TIME_VECTOR, "DS", "0\\33").raw(PIXEL_DATA, "OW", new byte[128]).build();
    }

    /** @return true for a valid loop, false for an InputException; any other outcome fails the test */
    private static boolean expectInputOrValid(Path p, String what) {
        CineLoop loop;
        try {
            loop = LoopReader.open(p, LoadOptions.NONE);
        } catch (InputException e) {
            assertNotNull(e.getMessage());
            return false;
        } catch (Throwable t) {
            throw new AssertionError(what + ": " + t, t);
        }
        assertTrue(loop.frameCount() >= 1, what);
        for (int i = 0; i < loop.frameCount(); i++) {
            assertEquals(loop.width() * loop.height(), loop.frame(i).length, what);
        }
        return true;
    }
}
