package org.ceusperfusion.synth;

import java.util.List;

/**
 * What is known exactly about a synthetic loop.
 *
 * @param spec   the spec that made the loop (including its seed)
 * @param timesS the frame times, seconds from the first frame
 * @param tumour truth of the tumour ROI (the whole tumour ellipse, core included), role {@code target}
 * @param normal truth of the normal-tissue reference ROI, role {@code reference}
 */
public record SyntheticTruth(SyntheticLoopSpec spec, double[] timesS, RoiTruth tumour, RoiTruth normal) {

    public SyntheticTruth {
        timesS = timesS.clone();
    }

    /** @return the inline ROI specs to analyse the loop with: tumour first, then the reference */
    public List<String> roiSpecs() {
        return List.of(tumour.spec(), normal.spec());
    }

    /** @return the frame times, s (a copy) */
    @Override
    public double[] timesS() {
        return timesS.clone();
    }
}
