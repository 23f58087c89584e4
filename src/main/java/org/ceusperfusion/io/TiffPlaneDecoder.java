package org.ceusperfusion.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.ceusperfusion.InputException;

/**
 * Decodes one TIFF plane (strips; uncompressed, deflate or PackBits) into its samples, and its samples
 * into grey values: unsigned integers as stored, signed integers shifted by half their range onto
 * {@code 0..2^bits−1} (int8 −128..127 → 0..255), floats as stored; white-is-zero inverted; a palette
 * (colour map) applied as the luminance of each entry (0..255); RGB as luminance or on a colour bar.
 */
final class TiffPlaneDecoder {
    private TiffPlaneDecoder() {
    }

    /** @return the names of compressions this decoder cannot read, for the error message */
    static String compressionName(int c) {
        return switch (c) {
            case 5 -> "LZW";
            case 6, 7 -> "JPEG";
            case 33003, 33004, 33005, 34712 -> "JPEG-2000";
            default -> "code " + c;
        };
    }

    /**
     * @return the plane's bytes, strips concatenated and decompressed ({@code planeBytes()} long)
     * @throws InputException for tiles, unsupported compression or bit depths, or truncated data
     */
    static byte[] planeBytes(Path path, FileChannel ch, TiffIfd ifd) throws IOException {
        String source = path.toString();
        if (ifd.tiled()) {
            throw new InputException(source, "tiled TIFF planes are not supported here");
        }
        int c = ifd.compression();
        if (c != 1 && c != 8 && c != 32946 && c != 32773) {
            throw new InputException(source, "TIFF compression " + compressionName(c) + " is not supported here");
        }
        int bits = ifd.bitsPerSample();
        if (bits != 8 && bits != 16 && bits != 32 && bits != 64) {
            throw new InputException(source, bits + "-bit TIFF samples are not supported here");
        }
        long need = ifd.planeBytes();
        if (need > Integer.MAX_VALUE - 64) {
            throw new InputException(source, "TIFF plane too large (" + need + " bytes)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) need);
        for (int s = 0; s < ifd.offsets().length && out.size() < need; s++) {
            long len = ifd.byteCounts()[s];
            if (len < 0 || len > Integer.MAX_VALUE - 64 || ifd.offsets()[s] + len > ch.size()) {
                throw new InputException(source, "truncated TIFF: a strip ends beyond the end of the file");
            }
            ByteBuffer b = ByteBuffer.allocate((int) len);
            TiffStructure.readFully(ch, b, ifd.offsets()[s], path);
            byte[] raw = b.array();
            out.writeBytes(c == 1 ? raw : c == 32773 ? unpackBits(raw) : inflate(source, raw));
        }
        byte[] plane = out.toByteArray();
        if (plane.length < need) {
            throw new InputException(source, "truncated TIFF plane: " + plane.length + " of " + need + " bytes");
        }
        return plane;
    }

    /**
     * @param plane  the plane's bytes
     * @param ifd    its layout
     * @param order  the file's byte order
     * @return one value per sample, samples in interleaved order (RGB planar data is interleaved here)
     */
    static float[] samples(byte[] plane, TiffIfd ifd, ByteOrder order) {
        int pixels = ifd.width() * ifd.height();
        int spp = ifd.samples();
        ByteBuffer b = ByteBuffer.wrap(plane).order(order);
        int size = ifd.bytesPerSample();
        float[] out = new float[pixels * spp];
        for (int p = 0; p < pixels; p++) {
            for (int k = 0; k < spp; k++) {
                int index = ifd.planar() == 2 ? k * pixels + p : p * spp + k;
                out[p * spp + k] = value(b, index * size, size, ifd.sampleFormat());
            }
        }
        return out;
    }

    private static float value(ByteBuffer b, int at, int size, int format) {
        return switch (size) {
            case 1 -> format == 2 ? b.get(at) + 128f : b.get(at) & 0xFF;
            case 2 -> format == 2 ? b.getShort(at) + 32768f : b.getShort(at) & 0xFFFF;
            case 4 -> format == 3 ? b.getFloat(at) : format == 2 ? (float) (b.getInt(at) + 2147483648.0)
                    : (float) (b.getInt(at) & 0xFFFFFFFFL);
            default -> format == 3 ? (float) b.getDouble(at) : (float) b.getLong(at);
        };
    }

    /**
     * @return the largest value of the stored scale: 2^bits − 1 for 8/16-bit integers and palettes (255),
     *         {@code NaN} for 32/64-bit data (the caller uses the largest value found)
     */
    static double fullScale(TiffIfd ifd) {
        if (ifd.photometric() == 3 && ifd.colorMap() != null) {
            return 255;
        }
        return ifd.bitsPerSample() == 8 ? 255 : ifd.bitsPerSample() == 16 ? 65535 : Double.NaN;
    }

    /**
     * Grey values of a one-sample plane: white-is-zero inverted, a palette applied as luminance.
     *
     * @param s one value per pixel
     */
    static float[] grey(float[] s, TiffIfd ifd) {
        if (ifd.photometric() == 3 && ifd.colorMap() != null) {
            int[] map = ifd.colorMap();
            int n = map.length / 3;
            float[] g = new float[s.length];
            for (int i = 0; i < s.length; i++) {
                int v = Math.max(0, Math.min(n - 1, (int) s[i]));
                g[i] = PhotometricConverter.luminance(map[v] / 257f, map[n + v] / 257f, map[2 * n + v] / 257f);
            }
            return g;
        }
        if (ifd.photometric() == 0 && ifd.sampleFormat() != 3 && ifd.bitsPerSample() <= 16) {
            float max = (float) fullScale(ifd);
            for (int i = 0; i < s.length; i++) {
                s[i] = max - s[i];
            }
        }
        return s;
    }

    private static byte[] unpackBits(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 2);
        int i = 0;
        while (i < in.length) {
            int n = in[i++];
            if (n >= 0) {
                int len = Math.min(n + 1, in.length - i);
                out.write(in, i, len);
                i += len;
            } else if (n != -128 && i < in.length) {
                byte v = in[i++];
                for (int k = 0; k < 1 - n; k++) {
                    out.write(v);
                }
            }
        }
        return out.toByteArray();
    }

    private static byte[] inflate(String source, byte[] in) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(in);
            ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 4);
            byte[] buf = new byte[1 << 16];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new InputException(source, "corrupt deflate data in a TIFF strip: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }
}
