package org.ceusperfusion.cine;

/**
 * Supplies the grey-level frames of a {@link CineLoop}, from memory or on demand.
 * Implementations report read failures as {@link java.io.UncheckedIOException}.
 */
public interface FrameSource {
    /** @return number of frames */
    int frameCount();

    /**
     * @param index frame index, 0-based
     * @return row-major grey values of the frame; callers must not modify the array
     */
    float[] frame(int index);

    /**
     * The frame as unsigned 8-bit grey levels, when the source holds it so (no float copy is made), else
     * {@code null}: then use {@link #frame}. The same grey values as {@code frame(index)}.
     *
     * @param index frame index, 0-based
     * @return grey levels 0–255 ({@code b & 0xFF}), row-major, or {@code null}; callers must not modify the array
     */
    default byte[] greyBytes(int index) {
        return null;
    }

    /**
     * A hint that only the pixels inside {@code region} need to be exact from now on; pixels outside may be
     * approximated (e.g. by their JPEG block mean). Sources that decode lossy frames on demand may use it to
     * decode faster; others ignore it. Frames already served stay valid.
     *
     * @param region {@code {x0, y0, x1, y1}} in pixels (x1, y1 exclusive), or {@code null} for exact full frames
     */
    default void detailRegion(int[] region) {
    }

    /** Frames already in memory. */
    static FrameSource of(float[][] frames) {
        return new FrameSource() {
            @Override
            public int frameCount() {
                return frames.length;
            }

            @Override
            public float[] frame(int index) {
                return frames[index];
            }
        };
    }
}
