package org.ceusperfusion.fit;

/** Which part of a time-intensity curve the fitter uses. */
public enum FitWindowPolicy {
    /**
     * The first pass of the bolus (default): from the first sample to the end of the curve, or, when
     * {@link FitWindow#detect recirculation} is seen, to the local minimum before the second rise.
     */
    FIRST_PASS,
    /** Every sample. */
    WHOLE_CURVE
}
