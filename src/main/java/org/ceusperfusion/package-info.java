/**
 * CEUS Perfusion: contrast-enhanced ultrasound perfusion quantification.
 *
 * <p>A pure core ({@code cine}, {@code roi}, {@code tic}, {@code model}, {@code fit}, {@code params},
 * {@code analysis}, {@code compare}, {@code report}) with two thin shells: {@code ij} (ImageJ/Fiji
 * plugins) and {@code cli} (the {@code ceus} command). Only {@code ij} talks to ImageJ's GUI.
 */
package org.ceusperfusion;
