package org.ceusperfusion.io;

import org.ceusperfusion.InputException;

/**
 * DICOM transfer syntaxes this reader knows, by UID: how the data set is encoded and how the pixel
 * data are compressed. Syntaxes marked unsupported are recognised only to name them in the error.
 */
enum TransferSyntax {
    IMPLICIT_LE("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, Pixels.NATIVE),
    EXPLICIT_LE("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, Pixels.NATIVE),
    EXPLICIT_BE("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true, Pixels.NATIVE),
    DEFLATED_LE("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, Pixels.UNSUPPORTED),
    RLE("1.2.840.10008.1.2.5", "RLE Lossless", true, false, Pixels.RLE),
    JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", true, false, Pixels.JPEG),
    JPEG_EXTENDED("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", true, false, Pixels.JPEG),
    JPEG_LOSSLESS("1.2.840.10008.1.2.4.57", "JPEG Lossless (Process 14)", true, false, Pixels.JPEG_LOSSLESS),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", "JPEG Lossless, First-Order Prediction (Process 14 SV1)",
            true, false, Pixels.JPEG_LOSSLESS),
    JPEG_LS_LOSSLESS("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless", true, false, Pixels.UNSUPPORTED),
    JPEG_LS_NEAR("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless", true, false, Pixels.UNSUPPORTED),
    J2K_LOSSLESS("1.2.840.10008.1.2.4.90", "JPEG 2000 (Lossless Only)", true, false, Pixels.UNSUPPORTED),
    J2K("1.2.840.10008.1.2.4.91", "JPEG 2000", true, false, Pixels.UNSUPPORTED),
    MPEG2("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile", true, false, Pixels.UNSUPPORTED),
    MPEG4("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile", true, false, Pixels.UNSUPPORTED),
    HEVC("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile", true, false, Pixels.UNSUPPORTED);

    /**
     * How the pixel data are stored: uncompressed, RLE, lossy JPEG (decoded to RGB by the decoder),
     * lossless JPEG (samples kept as stored, colour model from the header), or not decodable here.
     */
    enum Pixels { NATIVE, RLE, JPEG, JPEG_LOSSLESS, UNSUPPORTED }

    /** @return whether the pixel data are JPEG streams (lossy or lossless) */
    boolean isJpeg() {
        return pixels == Pixels.JPEG || pixels == Pixels.JPEG_LOSSLESS;
    }

    private final String uid;
    private final String label;
    private final boolean explicitVr;
    private final boolean bigEndian;
    private final Pixels pixels;

    TransferSyntax(String uid, String label, boolean explicitVr, boolean bigEndian, Pixels pixels) {
        this.uid = uid;
        this.label = label;
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
        this.pixels = pixels;
    }

    String uid() {
        return uid;
    }

    String label() {
        return label;
    }

    boolean explicitVr() {
        return explicitVr;
    }

    boolean bigEndian() {
        return bigEndian;
    }

    Pixels pixels() {
        return pixels;
    }

    /**
     * @param uid    the Transfer Syntax UID (0002,0010)
     * @param source file name for the error
     * @return the syntax
     * @throws InputException when the syntax is unknown
     */
    static TransferSyntax fromUid(String uid, String source) {
        for (TransferSyntax ts : values()) {
            if (ts.uid.equals(uid)) {
                return ts;
            }
        }
        String shown = uid.length() <= 64 && uid.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9')) ? uid
                : "\"" + uid.replaceAll("[^ -~]", "?").substring(0, Math.min(64, uid.length())) + "\" (not a UID)";
        if (uid.startsWith("1.2.840.10008.1.2.4.")) {
            throw new InputException(source, "unsupported transfer syntax " + shown + " (compressed)");
        }
        throw new InputException(source, "unsupported transfer syntax " + shown + " (unknown)");
    }

    /** Throws the user-facing error for a syntax whose pixels this reader cannot decode. */
    void requireSupported(String source) {
        if (pixels == Pixels.UNSUPPORTED) {
            throw new InputException(source, "unsupported transfer syntax " + uid + " (" + label + ")");
        }
    }
}
