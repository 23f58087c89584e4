package org.ceusperfusion.io;

import static org.ceusperfusion.io.DicomDictionary.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ceusperfusion.cine.CineLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loops larger than the memory budget are decoded frame by frame, with the same values as in memory. */
class StreamingTest {
    @TempDir
    Path tmp;

    /** Generator truth: grey value of pixel (x, y) of frame f. */
    private static int value(int f, int x, int y) {
        return (f * 3 + x + 2 * y) & 0xFF;
    }

    private static byte[] frame(int f, int w, int h) {
        byte[] b = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b[y * w + x] = (byte) value(f, x, y);
            }
        }
        return b;
    }

    private static DicomBuilder header(TransferSyntax ts, int w, int h, int frames) {
        return new DicomBuilder(ts).us(SAMPLES_PER_PIXEL, 1).str(PHOTOMETRIC, "CS", "MONOCHROME2")
                .us(ROWS, h).us(COLUMNS, w).str(NUMBER_OF_FRAMES, "IS", Integer.toString(frames))
                .us(BITS_ALLOCATED, 8).us(BITS_STORED, 8).us(HIGH_BIT, 7).str(FRAME_TIME, "DS", "50");
    }

    /** PackBits literal runs only: one RLE segment per frame. */
    private static byte[] rle(byte[] plane) {
        ByteArrayOutputStream seg = new ByteArrayOutputStream();
        for (int i = 0; i < plane.length; i += 128) {
            int n = Math.min(128, plane.length - i);
            seg.write(n - 1);
            seg.write(plane, i, n);
        }
        if (seg.size() % 2 == 1) {
            seg.write(0x80);
        }
        ByteBuffer hdr = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(64);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(hdr.array());
        out.writeBytes(seg.toByteArray());
        return out.toByteArray();
    }

    private Path write(String name, byte[] data) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, data);
        return p;
    }

    @Test
    void nativeLoopAboveTheBudgetIsStreamedWithTheGeneratorsValues() throws IOException {
        int w = 64;
        int h = 48;
        int n = 40;
        ByteArrayOutputStream px = new ByteArrayOutputStream();
        for (int f = 0; f < n; f++) {
            px.writeBytes(frame(f, w, h));
        }
        Path p = write("native.dcm", header(TransferSyntax.EXPLICIT_LE, w, h, n).raw(PIXEL_DATA, "OB",
                px.toByteArray()).build());
        long budget = 3L * w * h * Float.BYTES;
        CineLoop streamed = LoopReader.open(p, LoadOptions.NONE, budget);
        assertEquals("streamed", streamed.metadata().tags().get("frames"));
        assertEquals("memory", LoopReader.open(p, LoadOptions.NONE).metadata().tags().get("frames"));
        assertArrayEquals(CineLoop.regularTimes(n, 0.05), streamed.timesS(), 1e-12);
        for (int f = 0; f < n; f++) {
            float[] g = streamed.frame(f);
            for (int i = 0; i < g.length; i += 97) {
                assertEquals(value(f, i % w, i / w), g[i], "frame " + f + " pixel " + i);
            }
        }
        assertEquals(value(5, 3, 2), streamed.frame(5)[2 * w + 3], "random access after a full pass");
    }

    @Test
    void rleAndJpegLoopsStreamToTheSameFramesAsInMemory() throws IOException {
        int w = 40;
        int h = 24;
        int n = 12;
        byte[][] rleFrames = new byte[n][];
        for (int f = 0; f < n; f++) {
            rleFrames[f] = rle(frame(f, w, h));
        }
        Path rle = write("rle.dcm", header(TransferSyntax.RLE, w, h, n).encapsulated(rleFrames).build());
        byte[][] jpegFrames = new byte[n][];
        for (int f = 0; f < n; f++) {
            jpegFrames[f] = jpeg(frame(f, w, h), w, h);
        }
        Path jpg = write("jpeg.dcm", header(TransferSyntax.JPEG_BASELINE, w, h, n).encapsulated(jpegFrames).build());
        long budget = 2L * w * h * Float.BYTES;
        for (Path p : List.of(rle, jpg)) {
            CineLoop s = LoopReader.open(p, LoadOptions.NONE, budget);
            CineLoop m = LoopReader.open(p, LoadOptions.NONE);
            assertEquals("streamed", s.metadata().tags().get("frames"));
            for (int f = n - 1; f >= 0; f--) {
                assertArrayEquals(m.frame(f), s.frame(f), p + " frame " + f);
            }
        }
        CineLoop r = LoopReader.open(rle, LoadOptions.NONE, budget);
        assertEquals(value(7, 5, 9), r.frame(7)[9 * w + 5], "RLE is lossless");
    }

    private static byte[] jpeg(byte[] grey, int w, int h) throws IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, w, h, grey);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(javax.imageio.ImageIO.write(img, "jpeg", out));
        return out.toByteArray();
    }

    /**
     * A 200 MiB native loop (800 MiB of decoded frames) is analysed in a separate JVM with a 160 MiB
     * heap: one pass of the time-intensity extraction gives the generator's frame means.
     */
    @Test
    void loopFiveTimesTheHeapIsAnalysedInOnePassInASmallJvm() throws Exception {
        int w = 512;
        int h = 512;
        int n = 800;
        Path p = tmp.resolve("big.dcm");
        byte[] head = header(TransferSyntax.EXPLICIT_LE, w, h, n).build();
        try (OutputStream out = Files.newOutputStream(p)) {
            out.write(head);
            ByteBuffer el = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            el.putShort((short) 0x7FE0).putShort((short) 0x0010).put("OB".getBytes(StandardCharsets.US_ASCII))
                    .putShort((short) 0).putInt(w * h * n);
            out.write(el.array());
            for (int f = 0; f < n; f++) {
                out.write(frame(f, w, h));
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx160m", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), StreamingProbe.class.getName(), p.toString()));
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(proc.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, proc.exitValue(), out);
        assertTrue(out.contains("frames=" + n + " mode=streamed"), out);
        String[] means = out.substring(out.indexOf("means=") + 6).strip().split(",");
        assertEquals(n, means.length);
        for (int f = 0; f < n; f += 37) {
            double truth = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    truth += value(f, x, y);
                }
            }
            assertEquals(truth / (w * h), Double.parseDouble(means[f]), 1e-6, "frame " + f);
        }
    }
}
