/**
 * Bolus models: value, analytic gradient, start guess and closed forms. Pure Java.
 *
 * <p>{@link org.ceusperfusion.model.BolusModel} is the contract (times in s, intensities linear a.u.);
 * {@link org.ceusperfusion.model.LognormalModel} the implemented model ({@code [O, A, mu, sigma, t0]});
 * {@link org.ceusperfusion.model.BolusModels#fromLabel} the registry behind {@code --model}.
 * {@link org.ceusperfusion.model.CurveFeatures} holds the model-independent part of a start guess
 * (smoothing, pre-bolus baseline, peak, rise, noise level and the "is there a bolus at all" test), so
 * that gamma, LDRW and FPT models only add their own linearisation.
 */
package org.ceusperfusion.model;
