package org.ceusperfusion.io;

import static org.ceusperfusion.io.DicomDictionary.ITEM;
import static org.ceusperfusion.io.DicomDictionary.ITEM_END;
import static org.ceusperfusion.io.DicomDictionary.PIXEL_DATA;
import static org.ceusperfusion.io.DicomDictionary.SEQUENCE_END;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ceusperfusion.InputException;

/**
 * Parses a DICOM Part-10 file held in memory into data elements: the 128-byte preamble and
 * {@code DICM} (files without preamble are tolerated), the group-0002 meta header (always explicit VR
 * little endian), then the data set in implicit VR little endian, explicit VR little endian or explicit
 * VR big endian. Sequences of defined and undefined length are parsed into items; encapsulated pixel
 * data into fragments. Every length is checked against the file size, nesting is limited, and each
 * step advances by at least 8 bytes, so corrupt files end in an {@link InputException} naming the
 * byte offset, never in a hang or an out-of-memory error.
 */
final class DicomParser {
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int MAX_DEPTH = 16;
    private static final Set<String> LONG_VRS = Set.of(
            "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");

    /**
     * The parsed file.
     *
     * @param syntax  transfer syntax of the data set
     * @param meta    the group-0002 file meta information
     * @param dataset the data set
     */
    record Parsed(TransferSyntax syntax, DicomDataset meta, DicomDataset dataset) {
    }

    private final String source;

    private DicomParser(String source) {
        this.source = source;
    }

    /**
     * @param data   the whole file
     * @param source file name for error messages
     * @return the parsed file
     * @throws InputException when the file is not DICOM, is truncated or corrupt, or uses a transfer
     *                        syntax whose pixels cannot be decoded
     */
    static Parsed parse(byte[] data, String source) {
        return parse(new ByteReader(data, source, false));
    }

    /**
     * @param file the whole file, little-endian reader (in memory or mapped)
     * @return the parsed file
     * @throws InputException as {@link #parse(byte[], String)}
     */
    static Parsed parse(ByteReader file) {
        return new DicomParser(file.source()).parseFile(file);
    }

    /** @return whether the bytes look like DICOM: {@code DICM} at 128, or a group 0002/0008 element first */
    static boolean looksLikeDicom(byte[] head) {
        if (head.length >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') {
            return true;
        }
        return head.length >= 8 && (head[0] == 0x02 || head[0] == 0x08) && head[1] == 0 && head[3] == 0;
    }

    private Parsed parseFile(ByteReader le) {
        long pos = dataStart(le);
        DicomDataset meta = new DicomDataset(le);
        while (pos + 8 <= le.length() && le.u16(pos) == 0x0002) {
            pos = readElement(meta, pos, true, 0);
        }
        String uid = meta.string(DicomDictionary.TRANSFER_SYNTAX);
        TransferSyntax ts = uid != null ? TransferSyntax.fromUid(uid, source) : guessSyntax(le, pos);
        ts.requireSupported(source);
        ByteReader r = le.withBigEndian(ts.bigEndian());
        DicomDataset ds = new DicomDataset(r);
        parseDataset(ds, pos, r.length(), ts.explicitVr(), 0, false);
        return new Parsed(ts, meta, ds);
    }

    private long dataStart(ByteReader le) {
        byte[] d = le.head(132);
        if (d.length >= 132 && le.ascii(128, 4).equals("DICM")) {
            return 132;
        }
        if (looksLikeDicom(d)) {
            return 0;
        }
        throw new InputException(source, "not a DICOM file: no DICM marker at byte 128");
    }

    private static TransferSyntax guessSyntax(ByteReader le, long pos) {
        if (pos + 6 <= le.length()) {
            String vr = le.ascii(pos + 4, 2);
            if (vr.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                return TransferSyntax.EXPLICIT_LE;
            }
        }
        return TransferSyntax.IMPLICIT_LE;
    }

    private long parseDataset(DicomDataset ds, long pos, long end, boolean explicit, int depth,
                              boolean stopAtItemEnd) {
        ByteReader r = ds.reader();
        while (pos < end) {
            r.require(pos, 8, "the element header at byte " + pos);
            int tag = tagAt(r, pos);
            if (tag == ITEM_END && stopAtItemEnd) {
                return pos + 8;
            }
            if ((tag >>> 16) == 0xFFFE) {
                throw new InputException(source, "corrupt DICOM: unexpected delimiter "
                        + DicomDictionary.name(tag) + " at byte " + pos);
            }
            pos = readElement(ds, pos, explicit, depth);
        }
        if (stopAtItemEnd) {
            throw new InputException(source, "truncated DICOM: sequence item without end delimiter, file ends at byte "
                    + r.length());
        }
        return pos;
    }

