package org.ceusperfusion.io;

import java.util.function.IntFunction;
import org.ceusperfusion.cine.FrameSource;

/**
 * Decoded frames held in memory compactly: a frame whose values are all integers 0..255 is kept as one
 * byte a pixel (a quarter of its float size) and widened to floats when asked for; any other frame is kept
 * as floats. Frames are decoded on all cores ({@link FrameDecoding}). Thread-safe.
 */
final class CompactFrames implements FrameSource {
    private final Object[] frames;

    private CompactFrames(Object[] frames) {
        this.frames = frames;
    }

    /**
     * @param n       number of frames
     * @param decoder frame {@code i} (0-based) → grey values; safe to call from several threads at once
     * @return the frames, decoded now
     * @throws RuntimeException the failure of the lowest-numbered frame that failed
     */
    static FrameSource decode(int n, IntFunction<float[]> decoder) {
        Object[] out = new Object[n];
        RuntimeException[] failures = new RuntimeException[n];
        FrameDecoding.stream(n).forEach(i -> {
            try {
                out[i] = compact(decoder.apply(i));
            } catch (RuntimeException e) {
                failures[i] = e;
            }
        });
        for (RuntimeException e : failures) {
            if (e != null) {
                throw e;
            }
        }
        return new CompactFrames(out);
    }

    /**
     * @param planes grey values 0–255, one array per frame (kept, not copied)
     * @return the frames, held as they are
     */
    static FrameSource ofBytes(byte[][] planes) {
        return new CompactFrames(planes.clone());
    }

    private static Object compact(float[] f) {
        byte[] b = new byte[f.length];
        for (int i = 0; i < f.length; i++) {
            float v = f[i];
            int g = (int) v;
            if (g != v || g < 0 || g > 255) {
                return f;
            }
            b[i] = (byte) g;
        }
        return b;
    }

    @Override
    public int frameCount() {
        return frames.length;
    }

    /** The frame's bytes when it is held as bytes (no copy), else {@code null}. */
    @Override
    public byte[] greyBytes(int index) {
        return frames[index] instanceof byte[] b ? b : null;
    }

    @Override
    public float[] frame(int index) {
        Object f = frames[index];
        if (f instanceof float[] floats) {
            return floats;
        }
        byte[] b = (byte[]) f;
        float[] out = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xFF;
        }
        return out;
    }
}
