/** Bolus models: value, analytic gradient, start guess and closed forms. Pure Java. */
package org.ceusperfusion.model;
