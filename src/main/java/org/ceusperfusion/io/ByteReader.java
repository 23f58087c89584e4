package org.ceusperfusion.io;

import java.nio.charset.StandardCharsets;
import org.ceusperfusion.InputException;

/**
 * Bounds-checked random access to the bytes of a file held in memory. Every read that would pass the
 * end of the data throws an {@link InputException} naming the byte offset, so corrupt lengths never
 * cause an {@link ArrayIndexOutOfBoundsException}.
 */
final class ByteReader {
    private final byte[] data;
    private final String source;
    private final boolean bigEndian;

    /**
     * @param data      the bytes
     * @param source    file name used in error messages
     * @param bigEndian byte order of multi-byte values
     */
    ByteReader(byte[] data, String source, boolean bigEndian) {
        this.data = data;
        this.source = source;
        this.bigEndian = bigEndian;
    }

    /** @return the same bytes read with another byte order */
    ByteReader withBigEndian(boolean big) {
        return big == bigEndian ? this : new ByteReader(data, source, big);
    }

    byte[] data() {
        return data;
    }

    String source() {
        return source;
    }

    boolean bigEndian() {
        return bigEndian;
    }

    int length() {
        return data.length;
    }

    /**
     * Checks that {@code len} bytes starting at {@code off} exist.
     *
     * @param what what is being read, for the error message
     */
    void require(long off, long len, String what) {
        if (off < 0 || len < 0 || off + len > data.length) {
            throw new InputException(source, "truncated or corrupt file: " + what + " needs " + len
                    + " bytes at byte " + off + " but the file ends at byte " + data.length);
        }
    }

    int u8(long off) {
        require(off, 1, "a byte");
        return data[(int) off] & 0xFF;
    }

    int u16(long off) {
        require(off, 2, "a 16-bit value");
        int a = data[(int) off] & 0xFF;
        int b = data[(int) off + 1] & 0xFF;
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
        require(off, len, "text");
        return new String(data, (int) off, len, StandardCharsets.ISO_8859_1);
    }

    /** @return a copy of a byte range */
    byte[] copy(long off, int len) {
        require(off, len, "a byte range");
        byte[] out = new byte[len];
        System.arraycopy(data, (int) off, out, 0, len);
        return out;
    }
}
