package org.ceusperfusion.batch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.ceusperfusion.InputException;

/**
 * An exclusive lock on one batch summary, so that two {@code ceus batch} runs writing the same summary
 * (the same {@code --out}, shard and {@code --summary}) never race: the second refuses at once.
 *
 * <p>The lock is an operating-system file lock ({@link FileChannel#tryLock()}) on the empty file
 * {@code .<summary name>.lock} next to the summary. The operating system releases it when the process
 * ends, however it ends, so a crashed or killed run never leaves it stuck; the empty file itself may
 * stay behind and is harmless. Runs with different summaries (shards, Snakemake's per-item runs) lock
 * different files and proceed side by side.
 */
public final class BatchLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private BatchLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @return the lock file guarding {@code summary} */
    public static Path lockFile(Path summary) {
        Path abs = summary.toAbsolutePath();
        return abs.resolveSibling("." + abs.getFileName() + ".lock");
    }

    /**
     * Takes the lock of {@code summary}, creating its folder when needed.
     *
     * @param summary the summary file the run will write
     * @return the held lock; close it when the run has written its summary
     * @throws InputException when another run (in this or another process) holds the lock, or the
     *                        lock file cannot be created
     */
    public static BatchLock acquire(Path summary) {
        Path file = lockFile(summary);
        FileChannel ch = null;
        try {
            Files.createDirectories(file.getParent());
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = ch.tryLock();
            if (l != null) {
                return new BatchLock(ch, l);
            }
        } catch (OverlappingFileLockException held) {
            // held by another run inside this JVM: refused below
        } catch (IOException e) {
            closeQuietly(ch);
            throw new InputException(file.toString(), "cannot create the batch lock file: " + e.getMessage());
        }
        closeQuietly(ch);
        throw new InputException(summary.toAbsolutePath().toString(), "another ceus batch run is writing this summary"
                + " (lock " + file.getFileName() + " is held); wait for it to finish or use another --out");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel close below releases it as well
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing to release
            }
        }
    }
}
