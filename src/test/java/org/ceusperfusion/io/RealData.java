package org.ceusperfusion.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.ceusperfusion.cine.CineLoop;

/**
 * The real test files bundled in the repository under {@code test-data/real/} (see its README.md).
 * Files that compress well are stored as byte-identical {@code .gz} copies and expanded once per build
 * into {@code target/real-data/}; callers always get the path of the plain file.
 */
public final class RealData {
    /** The eight re-encodings of the real echo cine in {@code dicom-us/derived/}. */
    public static final List<String> ECHO_VARIANTS = List.of("jpegbaseline-ybr422", "jpegbaseline-ybrfull",
            "jpeglossless-rgb", "raw-mono2-frametime", "raw-mono2-frametimevector", "raw-palette", "raw-rgb", "rle-rgb");
    /** The real echo cine as video files in {@code echo-video/}. */
    public static final List<String> VIDEOS = List.of("echo_h264.mp4", "echo_mjpeg.avi", "echo_mpeg4part2.avi",
            "echo_png.avi", "echo_raw_bgr24.avi", "echo_raw_gray8.avi");

    private RealData() {
    }

    private static Path projectDir() {
        return Path.of(System.getProperty("ceus.projectDir", ".")).toAbsolutePath().normalize();
    }

    /** @return the bundled corpus folder, {@code <project>/test-data/real} */
    public static Path dir() {
        return projectDir().resolve("test-data").resolve("real");
    }

    /**
     * @param relative path inside {@code test-data/real}, e.g. {@code dicom-us/ExplVR_BigEnd.dcm}
     * @return the file itself, or its expansion from the bundled {@code .gz} copy
     */
    public static synchronized Path file(String relative) {
        Path plain = dir().resolve(relative);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = dir().resolve(relative + ".gz");
        if (!Files.isRegularFile(gz)) {
            throw new IllegalStateException("real test file missing from the repository: " + plain);
        }
        Path out = projectDir().resolve("target").resolve("real-data").resolve(relative);
        try {
            if (Files.isRegularFile(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(gz)) >= 0) {
                return out;
            }
            Files.createDirectories(out.getParent());
            Path tmp = Files.createTempFile(out.getParent(), out.getFileName().toString(), ".part");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot expand " + gz, e);
        }
    }

    public static Path dicom(String name) {
        return file("dicom-us/" + name);
    }

    public static Path echo(String variant) {
        return dicom("derived/US-PAL-8-10x-echo_" + variant + ".dcm");
    }

    public static Path video(String name) {
        return file("echo-video/" + name);
    }

    static double mean(float[] f) {
        double s = 0;
        for (float v : f) {
            s += v;
        }
        return s / f.length;
    }

    static double maxAbsDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /** Reference of the echo cine (real-data/README.md): 10 frames, 600 wide, 430 high, frame-1 luminance 15.14. */
    static final double ECHO_FRAME1_MEAN = 15.14;

    static double frame1Mean(CineLoop loop) {
        return mean(loop.frame(0));
    }
}
