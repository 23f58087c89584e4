package org.ceusperfusion.io;

import static org.ceusperfusion.io.DicomDictionary.*;

import org.ceusperfusion.cine.CineLoop;

/**
 * Frame times of a DICOM cine, by priority: Frame Time Vector (0018,1065) &gt; Frame Time (0018,1063)
 * &gt; Cine Rate (0018,0040) &gt; Recommended Display Frame Rate (0008,2144) &gt; none.
 *
 * <p>The Frame Time Vector holds, in ms, the increment of each frame from the previous one; its first
 * value (normally 0) is ignored, so frame 1 is at 0 s. A vector of n−1 values is read as the increments
 * of frames 2..n. Vectors of another length or with negative or non-finite values are ignored (the next
 * source is used). Without any timing the frames are spaced 1 s apart and the source is {@code none},
 * so callers can warn.
 */
final class DicomTiming {
    /** Frame interval used when the file states no timing, s. */
    static final double FALLBACK_INTERVAL_S = 1.0;

    /**
     * @param timesS frame times, s from the first frame
     * @param source {@code FrameTimeVector}, {@code FrameTime}, {@code CineRate},
     *               {@code RecommendedDisplayFrameRate} or {@code none}
     */
    record Timing(double[] timesS, String source) {
    }

    private DicomTiming() {
    }

    /**
     * @param ds     the data set
     * @param frames number of frames
     * @return frame times and where they came from
     */
    static Timing of(DicomDataset ds, int frames) {
        double[] ftv = ds.numbers(FRAME_TIME_VECTOR);
        double[] fromVector = fromVector(ftv, frames);
        if (fromVector != null) {
            return new Timing(fromVector, "FrameTimeVector");
        }
        double ft = ds.number(FRAME_TIME);
        if (ft > 0 && Double.isFinite(ft)) {
            return new Timing(CineLoop.regularTimes(frames, ft / 1000.0), "FrameTime");
        }
        double cine = ds.number(CINE_RATE);
        if (cine > 0 && Double.isFinite(cine)) {
            return new Timing(CineLoop.regularTimes(frames, 1.0 / cine), "CineRate");
        }
        double rec = ds.number(RECOMMENDED_FRAME_RATE);
        if (rec > 0 && Double.isFinite(rec)) {
            return new Timing(CineLoop.regularTimes(frames, 1.0 / rec), "RecommendedDisplayFrameRate");
        }
        return new Timing(CineLoop.regularTimes(frames, FALLBACK_INTERVAL_S), "none");
    }

    private static double[] fromVector(double[] ms, int frames) {
        int shift;
        if (ms.length == frames && frames > 0) {
            shift = 0;
        } else if (ms.length == frames - 1 && frames > 1) {
            shift = -1;
        } else {
            return null;
        }
        double[] t = new double[frames];
        for (int i = 1; i < frames; i++) {
            double inc = ms[i + shift];
            if (!(inc >= 0) || !Double.isFinite(inc)) {
                return null;
            }
            t[i] = t[i - 1] + inc / 1000.0;
        }
        return t;
    }
}
