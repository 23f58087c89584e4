package org.ceusperfusion.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The elements of one DICOM data set (or sequence item), with typed, bounds-checked value access.
 * Absent elements give {@code null} or empty arrays; malformed numbers give {@code NaN}.
 */
final class DicomDataset {
    private final ByteReader reader;
    private final Map<Integer, DicomElement> elements = new LinkedHashMap<>();

    /** @param reader the file bytes with the byte order of this data set */
    DicomDataset(ByteReader reader) {
        this.reader = reader;
    }

    void put(DicomElement e) {
        elements.put(e.tag(), e);
    }

    ByteReader reader() {
        return reader;
    }

    boolean has(int tag) {
        return elements.containsKey(tag);
    }

    DicomElement element(int tag) {
        return elements.get(tag);
    }

    /** @return the items of a sequence, empty when absent */
    List<DicomDataset> items(int tag) {
        DicomElement e = elements.get(tag);
        return e == null ? List.of() : e.items();
    }

    /** @return the whole text value without padding, or {@code null} when absent or empty */
    String string(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.length() == 0) {
            return null;
        }
        String s = reader.ascii(e.offset(), valueLength(e)).replace('\0', ' ').strip();
        return s.isEmpty() ? null : s;
    }

    /** @return the numeric values of a DS, IS, US, SS, UL, SL, FL or FD element; empty when absent */
    double[] numbers(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.length() == 0) {
            return new double[0];
        }
        switch (e.vr()) {
            case "US": case "OW": return fixed(e, 2, false);
            case "SS": return fixed(e, 2, true);
            case "UL": return fixed(e, 4, false);
            case "SL": return fixed(e, 4, true);
            case "FL": case "OF": return floats(e, 4);
            case "FD": case "OD": return floats(e, 8);
            default: return decimals(e);
        }
    }

    /** @return the first numeric value, or {@code NaN} when absent */
    double number(int tag) {
        double[] v = numbers(tag);
        return v.length == 0 ? Double.NaN : v[0];
    }

    /** @return the first numeric value as an int, or {@code fallback} when absent or not finite */
    int integer(int tag, int fallback) {
        double v = number(tag);
        return Double.isFinite(v) && Math.abs(v) < Integer.MAX_VALUE ? (int) Math.round(v) : fallback;
    }

    /** @return the value as unsigned 16-bit words (OW, US), in this data set's byte order */
    int[] words(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null) {
            return new int[0];
        }
        int[] w = new int[valueLength(e) / 2];
        for (int i = 0; i < w.length; i++) {
            w[i] = reader.u16(e.offset() + 2L * i);
        }
        return w;
    }

    /** Longest value read as text or numbers, bytes; longer (corrupt or pixel) values are cut there. */
    private static final int MAX_VALUE_BYTES = 1 << 24;

    private static int valueLength(DicomElement e) {
        return (int) Math.min(e.length(), MAX_VALUE_BYTES);
    }

    private double[] fixed(DicomElement e, int size, boolean signed) {
        double[] v = new double[valueLength(e) / size];
        for (int i = 0; i < v.length; i++) {
            long off = e.offset() + (long) i * size;
            long raw = size == 2 ? reader.u16(off) : reader.u32(off);
            if (signed) {
                raw = size == 2 ? (short) raw : (int) raw;
            }
            v[i] = raw;
        }
        return v;
    }

    private double[] floats(DicomElement e, int size) {
        double[] v = new double[valueLength(e) / size];
        for (int i = 0; i < v.length; i++) {
            long off = e.offset() + (long) i * size;
            v[i] = size == 4 ? reader.f32(off) : reader.f64(off);
        }
        return v;
    }

    private double[] decimals(DicomElement e) {
        String s = reader.ascii(e.offset(), valueLength(e)).replace('\0', ' ');
        List<Double> out = new ArrayList<>();
        for (String part : s.split("\\\\", -1)) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            try {
                out.add(Double.parseDouble(p));
            } catch (NumberFormatException ex) {
                out.add(Double.NaN);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
