package org.ceusperfusion.synth;

/**
 * The truth of one ROI of a synthetic loop: parameters of the ROI-mean linear curve above its baseline.
 *
 * <p>When every pixel of the ROI shares the bolus shape and onset ({@code closedForm}), the mean curve
 * is lognormal with area {@code auc} = mean of A over the ROI pixels (necrotic pixels count with A = 0)
 * and {@code TTP = t0 + e^(μ−σ²)}, {@code mTT = e^(μ+σ²/2)}, {@code PE = auc·e^(σ²/2−μ)/(√(2π)σ)}.
 * With per-pixel onset jitter, {@code t0} is the earliest onset, {@code mTT} the first moment of the
 * mean curve from it, and {@code PE}, {@code TTP} are found numerically on a 1 ms grid.
 *
 * @param name                 ROI name ({@code tumour}, {@code normal})
 * @param role                 {@code target} or {@code reference}
 * @param spec                 inline ROI spec, e.g. {@code tumour=oval:40,27,40,30}
 * @param areaPx               pixels in the ROI (ImageJ oval mask: pixel centres inside the ellipse)
 * @param areaMm2              ROI area in mm², or {@code null} without pixel size
 * @param auc                  true AUC of the ROI-mean curve above baseline = mean per-pixel area, a.u.·s
 * @param pe                   true peak enhancement of the ROI-mean curve, a.u.
 * @param ttpS                 true time to peak, seconds from the first frame
 * @param mttS                 true mean transit time measured from {@code t0S}, s
 * @param t0S                  onset, seconds from the first frame
 * @param mu                   lognormal μ of the shape, ln s
 * @param sigma                lognormal σ of the shape
 * @param baseline             baseline O = background power + mean noise floor, linear a.u.
 * @param nonEnhancingFraction core pixels / ROI pixels (0..1)
 * @param nonEnhancingPx       core pixels inside the ROI
 * @param closedForm           whether PE/TTP/mTT come from the lognormal closed forms
 * @param curve                the true ROI-mean curve above baseline
 */
public record RoiTruth(String name, String role, String spec, int areaPx, Double areaMm2, double auc, double pe,
                       double ttpS, double mttS, double t0S, double mu, double sigma, double baseline,
                       double nonEnhancingFraction, int nonEnhancingPx, boolean closedForm, TruthCurve curve) {
}
