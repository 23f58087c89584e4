package org.ceusperfusion.tic;

import java.util.function.ObjIntConsumer;
import org.ceusperfusion.roi.RoiMask;

/**
 * The compact per-ROI pixel store of the single frame pass: for every pixel of one ROI (in the order of
 * {@link RoiMask#pixelIndices}), its grey value in every frame, kept as bytes (grey scales up to 255) or
 * unsigned shorts (up to 65535), so consumers that need the pixels again after the pass (the
 * non-enhancing fraction) never re-read the loop. Memory: {@code pixels × frames} bytes (or twice that).
 *
 * <p>Filled by a {@link Recorder} handed to the frame pass ({@link TicExtractor#extract(org.ceusperfusion.cine.CineLoop,
 * java.util.List, Linearizer, ObjIntConsumer)}). A loop whose grey values are not integers in range (e.g.
 * luminance of uncompressed RGB) cannot be stored this way: the recorder then gives up, drops what it
 * held, and {@link Recorder#series()} is {@code null}, so the consumer reads the frames itself.
 *
 * <p>The pixels are those of the ROI as drawn; with motion correction the store is not filled (the
 * consumer then reads the frames, as before).
 */
public final class RoiPixelSeries {
    private final RoiMask roi;
    private final byte[][] bytes;
    private final short[][] shorts;

    private RoiPixelSeries(RoiMask roi, byte[][] bytes, short[][] shorts) {
        this.roi = roi;
        this.bytes = bytes;
        this.shorts = shorts;
    }

    /** @return the ROI */
    public RoiMask roi() {
        return roi;
    }

    /** @return number of frames */
    public int frames() {
        return bytes != null ? bytes.length : shorts.length;
    }

    /** @return number of ROI pixels */
    public int pixels() {
        return bytes != null ? bytes[0].length : shorts[0].length;
    }

    /**
     * @param frame frame index, 0-based
     * @param into  receives the grey value of every ROI pixel ({@link #pixels()} values)
     */
    public void values(int frame, float[] into) {
        if (bytes != null) {
            byte[] b = bytes[frame];
            for (int k = 0; k < b.length; k++) {
                into[k] = b[k] & 0xFF;
            }
        } else {
            short[] s = shorts[frame];
            for (int k = 0; k < s.length; k++) {
                into[k] = s[k] & 0xFFFF;
            }
        }
    }

    /** @return the number of grey levels the store can hold: 256 (bytes) or 65536 (unsigned shorts) */
    int levels() {
        return bytes != null ? 256 : 65536;
    }

    /**
     * @param frame frame index, 0-based
     * @param k     ROI pixel
     * @return its grey value
     */
    int grey(int frame, int k) {
        return bytes != null ? bytes[frame][k] & 0xFF : shorts[frame][k] & 0xFFFF;
    }

    /** Writes {@code table[grey]} of ROI pixels {@code from} to {@code to} (exclusive) of one frame into {@code into}. */
    void mapped(int frame, int from, int to, float[] table, float[] into) {
        if (bytes != null) {
            byte[] b = bytes[frame];
            for (int k = from; k < to; k++) {
                into[k] = table[b[k] & 0xFF];
            }
        } else {
            short[] s = shorts[frame];
            for (int k = from; k < to; k++) {
                into[k] = table[s[k] & 0xFFFF];
            }
        }
    }

    /**
     * Copies the ROI's pixels of each frame it is shown. Frames must all be shown, each once (any order).
     * Memory is allocated frame by frame; when a value is not an integer in {@code 0..maxGrey}, or the
     * store would exceed {@code limitBytes}, recording stops and the recorder holds nothing.
     */
    public static final class Recorder implements ObjIntConsumer<float[]> {
        private final RoiMask roi;
        private final int[] indices;
        private final boolean eightBit;
        private final double maxGrey;
        private byte[][] bytes;
        private short[][] shorts;
        private int shown;

        /**
         * @param roi        the ROI
         * @param width      frame width, pixels
         * @param height     frame height, pixels
         * @param frames     number of frames of the loop
         * @param maxGrey    largest grey value of the loop (255 for 8-bit)
         * @param limitBytes largest store allowed, bytes
         */
        public Recorder(RoiMask roi, int width, int height, int frames, double maxGrey, long limitBytes) {
            this.roi = roi;
            this.indices = roi.pixelIndices(width, height);
            this.eightBit = maxGrey <= 255;
            this.maxGrey = maxGrey;
            long need = (long) indices.length * frames * (eightBit ? 1 : 2);
            if (maxGrey <= 65535 && need <= limitBytes) {
                if (eightBit) {
                    bytes = new byte[frames][];
                } else {
                    shorts = new short[frames][];
                }
            }
        }

        @Override
        public synchronized void accept(float[] frame, int index) {
            if (bytes == null && shorts == null) {
                return;
            }
            int n = indices.length;
            byte[] b = eightBit ? new byte[n] : null;
            short[] s = eightBit ? null : new short[n];
            for (int k = 0; k < n; k++) {
                float v = frame[indices[k]];
                int g = (int) v;
                if (g != v || g < 0 || g > maxGrey) {
                    bytes = null;
                    shorts = null;
                    return;
                }
                if (eightBit) {
                    b[k] = (byte) g;
                } else {
                    s[k] = (short) g;
                }
            }
            if (eightBit) {
                bytes[index] = b;
            } else {
                shorts[index] = s;
            }
            shown++;
        }

        /** @return the store, or {@code null} when it could not be kept or not every frame was shown */
        public synchronized RoiPixelSeries series() {
            int frames = bytes != null ? bytes.length : shorts != null ? shorts.length : -1;
            if (frames < 0 || shown != frames) {
                return null;
            }
            return new RoiPixelSeries(roi, bytes, shorts);
        }
    }
}
