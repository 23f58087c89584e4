package org.ceusperfusion.io;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.InputException;

/**
 * Extracts the raw sample values of each frame from DICOM pixel data: native (uncompressed, any
 * planar configuration, 8/16 bits, either byte order), RLE Lossless, JPEG (baseline, extended, lossless).
 * Output samples are interleaved ({@code p * samples + s}) and already masked to Bits Stored, with
 * signed values shifted by {@code 2^(BitsStored−1)} so that they run from 0 to {@code 2^BitsStored − 1}.
 */
final class DicomPixelDecoder {
    private final ByteReader reader;
    private final DicomElement pixels;
    private final PixelFormat format;
    private final TransferSyntax syntax;
    private final List<long[][]> frameFragments;

    /**
     * @throws InputException when the pixel data are missing or too short for the declared frames
     */
    DicomPixelDecoder(DicomDataset ds, PixelFormat format, TransferSyntax syntax) {
        this.reader = ds.reader();
        this.format = format;
        this.syntax = syntax;
        this.pixels = ds.element(DicomDictionary.PIXEL_DATA);
        String src = reader.source();
        if (pixels == null) {
            throw new InputException(src, "DICOM without pixel data (7FE0,0010)");
        }
        if (syntax.pixels() == TransferSyntax.Pixels.NATIVE) {
            if (pixels.encapsulated()) {
                throw new InputException(src, "corrupt DICOM: compressed pixel data in an uncompressed transfer syntax");
            }
            long need = format.nativeFrameBytes() * format.frames();
            if (pixels.length() < need) {
                throw new InputException(src, "truncated DICOM: pixel data at byte " + pixels.offset() + " hold "
                        + pixels.length() + " bytes, " + format.frames() + " frames of " + format.columns() + "x"
                        + format.rows() + " need " + need);
            }
            if (format.photometric().equals("YBR_FULL_422") && format.columns() % 2 != 0) {
                throw new InputException(src, "corrupt DICOM: YBR_FULL_422 with an odd number of columns");
            }
            frameFragments = List.of();
        } else {
            if (!pixels.encapsulated()) {
                throw new InputException(src, "corrupt DICOM: " + syntax.label() + " without encapsulated pixel data");
            }
            frameFragments = FrameFragments.group(pixels, format.frames(), syntax, reader);
        }
    }

    /** @return the photometric interpretation of the samples this decoder returns */
    String outputPhotometric() {
        String pi = format.photometric();
        if (syntax.pixels() == TransferSyntax.Pixels.JPEG && format.samples() == 3) {
            // the lossy decoder converts YCbCr to RGB; lossless samples stay in the header's colour model
            return "RGB";
        }
        return pi.equals("YBR_FULL_422") ? "YBR_FULL" : pi;
    }

    /**
     * @param index frame index, 0-based
     * @return the frame's samples, {@code pixels × samples} values
     */
    int[] frame(int index) {
        switch (syntax.pixels()) {
            case NATIVE:
                return normalise(nativeFrame(index));
            case RLE: {
                byte[] bytes = concat(frameFragments.get(index));
                return normalise(RleDecoder.decode(new ByteReader(bytes, reader.source(), false), 0,
                        bytes.length, format));
            }
            default:
                return normalise(JpegFrameDecoder.decode(concat(frameFragments.get(index)), format,
                        syntax.pixels() == TransferSyntax.Pixels.JPEG_LOSSLESS, reader.source(), index));
        }
    }

    /**
     * @return whether the frames are lossy 8-bit three-component JPEG with a YBR_FULL or YBR_FULL_422
     *         header, so that {@link JpegLuma} may read their grey values from the luma plane
     */
    boolean lumaCandidate() {
        return syntax.pixels() == TransferSyntax.Pixels.JPEG && format.samples() == 3 && format.bitsStored() == 8
                && !format.signed() && format.photometric().startsWith("YBR_FULL");
    }

