package org.ceusperfusion.synth;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A strict test-side walker over explicit-VR little-endian DICOM elements: tag → value bytes. */
final class DicomWalker {
    private static final Set<String> LONG = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");

    private DicomWalker() {
    }

    /** @return elements in file order; keys are {@code GGGGEEEE} in upper-case hex; fails on any inconsistency */
    static Map<String, byte[]> walk(byte[] data, int from, int to) {
        ByteBuffer b = ByteBuffer.wrap(data, 0, to).order(ByteOrder.LITTLE_ENDIAN);
        b.position(from);
        Map<String, byte[]> out = new LinkedHashMap<>();
        long lastTag = -1;
        while (b.position() < to) {
            int group = Short.toUnsignedInt(b.getShort());
            int element = Short.toUnsignedInt(b.getShort());
            int tag = (group << 16) | element;
            if (Integer.toUnsignedLong(tag) <= lastTag) {
                throw new IllegalStateException(String.format("tag %08X out of order", tag));
            }
            lastTag = Integer.toUnsignedLong(tag);
            String vr = new String(new byte[] {b.get(), b.get()}, StandardCharsets.US_ASCII);
            long len;
            if (LONG.contains(vr)) {
                if (b.getShort() != 0) {
                    throw new IllegalStateException("reserved bytes not zero");
                }
                len = Integer.toUnsignedLong(b.getInt());
            } else {
                len = Short.toUnsignedInt(b.getShort());
            }
            if (len % 2 != 0 || b.position() + len > to) {
                throw new IllegalStateException(String.format("bad length %d of %08X", len, tag));
            }
            byte[] v = new byte[(int) len];
            b.get(v);
            out.put(String.format("%08X", tag), v);
        }
        return out;
    }

    static String text(byte[] v) {
        return new String(v, StandardCharsets.US_ASCII).replace("\0", "").trim();
    }

    static int us(byte[] v) {
        return Short.toUnsignedInt(ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).getShort());
    }

    static double fd(byte[] v) {
        return ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).getDouble();
    }

    /** @return the body of the single item of a defined-length sequence value */
    static byte[] singleItem(byte[] sq) {
        ByteBuffer b = ByteBuffer.wrap(sq).order(ByteOrder.LITTLE_ENDIAN);
        if (Short.toUnsignedInt(b.getShort()) != 0xFFFE || Short.toUnsignedInt(b.getShort()) != 0xE000) {
            throw new IllegalStateException("no item tag");
        }
        int len = b.getInt();
        if (len != sq.length - 8) {
            throw new IllegalStateException("item length " + len + " vs " + (sq.length - 8));
        }
        byte[] item = new byte[len];
        b.get(item);
        return item;
    }
}
