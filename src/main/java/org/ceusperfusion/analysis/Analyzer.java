package org.ceusperfusion.analysis;

import java.util.List;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.roi.RoiMask;

/** Analyses one loop: TIC per ROI on linear power, bolus fit, parameters with CIs, non-enhancing fraction. */
public final class Analyzer {
    private Analyzer() {
    }

    /**
     * @param loop      the cine loop
     * @param sha256    hash of the loop's file for provenance, or {@code null}
     * @param targets   target ROIs (at least one)
     * @param reference reference ROI, or {@code null}
     * @param settings  linearisation and model
     * @return the analysis; fit failures are reported as statuses inside it
     * @throws org.ceusperfusion.InputException when a ROI lies outside the image or is empty
     */
    public static LoopAnalysis analyze(CineLoop loop, String sha256, List<RoiMask> targets, RoiMask reference,
                                       AnalysisSettings settings) {
        throw new UnsupportedOperationException("Analyzer.analyze: not implemented yet");
    }
}
