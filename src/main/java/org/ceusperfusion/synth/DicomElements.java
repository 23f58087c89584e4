package org.ceusperfusion.synth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Encodes DICOM data elements in explicit VR little endian into a byte buffer. Package-private.
 */
final class DicomElements {
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC",
            "UN", "UR", "UT", "UV");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** @return the bytes written so far */
    byte[] bytes() {
        return out.toByteArray();
    }

    /** @return the number of bytes written so far */
    int size() {
        return out.size();
    }

    /** Writes a text element; UI values are padded with NUL, the others with a space, to even length. */
    DicomElements text(int group, int element, String vr, String value) {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        int len = b.length + (b.length % 2);
        header(group, element, vr, len);
        out.writeBytes(b);
        if (len > b.length) {
            out.write(vr.equals("UI") ? 0 : ' ');
        }
        return this;
    }

    /** Writes an unsigned short (US). */
    DicomElements us(int group, int element, int value) {
        header(group, element, "US", 2);
        u16(value);
        return this;
    }

    /** Writes an unsigned long (UL). */
    DicomElements ul(int group, int element, long value) {
        header(group, element, "UL", 4);
        u32(value);
        return this;
    }

    /** Writes a double (FD). */
    DicomElements fd(int group, int element, double value) {
        header(group, element, "FD", 8);
        long bits = Double.doubleToLongBits(value);
        u32(bits & 0xFFFFFFFFL);
        u32(bits >>> 32);
        return this;
    }

    /** Writes an attribute tag (AT) value. */
    DicomElements at(int group, int element, int valueGroup, int valueElement) {
        header(group, element, "AT", 4);
        u16(valueGroup);
        u16(valueElement);
        return this;
    }

    /** Writes an OB element with the given bytes, padded with a zero byte to even length. */
    DicomElements ob(int group, int element, byte[] value) {
        int len = value.length + (value.length % 2);
        header(group, element, "OB", len);
        out.writeBytes(value);
        if (len > value.length) {
            out.write(0);
        }
        return this;
    }

    /** Writes a sequence of defined length holding one item per given encoded item body. */
    DicomElements sequence(int group, int element, byte[]... items) {
        int len = 0;
        for (byte[] item : items) {
            len += 8 + item.length;
        }
        header(group, element, "SQ", len);
        for (byte[] item : items) {
            u16(0xFFFE);
            u16(0xE000);
            u32(item.length);
            out.writeBytes(item);
        }
        return this;
    }

    /** Writes just the header of an element whose value follows separately. */
    void header(int group, int element, String vr, long length) {
        u16(group);
        u16(element);
        out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
        if (LONG_VRS.contains(vr)) {
            u16(0);
            u32(length);
        } else {
            if (length > 0xFFFF) {
                throw new IllegalArgumentException(String.format("value of (%04X,%04X) too long for VR %s: %d bytes",
                        group, element, vr, length));
            }
            u16((int) length);
        }
    }

    /** Writes raw bytes. */
    void raw(byte[] b) {
        out.writeBytes(b);
    }

    private void u16(int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private void u32(long v) {
        u16((int) (v & 0xFFFF));
        u16((int) ((v >>> 16) & 0xFFFF));
    }
}
