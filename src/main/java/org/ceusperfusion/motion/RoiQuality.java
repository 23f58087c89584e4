package org.ceusperfusion.motion;

import java.util.List;

/**
 * Quality flags of one ROI and the verdict whether its numbers can be interpreted (rules:
 * {@link QualityAssessor}). The fit status is unchanged by this verdict.
 *
 * @param interpretable   false: the ROI's parameters should not be read (status {@code NOT_INTERPRETABLE})
 * @param flags           flag labels, e.g. {@code autocorrelated-residuals}
 * @param reasons         why the ROI is not interpretable (empty when it is)
 * @param clippedFraction mean fraction of clipped ROI pixels over the used frames, 0..1
 * @param peakAtEdge      the measured or fitted peak lies at the first or last used frame
 * @param r2              R² of the fit (NaN without one)
 * @param residualLag1    lag-1 autocorrelation ρ1 of the fit residuals over the used frames (NaN without a fit)
 * @param durbinWatson    Durbin–Watson statistic of the residuals (≈ 2(1 − ρ1); NaN without a fit)
 * @param motionRmsPx     RMS shift magnitude over the used frames, pixels (NaN without motion correction)
 * @param motionRmsMm     the same in mm, or {@code null} without pixel size or correction
 * @param framesUsed      samples the fit used
 * @param framesRejected  frames rejected (loop-level) plus frames the ROI had moved out of its panel
 * @param topClippedFraction    mean fraction of ROI pixels at the top of the grey scale (saturated), 0..1
 * @param bottomClippedFraction mean fraction at the bottom (grey 0: normal in contrast mode), 0..1
 * @param residualLagS          the lag (1 to 5 s) where the residuals' autocorrelation is largest in magnitude, s
 * @param residualAutocorrelation the residuals' autocorrelation at {@code residualLagS} (NaN without a fit)
 * @param aucExtrapolatedShare  share of the AUC outside the observed window, 0..1 (NaN when unknown)
 */
public record RoiQuality(boolean interpretable, List<String> flags, List<String> reasons, double clippedFraction,
                         boolean peakAtEdge, double r2, double residualLag1, double durbinWatson, double motionRmsPx,
                         Double motionRmsMm, int framesUsed, int framesRejected, double topClippedFraction,
                         double bottomClippedFraction, double residualLagS, double residualAutocorrelation,
                         double aucExtrapolatedShare) {
    /** The status word written when {@link #interpretable()} is false. */
    public static final String NOT_INTERPRETABLE = "NOT_INTERPRETABLE";

    public RoiQuality {
        flags = List.copyOf(flags);
        reasons = List.copyOf(reasons);
    }

    /** Without the clipping split, the lag in seconds and the extrapolated AUC (all unknown). */
    public RoiQuality(boolean interpretable, List<String> flags, List<String> reasons, double clippedFraction,
                      boolean peakAtEdge, double r2, double residualLag1, double durbinWatson, double motionRmsPx,
                      Double motionRmsMm, int framesUsed, int framesRejected) {
        this(interpretable, flags, reasons, clippedFraction, peakAtEdge, r2, residualLag1, durbinWatson, motionRmsPx,
                motionRmsMm, framesUsed, framesRejected, clippedFraction, 0, Double.NaN, Double.NaN, Double.NaN);
    }

    /** @return {@code OK} or {@value #NOT_INTERPRETABLE} */
    public String status() {
        return interpretable ? "OK" : NOT_INTERPRETABLE;
    }
}
