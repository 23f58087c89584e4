package org.ceusperfusion.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.ceusperfusion.InputException;
import org.junit.jupiter.api.Test;

/** Decoding ahead on the shared threads: same frames, bounded memory, errors naming the frame. */
class CachedFrameSourceTest {
    private static float[] frame(int i) {
        float[] f = new float[64];
        for (int k = 0; k < f.length; k++) {
            f[k] = (i * 31 + k * 7) % 256;
        }
        return f;
    }

    @Test
    void readingInOrderGivesTheDecodersFramesAndDecodesAheadOnOtherThreads() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        IntFunction<float[]> decoder = i -> {
            threads.add(Thread.currentThread().getName());
            calls.incrementAndGet();
            return frame(i);
        };
        CachedFrameSource src = new CachedFrameSource("x", 200, decoder, 8);
        for (int i = 0; i < 200; i++) {
            assertArrayEquals(frame(i), src.frame(i), "frame " + i);
        }
        assertTrue(threads.stream().anyMatch(t -> t.startsWith("ceus-frame-decoder")), threads.toString());
        assertTrue(calls.get() <= 200 + 8, "each frame decoded about once: " + calls.get());
    }

    /** A reader going forward keeps the frame before the current one; older frames are let go (and decoded again). */
    @Test
    void framesBehindAForwardReaderAreLetGo() {
        AtomicInteger calls = new AtomicInteger();
        CachedFrameSource src = new CachedFrameSource("x", 20, i -> {
            calls.incrementAndGet();
            return frame(i);
        }, 8, false);
        for (int i = 0; i < 10; i++) {
            src.frame(i);
        }
        assertEquals(10, calls.get());
        src.frame(8); // the frame just behind: still held
        assertEquals(10, calls.get());
        src.frame(5); // within the capacity of 8, but behind a forward reader: let go
        assertEquals(11, calls.get());
        assertArrayEquals(frame(5), src.frame(5));
        assertEquals(11, calls.get());
    }

    @Test
    void framesDecodedAheadNeverExceedTheCapacity() {
        int capacity = 4;
        AtomicInteger highest = new AtomicInteger(-1);
        AtomicInteger reading = new AtomicInteger();
        AtomicInteger worstLead = new AtomicInteger();
        CachedFrameSource src = new CachedFrameSource("x", 100, i -> {
            highest.accumulateAndGet(i, Math::max);
            worstLead.accumulateAndGet(i - reading.get(), Math::max);
            return frame(i);
        }, capacity);
        for (int i = 0; i < 100; i++) {
            reading.set(i);
            src.frame(i);
        }
        assertEquals(99, highest.get());
        assertTrue(worstLead.get() <= capacity - 1, "decoded " + worstLead.get() + " frames ahead");
    }

    @Test
    void aSerialSourceDecodesOnlyOnTheReadingThread() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CachedFrameSource src = new CachedFrameSource("x", 50, i -> {
            threads.add(Thread.currentThread().getName());
            return frame(i);
        }, 8, false);
        for (int i = 0; i < 50; i++) {
            assertArrayEquals(frame(i), src.frame(i));
        }
        assertEquals(Set.of(Thread.currentThread().getName()), threads);
    }

    @Test
    void aFrameThatCannotBeDecodedIsNamedWhetherDecodedAheadOrNot() {
        CachedFrameSource src = new CachedFrameSource("loop.dcm", 30, i -> {
            if (i == 17) {
                throw new IllegalStateException("bad Huffman code");
            }
            return frame(i);
        }, 8);
        for (int i = 0; i < 17; i++) {
            src.frame(i);
        }
        InputException e = assertThrows(InputException.class, () -> src.frame(17));
        assertEquals("loop.dcm: cannot decode frame 18: java.lang.IllegalStateException: bad Huffman code",
                e.getMessage());
        assertArrayEquals(frame(18), src.frame(18), "later frames still decode");
    }

    @Test
    void inMemoryFramesAreKeptAsBytesWhenTheyAreBytesAndFloatsOtherwise() {
        var frames = CompactFrames.decode(40, i -> i == 5 ? new float[] {0.5f, 300} : frame(i));
        for (int i = 0; i < 40; i++) {
            assertArrayEquals(i == 5 ? new float[] {0.5f, 300} : frame(i), frames.frame(i));
        }
        InputException e = assertThrows(InputException.class, () -> CompactFrames.decode(40, i -> {
            if (i == 9 || i == 33) {
                throw new InputException("loop.dcm", "frame " + (i + 1) + " is corrupt");
            }
            return frame(i);
        }));
        assertEquals("loop.dcm: frame 10 is corrupt", e.getMessage(), "the lowest failing frame is reported");
    }
}
