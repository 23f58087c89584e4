package org.ceusperfusion.io;

import org.ceusperfusion.InputException;

/**
 * Expands a DICOM segmented palette (PS3.3 C.7.9.2): discrete segments (opcode 0), linear segments
 * (opcode 1, ramp from the previous entry) and indirect segments (opcode 2, replay earlier segments).
 */
final class SegmentedLut {
    private static final int MAX_OUTPUT = 1 << 20;

    private SegmentedLut() {
    }

    /**
     * @param w      the 16-bit words of the segmented data
     * @param source file name for errors
     * @return the table entries
     */
    static int[] expand(int[] w, String source) {
        IntList out = new IntList();
        int i = 0;
        while (i < w.length) {
            i = segment(w, i, out, source, true);
        }
        return out.toArray();
    }

    private static int segment(int[] w, int i, IntList out, String source, boolean allowIndirect) {
        if (i + 1 >= w.length) {
            throw bad(source, "segment header at word " + i + " is cut off");
        }
        int op = w[i];
        int len = w[i + 1];
        switch (op) {
            case 0:
                if (i + 2 + len > w.length) {
                    throw bad(source, "discrete segment at word " + i + " runs past the data");
                }
                for (int k = 0; k < len; k++) {
                    out.add(w[i + 2 + k], source);
                }
                return i + 2 + len;
            case 1:
                return linear(w, i, len, out, source);
            case 2: {
                if (!allowIndirect || i + 3 >= w.length) {
                    throw bad(source, "indirect segment at word " + i + " is invalid");
                }
                long offset = (w[i + 2] & 0xFFFFL) | ((w[i + 3] & 0xFFFFL) << 16);
                int p = (int) Math.min(offset, Integer.MAX_VALUE);
                for (int k = 0; k < len; k++) {
                    if (p < 0 || p >= w.length) {
                        throw bad(source, "indirect segment at word " + i + " points outside the data");
                    }
                    p = segment(w, p, out, source, false);
                }
                return i + 4;
            }
            default:
                throw bad(source, "unknown segment opcode " + op + " at word " + i);
        }
    }

    /** Opcode 1: {@code len} entries ramping from the previous entry to the given end value. */
    private static int linear(int[] w, int i, int len, IntList out, String source) {
        if (i + 2 >= w.length || out.size() == 0) {
            throw bad(source, "linear segment at word " + i + " without start or end value");
        }
        double y0 = out.last();
        int y1 = w[i + 2];
        for (int k = 1; k <= len; k++) {
            out.add((int) Math.round(y0 + (y1 - y0) * k / len), source);
        }
        return i + 3;
    }

    private static InputException bad(String source, String what) {
        return new InputException(source, "corrupt segmented palette: " + what);
    }

    /** A growable int array with a hard size limit. */
    private static final class IntList {
        private int[] a = new int[256];
        private int n;

        void add(int v, String source) {
            if (n >= MAX_OUTPUT) {
                throw bad(source, "more than " + MAX_OUTPUT + " entries");
            }
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        int last() {
            return a[n - 1];
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
