package org.ceusperfusion.motion;

import org.ceusperfusion.InputException;

/**
 * How frames are tracked and selected.
 *
 * @param correction         estimate in-plane motion and let the ROIs follow the tissue
 * @param searchPx           largest shift searched, pixels in x and y (default {@value #DEFAULT_SEARCH_PX})
 * @param trackRegion        the window to track (stored-frame pixels), or {@code null}: around the first target
 *                           ROI, in the B-mode panel when there is one
 * @param bmodeOffset        {@code [dx, dy]} from a contrast-panel pixel to the same tissue in the B-mode panel,
 *                           or {@code null}: from the DICOM ultrasound regions when there are two
 * @param referenceFrame     1-based frame the ROIs were drawn on and shifts are measured from, or {@code null}:
 *                           the first frame (B-mode tracking) or the frame of strongest enhancement (contrast)
 * @param similarityFraction a frame is rejected as out-of-plane when its similarity is below this fraction of the
 *                           median similarity (default {@value #DEFAULT_SIMILARITY_FRACTION})
 * @param excludeFrames      user exclusions such as {@code 10-20,35} (1-based, inclusive), or {@code null}
 * @param detectFlashes      reject frames detected as flashes (default on)
 */
public record MotionSettings(boolean correction, int searchPx, PixelWindow trackRegion, int[] bmodeOffset,
                             Integer referenceFrame, double similarityFraction, String excludeFrames,
                             boolean detectFlashes) {
    /** Default search range, pixels. */
    public static final int DEFAULT_SEARCH_PX = 15;
    /** Default out-of-plane threshold as a fraction of the median similarity. */
    public static final double DEFAULT_SIMILARITY_FRACTION = 0.6;

    public MotionSettings {
        if (searchPx < 1 || searchPx > 200) {
            throw new InputException("--motion-search", "must be 1..200 pixels, got " + searchPx);
        }
        if (!(similarityFraction >= 0 && similarityFraction < 1)) {
            throw new InputException("--similarity-threshold", "must be a fraction in [0, 1), got "
                    + similarityFraction);
        }
        if (bmodeOffset != null && bmodeOffset.length != 2) {
            throw new InputException("--bmode-offset", "expected DX,DY");
        }
        bmodeOffset = bmodeOffset == null ? null : bmodeOffset.clone();
        if (referenceFrame != null && referenceFrame < 1) {
            throw new InputException("--motion-reference", "frames are numbered from 1, got " + referenceFrame);
        }
        excludeFrames = excludeFrames == null || excludeFrames.isBlank() ? null : excludeFrames.trim();
        if (excludeFrames != null) {
            FrameExclusions.parse(excludeFrames); // validates early
        }
    }

    /** No motion correction, no user exclusions; flashes are still detected. */
    public static MotionSettings defaults() {
        return new MotionSettings(false, DEFAULT_SEARCH_PX, null, null, null, DEFAULT_SIMILARITY_FRACTION, null, true);
    }

    /** @return a copy with motion correction on or off */
    public MotionSettings withCorrection(boolean on) {
        return new MotionSettings(on, searchPx, trackRegion, bmodeOffset, referenceFrame, similarityFraction,
                excludeFrames, detectFlashes);
    }

    /** @return a copy with user exclusions ({@code 10-20,35}) */
    public MotionSettings withExcludeFrames(String spec) {
        return new MotionSettings(correction, searchPx, trackRegion, bmodeOffset, referenceFrame, similarityFraction,
                spec, detectFlashes);
    }

    /** @return a copy with another tracked window and B-mode offset ({@code null}: automatic) */
    public MotionSettings withTracking(PixelWindow region, int[] offset) {
        return new MotionSettings(correction, searchPx, region, offset, referenceFrame, similarityFraction,
                excludeFrames, detectFlashes);
    }

    /** @return a copy with another reference frame (1-based, {@code null}: automatic) */
    public MotionSettings withReferenceFrame(Integer frame) {
        return new MotionSettings(correction, searchPx, trackRegion, bmodeOffset, frame, similarityFraction,
                excludeFrames, detectFlashes);
    }

    /** @return a copy with flash detection on or off */
    public MotionSettings withFlashDetection(boolean on) {
        return new MotionSettings(correction, searchPx, trackRegion, bmodeOffset, referenceFrame, similarityFraction,
                excludeFrames, on);
    }

    /**
     * @param spec {@code DX,DY} in pixels, e.g. {@code -100,0}
     * @return {@code [dx, dy]}
     * @throws InputException when it is not two integers
     */
    public static int[] parseOffset(String spec) {
        return Ints.parse(spec, 2, "--bmode-offset", "DX,DY");
    }

    /** @return {@code [dx, dy]} or {@code null} (a copy) */
    @Override
    public int[] bmodeOffset() {
        return bmodeOffset == null ? null : bmodeOffset.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MotionSettings m && m.correction == correction && m.searchPx == searchPx
                && java.util.Objects.equals(m.trackRegion, trackRegion)
                && java.util.Arrays.equals(m.bmodeOffset, bmodeOffset)
                && java.util.Objects.equals(m.referenceFrame, referenceFrame)
                && Double.compare(m.similarityFraction, similarityFraction) == 0
                && java.util.Objects.equals(m.excludeFrames, excludeFrames) && m.detectFlashes == detectFlashes;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(correction, searchPx, trackRegion, java.util.Arrays.hashCode(bmodeOffset),
                referenceFrame, similarityFraction, excludeFrames, detectFlashes);
    }
}
