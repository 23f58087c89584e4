package org.ceusperfusion.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceusperfusion.InputException;

/**
 * The timing and codec fields of an AVI (RIFF) header, read by this package (ImageJ's AVI reader does
 * not expose them): the main header {@code avih} (dwMicroSecPerFrame, dwTotalFrames) and the first
 * video stream's {@code strh} (dwScale, dwRate, fccHandler) and {@code strf} (biCompression).
 *
 * @param microSecPerFrame dwMicroSecPerFrame of {@code avih}, 0 when absent
 * @param totalFrames      dwTotalFrames of {@code avih}
 * @param scale            dwScale of the video {@code strh}, 0 when absent
 * @param rate             dwRate of the video {@code strh}, 0 when absent
 * @param codec            four-character code of the compression ({@code MJPG}, {@code Y800}, ...), or
 *                         {@code raw} for uncompressed DIB ({@code biCompression} 0)
 */
record AviHeader(long microSecPerFrame, long totalFrames, long scale, long rate, String codec) {
    /** Bytes of the file scanned for the header lists. */
    private static final int HEAD_BYTES = 1 << 16;

    /**
     * @return the frame interval in s: {@code scale / rate} when both are positive, else
     *         {@code microSecPerFrame / 1e6}, else {@code NaN}
     */
    double frameIntervalS() {
        if (rate > 0 && scale > 0) {
            return (double) scale / rate;
        }
        return microSecPerFrame > 0 ? microSecPerFrame / 1e6 : Double.NaN;
    }

    /** @return which field gave {@link #frameIntervalS()}: {@code strh}, {@code avih} or {@code none} */
    String timingField() {
        return rate > 0 && scale > 0 ? "strh" : microSecPerFrame > 0 ? "avih" : "none";
    }

    /**
     * @param path the AVI file
     * @return its header fields
     * @throws InputException when the RIFF structure is not an AVI or is truncated
     */
    static AviHeader read(Path path) {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new InputException(path.toString(), "cannot read file: " + e.getMessage(), e);
        }
        return parse(head, path.toString());
    }

    /** Parses the RIFF chunks at the start of an AVI file. */
    static AviHeader parse(byte[] head, String source) {
        ByteReader r = new ByteReader(head, source, false);
        if (!LoopReader.isAvi(head)) {
            throw new InputException(source, "not an AVI file (no RIFF/AVI header)");
        }
        long[] f = new long[4];
        String[] codec = {null, null};
        walk(r, 12, head.length, f, codec, 0);
        if (f[0] == 0 && f[3] == 0) {
            throw new InputException(source, "corrupt AVI: no main header (avih) in the first " + head.length + " bytes");
        }
        String c = codec[1] != null ? codec[1] : codec[0] != null ? codec[0] : "unknown";
        return new AviHeader(f[0], f[1], f[2], f[3], c);
    }

    private static void walk(ByteReader r, long pos, long end, long[] f, String[] codec, int depth) {
        boolean sawVideo = false;
        while (pos + 8 <= end && depth < 4) {
            String id = r.ascii(pos, 4);
            long size = r.u32(pos + 4);
            long body = pos + 8;
            long bodyEnd = Math.min(end, body + size);
            if (id.equals("LIST") && body + 4 <= bodyEnd) {
                String type = r.ascii(body, 4);
                if (type.equals("movi")) {
                    return;
                }
                walk(r, body + 4, bodyEnd, f, codec, depth + 1);
            } else if (id.equals("avih") && body + 20 <= bodyEnd) {
                f[0] = r.u32(body);
                f[1] = r.u32(body + 16);
            } else if (id.equals("strh") && body + 28 <= bodyEnd && r.ascii(body, 4).equals("vids") && f[3] == 0) {
                codec[0] = fourcc(r.ascii(body + 4, 4));
                f[2] = r.u32(body + 20);
                f[3] = r.u32(body + 24);
                sawVideo = true;
            } else if (id.equals("strf") && sawVideo && body + 20 <= bodyEnd && codec[1] == null) {
                long compression = r.u32(body + 16);
                codec[1] = compression == 0 ? "raw" : fourcc(r.ascii(body + 16, 4));
            }
            pos = body + size + (size & 1);
        }
    }

    private static String fourcc(String s) {
        String t = s.replace('\0', ' ').strip();
        return t.isEmpty() ? null : t;
    }
}
