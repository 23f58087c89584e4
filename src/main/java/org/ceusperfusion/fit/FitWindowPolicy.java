package org.ceusperfusion.fit;

/** Which part of a time-intensity curve the fitter uses. */
public enum FitWindowPolicy {
    /**
     * The first pass of the bolus (default): every sample; when recirculation is seen and significant the
     * curve is fitted with a first-pass + recirculation model and the parameters are the first pass's
     * ({@link RecirculationFit}).
     */
    FIRST_PASS,
    /** Every sample. */
    WHOLE_CURVE
}
