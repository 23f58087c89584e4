package org.ceusperfusion.io;

import static org.ceusperfusion.io.DicomDictionary.*;

import java.util.Set;
import org.ceusperfusion.InputException;

/**
 * The DICOM Image Pixel module of a file, validated.
 *
 * @param rows          frame height in pixels
 * @param columns       frame width in pixels
 * @param samples       samples per pixel (1 or 3)
 * @param bitsAllocated 8 or 16
 * @param bitsStored    1..bitsAllocated
 * @param highBit       bit index of the most significant stored bit
 * @param signed        Pixel Representation 1 (two's complement)
 * @param planar        Planar Configuration 1 (colour by plane)
 * @param frames        Number of Frames (1 when absent)
 * @param photometric   Photometric Interpretation, e.g. {@code MONOCHROME2}
 */
record PixelFormat(int rows, int columns, int samples, int bitsAllocated, int bitsStored, int highBit,
                   boolean signed, boolean planar, int frames, String photometric) {

    private static final Set<String> MONO = Set.of("MONOCHROME1", "MONOCHROME2", "PALETTE COLOR");
    private static final Set<String> COLOUR = Set.of("RGB", "YBR_FULL", "YBR_FULL_422");

    /** Largest number of frames accepted (guards against absurd Number of Frames values). */
    static final int MAX_FRAMES = 1_000_000;

    /**
     * @param ds     the data set
     * @param source file name for errors
     * @return the validated format
     * @throws InputException when a value is missing, absurd or unsupported
     */
    static PixelFormat of(DicomDataset ds, String source) {
        int rows = ds.integer(ROWS, -1);
        int cols = ds.integer(COLUMNS, -1);
        if (rows <= 0 || cols <= 0) {
            throw new InputException(source, "DICOM without image: Rows/Columns missing or zero");
        }
        int spp = ds.integer(SAMPLES_PER_PIXEL, 1);
        int alloc = ds.integer(BITS_ALLOCATED, -1);
        if (alloc != 8 && alloc != 16) {
            throw new InputException(source, "unsupported DICOM Bits Allocated " + alloc + " (8 or 16 supported)");
        }
        int stored = ds.integer(BITS_STORED, alloc);
        if (stored < 1 || stored > alloc) {
            stored = alloc;
        }
        int high = ds.integer(HIGH_BIT, stored - 1);
        if (high < stored - 1 || high >= alloc) {
            high = stored - 1;
        }
        String pi = ds.string(PHOTOMETRIC);
        if (pi == null) {
            pi = spp == 3 ? "RGB" : "MONOCHROME2";
        }
        pi = pi.toUpperCase(java.util.Locale.ROOT);
        checkPhotometric(source, pi, spp);
        int frames = ds.integer(NUMBER_OF_FRAMES, 1);
        if (frames < 1 || frames > MAX_FRAMES) {
            throw new InputException(source, "corrupt DICOM: Number of Frames is " + ds.string(NUMBER_OF_FRAMES));
        }
        return new PixelFormat(rows, cols, spp, alloc, stored, high, ds.integer(PIXEL_REPRESENTATION, 0) == 1,
                ds.integer(PLANAR_CONFIGURATION, 0) == 1, frames, pi);
    }

    private static void checkPhotometric(String source, String pi, int spp) {
        boolean ok = spp == 1 ? MONO.contains(pi) : spp == 3 && COLOUR.contains(pi);
        if (!ok) {
            throw new InputException(source, "unsupported DICOM photometric interpretation " + pi
                    + " with " + spp + " samples per pixel");
        }
    }

    /** @return pixels per frame */
    int pixels() {
        return rows * columns;
    }

    /** @return bytes per sample (1 or 2) */
    int bytesPerSample() {
        return bitsAllocated / 8;
    }

    /** @return bytes of one uncompressed frame in this encoding (YBR_FULL_422 holds 2 samples per pixel) */
    long nativeFrameBytes() {
        long perPixel = photometric.equals("YBR_FULL_422") ? 2 : samples;
        return (long) rows * columns * perPixel * bytesPerSample();
    }

    /** @return the largest stored value, {@code 2^BitsStored − 1} */
    int maxValue() {
        return (1 << bitsStored) - 1;
    }
}
