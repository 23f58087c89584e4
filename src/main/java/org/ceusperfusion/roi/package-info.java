/**
 * Regions of interest: pixel masks, inline ROI specifications ({@code oval:}, {@code rect:}, {@code polygon:})
 * and their rasterisation, identical to ImageJ 1.54p's masks. Pure Java (ImageJ files are read in
 * {@code org.ceusperfusion.ij.ImageJRoiFiles}).
 */
package org.ceusperfusion.roi;
