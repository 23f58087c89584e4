package org.ceusperfusion.io;

import java.util.List;

/**
 * One parsed data element: where its value lies in the file, or its items for a sequence, or its
 * fragments for encapsulated (compressed) pixel data.
 *
 * @param tag       group in the high 16 bits, element in the low 16 bits
 * @param vr        value representation (from the file, or the dictionary for implicit VR)
 * @param offset    byte offset of the value in the file
 * @param length    value length in bytes (0 for sequences and encapsulated data)
 * @param items     items of a sequence, empty otherwise
 * @param fragments {offset, length} of each encapsulated pixel-data fragment after the offset table,
 *                  empty for native data
 * @param offsetTable byte offsets of the frames from the basic offset table, empty when absent
 */
record DicomElement(int tag, String vr, long offset, long length, List<DicomDataset> items,
                    List<long[]> fragments, long[] offsetTable) {

    /** @return a plain element with a value */
    static DicomElement value(int tag, String vr, long offset, long length) {
        return new DicomElement(tag, vr, offset, length, List.of(), List.of(), new long[0]);
    }

    /** @return whether the pixel data are encapsulated */
    boolean encapsulated() {
        return !fragments.isEmpty();
    }
}
