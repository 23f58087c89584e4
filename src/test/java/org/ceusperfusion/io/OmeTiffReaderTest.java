package org.ceusperfusion.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;
import org.ceusperfusion.synth.OmeTiffWriter;
import org.ceusperfusion.synth.OmeTiffWriter.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OME-TIFF files written by the project's generator, read back without Bio-Formats: every pixel, every
 * time and the pixel size come back exactly, whatever the layout (classic/BigTIFF, dimension order, DeltaT
 * unit, Plane list order, TiffData per plane, 8/16 bits), and the choices of channel, Z and series are honoured.
 */
class OmeTiffReaderTest {
    @TempDir
    Path tmp;

    /** Irregular times (s, exact in binary-decimal round trips to 1e-12). */
    static final double[] TIMES = {0, 0.1, 0.35, 1.2, 3.2, 3.3, 5.0, 5.75};

    /** A loop whose pixel (x, y) of frame t is {@code (base + 7t + x + 3y) mod 256}: every pixel identifies itself. */
    static CineLoop loop(int base, double[] times, Double pixelSizeMm) {
        int w = 6;
        int h = 4;
        float[][] frames = new float[times.length][w * h];
        for (int t = 0; t < times.length; t++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    frames[t][y * w + x] = (base + 7 * t + x + 3 * y) % 256;
                }
            }
        }
        return new CineLoop(w, h, times, pixelSizeMm, LoopMetadata.simple("mem", "SYNTHETIC", "test"), FrameSource.of(frames));
    }

    private static void assertSamePixels(CineLoop expected, CineLoop actual) {
        assertEquals(expected.frameCount(), actual.frameCount());
        for (int t = 0; t < expected.frameCount(); t++) {
            assertArrayEquals(expected.frame(t), actual.frame(t), "frame " + (t + 1));
        }
    }

    @ParameterizedTest(name = "big {0}, {1}, DeltaT in {2}, shuffled {3}, {4} bits")
    @CsvSource({
        "false, XYZCT, s, false, 8",
        "true, XYZCT, s, false, 8",
        "false, XYTCZ, ms, true, 8",
        "true, XYCTZ, min, true, 16",
        "false, XYTZC, s, true, 16"})
    void everyLayoutGivesThePixelsTimesAndPixelSizeBack(boolean big, String order, String unit, boolean shuffled,
                                                          int bits) throws Exception {
        CineLoop a = loop(0, TIMES, 0.2);
        CineLoop b = loop(100, TIMES, 0.2);
        CineLoop c = loop(200, TIMES, 0.2);
        Path f = tmp.resolve("l.ome.tif");
        OmeTiffWriter.write(f, new CineLoop[][] {{a, b}, {c, a}}, Layout.DEFAULT.withBigTiff(big).withDimensionOrder(order)
                .withDeltaTUnit(unit).withShuffledMetadata(shuffled).withBits(bits));

        CineLoop r = LoopReader.open(f, LoadOptions.NONE.withPlanes(new PlaneSelection(null, 2, 1, null)));
        float scale = bits == 16 ? 257 : 1;
        assertSamePixels(scaled(c, scale), r);
        assertEquals(bits == 16 ? 65535 : 255, r.metadata().maxGrey());
        assertArrayEquals(TIMES, r.timesS(), 1e-12);
        assertEquals(0.2, r.pixelSizeMm(), 1e-15);
        assertEquals("OmeDeltaT", r.metadata().timingSource());
        assertEquals("OME-TIFF", r.metadata().format());
        assertEquals("2", r.metadata().tags().get("channel"));
        assertEquals("1", r.metadata().tags().get("z"));
        assertEquals("OmePhysicalSize", r.metadata().tags().get("pixelSizeSource"));

        CineLoop r2 = LoopReader.open(f, LoadOptions.NONE.withPlanes(new PlaneSelection(null, 1, 2, null)));
        assertSamePixels(scaled(b, scale), r2);
    }

    @Test
    void theFirstDirectoryAloneIsTheFirstOfAll() throws Exception {
        // a classic TIFF is told OME or not from its first IFD only (LoopReader); the rest is read when it is OME
        Path f = tmp.resolve("first.ome.tif");
        OmeTiffWriter.write(f, new CineLoop[][] {{loop(0, TIMES, 0.2), loop(100, TIMES, 0.2)}}, Layout.DEFAULT);
        TiffStructure.Parsed all = TiffStructure.read(f);
        TiffStructure.Parsed first = TiffStructure.readFirst(f);
        assertTrue(all.ifds().size() > 1);
        assertEquals(1, first.ifds().size());
        TiffIfd a = all.ifds().get(0);
        TiffIfd b = first.ifds().get(0);
        assertEquals(a.description(), b.description());
        assertEquals(List.of(a.width(), a.height(), a.bitsPerSample(), a.samples(), a.compression()),
                List.of(b.width(), b.height(), b.bitsPerSample(), b.samples(), b.compression()));
        assertArrayEquals(a.offsets(), b.offsets());
        assertEquals(all.order(), first.order());
        assertTrue(OmeTiffReader.isOme(first));
    }

    private static CineLoop scaled(CineLoop l, float k) {
        float[][] f = new float[l.frameCount()][];
        for (int t = 0; t < f.length; t++) {
            f[t] = l.frame(t).clone();
            for (int i = 0; i < f[t].length; i++) {
                f[t][i] *= k;
            }
        }
        return new CineLoop(l.width(), l.height(), l.timesS(), l.pixelSizeMm(), l.metadata(), FrameSource.of(f));
    }

    @Test
    void sixteenBitsKeepTheirScale() throws Exception {
        CineLoop a = loop(0, TIMES, null);
        Path f = tmp.resolve("l16.ome.tif");
        OmeTiffWriter.write(f, new CineLoop[][] {{a}}, Layout.DEFAULT.withBits(16));
        CineLoop r = LoopReader.open(f, LoadOptions.NONE);
        for (int t = 0; t < a.frameCount(); t++) {
            float[] e = a.frame(t).clone();
            for (int i = 0; i < e.length; i++) {
                e[i] *= 257;
            }
            assertArrayEquals(e, r.frame(t));
        }
        assertNull(r.pixelSizeMm());
        assertNull(r.metadata().tags().get("pixelSizeSource"));
    }

    @Test
    void zNeedsAChoiceOrAProjection() throws Exception {
        CineLoop a = loop(0, TIMES, 0.1);
        CineLoop b = loop(50, TIMES, 0.1);
        Path f = tmp.resolve("z.ome.tif");
        OmeTiffWriter.write(f, new CineLoop[][] {{a, b}}, Layout.DEFAULT);
        InputException e = assertThrows(InputException.class, () -> LoopReader.open(f, LoadOptions.NONE));
        assertEquals(f + ": 2 Z planes per time point: choose one with --z N, or a projection with --z max or --z mean"
                + " (ImageJ: z=N, z=max, z=mean)", e.getMessage());
        CineLoop max = LoopReader.open(f, LoadOptions.NONE.withPlanes(PlaneSelection.parse(null, "max", null, "--")));
        CineLoop mean = LoopReader.open(f, LoadOptions.NONE.withPlanes(PlaneSelection.parse(null, "mean", null, "--")));
        assertEquals("max of 2", max.metadata().tags().get("z"));
        assertEquals("mean of 2", mean.metadata().tags().get("z"));
        for (int t = 0; t < TIMES.length; t++) {
            for (int i = 0; i < a.width() * a.height(); i++) {
                float va = a.frame(t)[i];
                float vb = b.frame(t)[i];
                assertEquals(Math.max(va, vb), max.frame(t)[i]);
                assertEquals((va + vb) / 2, mean.frame(t)[i], 1e-5);
            }
        }
        InputException beyond = assertThrows(InputException.class, () -> LoopReader.open(f,
                LoadOptions.NONE.withPlanes(PlaneSelection.parse(null, "3", null, "--"))));
        assertEquals(f + ": --z 3 is not in the file: it has 2 Z plane(s)", beyond.getMessage());
    }

    @Test
    void theLongestTimeSeriesIsTheDefaultAndTheChoiceIsRecorded() throws Exception {
        CineLoop a = loop(9, TIMES, 0.3);
        Path f = tmp.resolve("ov.ome.tif");
        OmeTiffWriter.write(f, new CineLoop[][] {{a}}, Layout.DEFAULT.withOverview(true).withBigTiff(true));
        CineLoop r = LoopReader.open(f, LoadOptions.NONE);
        assertSamePixels(a, r);
        assertArrayEquals(TIMES, r.timesS(), 1e-12);
        assertEquals("2", r.metadata().tags().get("series"));
        assertEquals("longest-time-series", r.metadata().tags().get("seriesChoice"));
        CineLoop overview = LoopReader.open(f, LoadOptions.NONE.withPlanes(PlaneSelection.parse(null, null, "1", "--")));
        assertEquals(1, overview.frameCount());
        assertArrayEquals(a.frame(0), overview.frame(0));
        assertEquals("option", overview.metadata().tags().get("seriesChoice"));
        InputException e = assertThrows(InputException.class, () -> LoopReader.open(f,
                LoadOptions.NONE.withPlanes(PlaneSelection.parse(null, null, "3", "--"))));
        assertEquals(f + ": --series 3 is not in the file; it holds 2 series: 1 \"overview\" (6x4, 1 channel, 1 Z,"
                + " 1 time point), 2 \"loop\" (6x4, 1 channel, 1 Z, 8 time points)", e.getMessage());
    }

    @Test
    void withoutPlanesTheTimeIncrementRuns() throws Exception {
        CineLoop a = loop(0, TIMES, null);
        Path f = tmp.resolve("ti.ome.tif");
        OmeTiffWriter.write(f, new CineLoop[][] {{a}}, Layout.DEFAULT.withDeltaTUnit(null).withTimeIncrementS(0.5));
        CineLoop r = LoopReader.open(f, LoadOptions.NONE);
        assertEquals("OmeTimeIncrement", r.metadata().timingSource());
        assertArrayEquals(CineLoop.regularTimes(TIMES.length, 0.5), r.timesS(), 1e-12);
        Path g = tmp.resolve("none.ome.tif");
        OmeTiffWriter.write(g, new CineLoop[][] {{a}}, Layout.DEFAULT.withDeltaTUnit(null));
        assertEquals("none", LoopReader.open(g, LoadOptions.NONE).metadata().timingSource());
    }

    @Test
    void aCorruptOrUnsupportedOmeTiffIsOneLineWithoutBioFormats() throws Exception {
        CineLoop a = loop(0, TIMES, null);
        Path f = tmp.resolve("cut.ome.tif");
        OmeTiffWriter.write(f, new CineLoop[][] {{a}}, Layout.DEFAULT);
        byte[] bytes = Files.readAllBytes(f);
        // compression tag (259) value 1 -> 34712 (JPEG-2000) in every IFD: no decoder here
        for (int i = 0; i + 12 <= bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 3 && bytes[i + 1] == 1 && bytes[i + 2] == 3 && bytes[i + 3] == 0
                    && bytes[i + 4] == 1 && bytes[i + 8] == 1 && bytes[i + 9] == 0) {
                bytes[i + 8] = (byte) (34712 & 0xFF);
                bytes[i + 9] = (byte) (34712 >> 8);
            }
        }
        Path j2k = tmp.resolve("j2k.ome.tif");
        Files.write(j2k, bytes);
        InputException e = assertThrows(InputException.class, () -> LoopReader.open(j2k, LoadOptions.NONE));
        assertEquals(j2k + ": TIFF compression JPEG-2000 is not supported here", e.getMessage());
    }

    @Test
    void omeXmlUnitsAndSecureParsing() {
        assertEquals(1e-3, OmeXml.timeUnitS("ms"));
        assertEquals(60.0, OmeXml.timeUnitS("min"));
        assertEquals(1.0, OmeXml.timeUnitS(null));
        assertEquals(1e-3, OmeXml.lengthUnitMm(null));
        assertEquals(1e-6, OmeXml.lengthUnitMm("nm"));
        assertEquals(10.0, OmeXml.lengthUnitMm("cm"));
        assertNull(OmeXml.lengthUnitMm("pixel"));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE OME [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<OME><Image><Pixels SizeX=\"1\" SizeY=\"1\" DimensionOrder=\"XYZCT\">&x;</Pixels></Image></OME>";
        InputException e = assertThrows(InputException.class, () -> OmeXml.parse("f", xxe));
        assertTrue(e.getMessage().startsWith("f: corrupt OME-XML: "), e.getMessage());
        List<OmeXml.Image> ok = OmeXml.parse("f", "<OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\">"
                + "<Image Name=\"n\"><Pixels SizeX=\"4\" SizeY=\"3\" SizeT=\"2\" DimensionOrder=\"XYCZT\""
                + " PhysicalSizeX=\"0.5\" PhysicalSizeXUnit=\"mm\" TimeIncrement=\"250\" TimeIncrementUnit=\"ms\">"
                + "<Plane TheT=\"1\" DeltaT=\"1500\" DeltaTUnit=\"ms\"/></Pixels></Image></OME>");
        SeriesLayout l = ok.get(0).layout();
        assertEquals(0.5, l.pixelSizeXMm());
        assertEquals(0.25, l.timeIncrementS());
        assertEquals(1.5, l.planes().get(0).deltaTS());
        assertEquals(1, l.planes().get(0).theT());
    }

    @Test
    void aRenamedSingleFileOmeTiffStillFindsItsPlanes() throws Exception {
        CineLoop a = loop(3, TIMES, 0.2);
        Path f = tmp.resolve("written.ome.tif");
        OmeTiffWriter.write(f, new CineLoop[][] {{a}}, Layout.DEFAULT.withShuffledMetadata(true));
        Path renamed = Files.move(f, tmp.resolve("renamed.ome.tif"));
        CineLoop r = LoopReader.open(renamed, LoadOptions.NONE);
        assertSamePixels(a, r);
        assertArrayEquals(TIMES, r.timesS(), 1e-12);
    }

    @Test
    void aLatin1MicroSignIsStillMicrometres() {
        byte[] latin1 = "PhysicalSizeXUnit=\"\u00b5m\"".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals("PhysicalSizeXUnit=\"\u00b5m\"", TiffStructure.decode(latin1, latin1.length));
        byte[] utf8 = "\u00b5m".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("\u00b5m", TiffStructure.decode(utf8, utf8.length));
    }

    @Test
    void palettesAndWhiteIsZeroBecomeGreyAsSeen() {
        int[] map = new int[3 * 256];
        for (int i = 0; i < 256; i++) {
            map[i] = map[256 + i] = map[512 + i] = (255 - i) * 257;
        }
        TiffIfd palette = new TiffIfd(3, 1, 8, 1, 1, 1, 3, 1, 1, new long[] {0}, new long[] {3}, map, false, null);
        assertArrayEquals(new float[] {255, 155, 0}, TiffPlaneDecoder.grey(new float[] {0, 100, 255}, palette), 1e-3f);
        assertEquals(255, TiffPlaneDecoder.fullScale(palette));
        TiffIfd whiteIsZero = new TiffIfd(2, 1, 16, 1, 1, 1, 0, 1, 1, new long[] {0}, new long[] {4}, null, false, null);
        assertArrayEquals(new float[] {65535, 0}, TiffPlaneDecoder.grey(new float[] {0, 65535}, whiteIsZero));
        // signed 16-bit little endian: -32768 -> 0, 32767 -> 65535
        TiffIfd signed = new TiffIfd(2, 1, 16, 1, 2, 1, 1, 1, 1, new long[] {0}, new long[] {4}, null, false, null);
        byte[] b = {0, (byte) 0x80, (byte) 0xFF, 0x7F};
        assertArrayEquals(new float[] {0, 65535}, TiffPlaneDecoder.samples(b, signed, java.nio.ByteOrder.LITTLE_ENDIAN));
    }
}
