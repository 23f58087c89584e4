package org.ceusperfusion.motion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.UltrasoundRegion;

/**
 * Writes a loop as an 8-bit MONOCHROME2 ultrasound multi-frame DICOM (explicit VR little endian) with its
 * ultrasound regions, for tests: the synth writer covers the frame with a single region.
 */
final class SideBySideDicom {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private SideBySideDicom() {
    }

    static void write(CineLoop loop, Path path) throws IOException {
        SideBySideDicom meta = new SideBySideDicom();
        meta.text(0x0002, 0x0002, "UI", "1.2.840.10008.5.1.4.1.1.3.1");
        meta.text(0x0002, 0x0003, "UI", "2.25.1234567");
        meta.text(0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1");
        SideBySideDicom d = new SideBySideDicom();
        d.text(0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.3.1");
        d.text(0x0008, 0x0018, "UI", "2.25.1234567");
        d.text(0x0008, 0x0060, "CS", "US");
        d.text(0x0018, 0x1063, "DS", Double.toString(1000 * loop.frameIntervalS()));
        d.sequence(0x0018, 0x6011, loop.metadata().regions());
        d.us(0x0028, 0x0002, 1);
        d.text(0x0028, 0x0004, "CS", "MONOCHROME2");
        d.text(0x0028, 0x0008, "IS", Integer.toString(loop.frameCount()));
        d.us(0x0028, 0x0010, loop.height());
        d.us(0x0028, 0x0011, loop.width());
        d.us(0x0028, 0x0100, 8);
        d.us(0x0028, 0x0101, 8);
        d.us(0x0028, 0x0102, 7);
        d.us(0x0028, 0x0103, 0);
        int size = loop.width() * loop.height();
        byte[] px = new byte[size * loop.frameCount() + (size * loop.frameCount()) % 2];
        for (int k = 0; k < loop.frameCount(); k++) {
            float[] f = loop.frame(k);
            for (int i = 0; i < size; i++) {
                px[k * size + i] = (byte) Math.round(f[i]);
            }
        }
        d.element(0x7FE0, 0x0010, "OB", px);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[128]);
        file.write("DICM".getBytes(StandardCharsets.US_ASCII));
        SideBySideDicom group = new SideBySideDicom();
        group.element(0x0002, 0x0000, "UL", le(4).putInt(meta.out.size()).array());
        file.write(group.out.toByteArray());
        file.write(meta.out.toByteArray());
        file.write(d.out.toByteArray());
        Files.write(path, file.toByteArray());
    }

    private void sequence(int group, int elem, List<UltrasoundRegion> regions) throws IOException {
        ByteArrayOutputStream items = new ByteArrayOutputStream();
        for (UltrasoundRegion r : regions) {
            SideBySideDicom it = new SideBySideDicom();
            it.us(0x0018, 0x6012, r.spatialFormat());
            it.us(0x0018, 0x6014, r.dataType());
            it.element(0x0018, 0x6016, "UL", le(4).putInt(0).array());
            it.element(0x0018, 0x6018, "UL", le(4).putInt(r.minX0()).array());
            it.element(0x0018, 0x601A, "UL", le(4).putInt(r.minY0()).array());
            it.element(0x0018, 0x601C, "UL", le(4).putInt(r.maxX1()).array());
            it.element(0x0018, 0x601E, "UL", le(4).putInt(r.maxY1()).array());
            it.us(0x0018, 0x6024, 3);
            it.us(0x0018, 0x6026, 3);
            it.element(0x0018, 0x602C, "FD", le(8).putDouble(r.physicalDeltaXMm() / 10).array());
            it.element(0x0018, 0x602E, "FD", le(8).putDouble(r.physicalDeltaYMm() / 10).array());
            byte[] body = it.out.toByteArray();
            items.write(le(8).putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(body.length).array());
            items.write(body);
        }
        element(group, elem, "SQ", items.toByteArray());
    }

    private void us(int group, int elem, int v) throws IOException {
        element(group, elem, "US", le(2).putShort((short) v).array());
    }

    private void text(int group, int elem, String vr, String v) throws IOException {
        byte[] b = v.getBytes(StandardCharsets.US_ASCII);
        if (b.length % 2 == 1) {
            byte[] p = new byte[b.length + 1];
            System.arraycopy(b, 0, p, 0, b.length);
            p[b.length] = (byte) (vr.equals("UI") ? 0 : ' ');
            b = p;
        }
        element(group, elem, vr, b);
    }

    private void element(int group, int elem, String vr, byte[] value) throws IOException {
        boolean longForm = vr.equals("OB") || vr.equals("SQ");
        ByteBuffer h = le(longForm ? 12 : 8).putShort((short) group).putShort((short) elem);
        h.put(vr.getBytes(StandardCharsets.US_ASCII));
        if (longForm) {
            h.putShort((short) 0).putInt(value.length);
        } else {
            h.putShort((short) value.length);
        }
        out.write(h.array());
        out.write(value);
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
