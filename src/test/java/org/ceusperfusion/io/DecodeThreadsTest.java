package org.ceusperfusion.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ceusperfusion.InputException;
import org.junit.jupiter.api.Test;

/** Work started beside the caller: on a helper thread by default, on the caller inside a batch worker. */
class DecodeThreadsTest {
    @Test
    void runsOnAHelperThreadByDefault() {
        Thread caller = Thread.currentThread();
        DecodeThreads.Beside<Thread> where = DecodeThreads.beside(Thread::currentThread);
        assertNotEquals(caller, where.join());
        assertEquals(true, where.join().getName().startsWith("ceus-beside-"));
    }

    @Test
    void runsOnTheCallerInsideABatchWorker() {
        Thread caller = Thread.currentThread();
        Thread where = DecodeThreads.callerOnly(() -> DecodeThreads.beside(Thread::currentThread).join());
        assertSame(caller, where);
    }

    @Test
    void failuresComeBackAsThrown() {
        InputException bad = new InputException("loop.dcm", "frame 3 is corrupt");
        DecodeThreads.Beside<Object> helper = DecodeThreads.beside(() -> {
            throw bad;
        });
        assertSame(bad, assertThrows(InputException.class, helper::join));
        DecodeThreads.Beside<Object> caller = DecodeThreads.callerOnly(() -> DecodeThreads.beside(() -> {
            throw bad;
        }));
        assertSame(bad, assertThrows(InputException.class, caller::join));
        OutOfMemoryError oom = new OutOfMemoryError("test");
        assertSame(oom, assertThrows(OutOfMemoryError.class, DecodeThreads.beside(() -> {
            throw oom;
        })::join));
    }
}
