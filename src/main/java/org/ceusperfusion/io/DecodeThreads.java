package org.ceusperfusion.io;

import java.util.function.Supplier;

/**
 * Whether frames may be decoded on helper threads for the current thread's work. By default a loop is
 * decoded on all cores (frames ahead on the shared decoding threads, in-memory loops in parallel). A
 * batch that runs N loops at once on N worker threads asks each worker to decode its own frames
 * ({@link #callerOnly}), so {@code --threads N} means N busy cores and N loops progress side by side.
 */
public final class DecodeThreads {
    private static final ThreadLocal<Boolean> CALLER_ONLY = ThreadLocal.withInitial(() -> false);
    private static final java.util.concurrent.atomic.AtomicInteger BESIDE_COUNT = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * Daemon threads for {@link #beside}, made when needed: not the decoding pool, because work beside may read
     * frames and wait for frames being decoded there (on that pool such waits could take every thread).
     */
    private static final java.util.concurrent.ExecutorService BESIDE = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ceus-beside-" + BESIDE_COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private DecodeThreads() {
    }

    /**
     * Runs {@code work} with every frame it reads decoded on the calling thread only.
     *
     * @param work the work, e.g. reading and analysing one loop
     * @return what {@code work} returns
     */
    public static <T> T callerOnly(Supplier<T> work) {
        boolean before = CALLER_ONLY.get();
        CALLER_ONLY.set(true);
        try {
            return work.get();
        } finally {
            CALLER_ONLY.set(before);
        }
    }

    /** @return whether the current thread may use the shared decoding threads */
    static boolean helpersAllowed() {
        return !CALLER_ONLY.get();
    }

    /**
     * Starts {@code work} beside the caller: on a helper thread when the current thread may use helpers (the
     * decoding threads are idle once a frame pass is over, so on two cores it has one to itself), else at once
     * on the calling thread (a batch worker keeps to its own core). Either way {@link Beside#join()} gives its result or rethrows its failure as thrown.
     *
     * @param work independent work, e.g. one output of several that need not wait for each other
     * @return the running (or finished) work
     */
    public static <T> Beside<T> beside(Supplier<T> work) {
        if (!helpersAllowed()) {
            try {
                return new Beside<>(java.util.concurrent.CompletableFuture.completedFuture(work.get()));
            } catch (RuntimeException | Error e) {
                return new Beside<>(java.util.concurrent.CompletableFuture.failedFuture(e));
            }
        }
        return new Beside<>(java.util.concurrent.CompletableFuture.supplyAsync(work, BESIDE));
    }

    /**
     * @return where parts of the current thread's work may run beside it: a helper thread when the current thread
     *         may use helpers, else the current thread itself, part after part (a batch worker keeps to its core)
     */
    public static java.util.concurrent.Executor besideExecutor() {
        return helpersAllowed() ? BESIDE : Runnable::run;
    }

    /** Work started by {@link #beside(Supplier)}. */
    public static final class Beside<T> {
        private final java.util.concurrent.CompletableFuture<T> future;

        private Beside(java.util.concurrent.CompletableFuture<T> future) {
            this.future = future;
        }

        /** @return the work's result, after waiting for it; its exception or error is rethrown unwrapped */
        public T join() {
            try {
                return future.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw e;
            }
        }
    }
}
