package org.ceusperfusion.io;

import org.ceusperfusion.InputException;

/** Refuses loops whose decoded frames would not fit comfortably in the heap. */
final class MemoryGuard {
    private MemoryGuard() {
    }

    /**
     * @throws InputException when {@code frames × width × height} float values need more than half
     *                        of the maximum heap
     */
    static void check(String source, long frames, long width, long height) {
        long bytes = frames * width * height * Float.BYTES;
        long limit = Runtime.getRuntime().maxMemory() / 2;
        if (frames <= 0 || width <= 0 || height <= 0 || bytes > limit || width * height > Integer.MAX_VALUE / 4) {
            throw new InputException(source, "loop too large to load: " + frames + " frames of " + width + "x"
                    + height + " need " + (bytes >> 20) + " MiB, the memory limit allows " + (limit >> 20)
                    + " MiB (raise -Xmx)");
        }
    }
}
