package org.ceusperfusion.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reflective Bio-Formats adapter against a small fake of the {@code loci.formats} classes it calls
 * ({@link FakeBioFormats}), loaded through a class loader of its own as in plain ImageJ's {@code plugins/}.
 * Each recording is what a reader reports for one case of issue 17.
 */
class BioFormatsAdapterTest {
    @TempDir
    static Path classes;
    static URLClassLoader fake;

    @TempDir
    Path tmp;

    @BeforeAll
    static void compileTheFake() throws Exception {
        fake = FakeBioFormats.loader(classes);
    }

    @AfterAll
    static void close() throws Exception {
        fake.close();
    }

    @BeforeEach
    void clearReads() throws Exception {
        FakeBioFormats.reads(fake).clear();
    }

    private Path recording(String name, String... lines) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.ISO_8859_1);
        return p;
    }

    private CineLoop open(Path p, PlaneSelection sel) {
        return LoopReader.open(p, LoadOptions.NONE.withPlanes(sel), MemoryGuard.defaultBudget(), fake);
    }

    /** Expected uint8 grey of pixel k of plane i of series s (see the fake's README). */
    private static float v(int s, int i, int k) {
        return (s * 50 + i * 16 + k) & 0xFF;
    }

    @Test
    void anOmeXmlLoopGivesItsTimesByTheTInMsAndItsPixelSize() throws Exception {
        Path p = recording("loop.ome", "0.sizeT=4", "0.physicalSizeUm=200",
                "0.planes=0,0,3,9000,ms;0,0,1,1500,ms;0,0,0,0,ms;0,0,2,2000,ms");
        CineLoop l = open(p, null);
        assertArrayEquals(new double[] {0, 1.5, 2, 9}, l.timesS(), 1e-12);
        assertEquals("BioFormatsDeltaT", l.metadata().timingSource());
        assertEquals(0.2, l.pixelSizeMm(), 1e-15);
        assertEquals("BioFormatsPhysicalSize", l.metadata().tags().get("pixelSizeSource"));
        assertEquals("Fake recording", l.metadata().tags().get("bioFormatsFormat"));
        assertEquals(255, l.metadata().maxGrey());
        for (int t = 0; t < 4; t++) {
            for (int k = 0; k < 8; k++) {
                assertEquals(v(0, t, k), l.frame(t)[k]);
            }
        }
        assertTrue(FakeBioFormats.closed(fake));
    }

    @Test
    void aReaderWithoutPlanesGivesTheTimeIncrementThenTheFrameRate() throws Exception {
        CineLoop ti = open(recording("nifti.nii", "0.sizeT=3", "0.timeIncrementMs=500"), null);
        assertArrayEquals(new double[] {0, 0.5, 1.0}, ti.timesS(), 1e-12);
        assertEquals("BioFormatsTimeIncrement", ti.metadata().timingSource());
        CineLoop fps = open(recording("video.mov", "0.sizeT=3", "0.frameRate=25 fps"), null);
        assertArrayEquals(new double[] {0, 0.04, 0.08}, fps.timesS(), 1e-12);
        assertEquals("BioFormatsFrameRate", fps.metadata().timingSource());
    }

    @Test
    void theTimeSeriesIsChosenNotSeriesZero() throws Exception {
        Path p = recording("slide.vsi", "series=2", "0.name=overview", "0.sizeX=8", "1.name=cine", "1.sizeT=3",
                "1.timeIncrementMs=100");
        CineLoop l = open(p, null);
        assertEquals(3, l.frameCount());
        assertEquals("2", l.metadata().tags().get("series"));
        assertEquals("longest-time-series", l.metadata().tags().get("seriesChoice"));
        assertEquals(v(1, 2, 5), l.frame(2)[5]);
        assertEquals(List.of("1:0", "1:1", "1:2"), FakeBioFormats.reads(fake));
    }

    @Test
    void channelsAndZAreChoicesAndPlanesFollowTheDimensionOrder() throws Exception {
        Path p = recording("two.czi", "0.sizeC=2", "0.sizeZ=2", "0.sizeT=3", "0.order=XYCZT",
                "0.channelNames=BF,CEUS");
        InputException e = assertThrows(InputException.class, () -> open(p, null));
        assertEquals(p + ": 2 channels (1 \"BF\", 2 \"CEUS\"): choose one with --channel N (ImageJ: channel=N)",
                e.getMessage());
        CineLoop l = open(p, new PlaneSelection(null, 2, 2, null));
        // XYCZT: index = c + 2 (z + 2 t) with c = 1, z = 1
        assertEquals(List.of("0:3", "0:7", "0:11"), FakeBioFormats.reads(fake));
        assertEquals(v(0, 7, 0), l.frame(1)[0]);
        assertEquals("CEUS", l.metadata().tags().get("channelName"));
    }

    @Test
    void anInvertedPaletteIsAppliedAndSignedTypesAreShifted() throws Exception {
        CineLoop pal = open(recording("pal.gif", "0.sizeT=2", "0.lut=inverted"), null);
        assertEquals(255 - v(0, 1, 3), pal.frame(1)[3], 1e-3);
        assertEquals("indexed", pal.metadata().photometric());
        CineLoop falseColour = open(recording("fc.tif.lif", "0.sizeT=2", "0.lut=inverted", "0.falseColor=true"), null);
        assertEquals(v(0, 1, 3), falseColour.frame(1)[3]);
        // int16 big endian: bytes (16i + 2k, 16i + 2k + 1) -> signed short + 32768
        CineLoop s16 = open(recording("s16.ics", "0.sizeT=2", "0.pixelType=2"), null);
        byte hi = (byte) (16 + 2);
        byte lo = (byte) (16 + 3);
        assertEquals((short) ((hi << 8) | (lo & 0xFF)) + 32768f, s16.frame(1)[1]);
        assertEquals(65535, s16.metadata().maxGrey());
        assertEquals("int16", s16.metadata().transferSyntax());
    }

    @Test
    void aLengthThatIsNoLengthInSpaceGivesNoPixelSize() throws Exception {
        CineLoop l = open(recording("px.ome", "0.sizeT=2", "0.physicalSizeUm=3", "0.physicalUnit=pixel"), null);
        assertNull(l.pixelSizeMm());
    }

    @Test
    void bioFormatsReadsWhatOurTiffReaderClaimsButCannotRead() throws Exception {
        Path p = recording("odd.tif", "II*\u0000", "0.sizeT=2", "0.timeIncrementMs=250");
        CineLoop l = open(p, null);
        assertEquals("BioFormats", l.metadata().format());
        assertArrayEquals(new double[] {0, 0.25}, l.timesS(), 1e-12);
        // without Bio-Formats, our own error
        InputException e = assertThrows(InputException.class, () -> LoopReader.open(p, LoadOptions.NONE));
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("Bio-Formats:"), e.getMessage());
    }

    @Test
    void whenBothFailOurErrorIsReportedWithBioFormatsInBrackets() throws Exception {
        Path p = recording("bad.tif", "II*\u0000", "fail=true");
        InputException e = assertThrows(InputException.class, () -> open(p, null));
        assertTrue(e.getMessage().contains("(Bio-Formats: Bio-Formats cannot read it: fake reader cannot read "),
                e.getMessage());
        assertTrue(FakeBioFormats.closed(fake));
    }

    @Test
    void slf4jWarningsStayOffTheConsoleOtherLinesPass() throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            open(recording("quiet.ome", "0.sizeT=2"), null);
            System.err.flush();
        } finally {
            System.setErr(saved);
        }
        assertEquals("fake reader: a line that is not SLF4J's\n", captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void plainImageJThePluginLoaderSeesBioFormatsTheContextLoaderDoesNot() {
        ClassLoader app = getClass().getClassLoader();
        assertFalse(BioFormatsReader.available(app));
        assertTrue(BioFormatsReader.available(fake));
        assertSame(fake, BioFormatsReader.loader(fake, app), "plugin loader first");
        assertSame(fake, BioFormatsReader.loader(app, fake), "then the context loader");
        assertSame(app, BioFormatsReader.loader(app, app));
        assertSame(app, BioFormatsReader.loader(app, null));
    }
}
