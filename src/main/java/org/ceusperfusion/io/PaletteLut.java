package org.ceusperfusion.io;

import static org.ceusperfusion.io.DicomDictionary.*;

import java.util.Arrays;
import org.ceusperfusion.InputException;

/**
 * A DICOM PALETTE COLOR lookup table (normal or segmented, 8- or 16-bit entries), reduced to the
 * luminance {@code 0.299 R + 0.587 G + 0.114 B} of each entry on a 0..255 scale. 16-bit entries are
 * divided by 256 (their high byte, as {@code gdcmconv --apply-lut} does) and capped at 255; 8-bit
 * entries are used as they are (packed two per word, or one per word, or in the high byte).
 */
final class PaletteLut {
    private static final int MAX_ENTRIES = 65536;
    private final float[] luminance;
    private final int firstMapped;

    private PaletteLut(float[] luminance, int firstMapped) {
        this.luminance = luminance;
        this.firstMapped = firstMapped;
    }

    /**
     * @param ds     the data set holding (0028,1101..1103) and (0028,1201..1203) or (0028,1221..1223)
     * @param source file name for errors
     * @return the table
     * @throws InputException when descriptors or data are missing or inconsistent
     */
    static PaletteLut of(DicomDataset ds, String source) {
        float[][] rgb = new float[3][];
        int first = 0;
        int[] desc = {RED_DESCRIPTOR, GREEN_DESCRIPTOR, BLUE_DESCRIPTOR};
        int[] data = {RED_DATA, GREEN_DATA, BLUE_DATA};
        int[] segmented = {RED_SEGMENTED, GREEN_SEGMENTED, BLUE_SEGMENTED};
        for (int c = 0; c < 3; c++) {
            double[] d = ds.numbers(desc[c]);
            if (d.length < 3) {
                throw new InputException(source, "PALETTE COLOR image without palette descriptor "
                        + DicomDictionary.name(desc[c]));
            }
            int entries = (int) d[0] <= 0 ? (int) d[0] + MAX_ENTRIES : (int) d[0];
            first = (int) d[1];
            int bits = (int) d[2];
            int[] values = ds.has(data[c]) ? entries(ds, data[c], entries, bits)
                    : ds.has(segmented[c]) ? SegmentedLut.expand(ds.words(segmented[c]), source)
                    : null;
            if (values == null || values.length == 0) {
                throw new InputException(source, "PALETTE COLOR image without palette data for channel " + c);
            }
            rgb[c] = scale(values, bits);
        }
        return new PaletteLut(luminance(rgb), first);
    }

    private static int[] entries(DicomDataset ds, int tag, int entries, int bits) {
        DicomElement e = ds.element(tag);
        if (bits <= 8 && e.length() == entries) {
            int[] v = new int[entries];
            for (int i = 0; i < entries; i++) {
                v[i] = ds.reader().u8(e.offset() + i);
            }
            return v;
        }
        int[] w = ds.words(tag);
        if (bits <= 8 && Arrays.stream(w).anyMatch(x -> x > 255)) {
            for (int i = 0; i < w.length; i++) {
                w[i] >>= 8;
            }
        }
        return w;
    }

    private static float[] scale(int[] values, int bits) {
        float k = bits > 8 ? 1f / 256f : 1f;
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.min(255f, values[i] * k);
        }
        return out;
    }

    private static float[] luminance(float[][] rgb) {
        int n = Math.min(rgb[0].length, Math.min(rgb[1].length, rgb[2].length));
        float[] lum = new float[n];
        for (int i = 0; i < n; i++) {
            lum[i] = PhotometricConverter.luminance(rgb[0][i], rgb[1][i], rgb[2][i]);
        }
        return lum;
    }

    /**
     * @param index a stored pixel value
     * @return the luminance of its palette entry (values outside the table take the nearest end entry)
     */
    float luminance(int index) {
        int i = index - firstMapped;
        if (i < 0) {
            i = 0;
        } else if (i >= luminance.length) {
            i = luminance.length - 1;
        }
        return luminance[i];
    }

    /** @return number of entries */
    int size() {
        return luminance.length;
    }
}
