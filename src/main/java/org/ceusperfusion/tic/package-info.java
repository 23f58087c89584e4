/** Linearisation of log-compressed grey levels, time-intensity curves per ROI, non-enhancing fraction. Pure Java. */
package org.ceusperfusion.tic;
