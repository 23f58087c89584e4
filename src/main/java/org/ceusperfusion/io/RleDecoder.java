package org.ceusperfusion.io;

import org.ceusperfusion.InputException;

/**
 * DICOM RLE Lossless (PS3.5 Annex G): a 64-byte header with the number of segments and their offsets,
 * then one PackBits-compressed segment per sample byte (most significant byte first, one sample plane
 * after another).
 */
final class RleDecoder {
    private RleDecoder() {
    }

    /**
     * Decodes one frame into interleaved samples (pixel-major, {@code p * samples + s}).
     *
     * @param r      the file bytes (little endian)
     * @param off    byte offset of the frame's fragment
     * @param len    fragment length in bytes
     * @param f      pixel format
     * @return {@code pixels × samples} raw sample values
     */
    static int[] decode(ByteReader r, long off, long len, PixelFormat f) {
        r.require(off, 64, "the RLE header at byte " + off);
        int bytes = f.bytesPerSample();
        int expected = f.samples() * bytes;
        long segments = r.u32(off);
        if (segments != expected) {
            throw new InputException(r.source(), "corrupt RLE frame at byte " + off + ": " + segments
                    + " segments, expected " + expected);
        }
        int n = f.pixels();
        int[] out = new int[n * f.samples()];
        byte[] plane = new byte[n];
        for (int seg = 0; seg < expected; seg++) {
            long start = r.u32(off + 4 + 4L * seg);
            long end = seg + 1 < expected ? r.u32(off + 8 + 4L * seg) : len;
            if (start < 64 || end > len || end < start) {
                throw new InputException(r.source(), "corrupt RLE frame at byte " + off + ": segment "
                        + (seg + 1) + " spans bytes " + start + ".." + end + " of a " + len + "-byte fragment");
            }
            unpack(r, off + start, off + end, plane);
            int sample = seg / bytes;
            int shift = 8 * (bytes - 1 - seg % bytes);
            for (int p = 0; p < n; p++) {
                out[p * f.samples() + sample] |= (plane[p] & 0xFF) << shift;
            }
        }
        return out;
    }

    /** PackBits: n in 0..127 copies n+1 bytes, n in -127..-1 repeats the next byte 1-n times, -128 is a no-op. */
    static void unpack(ByteReader r, long from, long to, byte[] dest) {
        int o = 0;
        long p = from;
        while (o < dest.length) {
            if (p >= to) {
                throw new InputException(r.source(), "corrupt RLE segment at byte " + from + ": decodes to "
                        + o + " bytes, " + dest.length + " expected");
            }
            byte n = (byte) r.u8(p++);
            if (n >= 0) {
                int count = Math.min(n + 1, dest.length - o);
                r.readInto(p, dest, o, count);
                o += count;
                p += n + 1;
            } else if (n != -128) {
                int count = Math.min(1 - n, dest.length - o);
                byte v = (byte) r.u8(p++);
                java.util.Arrays.fill(dest, o, o + count, v);
                o += count;
            }
        }
    }
}
