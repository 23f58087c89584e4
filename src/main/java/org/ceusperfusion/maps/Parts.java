package org.ceusperfusion.maps;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Runs the parts of a job on a pool and waits for them (the first failure is rethrown). Package-private. */
final class Parts {
    private Parts() {
    }

    /**
     * Runs {@code body.accept(q)} for {@code q = 0 .. parts−1}: on this thread when {@code pool} is
     * {@code null} or there is one part, else on {@code pool} (returns when all are done).
     */
    static void run(ExecutorService pool, int parts, IntConsumer body) {
        if (pool == null || parts <= 1) {
            for (int q = 0; q < parts; q++) {
                body.accept(q);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int q = 0; q < parts; q++) {
            int part = q;
            futures.add(pool.submit(() -> body.accept(part)));
        }
        for (Future<?> f : futures) {
            ParametricMapper.await(f);
        }
    }

    /** @return the first index of part {@code q} of {@code parts} equal ranges of {@code count} (q = parts: count) */
    static int start(int count, int q, int parts) {
        return (int) ((long) count * q / parts);
    }
}
