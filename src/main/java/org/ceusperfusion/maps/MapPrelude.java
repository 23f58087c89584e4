package org.ceusperfusion.maps;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.ceusperfusion.io.LoopReader;

/**
 * Work a {@code ceus map} run overlaps with reading the loop (which uses one core): the file's SHA-256
 * (provenance for {@code map.json}) and then the start-up of Java2D, its fonts and the PNG and TIFF
 * encoders that {@link MapWriter} needs at the end, on one background daemon thread; the CLI starts the
 * warm-up earlier still, while it parses the command line ({@link #warmUpOutputs}).
 *
 * <pre>{@code
 * MapPrelude prelude = MapPrelude.start(path);
 * CineLoop loop = LoopReader.open(path, options);      // meanwhile: hashing, then warming up
 * ...
 * InputInfo input = InputInfo.of(loop, prelude.sha256());
 * }</pre>
 */
public final class MapPrelude {
    /** Whether the output encoders' warm-up has been started in this JVM (it runs once). */
    private static final java.util.concurrent.atomic.AtomicBoolean WARMING =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final CompletableFuture<String> sha;

    private MapPrelude(CompletableFuture<String> sha) {
        this.sha = sha;
    }

    /**
     * Starts warming up the output encoders (Java2D, fonts, PNG and TIFF) on a daemon thread, before the
     * loop's name is known: the CLI calls it first thing for {@code ceus map}, so the warm-up uses the second
     * core while picocli builds its model of the command (≈ 0.25 s on one core) rather than while the map's
     * threads want both. Does nothing when the warm-up has already been started.
     */
    public static void warmUpOutputs() {
        if (WARMING.compareAndSet(false, true)) {
            Thread th = new Thread(MapWriter::warmUp, "ceus-map-warm-up");
            th.setDaemon(true);
            th.start();
        }
    }

    /**
     * Starts hashing {@code loopFile}, then warming up the output encoders (unless {@link #warmUpOutputs} has
     * started that already), on a daemon thread.
     *
     * @param loopFile the loop's file
     * @return the running prelude
     */
    public static MapPrelude start(Path loopFile) {
        CompletableFuture<String> sha = new CompletableFuture<>();
        Thread th = new Thread(() -> {
            try {
                sha.complete(LoopReader.sha256(loopFile));
            } catch (RuntimeException | Error e) {
                sha.completeExceptionally(e);
            }
            if (WARMING.compareAndSet(false, true)) {
                MapWriter.warmUp();
            }
        }, "ceus-map-prelude");
        th.setDaemon(true);
        th.start();
        return new MapPrelude(sha);
    }

    /**
     * @return the SHA-256 of the loop's file (hex), waiting for it if needed
     * @throws org.ceusperfusion.InputException when the file could not be read
     */
    public String sha256() {
        try {
            return sha.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing the loop", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
