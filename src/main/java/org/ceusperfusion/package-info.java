/**
 * CEUS Perfusion: contrast-enhanced ultrasound perfusion quantification.
 *
 * <p>A pure core with two thin shells. Core: {@code cine} (the loop model), {@code io} (readers),
 * {@code roi}, {@code tic} (linearisation, curves, non-enhancing fraction), {@code motion}, {@code model},
 * {@code fit}, {@code params}, {@code analysis} (the pipeline), {@code maps}, {@code compare},
 * {@code report}, {@code batch}, {@code session}, {@code synth} (the phantom generator). Shells: {@code ij}
 * (ImageJ/Fiji plugins, the Workbench) and {@code cli} (the {@code ceus} command). Only {@code ij} talks to
 * ImageJ's GUI; {@code ArchitectureTest} keeps it so.
 */
package org.ceusperfusion;
