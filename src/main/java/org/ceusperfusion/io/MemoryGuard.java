package org.ceusperfusion.io;

import org.ceusperfusion.InputException;

/**
 * Memory rules for decoded loops ({@code float} grey values, 4 bytes a pixel).
 *
 * <ul>
 *   <li>{@link #defaultBudget()}: a loop whose decoded frames take at most a quarter of the maximum heap
 *       is decoded into memory; a larger one is streamed frame by frame where the reader can do so
 *       (DICOM, PNG-in-AVI, uncompressed 8-bit TIFF), so a 2 GB loop can be analysed with {@code -Xmx1g}.
 *       An uncompressed 8-bit TIFF stack is held as bytes, so its frames count one byte a pixel.</li>
 *   <li>{@link #check}: readers that must hold every frame (TIFF, MP4, ImageJ's AVI decoder,
 *       Bio-Formats) refuse loops needing more than half the maximum heap.</li>
 *   <li>{@link #checkFrame}: streaming readers refuse single frames needing more than an eighth.</li>
 * </ul>
 */
final class MemoryGuard {
    private MemoryGuard() {
    }

    /** @return bytes of decoded frames kept in memory before a reader streams instead: a quarter of the heap */
    static long defaultBudget() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /** @return bytes of {@code frames} decoded frames of {@code width × height} */
    static long decodedBytes(long frames, long width, long height) {
        return frames * width * height * Float.BYTES;
    }

    /**
     * @throws InputException when {@code frames × width × height} float values need more than half
     *                        of the maximum heap
     */
    static void check(String source, long frames, long width, long height) {
        long limit = Runtime.getRuntime().maxMemory() / 2;
        if (frames <= 0 || width <= 0 || height <= 0 || width * height > Integer.MAX_VALUE / 4
                || decodedBytes(frames, width, height) > limit) {
            throw new InputException(source, "loop too large to load: " + frames + " frames of " + width + "x"
                    + height + " need " + (decodedBytes(frames, width, height) >> 20) + " MiB, the memory limit allows "
                    + (limit >> 20) + " MiB (raise -Xmx)");
        }
    }

    /** @throws InputException when one frame needs more than an eighth of the maximum heap */
    static void checkFrame(String source, long width, long height) {
        long limit = Runtime.getRuntime().maxMemory() / 8;
        if (width <= 0 || height <= 0 || width * height > Integer.MAX_VALUE / 4
                || decodedBytes(1, width, height) > limit) {
            throw new InputException(source, "frame too large to load: " + width + "x" + height
                    + " pixels, the memory limit allows " + (limit >> 20) + " MiB a frame (raise -Xmx)");
        }
    }
}
