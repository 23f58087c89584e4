package org.ceusperfusion.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ceusperfusion.InputException;

/**
 * Reads the directory structure of a classic TIFF ({@code II*\0}, {@code MM\0*}) or BigTIFF
 * ({@code II+\0}, {@code MM\0+}) file: every IFD's layout tags, without decoding pixels. Pure Java (no ImageJ).
 */
final class TiffStructure {
    private static final int MAX_IFDS = 1 << 20;

    private final Path path;
    private final FileChannel channel;
    private final ByteOrder order;
    private final boolean big;

    private TiffStructure(Path path, FileChannel channel, ByteOrder order, boolean big) {
        this.path = path;
        this.channel = channel;
        this.order = order;
        this.big = big;
    }

    /** @return whether the first bytes are a BigTIFF header */
    static boolean isBigTiff(byte[] h) {
        return h.length >= 4 && ((h[0] == 'I' && h[1] == 'I' && h[2] == 43 && h[3] == 0)
                || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && h[3] == 43));
    }

    /**
     * A parsed TIFF.
     *
     * @param order byte order of its numbers
     * @param big   whether it is a BigTIFF
     * @param ifds  its IFDs in file order; the description is kept for the first IFD only
     */
    record Parsed(ByteOrder order, boolean big, List<TiffIfd> ifds) {
    }

    /**
     * @param path a TIFF or BigTIFF file
     * @return its IFDs
     * @throws InputException when the file is not a readable TIFF
     */
    static Parsed read(Path path) {
        return read(path, false);
    }

    /**
     * As {@link #read(Path)}, the first IFD only (its description included): enough to tell an OME-TIFF from
     * a plain one without reading the directory of every plane.
     */
    static Parsed readFirst(Path path) {
        return read(path, true);
    }

    private static Parsed read(Path path, boolean firstOnly) {
        try (FileChannel ch = FileChannel.open(path)) {
            ByteBuffer head = ByteBuffer.allocate(16);
            readFully(ch, head, 0, path);
            byte b0 = head.get(0);
            ByteOrder order = b0 == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            head.order(order);
            int magic = head.getShort(2) & 0xFFFF;
            boolean big = magic == 43;
            if ((b0 != 'I' && b0 != 'M') || (magic != 42 && !big)) {
                throw new InputException(path.toString(), "not a TIFF file");
            }
            long first = big ? head.getLong(8) : head.getInt(4) & 0xFFFFFFFFL;
            TiffStructure t = new TiffStructure(path, ch, order, big);
            return new Parsed(order, big, firstOnly ? t.firstIfd(first) : t.ifds(first));
        } catch (IOException e) {
            throw new InputException(path.toString(), "cannot read the TIFF: " + e.getMessage(), e);
        }
    }

    private List<TiffIfd> ifds(long first) throws IOException {
        List<TiffIfd> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long at = first;
        while (at != 0) {
            if (!seen.add(at) || out.size() >= MAX_IFDS || at < 8 || at >= channel.size()) {
                throw new InputException(path.toString(), "corrupt TIFF: bad IFD offset " + at);
            }
            long[] next = new long[1];
            out.add(ifd(at, out.isEmpty(), next));
            at = next[0];
        }
        if (out.isEmpty()) {
            throw new InputException(path.toString(), "corrupt TIFF: no image found");
        }
        return out;
    }

    private List<TiffIfd> firstIfd(long first) throws IOException {
        if (first == 0) {
            throw new InputException(path.toString(), "corrupt TIFF: no image found");
        }
        if (first < 8 || first >= channel.size()) {
            throw new InputException(path.toString(), "corrupt TIFF: bad IFD offset " + first);
        }
        return List.of(ifd(first, true, new long[1]));
    }

    private TiffIfd ifd(long at, boolean keepDescription, long[] next) throws IOException {
        int countSize = big ? 8 : 2;
        int entrySize = big ? 20 : 12;
        long n = big ? buffer(at, 8).getLong(0) : buffer(at, 2).getShort(0) & 0xFFFF;
        if (n <= 0 || n > 4096) {
            throw new InputException(path.toString(), "corrupt TIFF: IFD at " + at + " has " + n + " entries");
        }
        ByteBuffer e = buffer(at + countSize, (int) n * entrySize + (big ? 8 : 4));
        Tags tags = new Tags();
        for (int i = 0; i < n; i++) {
            tags.read(e, i * entrySize, keepDescription);
        }
        int end = (int) n * entrySize;
        next[0] = big ? e.getLong(end) : e.getInt(end) & 0xFFFFFFFFL;
        return tags.toIfd(path.toString());
    }

    /** Collects the tags of one IFD. */
    private final class Tags {
        int width;
        int height;
        int bits = 1;
        int samples = 1;
        int format = 1;
        int compression = 1;
        int photometric = 1;
        int planar = 1;
        long rowsPerStrip = Long.MAX_VALUE;
        long[] offsets;
        long[] counts;
        int[] colorMap;
        boolean tiled;
        String description;

        void read(ByteBuffer e, int at, boolean keepDescription) throws IOException {
            int tag = e.getShort(at) & 0xFFFF;
            int type = e.getShort(at + 2) & 0xFFFF;
            long count = big ? e.getLong(at + 4) : e.getInt(at + 4) & 0xFFFFFFFFL;
            switch (tag) {
                case 256 -> width = (int) values(e, at, type, count)[0];
                case 257 -> height = (int) values(e, at, type, count)[0];
                case 258 -> bits = (int) values(e, at, type, count)[0];
                case 259 -> compression = (int) values(e, at, type, count)[0];
                case 262 -> photometric = (int) values(e, at, type, count)[0];
                case 270 -> description = keepDescription ? text(e, at, count) : null;
                case 273, 324 -> offsets = values(e, at, type, count);
                case 277 -> samples = (int) values(e, at, type, count)[0];
                case 278 -> rowsPerStrip = values(e, at, type, count)[0];
                case 279, 325 -> counts = values(e, at, type, count);
                case 284 -> planar = (int) values(e, at, type, count)[0];
                case 320 -> colorMap = toInts(values(e, at, type, count));
                case 322 -> tiled = true;
                case 339 -> format = (int) values(e, at, type, count)[0];
                default -> { }
            }
        }

        TiffIfd toIfd(String source) {
            if (width < 1 || height < 1 || offsets == null || counts == null || offsets.length != counts.length) {
                throw new InputException(source, "corrupt TIFF: an IFD lacks its size or strips");
            }
            int rows = (int) Math.min(height, Math.max(1, rowsPerStrip));
            return new TiffIfd(width, height, bits, samples, format, compression, photometric, planar, rows, offsets,
                    counts, colorMap, tiled, description);
        }

        private long[] values(ByteBuffer e, int at, int type, long count) throws IOException {
            int size = switch (type) {
                case 1, 2, 6, 7 -> 1;
                case 3, 8 -> 2;
                case 4, 9, 11, 13 -> 4;
                case 16, 17, 18 -> 8;
                default -> throw new InputException(path.toString(), "corrupt TIFF: tag type " + type);
            };
            if (count < 1 || count > (1 << 26)) {
                throw new InputException(path.toString(), "corrupt TIFF: tag with " + count + " values");
            }
            int inline = big ? 8 : 4;
            long bytes = count * size;
            ByteBuffer v = bytes <= inline ? slice(e, at + (big ? 12 : 8), inline)
                    : buffer(big ? e.getLong(at + 12) : e.getInt(at + 8) & 0xFFFFFFFFL, (int) bytes);
            long[] out = new long[(int) count];
            for (int i = 0; i < count; i++) {
                out[i] = switch (size) {
                    case 1 -> v.get(i) & 0xFF;
                    case 2 -> v.getShort(2 * i) & 0xFFFF;
                    case 4 -> v.getInt(4 * i) & 0xFFFFFFFFL;
                    default -> v.getLong(8 * i);
                };
            }
            return out;
        }

        private String text(ByteBuffer e, int at, long count) throws IOException {
            long[] v = values(e, at, 2, count);
            byte[] b = new byte[v.length];
            int n = 0;
            for (long x : v) {
                if (x == 0) {
                    break;
                }
                b[n++] = (byte) x;
            }
            return decode(b, n);
        }
    }

    /** @return the text as UTF-8, or as ISO-8859-1 when it is not valid UTF-8 (a Latin-1 "µm") */
    static String decode(byte[] b, int n) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, 0, n)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(b, 0, n, StandardCharsets.ISO_8859_1);
        }
    }

    private static int[] toInts(long[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    private ByteBuffer slice(ByteBuffer e, int at, int len) {
        ByteBuffer s = ByteBuffer.allocate(len).order(order);
        for (int i = 0; i < len; i++) {
            s.put(i, e.get(at + i));
        }
        return s;
    }

    private ByteBuffer buffer(long at, int len) throws IOException {
        if (at < 0 || at + len > channel.size()) {
            throw new InputException(path.toString(), "corrupt TIFF: data at byte " + at + " beyond the end of the file");
        }
        ByteBuffer b = ByteBuffer.allocate(len).order(order);
        readFully(channel, b, at, path);
        return b;
    }

    /** Reads {@code buf.remaining()} bytes at {@code pos}. */
    static void readFully(FileChannel ch, ByteBuffer buf, long pos, Path path) throws IOException {
        int start = buf.position();
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos + buf.position() - start);
            if (n < 0) {
                throw new InputException(path.toString(), "truncated TIFF: data ends at byte " + (pos + buf.position() - start));
            }
        }
        buf.flip();
    }
}
