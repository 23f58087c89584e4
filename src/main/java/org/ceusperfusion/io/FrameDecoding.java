package org.ceusperfusion.io;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The threads that decode frames: one daemon pool of as many threads as the machine has cores, shared by
 * every loop of the process (a batch running two loops at once shares it too, so decoding never uses
 * more threads than cores). Decoders handed to it must be safe to call from several threads at once.
 */
final class FrameDecoding {
    /** Decoding threads: one per available core. */
    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final AtomicInteger COUNT = new AtomicInteger();
    static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "ceus-frame-decoder-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private FrameDecoding() {
    }

    /** @return frame indices {@code 0..n-1}, parallel unless the caller decodes alone ({@link DecodeThreads}) */
    static IntStream stream(int n) {
        IntStream s = IntStream.range(0, n);
        return DecodeThreads.helpersAllowed() ? s.parallel() : s;
    }

    /**
     * Decodes every frame on all cores.
     *
     * @param n       number of frames
     * @param decoder frame {@code i} (0-based) → grey values
     * @return the frames in order
     * @throws RuntimeException the failure of the lowest-numbered frame that failed, as the decoder threw it
     */
    static float[][] all(int n, IntFunction<float[]> decoder) {
        float[][] frames = new float[n][];
        RuntimeException[] failures = new RuntimeException[n];
        stream(n).forEach(i -> {
            try {
                frames[i] = decoder.apply(i);
            } catch (RuntimeException e) {
                failures[i] = e;
            }
        });
        for (RuntimeException e : failures) {
            if (e != null) {
                throw e;
            }
        }
        return frames;
    }
}
