package org.ceusperfusion.analysis;

import org.ceusperfusion.model.ReplenishmentParameters;

/**
 * What the curve stage found besides the fit: why the fit window ends where it does, the drop at a
 * destruction flash, how much of the AUC lies beyond the recording, and how the non-enhancing fraction
 * was decided (or why it is unknown).
 *
 * @param windowStartS         first time of the fit window, s
 * @param windowEndS           last time of the fit window, s
 * @param windowReason         {@code whole-curve}, {@code recirculation} or {@code destruction-flash}
 * @param flashStep            the pre/post level difference at a destruction flash, or {@code null} without one
 * @param aucObserved          area of the fitted bolus above baseline over the observed window (first to last
 *                             used sample), a.u.·s
 * @param aucExtrapolatedShare share of the reported AUC that lies outside the observed window, 0..1 (NaN
 *                             without a fit)
 * @param nonEnhancing         how the non-enhancing fraction was decided, with its reason when unknown
 * @param replenishment        the destruction–replenishment measures with their intervals (each on its own degrees
 *                             of freedom), or {@code null} when no replenishment was fitted
 */
public record CurveFindings(double windowStartS, double windowEndS, String windowReason, FlashStep flashStep,
                            double aucObserved, double aucExtrapolatedShare, NonEnhancingInfo nonEnhancing,
                            ReplenishmentParameters replenishment) {

    /** Findings without replenishment measures. */
    public CurveFindings(double windowStartS, double windowEndS, String windowReason, FlashStep flashStep,
                         double aucObserved, double aucExtrapolatedShare, NonEnhancingInfo nonEnhancing) {
        this(windowStartS, windowEndS, windowReason, flashStep, aucObserved, aucExtrapolatedShare, nonEnhancing, null);
    }
    /** Window reason: the fit used the whole curve. */
    public static final String WHOLE_CURVE = "whole-curve";
    /** Window reason: the window ends where recirculation begins. */
    public static final String RECIRCULATION = "recirculation";
    /** Window reason: the window ends at a destruction flash not followed by refill. */
    public static final String DESTRUCTION_FLASH = "destruction-flash";

    /**
     * The drop of the signal at a destruction flash.
     *
     * @param flashS       time of the flash (midway between the last sample before and the first after), s
     * @param refill       whether the signal recovers after it (destruction–replenishment)
     * @param levelBefore  mean of the samples in the {@value PrePostDifference#SIDE_S} s before the flash, a.u.
     * @param levelAfter   mean of the samples after it (up to {@value PrePostDifference#SIDE_S} s, or to the
     *                     start of the refill), a.u.
     * @param difference   {@code levelBefore − levelAfter}, a.u.
     * @param ci95         95 % interval of the difference, allowing for correlated speckle and slow drift, a.u.
     */
    public record FlashStep(double flashS, boolean refill, double levelBefore, double levelAfter, double difference,
                            double[] ci95) {
    }

    /**
     * How the non-enhancing fraction was decided.
     *
     * @param criterion   the rule in words (with its thresholds), or {@code null} when unknown
     * @param thresholdDb a pixel enhances when its mean power in the enhancement window exceeds its own
     *                    pre-contrast mean by at least this many dB (NaN when unknown)
     * @param reason      why the fraction is unknown ({@code null} when known)
     */
    public record NonEnhancingInfo(String criterion, double thresholdDb, String reason) {
        /** @return an unknown fraction with its reason */
        public static NonEnhancingInfo unknown(String reason) {
            return new NonEnhancingInfo(null, Double.NaN, reason);
        }
    }
}
