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
