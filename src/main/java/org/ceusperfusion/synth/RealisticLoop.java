package org.ceusperfusion.synth;

import org.ceusperfusion.cine.CineLoop;

/**
 * A generated realistic loop and its truth.
 *
 * @param loop  the cine loop, 8-bit grey values stored as float
 * @param truth what is known exactly about it
 */
public record RealisticLoop(CineLoop loop, RealisticTruth truth) {

    /** @return the loop with its whole-curve truth, as the file writers ({@link LoopFiles}) take it */
    public SyntheticLoop asSyntheticLoop() {
        return new SyntheticLoop(loop, truth.base());
    }
}
