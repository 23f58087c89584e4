package org.ceusperfusion.synth;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.ceusperfusion.cine.CineLoop;

/**
 * A minimal DICOM Part-10 writer for 8-bit grey cine loops: 128-byte preamble, {@code DICM}, file meta
 * group, then an Ultrasound Multi-frame Image Storage data set in explicit VR little endian
 * (MONOCHROME2, 8 bits, uncompressed). Regular loops carry Frame Time (0018,1063), irregular ones a
 * Frame Time Vector (0018,1065: ms increments, the first 0). With a pixel size, a Sequence of
 * Ultrasound Regions (0018,6011) covers the frame with PhysicalDeltaX/Y in cm (units code 3).
 * UIDs are derived from the loop name and seed (2.25 UUID form), so output is deterministic.
 * Package-private; use {@link LoopFiles}.
 */
final class DicomLoopWriter {
    static final String US_MULTIFRAME = "1.2.840.10008.5.1.4.1.1.3.1";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String MANUFACTURER = "CEUS Perfusion synthetic";
    private static final int FRAME_TIME = 0x1063;
    private static final int FRAME_TIME_VECTOR = 0x1065;

    private DicomLoopWriter() {
    }

    static void write(CineLoop loop, SyntheticLoopSpec spec, Path path) throws IOException {
        String instance = uid("instance", spec);
        byte[] meta = meta(instance);
        DicomElements ds = dataset(loop, spec, instance);
        long pixelBytes = (long) loop.width() * loop.height() * loop.frameCount();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            out.write(new byte[128]);
            out.write("DICM".getBytes(StandardCharsets.US_ASCII));
            out.write(meta);
            out.write(ds.bytes());
            DicomElements px = new DicomElements();
            px.header(0x7FE0, 0x0010, "OB", pixelBytes + (pixelBytes % 2));
            out.write(px.bytes());
            for (int k = 0; k < loop.frameCount(); k++) {
                out.write(LoopFiles.bytes(loop.frame(k)));
            }
            if (pixelBytes % 2 == 1) {
                out.write(0);
            }
        }
    }

    private static byte[] meta(String instance) {
        DicomElements body = new DicomElements()
                .ob(0x0002, 0x0001, new byte[] {0, 1})
                .text(0x0002, 0x0002, "UI", US_MULTIFRAME)
                .text(0x0002, 0x0003, "UI", instance)
                .text(0x0002, 0x0010, "UI", EXPLICIT_LE)
                .text(0x0002, 0x0012, "UI", uuidUid("org.ceusperfusion.synth"))
                .text(0x0002, 0x0013, "SH", "CEUSPERF_SYNTH");
        DicomElements meta = new DicomElements().ul(0x0002, 0x0000, body.size());
        meta.raw(body.bytes());
        return meta.bytes();
    }

    private static DicomElements dataset(CineLoop loop, SyntheticLoopSpec spec, String instance) {
        boolean regular = spec.timing().isRegular();
        DicomElements d = new DicomElements()
                .text(0x0008, 0x0008, "CS", "DERIVED\\PRIMARY")
                .text(0x0008, 0x0016, "UI", US_MULTIFRAME)
                .text(0x0008, 0x0018, "UI", instance)
                .text(0x0008, 0x0060, "CS", "US")
                .text(0x0008, 0x0070, "LO", MANUFACTURER)
                .text(0x0008, 0x103E, "LO", "synthetic CEUS loop " + spec.name() + " seed " + spec.seed())
                .text(0x0008, 0x1090, "LO", "SyntheticLoopGenerator")
                .text(0x0010, 0x0010, "PN", "Synthetic^Phantom")
                .text(0x0010, 0x0020, "LO", spec.name());
        if (regular) {
            d.text(0x0018, FRAME_TIME, "DS", ds(1000 * spec.timing().intervalS()));
        } else {
            d.text(0x0018, FRAME_TIME_VECTOR, "DS", frameTimeVector(loop.timesS()));
        }
        if (loop.pixelSizeMm() != null) {
            d.sequence(0x0018, 0x6011, region(loop));
        }
        return d.text(0x0020, 0x000D, "UI", uid("study", spec))
                .text(0x0020, 0x000E, "UI", uid("series", spec))
                .text(0x0020, 0x0013, "IS", "1")
                .us(0x0028, 0x0002, 1)
                .text(0x0028, 0x0004, "CS", "MONOCHROME2")
                .text(0x0028, 0x0008, "IS", Integer.toString(loop.frameCount()))
                .at(0x0028, 0x0009, 0x0018, regular ? FRAME_TIME : FRAME_TIME_VECTOR)
                .us(0x0028, 0x0010, loop.height())
                .us(0x0028, 0x0011, loop.width())
                .us(0x0028, 0x0100, 8)
                .us(0x0028, 0x0101, 8)
                .us(0x0028, 0x0102, 7)
                .us(0x0028, 0x0103, 0);
    }

    private static byte[] region(CineLoop loop) {
        double cm = loop.pixelSizeMm() / 10.0;
        return new DicomElements()
                .us(0x0018, 0x6012, 1)
                .us(0x0018, 0x6014, 1)
                .ul(0x0018, 0x6016, 0)
                .ul(0x0018, 0x6018, 0)
                .ul(0x0018, 0x601A, 0)
                .ul(0x0018, 0x601C, loop.width() - 1)
                .ul(0x0018, 0x601E, loop.height() - 1)
                .us(0x0018, 0x6024, 3)
                .us(0x0018, 0x6026, 3)
                .fd(0x0018, 0x602C, cm)
                .fd(0x0018, 0x602E, cm)
                .bytes();
    }

    /** Frame Time Vector: ms since the previous frame, the first 0, backslash-separated DS values. */
    static String frameTimeVector(double[] timesS) {
        StringBuilder sb = new StringBuilder("0");
        for (int i = 1; i < timesS.length; i++) {
            sb.append('\\').append(ds(1000 * (timesS[i] - timesS[i - 1])));
        }
        return sb.toString();
    }

    /** A decimal string of at most 16 characters (12 significant digits, 0.1 µs resolution). */
    static String ds(double v) {
        BigDecimal b = new BigDecimal(v).round(new MathContext(12)).setScale(4, java.math.RoundingMode.HALF_EVEN);
        String s = b.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private static String uid(String kind, SyntheticLoopSpec spec) {
        return uuidUid("org.ceusperfusion.synth/" + kind + "/" + spec.name() + "/" + spec.seed());
    }

    private static String uuidUid(String key) {
        UUID u = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
        byte[] b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits()).array();
        return "2.25." + new BigInteger(1, b);
    }
}