    /** @return the compressed stream of frame {@code index} (0-based) */
    byte[] compressed(int index) {
        return concat(frameFragments.get(index));
    }

    /** Copies the frame's bytes once (from memory or a mapped file), then unpacks the samples. */
    private int[] nativeFrame(int index) {
        byte[] d = reader.copy(pixels.offset() + format.nativeFrameBytes() * index, format.nativeFrameBytes());
        if (format.photometric().equals("YBR_FULL_422")) {
            return expand422(d);
        }
        int n = format.pixels();
        int spp = format.samples();
        int[] out = new int[n * spp];
        boolean swap8 = reader.bigEndian() && format.bitsAllocated() == 8 && pixels.vr().equals("OW");
        boolean eight = format.bitsAllocated() == 8;
        boolean big = reader.bigEndian();
        for (int s = 0; s < spp; s++) {
            for (int p = 0; p < n; p++) {
                int i = format.planar() ? s * n + p : p * spp + s;
                int v;
                if (eight) {
                    v = d[swap8 ? (i ^ 1) : i] & 0xFF;
                } else {
                    int a = d[2 * i] & 0xFF;
                    int b = d[2 * i + 1] & 0xFF;
                    v = big ? (a << 8) | b : (b << 8) | a;
                }
                out[p * spp + s] = v;
            }
        }
        return out;
    }

    /** YBR_FULL_422: Y1 Y2 Cb Cr per pair of pixels → YBR_FULL samples. */
    private int[] expand422(byte[] d) {
        int n = format.pixels();
        int[] out = new int[n * 3];
        for (int p = 0; p < n; p += 2) {
            int at = 2 * p;
            int cb = d[at + 2] & 0xFF;
            int cr = d[at + 3] & 0xFF;
            for (int k = 0; k < 2; k++) {
                out[(p + k) * 3] = d[at + k] & 0xFF;
                out[(p + k) * 3 + 1] = cb;
                out[(p + k) * 3 + 2] = cr;
            }
        }
        return out;
    }

    private int[] normalise(int[] raw) {
        int shift = format.highBit() + 1 - format.bitsStored();
        int mask = format.maxValue();
        int half = 1 << (format.bitsStored() - 1);
        boolean signed = format.signed() && !format.photometric().equals("PALETTE COLOR");
        for (int i = 0; i < raw.length; i++) {
            int v = (raw[i] >> shift) & mask;
            if (signed) {
                v = (v ^ half);
            }
            raw[i] = v;
        }
        return raw;
    }

    private byte[] concat(long[][] frags) {
        if (frags.length == 1) {
            return reader.copy(frags[0][0], frags[0][1]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long[] f : frags) {
            out.writeBytes(reader.copy(f[0], f[1]));
        }
        return out.toByteArray();
    }

    /** Groups encapsulated fragments into frames. */
    static final class FrameFragments {
        private FrameFragments() {
        }

        static List<long[][]> group(DicomElement px, int frames, TransferSyntax ts, ByteReader r) {
            List<long[]> frags = px.fragments();
            List<long[][]> out = new ArrayList<>();
            if (frags.size() == frames) {
                for (long[] f : frags) {
                    out.add(new long[][] {f});
                }
                return out;
            }
            if (frames == 1) {
                out.add(frags.toArray(new long[0][]));
                return out;
            }
            if (ts.isJpeg()) {
                List<long[]> current = new ArrayList<>();
                for (long[] f : frags) {
                    boolean soi = f[1] >= 2 && r.u8(f[0]) == 0xFF && r.u8(f[0] + 1) == 0xD8;
                    if (soi && !current.isEmpty()) {
                        out.add(current.toArray(new long[0][]));
                        current = new ArrayList<>();
                    }
                    current.add(f);
                }
                out.add(current.toArray(new long[0][]));
                if (out.size() == frames) {
                    return out;
                }
            }
            throw new InputException(r.source(), "corrupt DICOM: " + frags.size()
                    + " compressed fragments cannot be split into " + frames + " frames");
        }
    }
}
