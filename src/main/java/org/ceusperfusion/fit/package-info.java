/**
 * Levenberg–Marquardt curve fitting with analytic Jacobians, covariance and fit status. Pure Java.
 *
 * <p>{@link org.ceusperfusion.fit.LevenbergMarquardtFitter} is immutable (configure with
 * {@code with…}) and never throws for a bad curve: the outcome is a
 * {@link org.ceusperfusion.fit.FitStatus} inside the {@link org.ceusperfusion.fit.FitResult}.
 * Covariance is {@code s²(JᵀJ)⁻¹} with {@code s² = RSS/(n − p)}; R² is computed on the fitted samples.
 */
package org.ceusperfusion.fit;
