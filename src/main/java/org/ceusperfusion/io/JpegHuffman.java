package org.ceusperfusion.io;

/**
 * A canonical Huffman table of a JPEG stream (ITU T.81 Annex C) with a {@value #FAST_BITS}-bit lookup for short
 * codes, and for AC tables a second lookup that also holds the coefficient's value bits when they fit.
 */
final class JpegHuffman {
    /** Tables already built, by their DHT bytes: a loop's frames repeat the same few tables. Shared, read-only. */
    private static final java.util.concurrent.ConcurrentHashMap<java.nio.ByteBuffer, JpegHuffman> BUILT =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_BUILT = 64;

    /** Codes up to this many bits are found by one table lookup. */
    static final int FAST_BITS = 9;

    final int[] fast = new int[1 << FAST_BITS]; // (length << 8) | symbol, 0 when the code is longer
    /** AC code and its value bits together when they fit: (value << 16) | (run << 8) | bits; else 0. */
    final int[] fastAc = new int[1 << FAST_BITS];
    /** Codes up to this many bits are skipped (code and value bits) by one lookup in {@link #skip}. */
    static final int SKIP_BITS = 12;
    /**
     * For skipping AC coefficients without their values, one lookup of the next {@value #SKIP_BITS} bits passes
     * one code and its value bits, or two when the second code is also among those bits. Entry bits 0–4: bits
     * of the first coefficient (code + value), 5–11: coefficients it passes (run + 1, 16 for ZRL, 64 for end of
     * block); 12–16 and 17–24: the same for both together (equal to the first when no second code fits). The
     * second counts only while the block goes on after the first. 0 when the first code is longer.
     */
    final int[] skip = new int[1 << SKIP_BITS];
    final int[] maxCode = new int[18];
    final int[] minCode = new int[17];
    final int[] valueIndex = new int[17];
    final int[] values;

    JpegHuffman(int[] counts, int[] values) {
        this.values = values;
        int[] codeLength = new int[1 << SKIP_BITS];
        int code = 0;
        int k = 0;
        for (int l = 1; l <= 16; l++) {
            valueIndex[l] = k;
            minCode[l] = code;
            if (counts[l] == 0) {
                maxCode[l] = -1;
            }
            for (int i = 0; i < counts[l]; i++, k++, code++) {
                if (l <= SKIP_BITS) {
                    int shift = SKIP_BITS - l;
                    for (int j = 0; j < (1 << shift); j++) {
                        skip[(code << shift) | j] = skipEntry(l, values[k]);
                        codeLength[(code << shift) | j] = l;
                    }
                }
                if (l <= FAST_BITS) {
                    int shift = FAST_BITS - l;
                    for (int j = 0; j < (1 << shift); j++) {
                        fast[(code << shift) | j] = (l << 8) | values[k];
                    }
                }
                maxCode[l] = code;
            }
            code <<= 1;
        }
        for (int look = 0; look < fast.length; look++) {
            fastAc[look] = acEntry(look, fast[look]);
        }
        pairSkipEntries(codeLength);
    }

    /** Turns the one-code entries of {@link #skip} ({@code (advance << 8) | bits}) into pairs. */
    private void pairSkipEntries(int[] codeLength) {
        int[] single = skip.clone();
        int mask = (1 << SKIP_BITS) - 1;
        for (int look = 0; look < single.length; look++) {
            int e1 = single[look];
            if (e1 == 0) {
                continue;
            }
            int bits1 = e1 & 0xFF;
            int adv1 = e1 >>> 8;
            int bits = bits1;
            int adv = adv1;
            if (adv1 < 64 && bits1 < SKIP_BITS) {
                int next = (look << bits1) & mask;
                if (single[next] != 0 && bits1 + codeLength[next] <= SKIP_BITS) {
                    bits += single[next] & 0xFF;
                    adv += single[next] >>> 8;
                }
            }
            skip[look] = bits1 | (adv1 << 5) | (bits << 12) | (adv << 17);
        }
    }

    /**
     * @param dht    the stream
     * @param at     where the table's 16 code counts start (after its class/id byte)
     * @param counts codes per length, index 1..16
     * @param values the symbols in code order
     * @return the table, built once per distinct DHT content (tables are immutable and shared between threads)
     */
    static JpegHuffman of(byte[] dht, int at, int[] counts, int[] values) {
        var key = java.nio.ByteBuffer.wrap(java.util.Arrays.copyOfRange(dht, at, at + 16 + values.length));
        JpegHuffman h = BUILT.get(key);
        if (h == null) {
            if (BUILT.size() >= MAX_BUILT) {
                BUILT.clear();
            }
            h = new JpegHuffman(counts, values);
            BUILT.put(key, h);
        }
        return h;
    }

    private static int skipEntry(int l, int rs) {
        int size = rs & 15;
        int run = rs >> 4;
        if (size == 0) {
            return ((run == 15 ? 16 : 64) << 8) | l;
        }
        return ((run + 1) << 8) | (l + size);
    }

    private static int acEntry(int look, int entry) {
        int l = entry >> 8;
        int size = entry & 15;
        int run = (entry >> 4) & 15;
        if (entry == 0 || size == 0 || l + size > FAST_BITS) {
            return 0;
        }
        int v = (look >> (FAST_BITS - l - size)) & ((1 << size) - 1);
        return (extend(v, size) << 16) | (run << 8) | (l + size);
    }

    /** @return the signed value of {@code size} received bits {@code v} (T.81 F.2.2.1 EXTEND) */
    static int extend(int v, int size) {
        return v < (1 << (size - 1)) ? v - (1 << size) + 1 : v;
    }
}
