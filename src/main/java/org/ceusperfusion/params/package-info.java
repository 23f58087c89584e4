/**
 * Perfusion parameters (PE, AUC, TTP, mTT, ...) and their 95 % confidence intervals from a fit. Pure Java.
 *
 * <p>{@link org.ceusperfusion.params.ParameterCalculator#compute} works for any
 * {@link org.ceusperfusion.model.BolusModel}: closed forms where the model has them, numerical slopes,
 * Brent searches and Gauss–Kronrod integrals otherwise, and delta-method intervals with Student's t on
 * {@code n − p} degrees of freedom. QOF's interval is the Olkin–Finn large-sample approximation of the
 * sampling error of R². {@link org.ceusperfusion.params.BootstrapCi} offers seeded residual-bootstrap
 * percentile intervals instead of the delta method.
 */
package org.ceusperfusion.params;
