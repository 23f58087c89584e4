package org.ceusperfusion.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.ceusperfusion.InputException;

/**
 * Bounds-checked random access to the bytes of a file, held in a heap array or memory-mapped (mapped
 * files of any size live outside the Java heap, in chunks of 1 GiB). Every read that would pass the end
 * of the data throws an {@link InputException} naming the byte offset, so corrupt lengths never cause
 * an {@link IndexOutOfBoundsException}.
 */
final class ByteReader {
    private static final int CHUNK_BITS = 30;
    private static final long CHUNK_MASK = (1L << CHUNK_BITS) - 1;

    /** Copies of at least this many bytes from a mapped file are read from the file, not through the mapping. */
    static final int READ_ABOVE = 1 << 16;

    private final ByteBuffer[] chunks;
    private final long length;
    private final String source;
    private final boolean bigEndian;
    private final Path file;

    private ByteReader(ByteBuffer[] chunks, long length, String source, boolean bigEndian, Path file) {
        this.chunks = chunks;
        this.length = length;
        this.source = source;
        this.bigEndian = bigEndian;
        this.file = file;
    }

    /**
     * @param data      the bytes
     * @param source    file name used in error messages
     * @param bigEndian byte order of multi-byte values
     */
    ByteReader(byte[] data, String source, boolean bigEndian) {
        this(new ByteBuffer[] {ByteBuffer.wrap(data)}, data.length, source, bigEndian, null);
    }

    /**
     * Maps a file read-only; the mapping holds no heap memory and is released by the garbage collector.
     * Large copies (frames, {@link #READ_ABOVE} bytes and more) are read from the file instead, so that
     * streaming a loop does not leave every page of the file in the process's resident memory.
     *
     * @throws InputException when the file cannot be mapped
     */
    static ByteReader map(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            int n = (int) ((size + CHUNK_MASK) >>> CHUNK_BITS);
            ByteBuffer[] chunks = new ByteBuffer[Math.max(n, 1)];
            chunks[0] = ByteBuffer.allocate(0);
            for (int i = 0; i < n; i++) {
                long start = (long) i << CHUNK_BITS;
                chunks[i] = ch.map(FileChannel.MapMode.READ_ONLY, start, Math.min(1L << CHUNK_BITS, size - start));
            }
            return new ByteReader(chunks, size, path.toString(), false, path);
        } catch (IOException | RuntimeException e) {
            throw new InputException(path.toString(), "cannot map file: " + e.getMessage(), e);
        }
    }

    /** @return the same bytes read with another byte order */
    ByteReader withBigEndian(boolean big) {
        return big == bigEndian ? this : new ByteReader(chunks, length, source, big, file);
    }

    String source() {
        return source;
    }

    boolean bigEndian() {
        return bigEndian;
    }

    long length() {
        return length;
    }

    /**
     * Checks that {@code len} bytes starting at {@code off} exist.
     *
     * @param what what is being read, for the error message
     */
    void require(long off, long len, String what) {
        if (off < 0 || len < 0 || off + len > length) {
            throw new InputException(source, "truncated or corrupt file: " + what + " needs " + len
                    + " bytes at byte " + off + " but the file ends at byte " + length);
        }
    }

    private byte get(long off) {
        return chunks[(int) (off >>> CHUNK_BITS)].get((int) (off & CHUNK_MASK));
    }

    int u8(long off) {
        require(off, 1, "a byte");
        return get(off) & 0xFF;
    }

    int u16(long off) {
        require(off, 2, "a 16-bit value");
        int a = get(off) & 0xFF;
        int b = get(off + 1) & 0xFF;
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }

    long u32(long off) {
        require(off, 4, "a 32-bit value");
        long lo = u16(off);
        long hi = u16(off + 2);
        return bigEndian ? (lo << 16) | hi : (hi << 16) | lo;
    }

    double f64(long off) {
        require(off, 8, "a 64-bit float");
        long a = u32(off);
        long b = u32(off + 4);
        long bits = bigEndian ? (a << 32) | b : (b << 32) | a;
        return Double.longBitsToDouble(bits);
    }

    float f32(long off) {
        return Float.intBitsToFloat((int) u32(off));
    }

    /** @return the bytes as ASCII/Latin-1 text */
    String ascii(long off, int len) {
        return new String(copy(off, len), StandardCharsets.ISO_8859_1);
    }

    /** @return a copy of a byte range */
    byte[] copy(long off, long len) {
        require(off, len, "a byte range");
        if (len > Integer.MAX_VALUE - 16) {
            throw new InputException(source, "a value of " + len + " bytes at byte " + off + " is too large");
        }
        byte[] out = new byte[(int) len];
        readInto(off, out, 0, out.length);
        return out;
    }

    /** Copies {@code len} bytes at {@code off} into {@code dest} from {@code destOff}. */
    void readInto(long off, byte[] dest, int destOff, int len) {
        require(off, len, "a byte range");
        if (file != null && len >= READ_ABOVE && readFromFile(off, dest, destOff, len)) {
            return;
        }
        int done = 0;
        while (done < len) {
            long at = off + done;
            ByteBuffer c = chunks[(int) (at >>> CHUNK_BITS)].duplicate();
            int pos = (int) (at & CHUNK_MASK);
            int n = Math.min(len - done, c.limit() - pos);
            c.position(pos);
            c.get(dest, destOff + done, n);
            done += n;
        }
    }

    /** @return whether the range was read from the file (else the mapping serves it) */
    private boolean readFromFile(long off, byte[] dest, int destOff, int len) {
        ByteBuffer buf = ByteBuffer.wrap(dest, destOff, len);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buf.hasRemaining()) {
                if (ch.read(buf, off + (buf.position() - destOff)) < 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the first {@code n} bytes, or all when the data are shorter */
    byte[] head(int n) {
        return copy(0, Math.min(n, length));
    }
}
