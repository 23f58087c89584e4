package org.ceusperfusion.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes files so that nothing half-written is ever visible under a final name.
 *
 * <p>Each file is first written to a hidden temporary file {@code .<name>.tmp-<random>} in the same
 * folder, flushed and closed, then renamed onto its final name ({@link StandardCopyOption#ATOMIC_MOVE},
 * falling back to {@link StandardCopyOption#REPLACE_EXISTING} where the file system cannot move atomically).
 *
 * <p>{@link #writeAll(Path, Map)} writes a <em>set</em> of outputs: every temporary file is written
 * first; only when all succeeded are they renamed, one after the other. When any write fails, every
 * temporary file is deleted and no final name is touched. Should a rename fail (a rare file-system
 * error), the files already renamed in this call are deleted again, so the set is either complete or
 * absent.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /** Produces the bytes of one output file. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the stream to write to; closed by the caller
         * @throws IOException when writing fails (the output is then discarded)
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes one file atomically.
     *
     * @param target  final path; its parent folder is created when missing
     * @param content the producer of the bytes
     * @throws IOException when writing or renaming fails; no file is left under {@code target} then
     *                     (an earlier file of that name is kept)
     */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Map<String, Content> one = new LinkedHashMap<>();
        one.put(target.getFileName().toString(), content);
        writeAll(dir, one);
    }

    /**
     * Writes a set of files into {@code dir}: all of them appear, or none.
     *
     * @param dir   output folder, created when missing
     * @param files file name (no folder) → producer of its bytes, written in iteration order
     * @throws IOException when any file cannot be written; no temporary file is left behind
     */
    public static void writeAll(Path dir, Map<String, Content> files) throws IOException {
        Files.createDirectories(dir);
        List<Path> temps = new ArrayList<>();
        List<Path> targets = new ArrayList<>();
        try {
            for (Map.Entry<String, Content> e : files.entrySet()) {
                Path target = dir.resolve(checkName(e.getKey()));
                Path tmp = createTemp(dir, e.getKey());
                temps.add(tmp);
                targets.add(target);
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                    e.getValue().writeTo(out);
                }
            }
        } catch (IOException | RuntimeException | Error ex) {
            deleteQuietly(temps, ex);
            throw ex;
        }
        commit(temps, targets);
    }

    /** Creates {@code .<name>.tmp-<random>} with the folder's default permissions (umask), unlike createTempFile. */
    private static Path createTemp(Path dir, String name) throws IOException {
        while (true) {
            String suffix = Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
            try {
                return Files.createFile(dir.resolve("." + name + ".tmp-" + suffix));
            } catch (FileAlreadyExistsException retry) {
                // another writer picked the same suffix: draw again
            }
        }
    }

    private static void commit(List<Path> temps, List<Path> targets) throws IOException {
        List<Path> done = new ArrayList<>();
        try {
            for (int i = 0; i < temps.size(); i++) {
                move(temps.get(i), targets.get(i));
                done.add(targets.get(i));
            }
        } catch (IOException | RuntimeException ex) {
            deleteQuietly(temps, ex);
            deleteQuietly(done, ex);
            throw ex;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String checkName(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..")) {
            throw new IllegalArgumentException("not a plain file name: '" + name + "'");
        }
        return name;
    }

    private static void deleteQuietly(List<Path> paths, Throwable cause) {
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
