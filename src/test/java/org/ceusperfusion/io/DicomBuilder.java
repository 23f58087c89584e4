package org.ceusperfusion.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Writes small DICOM files for tests (meta header explicit VR LE, data set in the chosen syntax). */
final class DicomBuilder {
    private static final Set<String> LONG = Set.of("OB", "OW", "SQ", "UN", "UT", "OF", "OD");
    private final TransferSyntax syntax;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    DicomBuilder(TransferSyntax syntax) {
        this.syntax = syntax;
    }

    private ByteBuffer buf(int n, boolean big) {
        return ByteBuffer.allocate(n).order(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }

    DicomBuilder raw(int tag, String vr, byte[] value) {
        writeElement(body, tag, vr, value, syntax.explicitVr(), syntax.bigEndian(), false);
        return this;
    }

    private void writeElement(ByteArrayOutputStream out, int tag, String vr, byte[] value, boolean explicit,
                              boolean big, boolean undefined) {
        long len = undefined ? 0xFFFFFFFFL : value.length;
        ByteBuffer b = buf(12, big);
        b.putShort((short) (tag >>> 16)).putShort((short) tag);
        if (explicit) {
            b.put(vr.getBytes(StandardCharsets.US_ASCII));
            if (LONG.contains(vr)) {
                b.putShort((short) 0).putInt((int) len);
            } else {
                b.putShort((short) len);
            }
        } else {
            b.putInt((int) len);
        }
        out.write(b.array(), 0, b.position());
        out.write(value, 0, value.length);
    }

    DicomBuilder str(int tag, String vr, String s) {
        byte[] v = s.getBytes(StandardCharsets.ISO_8859_1);
        if (v.length % 2 == 1) {
            v = (s + (vr.equals("UI") ? "\0" : " ")).getBytes(StandardCharsets.ISO_8859_1);
        }
        return raw(tag, vr, v);
    }

    DicomBuilder us(int tag, int... values) {
        ByteBuffer b = buf(2 * values.length, syntax.bigEndian());
        for (int v : values) {
            b.putShort((short) v);
        }
        return raw(tag, "US", b.array());
    }

    DicomBuilder ul(int tag, long... values) {
        ByteBuffer b = buf(4 * values.length, syntax.bigEndian());
        for (long v : values) {
            b.putInt((int) v);
        }
        return raw(tag, "UL", b.array());
    }

    DicomBuilder fd(int tag, double... values) {
        ByteBuffer b = buf(8 * values.length, syntax.bigEndian());
        for (double v : values) {
            b.putDouble(v);
        }
        return raw(tag, "FD", b.array());
    }

    DicomBuilder ow(int tag, int... words) {
        ByteBuffer b = buf(2 * words.length, syntax.bigEndian());
        for (int v : words) {
            b.putShort((short) v);
        }
        return raw(tag, "OW", b.array());
    }

    /** A sequence whose items are the data-set bodies of other builders (same syntax). */
    DicomBuilder sequence(int tag, boolean undefinedLength, DicomBuilder... items) {
        boolean big = syntax.bigEndian();
        ByteArrayOutputStream seq = new ByteArrayOutputStream();
        for (DicomBuilder item : items) {
            byte[] ib = item.body.toByteArray();
            ByteBuffer h = buf(8, big);
            h.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(undefinedLength ? -1 : ib.length);
            seq.write(h.array(), 0, 8);
            seq.write(ib, 0, ib.length);
            if (undefinedLength) {
                ByteBuffer e = buf(8, big);
                e.putShort((short) 0xFFFE).putShort((short) 0xE00D).putInt(0);
                seq.write(e.array(), 0, 8);
            }
        }
        if (undefinedLength) {
            ByteBuffer e = buf(8, big);
            e.putShort((short) 0xFFFE).putShort((short) 0xE0DD).putInt(0);
            seq.write(e.array(), 0, 8);
        }
        byte[] v = seq.toByteArray();
        writeElement(body, tag, "SQ", v, syntax.explicitVr(), big, undefinedLength);
        return this;
    }

    /** Encapsulated pixel data: empty offset table, one fragment per frame. */
    DicomBuilder encapsulated(byte[]... frames) {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        ByteBuffer h = buf(8, false);
        h.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(0);
        v.write(h.array(), 0, 8);
        for (byte[] f : frames) {
            ByteBuffer i = buf(8, false);
            i.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(f.length);
            v.write(i.array(), 0, 8);
            v.write(f, 0, f.length);
        }
        ByteBuffer e = buf(8, false);
        e.putShort((short) 0xFFFE).putShort((short) 0xE0DD).putInt(0);
        v.write(e.array(), 0, 8);
        byte[] vb = v.toByteArray();
        writeElement(body, DicomDictionary.PIXEL_DATA, "OB", vb, true, false, true);
        return this;
    }

    /**
     * Encapsulated pixel data as scanners write it: a basic offset table holding the byte offset of
     * each frame's item (from the first fragment item), then one fragment per frame, each padded to an
     * even length with a trailing zero byte.
     */
    DicomBuilder encapsulatedWithOffsets(byte[]... frames) {
        ByteArrayOutputStream items = new ByteArrayOutputStream();
        ByteBuffer offsets = buf(4 * frames.length, false);
        for (byte[] f : frames) {
            offsets.putInt(items.size());
            byte[] even = f.length % 2 == 0 ? f : java.util.Arrays.copyOf(f, f.length + 1);
            ByteBuffer i = buf(8, false);
            i.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(even.length);
            items.write(i.array(), 0, 8);
            items.write(even, 0, even.length);
        }
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        ByteBuffer h = buf(8, false);
        h.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(4 * frames.length);
        v.write(h.array(), 0, 8);
        v.write(offsets.array(), 0, 4 * frames.length);
        v.writeBytes(items.toByteArray());
        ByteBuffer e = buf(8, false);
        e.putShort((short) 0xFFFE).putShort((short) 0xE0DD).putInt(0);
        v.write(e.array(), 0, 8);
        writeElement(body, DicomDictionary.PIXEL_DATA, "OB", v.toByteArray(), true, false, true);
        return this;
    }

    /** @return a Part-10 file: preamble, DICM, meta header with the transfer syntax, data set */
    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[128], 0, 128);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        byte[] uid = (syntax.uid().length() % 2 == 1 ? syntax.uid() + "\0" : syntax.uid())
                .getBytes(StandardCharsets.US_ASCII);
        writeElement(out, DicomDictionary.TRANSFER_SYNTAX, "UI", uid, true, false, false);
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }
}
