package org.ceusperfusion.io;

/**
 * The tags of one TIFF image file directory (IFD) that an uncompressed or deflate/PackBits plane needs.
 *
 * @param width         ImageWidth, pixels
 * @param height        ImageLength, pixels
 * @param bitsPerSample BitsPerSample (of the first sample)
 * @param samples       SamplesPerPixel
 * @param sampleFormat  SampleFormat: 1 unsigned, 2 signed, 3 float
 * @param compression   Compression: 1 none, 8/32946 deflate, 32773 PackBits, others unsupported here
 * @param photometric   PhotometricInterpretation: 0 white is zero, 1 black is zero, 2 RGB, 3 palette
 * @param planar        PlanarConfiguration: 1 interleaved, 2 planar
 * @param rowsPerStrip  RowsPerStrip
 * @param offsets       StripOffsets, bytes from the file start
 * @param byteCounts    StripByteCounts, bytes
 * @param colorMap      ColorMap (3 × 2^bits values, 16-bit), or {@code null}
 * @param tiled         whether the image is tiled (TileWidth present)
 * @param description   ImageDescription, or {@code null}
 */
record TiffIfd(int width, int height, int bitsPerSample, int samples, int sampleFormat, int compression,
               int photometric, int planar, int rowsPerStrip, long[] offsets, long[] byteCounts, int[] colorMap,
               boolean tiled, String description) {

    /** @return bytes per sample */
    int bytesPerSample() {
        return Math.max(1, bitsPerSample / 8);
    }

    /** @return the decoded size of the whole plane, bytes */
    long planeBytes() {
        return (long) width * height * samples * bytesPerSample();
    }
}
