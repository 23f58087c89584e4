package org.ceusperfusion.synth;

import org.ceusperfusion.cine.CineLoop;

/**
 * A generated loop and its truth.
 *
 * @param loop  the cine loop, 8-bit grey values stored as float
 * @param truth what is known exactly about it
 */
public record SyntheticLoop(CineLoop loop, SyntheticTruth truth) {
}
