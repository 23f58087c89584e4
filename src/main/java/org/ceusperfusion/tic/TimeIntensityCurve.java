package org.ceusperfusion.tic;

/**
 * The time-intensity curve of one ROI: its mean linear intensity per frame.
 *
 * @param roiName         the ROI's name
 * @param timesS          frame times, s from the first frame
 * @param meanIntensity   ROI-mean linear echo power per frame (a.u.; raw grey when data are linear)
 * @param clippedFraction fraction of ROI pixels at the bottom or top of the grey scale, per frame
 */
public record TimeIntensityCurve(String roiName, double[] timesS, double[] meanIntensity, double[] clippedFraction) {
    /** @return number of samples */
    public int size() {
        return timesS.length;
    }
}
