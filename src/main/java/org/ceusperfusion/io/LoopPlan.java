package org.ceusperfusion.io;

import java.util.Map;

/**
 * Which planes of a multi-dimensional file make each frame of the loop, and the frames' times and pixel
 * size; made by {@link PlanePlanner} from the file's {@link SeriesLayout}s and the user's {@link PlaneSelection}.
 *
 * @param series       chosen series, 0-based
 * @param layout       the chosen series' layout
 * @param channel      chosen channel, 0-based
 * @param framePlanes  for each frame (time point), the plane indices (in the series' plane order) whose
 *                     pixels make it: one plane, or all Z planes for a projection
 * @param projection   how several planes of a frame are combined, or {@code null} for one plane
 * @param timesS       time of every frame, s
 * @param timingSource where the times came from (e.g. {@code OmeDeltaT}, {@code BioFormatsTimeIncrement}, {@code none})
 * @param pixelSizeMm  pixel size, mm, or {@code null} when the file does not say
 * @param tags         what was chosen and why: {@code series}, {@code seriesChoice}, {@code channel}, {@code z}, ...
 */
public record LoopPlan(int series, SeriesLayout layout, int channel, int[][] framePlanes,
                       PlaneSelection.ZProjection projection, double[] timesS, String timingSource,
                       Double pixelSizeMm, Map<String, String> tags) {

    public LoopPlan {
        tags = Map.copyOf(tags);
    }

    /** @return number of frames */
    public int frameCount() {
        return framePlanes.length;
    }

    /**
     * Combines the planes of one frame.
     *
     * @param planes the planes' grey values, all the same length
     * @return the frame: the single plane, or the mean or maximum over the planes, pixel by pixel
     */
    public float[] combine(float[][] planes) {
        if (planes.length == 1) {
            return planes[0];
        }
        float[] out = planes[0].clone();
        for (int k = 1; k < planes.length; k++) {
            for (int i = 0; i < out.length; i++) {
                out[i] = projection == PlaneSelection.ZProjection.MAX ? Math.max(out[i], planes[k][i]) : out[i] + planes[k][i];
            }
        }
        if (projection != PlaneSelection.ZProjection.MAX) {
            for (int i = 0; i < out.length; i++) {
                out[i] /= planes.length;
            }
        }
        return out;
    }
}