    private static int tagAt(ByteReader r, long pos) {
        return (r.u16(pos) << 16) | r.u16(pos + 2);
    }

    private long readElement(DicomDataset ds, long pos, boolean explicit, int depth) {
        ByteReader r = ds.reader();
        r.require(pos, 8, "the element header at byte " + pos);
        int tag = tagAt(r, pos);
        String vr;
        long len;
        long valuePos;
        if (explicit) {
            vr = r.ascii(pos + 4, 2);
            if (!vr.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                throw new InputException(source, "corrupt DICOM: invalid value representation at byte "
                        + (pos + 4) + " in element " + DicomDictionary.name(tag));
            }
            boolean longForm = LONG_VRS.contains(vr);
            len = longForm ? r.u32(pos + 8) : r.u16(pos + 6);
            valuePos = pos + (longForm ? 12 : 8);
        } else {
            vr = DicomDictionary.vr(tag);
            len = r.u32(pos + 4);
            valuePos = pos + 8;
        }
        if (tag == PIXEL_DATA && len == UNDEFINED) {
            return readEncapsulated(ds, valuePos, vr);
        }
        if (vr.equals("SQ") || len == UNDEFINED) {
            boolean itemsExplicit = explicit && !vr.equals("UN");
            ByteReader itemReader = vr.equals("UN") ? r.withBigEndian(false) : r;
            return readSequence(ds, tag, vr, valuePos, len, itemReader, itemsExplicit, depth);
        }
        r.require(valuePos, len, "the value of " + DicomDictionary.name(tag) + " (element at byte " + pos + ")");
        ds.put(DicomElement.value(tag, vr, valuePos, len));
        return valuePos + len;
    }

    private long readSequence(DicomDataset parent, int tag, String vr, long pos, long len, ByteReader r,
                              boolean explicit, int depth) {
        if (depth >= MAX_DEPTH) {
            throw new InputException(source, "corrupt DICOM: sequences nested more than " + MAX_DEPTH
                    + " deep at byte " + pos);
        }
        boolean undefined = len == UNDEFINED;
        if (!undefined) {
            r.require(pos, len, "sequence " + DicomDictionary.name(tag));
        }
        long end = undefined ? r.length() : pos + len;
        List<DicomDataset> items = new ArrayList<>();
        long p = pos;
        while (undefined || p < end) {
            r.require(p, 8, "an item of sequence " + DicomDictionary.name(tag) + " at byte " + p);
            int itag = tagAt(r, p);
            long ilen = r.u32(p + 4);
            if (itag == SEQUENCE_END) {
                p += 8;
                break;
            }
            if (itag != ITEM) {
                throw new InputException(source, "corrupt DICOM: expected an item in sequence "
                        + DicomDictionary.name(tag) + " at byte " + p + ", found " + DicomDictionary.name(itag));
            }
            DicomDataset item = new DicomDataset(r);
            if (ilen == UNDEFINED) {
                p = parseDataset(item, p + 8, r.length(), explicit, depth + 1, true);
            } else {
                r.require(p + 8, ilen, "an item of sequence " + DicomDictionary.name(tag) + " at byte " + p);
                parseDataset(item, p + 8, p + 8 + ilen, explicit, depth + 1, false);
                p += 8 + ilen;
            }
            items.add(item);
        }
        parent.put(new DicomElement(tag, "SQ", pos, 0, List.copyOf(items), List.of(), new long[0]));
        return undefined ? p : end;
    }

    private long readEncapsulated(DicomDataset ds, long pos, String vr) {
        ByteReader r = ds.reader().withBigEndian(false);
        List<long[]> fragments = new ArrayList<>();
        long[] table = null;
        long p = pos;
        while (true) {
            r.require(p, 8, "an encapsulated pixel-data item at byte " + p);
            int itag = tagAt(r, p);
            long ilen = r.u32(p + 4);
            p += 8;
            if (itag == SEQUENCE_END) {
                break;
            }
            if (itag != ITEM || ilen == UNDEFINED) {
                throw new InputException(source, "corrupt DICOM: bad encapsulated pixel-data item at byte " + (p - 8));
            }
            r.require(p, ilen, "a compressed pixel-data fragment at byte " + (p - 8));
            if (table == null) {
                table = new long[(int) (ilen / 4)];
                for (int i = 0; i < table.length; i++) {
                    table[i] = r.u32(p + 4L * i);
                }
            } else {
                fragments.add(new long[] {p, ilen});
            }
            p += ilen;
        }
        if (fragments.isEmpty()) {
            throw new InputException(source, "corrupt DICOM: encapsulated pixel data hold no fragments (byte " + pos + ")");
        }
        ds.put(new DicomElement(PIXEL_DATA, vr, pos, 0, List.of(), List.copyOf(fragments), table));
        return p;
    }
}
