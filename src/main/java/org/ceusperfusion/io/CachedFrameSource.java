package org.ceusperfusion.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.FrameSource;

/**
 * Frames decoded on demand from a file, the most recently used few kept in a small cache, so that a
 * loop larger than the heap is read one frame at a time. Thread-safe. A frame that cannot be decoded
 * gives an {@link InputException} naming the file and the frame.
 */
final class CachedFrameSource implements FrameSource {
    private final String source;
    private final int count;
    private final IntFunction<float[]> decoder;
    private final Map<Integer, float[]> cache;

    /**
     * @param source   the file, for errors
     * @param count    number of frames
     * @param decoder  decodes frame {@code i} (0-based) into grey values; may throw InputException
     * @param capacity frames kept in the cache (at least 1)
     */
    CachedFrameSource(String source, int count, IntFunction<float[]> decoder, int capacity) {
        this.source = source;
        this.count = count;
        this.decoder = decoder;
        int cap = Math.max(1, capacity);
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, float[]> eldest) {
                return size() > cap;
            }
        };
    }

    /** @return a cache capacity of frames of {@code frameBytes} within {@code budgetBytes}: 1 to 8 */
    static int capacity(long frameBytes, long budgetBytes) {
        return (int) Math.max(1, Math.min(8, budgetBytes / Math.max(1, frameBytes)));
    }

    @Override
    public int frameCount() {
        return count;
    }

    @Override
    public synchronized float[] frame(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("frame " + index + " of " + count);
        }
        return cache.computeIfAbsent(index, this::decode);
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
