package org.ceusperfusion.tic;

/**
 * The time-intensity curve of one ROI: its mean linear intensity per frame.
 *
 * @param roiName            the ROI's name
 * @param timesS             frame times, s from the first frame
 * @param meanIntensity      ROI-mean linear echo power per frame (a.u.; raw grey when data are linear)
 * @param clippedFraction    fraction of ROI pixels at the bottom or top of the grey scale, per frame (NaN: unknown)
 * @param topClippedFraction fraction of ROI pixels at the top of the grey scale (saturated), per frame; the
 *                           rest of {@code clippedFraction} is bottom clipping, harmless in contrast mode
 *                           (NaN: unknown; then all clipping counts as top clipping)
 */
public record TimeIntensityCurve(String roiName, double[] timesS, double[] meanIntensity, double[] clippedFraction,
                                 double[] topClippedFraction) {
    /** Without the top/bottom split (all clipping is treated as top clipping). */
    public TimeIntensityCurve(String roiName, double[] timesS, double[] meanIntensity, double[] clippedFraction) {
        this(roiName, timesS, meanIntensity, clippedFraction, clippedFraction);
    }

    /** @return number of samples */
    public int size() {
        return timesS.length;
    }
}
