/** Levenberg–Marquardt curve fitting with analytic Jacobians, covariance and fit status. Pure Java. */
package org.ceusperfusion.fit;
