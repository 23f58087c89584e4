package org.ceusperfusion.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.Opener;
import ij.measure.Calibration;
import ij.plugin.AVI_Reader;
import ij.plugin.DICOM;

import org.ceusperfusion.cine.CineLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopFilesTest {
    @TempDir
    Path dir;

    /** A small loop: 48×36 px, 20 frames, tumour 20×14. */
    private static SyntheticLoopSpec small(FrameTiming timing) {
        return SyntheticLoopSpec.defaults().withName("small").withSize(48, 36).withTiming(timing)
                .withTumour(Ellipse.ofBox(20, 10, 20, 14), new Ellipse(30, 17, 3, 2))
                .withNormal(Ellipse.ofBox(2, 20, 12, 12), SyntheticLoopSpec.defaults().normalBolus())
                .withSeed(42);
    }

    private static void assertSameFrames(CineLoop loop, ImageStack stack) {
        assertEquals(loop.frameCount(), stack.getSize());
        for (int k = 0; k < loop.frameCount(); k++) {
            assertArrayEquals(LoopFiles.bytes(loop.frame(k)), (byte[]) stack.getPixels(k + 1), "frame " + k);
        }
    }

    @Test
    void tiffReopenedByImageJHasIdenticalPixelsAndCalibration() throws IOException {
        SyntheticLoop s = SyntheticLoopGenerator.generate(small(FrameTiming.regular(8, 20)));
        Path p = dir.resolve("small.tif");
        LoopFiles.write(s, LoopFormat.TIFF, p);
        ImagePlus imp = new Opener().openImage(p.toString());
        assertSameFrames(s.loop(), imp.getStack());
        Calibration cal = imp.getCalibration();
        assertEquals(0.125, cal.frameInterval, 1e-12);
        assertEquals(8, cal.fps, 1e-9);
        assertEquals(0.5, cal.pixelWidth, 1e-12);
        assertEquals("mm", cal.getUnit());
        assertEquals(20, imp.getNFrames());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void singleFrameTiffIsWrittenToo() throws IOException {
        SyntheticLoop s = SyntheticLoopGenerator.generate(small(FrameTiming.regular(8, 1)));
        Path p = dir.resolve("one.tif");
        LoopFiles.write(s, LoopFormat.TIFF, p);
        assertSameFrames(s.loop(), new Opener().openImage(p.toString()).getStack());
    }

    @Test
    void tiffOfIrregularLoopLabelsEverySliceWithItsTime() throws IOException {
        SyntheticLoop s = SyntheticLoopGenerator.generate(small(new FrameTiming(8, 30, 0.3, 0.2)));
        Path p = dir.resolve("irregular.tif");
        LoopFiles.write(s, LoopFormat.TIFF, p);
        ImagePlus imp = new Opener().openImage(p.toString());
        assertSameFrames(s.loop(), imp.getStack());
        for (int k = 0; k < s.loop().frameCount(); k++) {
            String label = imp.getStack().getSliceLabel(k + 1);
            assertTrue(label.matches("t=\\d+\\.\\d{4} s"), label);
            assertEquals(s.loop().timeS(k), Double.parseDouble(label.substring(2, label.length() - 2)), 1e-9);
        }
    }

    @Test
    void dicomHasValidStructureAndImageJReadsIdenticalPixels() throws IOException {
        SyntheticLoop s = SyntheticLoopGenerator.generate(small(FrameTiming.regular(4, 21)));
        Path p = dir.resolve("small.dcm");
        LoopFiles.write(s, LoopFormat.DICOM, p);
        Map<String, byte[]> e = parse(Files.readAllBytes(p), s.loop());
        assertEquals("250", DicomWalker.text(e.get("00181063")));
        assertFalse(e.containsKey("00181065"));
        assertArrayEquals(new byte[] {0x18, 0, 0x63, 0x10}, e.get("00280009"));
        Map<String, byte[]> region = DicomWalker.walk(DicomWalker.singleItem(e.get("00186011")), 0,
                DicomWalker.singleItem(e.get("00186011")).length);
        assertEquals(0.05, DicomWalker.fd(region.get("0018602C")), 1e-15);
        assertEquals(0.05, DicomWalker.fd(region.get("0018602E")), 1e-15);
        assertEquals(3, DicomWalker.us(region.get("00186024")));
        DICOM d = new DICOM();
        d.open(p.toString());
        assertSameFrames(s.loop(), d.getStack());
        String info = d.getInfo(p.toString());
        assertTrue(info.contains("CEUS Perfusion synthetic"), "manufacturer in ImageJ's header dump");
    }

    @Test
    void dicomOfIrregularLoopStoresFrameTimeVector() throws IOException {
        SyntheticLoop s = SyntheticLoopGenerator.generate(small(new FrameTiming(4, 40, 0.25, 0.15)));
        Path p = dir.resolve("irregular.dcm");
        LoopFiles.write(s, LoopFormat.DICOM, p);
        Map<String, byte[]> e = parse(Files.readAllBytes(p), s.loop());
        assertFalse(e.containsKey("00181063"));
        String[] v = DicomWalker.text(e.get("00181065")).split("\\\\");
        assertEquals(s.loop().frameCount(), v.length);
        double t = 0;
        for (int k = 0; k < v.length; k++) {
            assertTrue(v[k].length() <= 16, "DS value too long: " + v[k]);
            t += Double.parseDouble(v[k]) / 1000;
            assertEquals(s.loop().timeS(k), t, 1e-9, "time of frame " + k);
        }
        DICOM d = new DICOM();
        d.open(p.toString());
        assertSameFrames(s.loop(), d.getStack());
    }

    /** Checks preamble, meta group and data set structure; returns the data-set elements. */
    private static Map<String, byte[]> parse(byte[] f, CineLoop loop) {
        for (int i = 0; i < 128; i++) {
            assertEquals(0, f[i]);
        }
        assertEquals("DICM", new String(f, 128, 4, StandardCharsets.US_ASCII));
        Map<String, byte[]> head = DicomWalker.walk(f, 132, 132 + 12);
        int metaLen = java.nio.ByteBuffer.wrap(head.get("00020000")).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        Map<String, byte[]> meta = DicomWalker.walk(f, 144, 144 + metaLen);
        assertEquals(DicomLoopWriter.EXPLICIT_LE, DicomWalker.text(meta.get("00020010")));
        assertEquals(DicomLoopWriter.US_MULTIFRAME, DicomWalker.text(meta.get("00020002")));
        Map<String, byte[]> e = DicomWalker.walk(f, 144 + metaLen, f.length);
        assertEquals(DicomLoopWriter.US_MULTIFRAME, DicomWalker.text(e.get("00080016")));
        assertEquals(DicomWalker.text(meta.get("00020003")), DicomWalker.text(e.get("00080018")));
        assertTrue(DicomWalker.text(e.get("00080018")).matches("2\\.25\\.\\d{1,39}"));
        assertEquals("CEUS Perfusion synthetic", DicomWalker.text(e.get("00080070")));
        assertEquals("MONOCHROME2", DicomWalker.text(e.get("00280004")));
        assertEquals(loop.frameCount(), Integer.parseInt(DicomWalker.text(e.get("00280008"))));
        assertEquals(loop.height(), DicomWalker.us(e.get("00280010")));
        assertEquals(loop.width(), DicomWalker.us(e.get("00280011")));
        assertEquals(8, DicomWalker.us(e.get("00280100")));
        byte[] px = e.get("7FE00010");
        int n = loop.width() * loop.height() * loop.frameCount();
        assertEquals(n + n % 2, px.length);
        return e;
    }

    @Test
    void aviRawIsLosslessAndMjpegCloseWhenReadByImageJ() throws IOException {
        SyntheticLoop s = SyntheticLoopGenerator.generate(small(FrameTiming.regular(4, 12)));
        Path raw = dir.resolve("raw.avi");
        Path mjpeg = dir.resolve("mjpeg.avi");
        LoopFiles.write(s, LoopFormat.AVI_RAW, raw);
        LoopFiles.write(s, LoopFormat.AVI_MJPEG, mjpeg);
        ImagePlus r = AVI_Reader.open(raw.toString(), false);
        assertSameFrames(s.loop(), r.getStack());
        byte[] head = Files.readAllBytes(raw);
        int microsPerFrame = java.nio.ByteBuffer.wrap(head, 32, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        assertEquals("avih", new String(head, 24, 4, StandardCharsets.US_ASCII));
        assertEquals(250_000, microsPerFrame, "AVI main header: µs per frame at 4 frames/s");
        double[] speckled = mjpegError(s, mjpeg);
        assertTrue(Math.abs(speckled[1]) < 0.5, "MJPEG mean grey bias on speckle " + speckled[1]);
        SyntheticLoop smooth = SyntheticLoopGenerator.generate(small(FrameTiming.regular(4, 12)).noiseFree());
        LoopFiles.write(smooth, LoopFormat.AVI_MJPEG, mjpeg);
        double[] noiseFree = mjpegError(smooth, mjpeg);
        assertTrue(noiseFree[0] < 1, "MJPEG mean absolute error without speckle " + noiseFree[0]);
    }

    /** @return {mean absolute error, mean error} in grey levels of an MJPEG AVI read by ImageJ */
    private static double[] mjpegError(SyntheticLoop s, Path mjpeg) {
        ImagePlus m = AVI_Reader.open(mjpeg.toString(), false);
        assertEquals(s.loop().frameCount(), m.getStackSize());
        double sumAbs = 0;
        double sum = 0;
        int n = 0;
        for (int k = 0; k < s.loop().frameCount(); k++) {
            float[] want = s.loop().frame(k);
            ij.process.ImageProcessor ip = m.getStack().getProcessor(k + 1).convertToByte(false);
            for (int i = 0; i < want.length; i++) {
                sumAbs += Math.abs(ip.get(i) - want[i]);
                sum += ip.get(i) - want[i];
                n++;
            }
        }
        return new double[] {sumAbs / n, sum / n};
    }

    @Test
    void writeLoopWritesTruthSidecarWithEveryValue() throws IOException {
        SyntheticLoopSpec spec = small(new FrameTiming(4, 20, 0.2, 0.1));
        Path p = dir.resolve("sidecar.dcm");
        SyntheticTruth truth = LoopFiles.writeLoop(spec, LoopFormat.DICOM, p);
        Path json = dir.resolve("sidecar.truth.json");
        assertEquals(json, LoopFiles.truthPath(p));
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(TruthJson.SCHEMA, o.get("schema").getAsString());
        assertEquals("sidecar.dcm", o.get("file").getAsString());
        assertEquals(42, o.getAsJsonObject("spec").get("seed").getAsLong());
        assertEquals(truth.timesS().length, o.getAsJsonArray("timesS").size());
        JsonObject t = o.getAsJsonObject("rois").getAsJsonObject("tumour");
        assertEquals(truth.tumour().auc(), t.get("AUC").getAsDouble(), 0);
        assertEquals(truth.tumour().pe(), t.get("PE").getAsDouble(), 0);
        assertEquals(truth.tumour().ttpS(), t.get("TTP").getAsDouble(), 0);
        assertEquals(truth.tumour().mttS(), t.get("mTT").getAsDouble(), 0);
        assertEquals(truth.tumour().nonEnhancingFraction(), t.get("nonEnhancingFraction").getAsDouble(), 0);
        assertEquals("tumour=oval:20,10,20,14", t.get("spec").getAsString());
        assertEquals("a.u.·s", o.getAsJsonObject("units").get("AUC").getAsString());
        assertEquals(truth.roiSpecs().get(1), o.getAsJsonArray("roiSpecs").get(1).getAsString());
    }
}
