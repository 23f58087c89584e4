package org.ceusperfusion.io;

import static org.junit.jupiter.api.Assertions.*;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of every reader: real samples (DICOM native, RLE, JPEG baseline and lossless, palette,
 * AVI MJPEG/PNG/Y800, H.264 MP4) and a TIFF written in the test are truncated, bit-flipped, given bogus
 * lengths and bogus tags/chunk ids. Each case must give a valid loop (every frame readable, of the right
 * size) or an {@link InputException} naming the file in one line, within 5 s. Every third case runs with a
 * one-byte memory budget, so the memory-mapped, decode-on-demand paths are fuzzed too.
 */
class FuzzTest {
    private static final long SEED = 20251127L;
    private static final int CASE_TIMEOUT_S = 5;

    @TempDir
    Path tmp;

    /** A sample and how many mutated copies of it are tried (cheaper files get more cases). */
    record Sample(String name, byte[] bytes, int cases) {
    }

    private List<Sample> samples() throws IOException {
        List<Sample> s = new ArrayList<>();
        s.add(dicom("SC_rgb_2frame.dcm", 120));
        s.add(dicom("ExplVR_BigEnd.dcm", 150));
        s.add(dicom("SC_ybr_full_422_uncompressed.dcm", 80));
        s.add(dicom("SC_rgb_rle_2frame.dcm", 180));
        s.add(dicom("OBXXXX1A_rle_2frame.dcm", 60));
        s.add(dicom("SC_rgb_jpeg_dcmtk.dcm", 170));
        s.add(dicom("SC_rgb_dcmtk_+eb+cy+s2.dcm", 80));
        s.add(dicom("gdcm-US-ALOKA-16.dcm", 40));
        s.add(new Sample("palette.dcm", Files.readAllBytes(RealData.echo("raw-palette")), 20));
        s.add(new Sample("lossless.dcm", Files.readAllBytes(RealData.echo("jpeglossless-rgb")), 12));
        s.add(new Sample("mjpeg.avi", Files.readAllBytes(RealData.video("echo_mjpeg.avi")), 35));
        s.add(new Sample("png.avi", Files.readAllBytes(RealData.video("echo_png.avi")), 30));
        s.add(new Sample("gray8.avi", Files.readAllBytes(RealData.video("echo_raw_gray8.avi")), 12));
        s.add(new Sample("h264.mp4", Files.readAllBytes(RealData.video("echo_h264.mp4")), 25));
        s.add(new Sample("stack.tif", tiff(), 100));
        return s;
    }

    private static Sample dicom(String name, int cases) throws IOException {
        return new Sample(name, Files.readAllBytes(RealData.dicom(name)), cases);
    }

    private byte[] tiff() throws IOException {
        ImageStack st = new ImageStack(32, 24);
        for (int f = 0; f < 4; f++) {
            ByteProcessor bp = new ByteProcessor(32, 24);
            bp.setValue(40 * f);
            bp.fill();
            st.addSlice("t=" + (0.1 * f) + " s", bp);
        }
        Path p = tmp.resolve("base.tif");
        assertTrue(new FileSaver(new ImagePlus("t", st)).saveAsTiffStack(p.toString()));
        return Files.readAllBytes(p);
    }

