/**
 * Levenberg–Marquardt curve fitting with analytic Jacobians, covariance, fit window and model selection.
 * Pure Java.
 *
 * <p>{@link org.ceusperfusion.fit.LevenbergMarquardtFitter} is immutable (configure with
 * {@code with…}) and never throws for a bad curve: the outcome is a
 * {@link org.ceusperfusion.fit.FitStatus} inside the {@link org.ceusperfusion.fit.FitResult}.
 * Covariance is {@code s²(JᵀJ)⁻¹} with {@code s² = RSS/(n − p)}; R² is computed on the fitted samples.
 * The fit window is the first pass by default ({@link org.ceusperfusion.fit.FitWindow},
 * {@link org.ceusperfusion.fit.FitWindowPolicy}) and is recorded in every result.
 * {@link org.ceusperfusion.fit.ModelSelector} fits every registered model on one window and selects by
 * AICc ({@code --model auto}).
 */
package org.ceusperfusion.fit;
