package org.ceusperfusion.model;

import java.util.List;

/**
 * A parametric first-pass bolus model {@code f(t) = O + g(t − t0)}, with {@code g(τ) = 0} for {@code τ ≤ 0}.
 *
 * <p>Parameter vectors are ordered as {@link #parameterNames()}. Times are seconds; amplitudes are
 * linear echo power (arbitrary units). Implementations are stateless and thread-safe.
 */
public interface BolusModel {

    /** @return the stable label used in options and JSON, e.g. {@code lognormal} */
    String name();

    /** @return parameter names in vector order, e.g. {@code [O, A, mu, sigma, t0]} */
    List<String> parameterNames();

    /** @return {@code f(t)} for parameters {@code p} */
    double value(double t, double[] p);

    /**
     * Analytic gradient of {@link #value} with respect to the parameters.
     *
     * @param t   time, s
     * @param p   parameters
     * @param out receives {@code ∂f/∂p_k}; length {@code p.length}
     */
    void gradient(double t, double[] p, double[] out);

    /**
     * A start point for the fit from the data (linearised estimate).
     *
     * @param t times, s, increasing
     * @param y intensities, linear
     * @return parameters, or {@code null} when no bolus can be seen in the data
     */
    double[] initialGuess(double[] t, double[] y);

    /** @return lower bounds of the parameters (may be {@code -Infinity}) */
    double[] lowerBounds(double[] t, double[] y);

    /** @return upper bounds of the parameters (may be {@code +Infinity}) */
    double[] upperBounds(double[] t, double[] y);

    /** @return baseline O */
    double baseline(double[] p);

    /** @return bolus onset t0, s */
    double onsetS(double[] p);

    /** @return area of the bolus above baseline, a.u.·s (closed form) */
    double area(double[] p);

    /** @return first moment of the bolus measured from its onset t0, s (closed form) */
    double meanTransitTimeS(double[] p);

    /** @return time of the maximum from the first frame, s (closed form) */
    double timeToPeakS(double[] p);

    /** @return maximum of {@code f − O}, a.u. (closed form) */
    double peakEnhancement(double[] p);
}
