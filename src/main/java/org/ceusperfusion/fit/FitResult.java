package org.ceusperfusion.fit;

import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.RecirculationModel;

/**
 * The result of fitting a {@link BolusModel} to a time-intensity curve.
 *
 * @param model      the model fitted
 * @param status     outcome; parameters are meaningful for {@code OK} and {@code NOT_CONVERGED}
 * @param message    human-readable detail of the status (empty when OK)
 * @param params     fitted parameters in the model's order, or {@code null} when none
 * @param covariance parameter covariance {@code s²(JᵀJ)⁻¹}, or {@code null} when unavailable
 * @param r2         coefficient of determination on the fitted window
 * @param rss        residual sum of squares on the fitted window
 * @param samples    number of samples fitted
 * @param iterations LM iterations used
 * @param windowStartS first time included in the fit, s
 * @param windowEndS   last time included in the fit, s
 * @param weights    the weights the fit minimised {@code Σ wᵢ rᵢ²} with, one per fitted sample (the finite samples
 *                   inside the window, in time order; mean 1), or {@code null} for an unweighted fit
 */
public record FitResult(BolusModel model, FitStatus status, String message, double[] params,
                        double[][] covariance, double r2, double rss, int samples, int iterations,
                        double windowStartS, double windowEndS, double[] weights) {

    /** An unweighted fit's result ({@code weights} {@code null}). */
    public FitResult(BolusModel model, FitStatus status, String message, double[] params, double[][] covariance,
                     double r2, double rss, int samples, int iterations, double windowStartS, double windowEndS) {
        this(model, status, message, params, covariance, r2, rss, samples, iterations, windowStartS, windowEndS,
                null);
    }

    /** @return how the samples were weighted: {@link FitWeighting#NONE} unless the fit carries weights */
    public FitWeighting weighting() {
        return weights == null ? FitWeighting.NONE : FitWeighting.FITTED_VARIANCE;
    }

    /** @return whether parameters are present and usable */
    public boolean hasParameters() {
        return params != null && (status == FitStatus.OK || status == FitStatus.NOT_CONVERGED);
    }

    /** @return the fitted curve at time {@code t}, or NaN without parameters */
    public double valueAt(double t) {
        return params == null ? Double.NaN : model.value(t, params);
    }

    /**
     * @return the first pass alone at time {@code t} (without a {@link RecirculationModel}'s recirculation
     *         term; the fitted curve for every other model), or NaN without parameters
     */
    public double firstPassValueAt(double t) {
        if (params == null) {
            return Double.NaN;
        }
        return model instanceof RecirculationModel rm ? rm.firstPass().value(t, rm.firstPassParameters(params))
                : model.value(t, params);
    }

    /** @return whether the fit carries a recirculation term ({@link RecirculationModel}) */
    public boolean hasRecirculation() {
        return model instanceof RecirculationModel;
    }

    /** @return degrees of freedom {@code samples − parameters} */
    public int degreesOfFreedom() {
        return samples - (params == null ? 0 : params.length);
    }
}
