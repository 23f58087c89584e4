package org.ceusperfusion.io;

/**
 * The luma plane of a baseline sequential JPEG frame (ITU T.81, SOF0/SOF1, 8-bit, JpegHuffman), decoded in
 * pure Java without touching chroma beyond reading past its bits.
 *
 * <p>Every block is entropy-decoded (the bit stream allows nothing else), but chroma blocks are never
 * dequantised or transformed, and luma blocks are inverse-transformed only where they meet a requested
 * <em>detail region</em>; other luma blocks are filled with their block mean {@code DC·Q0/8 + 128} rounded
 * to an integer grey level and clamped to 0..255 (what the block decodes to without its AC terms), so a
 * frame-wide mean stays close to the full decode and grey values stay integers (histogram sums). The inverse transform is the
 * integer Loeffler–Ligtenberg–Moschytz factorisation with 13-bit constants, level shift +128, rounding and
 * clamping as libjpeg's default (slow integer) method, so transformed pixels agree with the JDK decoder
 * (tested to ±1 grey level).
 *
 * <p>Streams this class does not handle (progressive, arithmetic, lossless, 12-bit, luma not at the
 * largest sampling factor, another size than expected, corrupt data) give {@code null}: the caller then
 * falls back to the JDK decoder. One instance per call; no shared state, so frames decode in parallel.
 */
final class BaselineJpegLuma {
    private static final int[] NATURAL = zigzagToNatural();
    private static final int FAST_BITS = JpegHuffman.FAST_BITS;
    private static final int SKIP_BITS = JpegHuffman.SKIP_BITS;
    private static final java.lang.invoke.VarHandle BIG_ENDIAN_LONG =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    private final byte[] data;
    private final int width;
    private final int height;
    private final int[] region; // x0, y0, x1, y1 (exclusive) in pixels
    private final int[][] quant = new int[4][];
    private final JpegHuffman[] dcTables = new JpegHuffman[4];
    private final JpegHuffman[] acTables = new JpegHuffman[4];
    private int[] compId;
    private int[] compH;
    private int[] compV;
    private int[] compQ;
    private int hMax;
    private int vMax;
    private int restartInterval;
    /** Units (MCUs, or blocks of a luma-only scan) left before the next RSTn marker. */
    private int unitsLeft;
    private int pos;
    private long bits;
    private int nbits;
    private boolean marker;
    private final int[] block = new int[64];
    private final int[] work = new int[64];
    private float[] out;
    /** Luma blocks across; per block outside the region its flat grey value, written out row by row at the end. */
    private int blocksX;
    private float[] flatValue;
    private boolean[] flat;

    private BaselineJpegLuma(byte[] data, int width, int height, int[] region) {
        this.data = data;
        this.width = width;
        this.height = height;
        this.region = region;
    }

    /**
     * @param jpeg   the stream of one frame
     * @param width  expected width, pixels
     * @param height expected height, pixels
     * @param region {@code {x0, y0, x1, y1}} (x1, y1 exclusive) in pixels, where pixels must be exact;
     *               {@code null} for the whole frame
     * @return the luma of every pixel, row-major, 0..255; {@code null} when this decoder does not handle
     *         the stream (use the JDK decoder)
     */
    static float[] decode(byte[] jpeg, int width, int height, int[] region) {
        try {
            return new BaselineJpegLuma(jpeg, width, height, region).run();
        } catch (RuntimeException e) {
            return null; // corrupt or unexpected: the JDK decoder decides and reports
        }
    }

