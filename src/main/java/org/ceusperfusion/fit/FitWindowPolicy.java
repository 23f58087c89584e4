package org.ceusperfusion.fit;

/** Which part of a time-intensity curve the fitter uses. */
public enum FitWindowPolicy {
    /**
     * The first pass of the bolus (default): with {@link LevenbergMarquardtFitter#withRecirculationTerm} every
     * sample, a recirculation that is seen and significant being fitted as a second term whose parameters are
     * not reported ({@link RecirculationFit}); otherwise from the first sample to the end of the curve, or, when
     * recirculation is seen, to the dip before the second rise or the start of a shoulder.
     */
    FIRST_PASS,
    /** Every sample. */
    WHOLE_CURVE
}
