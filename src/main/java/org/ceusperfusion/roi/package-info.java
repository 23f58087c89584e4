/** Regions of interest: pixel masks and the parsing of inline ROI specifications. Pure Java. */
package org.ceusperfusion.roi;
