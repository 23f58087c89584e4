package org.ceusperfusion.maps;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.ceusperfusion.io.LoopReader;

/**
 * Work a {@code ceus map} run overlaps with reading the loop (which uses one core): the file's SHA-256
 * (provenance for {@code map.json}) and then the start-up of Java2D, its fonts and the PNG and TIFF
 * encoders that {@link MapWriter} needs at the end, on one background daemon thread.
 *
 * <pre>{@code
 * MapPrelude prelude = MapPrelude.start(path);
 * CineLoop loop = LoopReader.open(path, options);      // meanwhile: hashing, then warming up
 * ...
 * InputInfo input = InputInfo.of(loop, prelude.sha256());
 * }</pre>
 */
public final class MapPrelude {
    private final CompletableFuture<String> sha;

    private MapPrelude(CompletableFuture<String> sha) {
        this.sha = sha;
    }

    /**
     * Starts hashing {@code loopFile}, then warming up the output encoders, on a daemon thread.
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
            MapWriter.warmUp();
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