    private float[] run() {
        if ((data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
            return null;
        }
        pos = 2;
        boolean lumaDone = false;
        while (pos + 4 <= data.length) {
            if ((data[pos] & 0xFF) != 0xFF) {
                return null;
            }
            int m = data[pos + 1] & 0xFF;
            if (m == 0xFF) {
                pos++;
                continue;
            }
            if (m == 0xD9) {
                break;
            }
            int len = ((data[pos + 2] & 0xFF) << 8) | (data[pos + 3] & 0xFF);
            int seg = pos + 4;
            int end = pos + 2 + len;
            if (!segment(m, seg, end)) {
                return null;
            }
            pos = end;
            if (m == 0xDA) {
                lumaDone |= scan(seg);
            }
        }
        return lumaDone ? out : null;
    }

    /** @return false when the marker announces something unsupported */
    private boolean segment(int m, int seg, int end) {
        switch (m) {
            case 0xDB -> readQuant(seg, end);
            case 0xC4 -> readJpegHuffman(seg, end);
            case 0xDD -> restartInterval = ((data[seg] & 0xFF) << 8) | (data[seg + 1] & 0xFF);
            case 0xC0, 0xC1 -> {
                return readFrame(seg);
            }
            case 0xDA -> {
                return out != null;
            }
            default -> {
                // SOF2..SOF15 (not 0xC4/0xC8/0xCC which are DHT, JPG, DAC): unsupported coding
                boolean sof = m >= 0xC2 && m <= 0xCF && m != 0xC4 && m != 0xC8;
                return !sof && m != 0xCC;
            }
        }
        return true;
    }

    private void readQuant(int at, int end) {
        while (at < end) {
            int pq = (data[at] & 0xFF) >> 4;
            int tq = data[at] & 0x0F;
            at++;
            int[] q = new int[64];
            for (int k = 0; k < 64; k++) {
                q[k] = pq == 0 ? data[at++] & 0xFF : ((data[at++] & 0xFF) << 8) | (data[at++] & 0xFF);
            }
            quant[tq] = q;
        }
    }

    private void readJpegHuffman(int at, int end) {
        while (at < end) {
            int tc = (data[at] & 0xFF) >> 4;
            int th = data[at] & 0x0F;
            int[] counts = new int[17];
            int total = 0;
            for (int l = 1; l <= 16; l++) {
                counts[l] = data[at + l] & 0xFF;
                total += counts[l];
            }
            int[] values = new int[total];
            for (int i = 0; i < total; i++) {
                values[i] = data[at + 17 + i] & 0xFF;
            }
            JpegHuffman h = JpegHuffman.of(data, at + 1, counts, values);
            if (tc == 0) {
                dcTables[th] = h;
            } else {
                acTables[th] = h;
            }
            at += 17 + total;
        }
    }

    private boolean readFrame(int at) {
        int precision = data[at] & 0xFF;
        int h = ((data[at + 1] & 0xFF) << 8) | (data[at + 2] & 0xFF);
        int w = ((data[at + 3] & 0xFF) << 8) | (data[at + 4] & 0xFF);
        int n = data[at + 5] & 0xFF;
        if (precision != 8 || w != width || h != height || (n != 1 && n != 3)) {
            return false;
        }
        compId = new int[n];
        compH = new int[n];
        compV = new int[n];
        compQ = new int[n];
        for (int c = 0; c < n; c++) {
            int p = at + 6 + 3 * c;
            compId[c] = data[p] & 0xFF;
            compH[c] = (data[p + 1] & 0xFF) >> 4;
            compV[c] = data[p + 1] & 0x0F;
            compQ[c] = data[p + 2] & 0x0F;
            hMax = Math.max(hMax, compH[c]);
            vMax = Math.max(vMax, compV[c]);
        }
        out = new float[w * h];
        blocksX = (w + 7) / 8;
        flatValue = new float[blocksX * ((h + 7) / 8)];
        flat = new boolean[flatValue.length];
        return compH[0] == hMax && compV[0] == vMax;
    }

    /** Decodes one scan; @return whether it held the luma component. */
    private boolean scan(int at) {
        int ns = data[at] & 0xFF;
        int[] comps = new int[ns];
        JpegHuffman[] dc = new JpegHuffman[ns];
        JpegHuffman[] ac = new JpegHuffman[ns];
        boolean hasLuma = false;
        for (int i = 0; i < ns; i++) {
            int id = data[at + 1 + 2 * i] & 0xFF;
            int c = indexOf(id);
            comps[i] = c;
            dc[i] = dcTables[(data[at + 2 + 2 * i] & 0xFF) >> 4];
            ac[i] = acTables[data[at + 2 + 2 * i] & 0x0F];
            hasLuma |= c == 0;
        }
        bits = 0;
        nbits = 0;
        marker = false;
        if (!hasLuma) {
            skipEntropyData();
            return false;
        }
        if (quant[compQ[0]] == null) {
            throw new IllegalStateException("no quantisation table");
        }
        if (ns == 1) {
            decodeLumaAlone(dc[0], ac[0]);
        } else {
            decodeInterleaved(comps, dc, ac);
        }
        writeFlatBlocks();
        skipEntropyData();
        return true;
    }

    private int indexOf(int id) {
        for (int c = 0; c < compId.length; c++) {
            if (compId[c] == id) {
                return c;
            }
        }
        throw new IllegalStateException("scan names an unknown component");
    }

    /** Moves {@code pos} to the marker that ends the entropy-coded data (not a restart marker). */
    private void skipEntropyData() {
        while (pos + 1 < data.length) {
            if ((data[pos] & 0xFF) == 0xFF) {
                int nx = data[pos + 1] & 0xFF;
                if (nx != 0 && (nx < 0xD0 || nx > 0xD7) && nx != 0xFF) {
                    return;
                }
            }
            pos++;
        }
        pos = data.length;
    }

    private void decodeInterleaved(int[] comps, JpegHuffman[] dc, JpegHuffman[] ac) {
        int mcusX = (width + 8 * hMax - 1) / (8 * hMax);
        int mcusY = (height + 8 * vMax - 1) / (8 * vMax);
        int[] q = quant[compQ[0]];
        int lumaDc = 0;
        unitsLeft = restartInterval;
        for (int my = 0; my < mcusY; my++) {
            for (int mx = 0; mx < mcusX; mx++) {
                if (nextUnitRestarts()) {
                    lumaDc = 0;
                }
                for (int i = 0; i < comps.length; i++) {
                    int c = comps[i];
                    if (c != 0) {
                        for (int b = compH[c] * compV[c]; b > 0; b--) {
                            skipBlock(dc[i], ac[i]);
                        }
                        continue;
                    }
                    for (int v = 0; v < vMax; v++) {
                        for (int h = 0; h < hMax; h++) {
                            lumaDc = lumaBlock(dc[i], ac[i], q, lumaDc, (mx * hMax + h) * 8, (my * vMax + v) * 8);
                        }
                    }
                }
            }
        }
    }

    private void decodeLumaAlone(JpegHuffman dc, JpegHuffman ac) {
        int blocksX = (width + 7) / 8;
        int blocksY = (height + 7) / 8;
        int[] q = quant[compQ[0]];
        int lumaDc = 0;
        unitsLeft = restartInterval;
        for (int by = 0; by < blocksY; by++) {
            for (int bx = 0; bx < blocksX; bx++) {
                if (nextUnitRestarts()) {
                    lumaDc = 0;
                }
                lumaDc = lumaBlock(dc, ac, q, lumaDc, bx * 8, by * 8);
            }
        }
    }

    /**
     * Counts one unit of the scan; when a restart interval has just ended, reads its RSTn marker first.
     *
     * @return whether the DC predictions start again at this unit
     */
    private boolean nextUnitRestarts() {
        if (restartInterval == 0) {
            return false;
        }
        boolean restarts = unitsLeft == 0;
        if (restarts) {
            restart();
            unitsLeft = restartInterval;
        }
        unitsLeft--;
        return restarts;
    }

    /** Expects an RSTn marker where the bit reader stopped; resets the bit reader. */
    private void restart() {
        bits = 0;
        nbits = 0;
        marker = false;
        if (pos + 1 >= data.length || (data[pos] & 0xFF) != 0xFF || (data[pos + 1] & 0xF8) != 0xD0) {
            throw new IllegalStateException("restart marker missing");
        }
        pos += 2;
    }

    /** Decodes one luma block into the output at pixel {@code (x0, y0)}; @return the new DC predictor. */
    private int lumaBlock(JpegHuffman dcTable, JpegHuffman acTable, int[] q, int pred, int x0, int y0) {
        int s = decodeSymbol(dcTable);
        int dc = pred + (s == 0 ? 0 : JpegHuffman.extend(receive(s), s));
        boolean detail = region == null || (x0 < region[2] && x0 + 8 > region[0] && y0 < region[3] && y0 + 8 > region[1]);
        if (!detail) {
            skipAc(acTable);
            if (x0 < width && y0 < height) {
                int b = (y0 >> 3) * blocksX + (x0 >> 3);
                flatValue[b] = Idct.clamp(((dc * q[0] + 4) >> 3) + 128);
                flat[b] = true;
            }
            return dc;
        }
        int[] blk = block;
        blk[0] = dc * q[0];
        boolean acSeen = false;
        for (int k = 1; k < 64; k++) {
            if (nbits < 16) {
                fillBits();
            }
            int fa = acTable.fastAc[(int) (bits >>> (nbits - FAST_BITS)) & ((1 << FAST_BITS) - 1)];
            if (fa != 0) {
                nbits -= fa & 0xFF;
                k += (fa >> 8) & 0xFF;
                blk[NATURAL[k]] = (fa >> 16) * q[k];
                acSeen = true;
                continue;
            }
            int rs = decodeSymbol(acTable);
            int r = rs >> 4;
            int size = rs & 15;
            if (size == 0) {
                if (r != 15) {
                    break;
                }
                k += 15;
                continue;
            }
            k += r;
            blk[NATURAL[k]] = JpegHuffman.extend(receive(size), size) * q[k];
            acSeen = true;
        }
        if (x0 < width && y0 < height) {
            if (acSeen) {
                Idct.inverse(blk, work, out, width, height, x0, y0);
            } else {
                fill(x0, y0, Idct.clamp(((blk[0] + 4) >> 3) + 128));
            }
        }
        java.util.Arrays.fill(blk, 0);
        return dc;
    }

    /**
     * Writes the flat blocks outside the region: per row of blocks, one pixel row of their values is built
     * once and copied into each of the block row's pixel rows, run by run of flat blocks.
     */
    private void writeFlatBlocks() {
        float[] template = new float[width];
        for (int by = 0, row = 0; by * 8 < height; by++, row += blocksX) {
            for (int b = 0; b < blocksX; b++) {
                if (flat[row + b]) {
                    java.util.Arrays.fill(template, b << 3, Math.min(width, (b << 3) + 8), flatValue[row + b]);
                }
            }
            int y1 = Math.min(height, by * 8 + 8);
            for (int b = 0; b < blocksX; ) {
                if (!flat[row + b]) {
                    b++;
                    continue;
                }
                int end = b;
                while (end < blocksX && flat[row + end]) {
                    end++;
                }
                int x0 = b << 3;
                int len = Math.min(width, end << 3) - x0;
                for (int y = by * 8; y < y1; y++) {
                    System.arraycopy(template, x0, out, y * width + x0, len);
                }
                b = end;
            }
        }
    }

    private void fill(int x0, int y0, float value) {
        int x1 = Math.min(width, x0 + 8);
        int y1 = Math.min(height, y0 + 8);
        for (int y = y0; y < y1; y++) {
            java.util.Arrays.fill(out, y * width + x0, y * width + x1, value);
        }
    }

    private void skipBlock(JpegHuffman dcTable, JpegHuffman acTable) {
        int s = decodeSymbol(dcTable);
        if (s != 0) {
            receive(s);
        }
        skipAc(acTable);
    }

    /**
     * Reads past the AC coefficients of one block: one {@link JpegHuffman#skip} lookup passes one or two codes
     * and their value bits (at most SKIP_BITS (12) + 15 bits, so the buffer is topped up below 32); longer codes go the slow way.
     */
    private void skipAc(JpegHuffman acTable) {
        int[] skip = acTable.skip;
        int k = 1;
        while (k < 64) {
            if (nbits < 32) {
                fillBits();
            }
            int e = skip[(int) (bits >>> (nbits - SKIP_BITS)) & ((1 << SKIP_BITS) - 1)];
            if (e != 0) {
                if (k + ((e >>> 5) & 0x7F) < 64) { // the block goes on after the first code: take both
                    nbits -= (e >>> 12) & 31;
                    k += e >>> 17;
                } else {
                    nbits -= e & 31;
                    k += (e >>> 5) & 0x7F;
                }
                continue;
            }
            int rs = decodeSymbol(acTable);
            int size = rs & 15;
            if (size == 0) {
                if (rs >> 4 != 15) {
                    return;
                }
                k += 16;
                continue;
            }
            k += (rs >> 4) + 1;
            if (nbits < size) {
                fillBits();
            }
            nbits -= size;
        }
    }

    /** Tops the bit buffer up to at least 57 bits; past a marker or the end, zero bits are fed. */
    private void fillBits() {
        if (!marker && pos + 8 <= data.length) {
            long word = (long) BIG_ENDIAN_LONG.get(data, pos);
            long inverted = ~word;
            boolean noFF = ((inverted - 0x0101010101010101L) & ~inverted & 0x8080808080808080L) == 0;
            if (noFF) { // no 0xFF byte (stuffing or marker) among the next 8: take whole bytes at once
                int take = (63 - nbits) >> 3;
                bits = (bits << (take << 3)) | (word >>> (64 - (take << 3)));
                nbits += take << 3;
                pos += take;
                return;
            }
        }
        while (nbits <= 56) {
            int b = 0;
            if (!marker) {
                if (pos >= data.length) {
                    marker = true;
                } else {
                    b = data[pos] & 0xFF;
                    if (b != 0xFF) {
                        pos++;
                    } else if (pos + 1 < data.length && data[pos + 1] == 0) {
                        pos += 2;
                    } else {
                        marker = true;
                        b = 0;
                    }
                }
            }
            bits = (bits << 8) | b;
            nbits += 8;
        }
    }

    private int receive(int size) {
        if (nbits < size) {
            fillBits();
        }
        nbits -= size;
        return (int) (bits >>> nbits) & ((1 << size) - 1);
    }

    private int decodeSymbol(JpegHuffman h) {
        if (nbits < 16) {
            fillBits();
        }
        int look = (int) (bits >>> (nbits - FAST_BITS)) & ((1 << FAST_BITS) - 1);
        int e = h.fast[look];
        if (e != 0) {
            nbits -= e >> 8;
            return e & 0xFF;
        }
        int code = (int) (bits >>> (nbits - 16)) & 0xFFFF;
        for (int l = FAST_BITS + 1; l <= 16; l++) {
            int c = code >>> (16 - l);
            if (c <= h.maxCode[l]) {
                nbits -= l;
                return h.values[h.valueIndex[l] + c - h.minCode[l]];
            }
        }
        throw new IllegalStateException("bad JpegHuffman code");
    }

    private static int[] zigzagToNatural() {
        int[] nat = new int[64];
        int x = 0;
        int y = 0;
        for (int k = 0; k < 64; k++) {
            nat[k] = y * 8 + x;
            boolean up = ((x + y) & 1) == 0;
            if (up) {
                if (x == 7) {
                    y++;
                } else if (y == 0) {
                    x++;
                } else {
                    x++;
                    y--;
                }
            } else {
                if (y == 7) {
                    x++;
                } else if (x == 0) {
                    y++;
                } else {
                    x--;
                    y++;
                }
            }
        }
        return nat;
    }
}
