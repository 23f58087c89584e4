/**
 * Bolus models: value, analytic gradient, start guess, closed forms and bounds. Pure Java.
 *
 * <p>{@link org.ceusperfusion.model.BolusModel} is the contract (times in s, intensities linear a.u.).
 * Implemented models ({@code perfusion-reference.md} §3), all with five parameters:
 * {@link org.ceusperfusion.model.LognormalModel} {@code [O, A, mu, sigma, t0]},
 * {@link org.ceusperfusion.model.GammaVariateModel} {@code [O, K, alpha, beta, t0]},
 * {@link org.ceusperfusion.model.LdrwModel} and {@link org.ceusperfusion.model.FptModel}
 * {@code [O, A, mu, lambda, t0]}. {@link org.ceusperfusion.model.BolusModels#fromLabel} is the registry
 * behind {@code --model}; {@link org.ceusperfusion.model.BolusModels#isAuto} recognises {@code auto},
 * which is handled by {@code org.ceusperfusion.fit.ModelSelector}.
 * {@link org.ceusperfusion.model.CurveFeatures} holds the model-independent part of a start guess
 * (smoothing, pre-bolus baseline, peak, rise, noise level and the "is there a bolus at all" test); the
 * gamma, LDRW and FPT starts share one weighted log-linear fit ({@code LinearisedStart}).
 */
package org.ceusperfusion.model;
