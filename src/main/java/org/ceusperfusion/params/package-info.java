/** Perfusion parameters (PE, AUC, TTP, mTT, ...) and their 95 % confidence intervals from a fit. Pure Java. */
package org.ceusperfusion.params;
