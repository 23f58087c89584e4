package org.ceusperfusion.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.FrameSource;

/**
 * Frames decoded on demand from a file, the most recently used few kept in a small cache, so that a
 * loop larger than the heap is read one frame at a time. When frames are read in order (every pass of
 * the analysis does), the next few are decoded ahead on the shared decoding threads
 * ({@link FrameDecoding}), so a pass runs at the speed of all cores. Memory: at most {@code capacity}
 * decoded frames. Thread-safe. A frame that cannot be decoded gives an {@link InputException} naming the
 * file and the frame.
 */
final class CachedFrameSource implements FrameSource {
    private final String source;
    private final int count;
    private final IntFunction<float[]> decoder;
    private final int ahead;
    private final Map<Integer, CompletableFuture<float[]>> cache;
    private int last = -2;
    private volatile java.util.function.Consumer<int[]> regionSink;

    /**
     * @param source   the file, for errors
     * @param count    number of frames
     * @param decoder  decodes frame {@code i} (0-based) into grey values; may throw InputException; must be
     *                 safe to call from several threads at once
     * @param capacity frames kept in memory, decoded or being decoded (at least 1); up to
     *                 {@code capacity − 1} (and at most two per decoding thread) are decoded ahead
     */
    CachedFrameSource(String source, int count, IntFunction<float[]> decoder, int capacity) {
        this(source, count, decoder, capacity, true);
    }

    /**
     * As {@link #CachedFrameSource(String, int, IntFunction, int)}; with {@code parallel} false the decoder
     * is only ever called by the reading thread, one frame at a time, and nothing is decoded ahead.
     */
    CachedFrameSource(String source, int count, IntFunction<float[]> decoder, int capacity, boolean parallel) {
        this.source = source;
        this.count = count;
        this.decoder = parallel ? decoder : serialised(decoder);
        int cap = Math.max(1, capacity);
        this.ahead = parallel ? Math.min(cap - 1, 2 * FrameDecoding.THREADS) : 0;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, CompletableFuture<float[]>> eldest) {
                return size() > cap;
            }
        };
    }

    private static IntFunction<float[]> serialised(IntFunction<float[]> decoder) {
        return i -> {
            synchronized (decoder) {
                return decoder.apply(i);
            }
        };
    }

    /** @return a cache capacity of frames of {@code frameBytes} within {@code budgetBytes}: 1 to 8 */
    static int capacity(long frameBytes, long budgetBytes) {
        return (int) Math.max(1, Math.min(8, budgetBytes / Math.max(1, frameBytes)));
    }

    /** @return this source, passing detail-region hints to {@code sink} (which the decoder reads) */
    CachedFrameSource withRegionSink(java.util.function.Consumer<int[]> sink) {
        this.regionSink = sink;
        return this;
    }

    /** Hands the hint to the decoder and forgets cached frames, so every frame read next follows it. */
    @Override
    public void detailRegion(int[] region) {
        java.util.function.Consumer<int[]> sink = regionSink;
        if (sink != null) {
            synchronized (this) {
                sink.accept(region);
                cache.clear();
                last = -2;
            }
        }
    }

    @Override
    public int frameCount() {
        return count;
    }

    @Override
    public float[] frame(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("frame " + index + " of " + count);
        }
        CompletableFuture<float[]> wanted;
        boolean mine = false;
        synchronized (this) {
            wanted = cache.get(index);
            if (wanted == null) {
                wanted = new CompletableFuture<>();
                mine = true;
                cache.put(index, wanted);
            }
            if (index == last + 1) {
                // a reader going forward does not come back: frames behind it would only be carried by the
                // garbage collector (each young collection copies them) until the cache lets them go
                cache.keySet().removeIf(k -> k < index - 1);
            }
            if (index == last + 1 && DecodeThreads.helpersAllowed()) {
                for (int k = index + 1; k <= Math.min(count - 1, index + ahead); k++) {
                    cache.computeIfAbsent(k, this::decodeAhead);
                }
                cache.get(index); // keep the wanted frame the most recently used
            }
            last = index;
        }
        if (mine) {
            complete(wanted, index);
        }
        try {
            return wanted.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw (RuntimeException) e.getCause();
        }
    }

    private CompletableFuture<float[]> decodeAhead(int index) {
        CompletableFuture<float[]> f = new CompletableFuture<>();
        FrameDecoding.POOL.execute(() -> complete(f, index));
        return f;
    }

    private void complete(CompletableFuture<float[]> f, int index) {
        try {
            f.complete(decode(index));
        } catch (RuntimeException | Error e) {
            f.completeExceptionally(e);
        }
    }

    private float[] decode(int index) {
        try {
            return decoder.apply(index);
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError e) {
            throw new InputException(source, "cannot decode frame " + (index + 1) + ": " + e, e);
        }
    }
}
