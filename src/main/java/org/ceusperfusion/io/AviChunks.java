package org.ceusperfusion.io;

import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.InputException;

/**
 * Finds the video frame chunks ({@code ##dc}, {@code ##db}) of an AVI file: walks the RIFF tree into the
 * {@code movi} lists (also inside {@code rec } lists and OpenDML {@code AVIX} extensions). Sizes are
 * checked against the file, nesting is limited and every step advances, so corrupt files end in an
 * {@link InputException} or a shorter list, never a hang.
 */
final class AviChunks {
    private static final int MAX_DEPTH = 6;

    private AviChunks() {
    }

    /**
     * @param r the whole file
     * @return {@code {offset, length}} of each non-empty video frame chunk, in file order
     * @throws InputException when no video chunk is found
     */
    static List<long[]> videoFrames(ByteReader r) {
        List<long[]> out = new ArrayList<>();
        walk(r, 0, r.length(), out, 0, false);
        if (out.isEmpty()) {
            throw new InputException(r.source(), "AVI without video frames (no ##dc/##db chunk in a movi list)");
        }
        return out;
    }

    private static void walk(ByteReader r, long pos, long end, List<long[]> out, int depth, boolean inMovi) {
        while (pos + 8 <= end && depth < MAX_DEPTH) {
            String id = r.ascii(pos, 4);
            long size = r.u32(pos + 4);
            long body = pos + 8;
            long bodyEnd = Math.min(end, body + size);
            boolean list = id.equals("LIST") || id.equals("RIFF");
            if (list && body + 4 <= bodyEnd) {
                String type = r.ascii(body, 4);
                walk(r, body + 4, bodyEnd, out, depth + 1, inMovi || type.equals("movi"));
            } else if (inMovi && isVideoChunk(id) && size > 0) {
                if (body + size > r.length()) {
                    throw new InputException(r.source(), "truncated AVI: frame chunk at byte " + pos + " needs "
                            + size + " bytes, the file ends at byte " + r.length());
                }
                out.add(new long[] {body, size});
            }
            pos = body + size + (size & 1);
        }
    }

    private static boolean isVideoChunk(String id) {
        return Character.isDigit(id.charAt(0)) && Character.isDigit(id.charAt(1))
                && (id.endsWith("dc") || id.endsWith("db"));
    }
}
