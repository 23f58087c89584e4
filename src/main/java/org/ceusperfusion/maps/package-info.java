/**
 * Parametric perfusion maps: a bolus fit per pixel (or per bin of pixels), on all cores, with the
 * perfusion parameters, R² and fit status as images ({@link org.ceusperfusion.maps.ParametricMapper}),
 * and their files: 32-bit calibrated TIFFs, colour overlays with a colour bar and {@code map.json}
 * ({@link org.ceusperfusion.maps.MapWriter}). Pure Java apart from ImageJ's TIFF encoder; no GUI.
 */
package org.ceusperfusion.maps;