    @Test
    void mutatedSamplesGiveAValidLoopOrAnInputExceptionWithinFiveSeconds() throws Exception {
        Random rnd = new Random(SEED);
        List<Sample> samples = samples();
        int total = samples.stream().mapToInt(Sample::cases).sum();
        assertTrue(total >= 1000, "case count " + total);
        for (Sample s : samples) {
            // the unmutated samples are valid loops; reading them first also loads the decoders' classes
            Path p = tmp.resolve("original-" + s.name());
            Files.write(p, s.bytes());
            assertTrue(openAndReadAll(p, MemoryGuard.defaultBudget()), s.name());
            Files.delete(p);
        }
        ExecutorService exec = Executors.newSingleThreadExecutor(daemon());
        int valid = 0;
        int refused = 0;
        List<String> failures = new ArrayList<>();
        try {
            for (Sample s : samples) {
                for (int c = 0; c < s.cases(); c++) {
                    Mutation m = mutate(s.bytes(), rnd);
                    Path p = tmp.resolve(c + "-" + s.name());
                    Files.write(p, m.bytes());
                    String what = s.name() + " case " + c + " (" + m.label() + ")";
                    // every third case with a 1-byte budget: mapped file, frames decoded on demand
                    long budget = c % 3 == 0 ? 1 : MemoryGuard.defaultBudget();
                    Future<Boolean> f = exec.submit(() -> openAndReadAll(p, budget));
                    try {
                        if (f.get(CASE_TIMEOUT_S, TimeUnit.SECONDS)) {
                            valid++;
                        } else {
                            refused++;
                        }
                    } catch (TimeoutException e) {
                        f.cancel(true);
                        failures.add(what + ": no answer within " + CASE_TIMEOUT_S + " s");
                        Files.copy(p, Path.of(System.getProperty("java.io.tmpdir"), "fuzz-timeout-" + p.getFileName()),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        exec.shutdownNow();
                        exec = Executors.newSingleThreadExecutor(daemon());
                    } catch (ExecutionException e) {
                        failures.add(what + ": " + e.getCause());
                    }
                    Files.delete(p);
                }
            }
        } finally {
            exec.shutdownNow();
        }
        System.out.printf("fuzz: %d cases, %d valid loops, %d InputExceptions%n", total, valid, refused);
        assertEquals(List.of(), failures);
        assertEquals(total, valid + refused);
        assertTrue(refused > total / 4, "many mutations are detected: " + refused + " of " + total);
        assertTrue(valid > total / 20, "harmless mutations still give loops: " + valid + " of " + total);
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        };
    }

    /** @return true for a valid loop, false for an InputException naming the file; other errors propagate */
    private static boolean openAndReadAll(Path p, long budget) {
        try {
            CineLoop loop = LoopReader.open(p, LoadOptions.NONE, budget);
            assertTrue(loop.frameCount() >= 1);
            for (int i = 0; i < loop.frameCount(); i++) {
                assertEquals(loop.width() * loop.height(), loop.frame(i).length);
            }
            return true;
        } catch (InputException e) {
            assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            return false;
        }
    }

    record Mutation(byte[] bytes, String label) {
    }

    /** Truncation, bit flips, a bogus 32-bit length, or a bogus tag / chunk id; mostly in the first 4 KiB. */
    static Mutation mutate(byte[] base, Random rnd) {
        int header = Math.min(base.length, 4096);
        byte[] m = base.clone();
        switch (rnd.nextInt(4)) {
            case 0: {
                int cut = rnd.nextBoolean() ? rnd.nextInt(header) : rnd.nextInt(base.length);
                return new Mutation(Arrays.copyOf(base, cut), "truncated to " + cut);
            }
            case 1: {
                int flips = 1 + rnd.nextInt(6);
                for (int i = 0; i < flips; i++) {
                    int at = rnd.nextInt(4) == 0 ? rnd.nextInt(base.length) : rnd.nextInt(header);
                    m[at] ^= (byte) (1 << rnd.nextInt(8));
                }
                return new Mutation(m, flips + " bit flips");
            }
            case 2: {
                int at = rnd.nextInt(Math.max(1, header - 4)) & ~1;
                int[] lengths = {-1, 0x7FFFFFF0, 0x10000000, rnd.nextInt(), rnd.nextInt(64), 0xFFFFFFF0};
                int v = lengths[rnd.nextInt(lengths.length)];
                put32(m, at, v);
                return new Mutation(m, "length " + Integer.toUnsignedString(v) + " at " + at);
            }
            default: {
                int at = rnd.nextInt(Math.max(1, header - 4)) & ~1;
                int[] tags = {0x7FE00010, 0xFFFEE000, 0xFFFEE0DD, 0x00280008, 0x00020010, 0x00181065,
                    0x4C495354 /* LIST */, 0x30306463 /* 00dc */, 0x6D6F6F76 /* moov */, rnd.nextInt()};
                int v = tags[rnd.nextInt(tags.length)];
                put32(m, at, rnd.nextBoolean() ? Integer.rotateLeft(v, 16) : v);
                return new Mutation(m, "tag " + Integer.toHexString(v) + " at " + at);
            }
        }
    }

    private static void put32(byte[] m, int at, int v) {
        for (int k = 0; k < 4 && at + k < m.length; k++) {
            m[at + k] = (byte) (v >>> (8 * k));
        }
    }
}
