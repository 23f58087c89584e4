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
}
