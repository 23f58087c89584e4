package org.ceusperfusion.cine;

import java.util.Objects;

/**
 * A cine loop: a sequence of grey-level frames with their acquisition times.
 *
 * <p>Frames are stored-frame pixels as displayed (no cropping), row-major, {@code width × height}
 * values per frame. Grey values are in the stored scale of the source ({@code 0..255} for 8-bit
 * data, luminance for colour data); see {@link LoopMetadata#maxGrey()}. Times are seconds from the
 * first frame and may be irregular.
 *
 * <p>Frames are served by a {@link FrameSource}, which may hold them in memory or read them on
 * demand, so a loop larger than the heap can be analysed frame by frame.
 */
public final class CineLoop {
    private final int width;
    private final int height;
    private final double[] timesS;
    private final Double pixelSizeMm;
    private final LoopMetadata metadata;
    private final FrameSource frames;

    /**
     * @param width       frame width in pixels (&gt; 0)
     * @param height      frame height in pixels (&gt; 0)
     * @param timesS      acquisition time of each frame, seconds from the first frame, non-decreasing
     * @param pixelSizeMm physical pixel size in mm, or {@code null} when unknown
     * @param metadata    provenance and format details
     * @param frames      the frame data; {@code frames.frameCount() == timesS.length}
     * @throws IllegalArgumentException when sizes disagree or times decrease
     */
    public CineLoop(int width, int height, double[] timesS, Double pixelSizeMm,
                    LoopMetadata metadata, FrameSource frames) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive: " + width + "x" + height);
        }
        if (timesS.length == 0) {
            throw new IllegalArgumentException("a cine loop needs at least one frame");
        }
        if (frames.frameCount() != timesS.length) {
            throw new IllegalArgumentException("frame count " + frames.frameCount()
                    + " differs from time count " + timesS.length);
        }
        for (int i = 1; i < timesS.length; i++) {
            if (!(timesS[i] >= timesS[i - 1])) {
                throw new IllegalArgumentException("frame times decrease at frame " + (i + 1));
            }
        }
        this.width = width;
        this.height = height;
        this.timesS = timesS.clone();
        this.pixelSizeMm = pixelSizeMm;
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.frames = frames;
    }

    /** @return frame width in pixels */
    public int width() {
        return width;
    }

    /** @return frame height in pixels */
    public int height() {
        return height;
    }

    /**
     * Passes a detail-region hint to the frame source (see {@link FrameSource#detailRegion(int[])}): frames
     * read afterwards are exact inside {@code region} only. Set it back to {@code null} when done.
     *
     * @param region {@code {x0, y0, x1, y1}} in pixels (x1, y1 exclusive), or {@code null} for exact full frames
     */
    public void detailRegion(int[] region) {
        frames.detailRegion(region);
    }

    /** @return number of frames */
    public int frameCount() {
        return timesS.length;
    }

    /** @return a copy of the frame times in seconds from the first frame */
    public double[] timesS() {
        return timesS.clone();
    }

    /** @return time of frame {@code index} in seconds from the first frame */
    public double timeS(int index) {
        return timesS[index];
    }

    /** @return the median frame interval in seconds (0 for a single frame) */
    public double frameIntervalS() {
        if (timesS.length < 2) {
            return 0;
        }
        double[] d = new double[timesS.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = timesS[i + 1] - timesS[i];
        }
        java.util.Arrays.sort(d);
        return d.length % 2 == 1 ? d[d.length / 2] : 0.5 * (d[d.length / 2 - 1] + d[d.length / 2]);
    }

    /** @return time of the last frame, seconds */
    public double durationS() {
        return timesS[timesS.length - 1];
    }

    /** @return physical pixel size in mm, or {@code null} when unknown */
    public Double pixelSizeMm() {
        return pixelSizeMm;
    }

    /** @return provenance and format details */
    public LoopMetadata metadata() {
        return metadata;
    }

    /**
     * Grey values of one frame.
     *
     * @param index frame index, 0-based
     * @return {@code width × height} grey values, row-major; callers must not modify the array
     */
    public float[] frame(int index) {
        return frames.frame(index);
    }

    /**
     * Grey levels of one frame as unsigned bytes, when the loop holds it so (8-bit loops read into memory),
     * without the float copy {@link #frame} makes of such a frame.
     *
     * @param index frame index, 0-based
     * @return {@code width × height} grey levels ({@code b & 0xFF}, the values {@link #frame} gives), row-major, or
     *         {@code null} when the frame is not held as bytes; callers must not modify the array
     */
    public byte[] greyBytes(int index) {
        return frames.greyBytes(index);
    }

    /** @return the same frames with new times (e.g. from {@code --frame-interval}) */
    public CineLoop withTimes(double[] newTimesS, String timingSource) {
        return new CineLoop(width, height, newTimesS, pixelSizeMm,
                metadata.withTimingSource(timingSource), frames);
    }

    /** @return the same loop with a new pixel size in mm */
    public CineLoop withPixelSizeMm(Double newPixelSizeMm) {
        return new CineLoop(width, height, timesS, newPixelSizeMm, metadata, frames);
    }

    /** @return regular frame times {@code 0, dt, 2dt, ...} for {@code n} frames */
    public static double[] regularTimes(int n, double intervalS) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * intervalS;
        }
        return t;
    }
}
