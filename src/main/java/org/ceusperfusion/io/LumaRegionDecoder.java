package org.ceusperfusion.io;

import java.util.function.IntFunction;

/**
 * Grey values of JPEG YCbCr frames from their luma plane, decoded by the JDK while no detail region is
 * set (exact full frames: its native decoder is the faster one there), and by {@link BaselineJpegLuma}
 * while one is (only the region's blocks inverse-transformed). A frame {@link BaselineJpegLuma} declines
 * goes to the JDK decoder.
 */
final class LumaRegionDecoder implements IntFunction<float[]> {
    private final DicomPixelDecoder decoder;
    private final int width;
    private final int height;
    private final String source;
    private volatile int[] region;

    private LumaRegionDecoder(DicomPixelDecoder decoder, PixelFormat format, String source) {
        this.decoder = decoder;
        this.width = format.columns();
        this.height = format.rows();
        this.source = source;
    }

    /**
     * @param jdk    frame 1 as the JDK decodes its luma ({@link JpegLuma}), already at hand when the loop is opened
     * @return a decoder when {@link BaselineJpegLuma} decodes frame 1 in full to within ±1 grey level of
     *         the JDK's luma at every pixel; {@code null} otherwise (the stream stays with the JDK decoder)
     */
    static LumaRegionDecoder ifExact(DicomPixelDecoder decoder, PixelFormat format, String source, float[] jdk) {
        try {
            byte[] first = decoder.compressed(0);
            float[] own = BaselineJpegLuma.decode(first, format.columns(), format.rows(), null);
            if (own == null || jdk.length != own.length) {
                return null;
            }
            for (int i = 0; i < jdk.length; i++) {
                if (Math.abs(own[i] - jdk[i]) > 1) {
                    return null;
                }
            }
            return new LumaRegionDecoder(decoder, format, source);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** @param r {@code {x0, y0, x1, y1}} (x1, y1 exclusive), or {@code null} for exact full frames */
    void region(int[] r) {
        region = r == null ? null : r.clone();
    }

    @Override
    public float[] apply(int frame) {
        byte[] jpeg = decoder.compressed(frame);
        int[] r = region;
        if (r != null) {
            float[] y = BaselineJpegLuma.decode(jpeg, width, height, r);
            if (y != null) {
                return y;
            }
        }
        return JpegLuma.decode(jpeg, width, height, source, frame);
    }
}
