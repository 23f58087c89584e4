package org.ceusperfusion.fit;

/** Outcome of a curve fit; a bad curve yields a status, never an exception. */
public enum FitStatus {
    /** converged; parameters and covariance are valid */
    OK,
    /** iteration limit reached; parameters are the best found */
    NOT_CONVERGED,
    /** no bolus can be seen in the curve (flat or decreasing) */
    NO_BOLUS,
    /** fewer samples than parameters + 1 */
    TOO_FEW_POINTS,
    /** numerical failure (singular system, non-finite values) */
    FAILED
}
