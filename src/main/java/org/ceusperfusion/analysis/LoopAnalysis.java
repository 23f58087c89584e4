package org.ceusperfusion.analysis;

import java.util.List;

/**
 * The analysis of one cine loop: the content of {@code analysis.json}.
 *
 * @param input    what was read
 * @param settings how it was analysed
 * @param warnings things the user should know (clipping, poor fits, ...)
 * @param rois     one entry per ROI, targets first, then the reference if any
 */
public record LoopAnalysis(InputInfo input, AnalysisSettings settings, List<String> warnings, List<RoiAnalysis> rois) {

    /** @return this analysis with the input's SHA-256 set (a hash taken beside the analysis) */
    public LoopAnalysis withSha256(String sha256) {
        return new LoopAnalysis(input.withSha256(sha256), settings, warnings, rois);
    }

    /** @return the first target ROI */
    public RoiAnalysis target() {
        return rois.stream().filter(r -> r.role() == RoiRole.TARGET).findFirst()
                .orElseThrow(() -> new IllegalStateException("no target ROI"));
    }
}
