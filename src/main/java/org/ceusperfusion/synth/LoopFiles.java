package org.ceusperfusion.synth;

import java.io.IOException;
import java.nio.file.Path;

import org.ceusperfusion.cine.CineLoop;

/**
 * Writes synthetic loops to files, with their {@code <name>.truth.json} sidecar. Every file is
 * written under a temporary name and renamed at the end.
 *
 * <pre>{@code
 * SyntheticTruth truth = LoopFiles.writeLoop(spec, LoopFormat.DICOM, Path.of("out/baseline.dcm"));
 * // writes out/baseline.dcm and out/baseline.truth.json
 * }</pre>
 */
public final class LoopFiles {

    private LoopFiles() {
    }

    /**
     * Generates the loop of {@code spec} and writes it with its truth sidecar beside it
     * ({@code <file stem>.truth.json}).
     *
     * @param spec   what to generate; {@code maxGrey} must be 255
     * @param format the file format
     * @param path   the loop file to write
     * @return the truth written
     * @throws IOException when a file cannot be written
     */
    public static SyntheticTruth writeLoop(SyntheticLoopSpec spec, LoopFormat format, Path path) throws IOException {
        SyntheticLoop s = SyntheticLoopGenerator.generate(spec);
        write(s, format, path);
        String file = path.getFileName().toString();
        TruthJson.write(s.truth(), file, format, truthPath(path));
        return s.truth();
    }

    /**
     * Writes an already generated loop (no sidecar).
     *
     * @throws IllegalArgumentException when the loop is not 8-bit ({@code maxGrey} ≠ 255)
     */
    public static void write(SyntheticLoop s, LoopFormat format, Path path) throws IOException {
        SyntheticLoopSpec spec = s.truth().spec();
        if (spec.maxGrey() != 255) {
            throw new IllegalArgumentException("the file writers need 8-bit loops (maxGrey 255), not " + spec.maxGrey());
        }
        CineLoop loop = s.loop();
        double dt = spec.timing().intervalS();
        boolean irregular = !spec.timing().isRegular();
        switch (format) {
            case DICOM -> AtomicFile.write(path, tmp -> DicomLoopWriter.write(loop, spec, tmp));
            case TIFF -> AtomicFile.write(path, tmp -> ImageJLoopWriter.writeTiff(loop, dt, irregular, tmp));
            case AVI_MJPEG -> AtomicFile.write(path, tmp -> ImageJLoopWriter.writeAvi(loop, dt, true, tmp));
            case AVI_RAW -> AtomicFile.write(path, tmp -> ImageJLoopWriter.writeAvi(loop, dt, false, tmp));
            case OME_TIFF -> OmeTiffWriter.write(path, new CineLoop[][] {{loop}}, OmeTiffWriter.Layout.DEFAULT);
            default -> throw new IllegalStateException(format.toString());
        }
    }

    /** @return the sidecar path {@code <stem>.truth.json} beside a loop file */
    public static Path truthPath(Path loopFile) {
        String n = loopFile.getFileName().toString();
        int dot = n.lastIndexOf('.');
        String stem = dot > 0 ? n.substring(0, dot) : n;
        return loopFile.resolveSibling(stem + ".truth.json");
    }

    /** Grey values 0..255 as unsigned bytes (values are rounded and clamped). */
    static byte[] bytes(float[] grey) {
        byte[] b = new byte[grey.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Math.max(0, Math.min(255, Math.round(grey[i])));
        }
        return b;
    }
}
