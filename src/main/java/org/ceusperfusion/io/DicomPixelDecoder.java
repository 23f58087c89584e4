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
                long[][] frags = frameFragments.get(index);
                if (frags.length != 1) {
                    return normalise(RleDecoder.decode(new ByteReader(concat(frags), reader.source(), false),
                            0, totalLength(frags), format));
                }
                return normalise(RleDecoder.decode(reader.withBigEndian(false), frags[0][0], frags[0][1], format));
            }
            default:
                return normalise(JpegFrameDecoder.decode(concat(frameFragments.get(index)), format,
                        syntax.pixels() == TransferSyntax.Pixels.JPEG_LOSSLESS, reader.source(), index));
        }
    }

    private int[] nativeFrame(int index) {
        int n = format.pixels();
        int spp = format.samples();
        long base = pixels.offset() + format.nativeFrameBytes() * index;
        if (format.photometric().equals("YBR_FULL_422")) {
            return expand422(base);
        }
        int[] out = new int[n * spp];
        boolean swap8 = reader.bigEndian() && format.bitsAllocated() == 8 && pixels.vr().equals("OW");
        for (int s = 0; s < spp; s++) {
            for (int p = 0; p < n; p++) {
                long i = format.planar() ? (long) s * n + p : (long) p * spp + s;
                out[p * spp + s] = sampleAt(base, i, swap8);
            }
        }
        return out;
    }

    private int sampleAt(long base, long i, boolean swap8) {
        if (format.bitsAllocated() == 8) {
            long at = base + (swap8 ? (i ^ 1) : i);
            return reader.data()[(int) at] & 0xFF;
        }
        return reader.u16(base + 2 * i);
    }

    /** YBR_FULL_422: Y1 Y2 Cb Cr per pair of pixels → YBR_FULL samples. */
    private int[] expand422(long base) {
        int n = format.pixels();
        int[] out = new int[n * 3];
        byte[] d = reader.data();
        for (int p = 0; p < n; p += 2) {
            long at = base + 2L * p;
            int cb = d[(int) at + 2] & 0xFF;
            int cr = d[(int) at + 3] & 0xFF;
            for (int k = 0; k < 2; k++) {
                out[(p + k) * 3] = d[(int) at + k] & 0xFF;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long[] f : frags) {
            out.write(reader.data(), (int) f[0], (int) f[1]);
        }
        return out.toByteArray();
    }

    private static long totalLength(long[][] frags) {
        long t = 0;
        for (long[] f : frags) {
            t += f[1];
        }
        return t;
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
