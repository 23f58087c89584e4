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
     * The value and the analytic gradient in one call; models override it to share work (the
     * fitter's inner loop calls this once per sample and iteration).
     *
     * @param t   time, s
     * @param p   parameters
     * @param out receives {@code ∂f/∂p_k}; length {@code p.length}
     * @return {@code f(t)}
     */
    default double valueAndGradient(double t, double[] p, double[] out) {
        gradient(t, p, out);
        return value(t, p);
    }

    /**
     * Values and gradients at the first {@code n} sample times in one call, for fitting many curves
     * fast (parametric maps). Models may override it to hoist work out of the loop; results may then
     * differ from {@link #valueAndGradient} in the last bits.
     *
     * @param t         times, s
     * @param n         number of leading samples to evaluate
     * @param p         parameters
     * @param values    receives {@code f(t_i)}, {@code i < n}
     * @param gradients receives {@code ∂f/∂p_a} at {@code gradients[i · p.length + a]}
     */
    default void valuesAndGradients(double[] t, int n, double[] p, double[] values, double[] gradients) {
        int k = p.length;
        double[] row = new double[k];
        for (int i = 0; i < n; i++) {
            values[i] = valueAndGradient(t[i], p, row);
            System.arraycopy(row, 0, gradients, i * k, k);
        }
    }

    /**
     * {@link #valuesAndGradients} as a per-thread object that may keep work from one call to the next (the
     * lognormal keeps {@code ln(t − t0)} while the onset does not move: an LM fit whose onset sits on its
     * bound). Same results as {@link #valuesAndGradients}, bit for bit. Not thread-safe; the time arrays it
     * is given must not be modified while it is in use.
     *
     * @return a new evaluator (the default one keeps nothing)
     */
    default BatchEvaluator batchEvaluator() {
        return this::valuesAndGradients;
    }

    /** {@link BolusModel#valuesAndGradients}, possibly keeping work between calls ({@link #batchEvaluator}). */
    @FunctionalInterface
    interface BatchEvaluator {
        /** As {@link BolusModel#valuesAndGradients}. */
        void valuesAndGradients(double[] t, int n, double[] p, double[] values, double[] gradients);
    }

    /**
     * Lower and upper bounds in one call ({@code {lowerBounds(t, y), upperBounds(t, y)}}); models override
     * it to scan the data once (the map calls it for every curve).
     *
     * @param t times, s
     * @param y intensities, linear a.u.
     * @return {@code {lower, upper}}
     */
    default double[][] bounds(double[] t, double[] y) {
        return new double[][] {lowerBounds(t, y), upperBounds(t, y)};
    }

    /**
     * A start point for the fit from the data (linearised estimate).
     *
     * @param t times, s, increasing
     * @param y intensities, linear
     * @return parameters, or {@code null} when no bolus can be seen in the data
     */
    double[] initialGuess(double[] t, double[] y);

    /**
     * Further start points the fitter tries when the fit from {@code start} does not converge
     * (e.g. an earlier or later onset, a narrower or wider bolus). The default offers none.
     *
     * @param start the first start point (usually {@link #initialGuess})
     * @param t     times, s, increasing
     * @param y     intensities, linear
     * @return start points in the model's parameter order, possibly empty, never {@code null}
     */
    default List<double[]> alternativeStarts(double[] start, double[] t, double[] y) {
        return List.of();
    }

    /**
     * Whether {@code f(t; p) = p[0] + p[1] · f(t; 0, 1, p[2], ...)}: the first parameter is an additive
     * baseline and the second a scale of the bolus, so that both follow from a curve by linear least
     * squares once the other parameters (the shape) are fixed. Such a model's gradient has {@code ∂f/∂p[0]}
     * exactly {@code 1.0} at every time (fitters rely on it). The default is {@code false}.
     */
    default boolean linearInBaselineAndAmplitude() {
        return false;
    }

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
