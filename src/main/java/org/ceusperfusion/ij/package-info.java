/**
 * The ImageJ/Fiji shell: menu commands under {@code Plugins > CEUS Perfusion}, the
 * {@link ij.ImagePlus} ⇄ {@link org.ceusperfusion.cine.CineLoop} adapter, and the
 * {@link ij.measure.ResultsTable}/{@link ij.gui.Plot} views of an analysis.
 *
 * <p>Every command gathers its parameters (from a dialog, or from macro options parsed with
 * {@link ij.Macro#getValue} outside any dialog so it runs in batch mode), calls the pure core, and
 * publishes the result. Each has a static, dialog-free API for scripts and tests. Bad input
 * ({@link org.ceusperfusion.InputException}) is shown as one line, never as a stack trace. This is the
 * only package that talks to ImageJ's GUI.
 */
package org.ceusperfusion.ij;
