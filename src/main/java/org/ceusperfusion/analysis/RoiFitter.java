package org.ceusperfusion.analysis;

import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.FitWeighting;
import org.ceusperfusion.fit.LevenbergMarquardtFitter;
import org.ceusperfusion.fit.ModelSelector;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.BolusModels;
import org.ceusperfusion.model.FixedOnsetReplenishment;
import org.ceusperfusion.model.LognormalSpreadModel;
import org.ceusperfusion.model.ReplenishmentModel;
import org.ceusperfusion.model.ReplenishmentParameters;
import org.ceusperfusion.params.CorrelatedCovariance;
import org.ceusperfusion.params.Intervals;
import org.ceusperfusion.tic.DestructionFlashDetector;

/**
 * Fits one ROI's curve with the model the settings name, or with every model and the lowest AICc for
 * {@code auto}, keeping the candidates' scores for the results.
 */
final class RoiFitter {
    private final BolusModel model;

    /**
     * A fit and, for {@code auto}, every candidate model's score (empty otherwise), with the reason the fit
     * window ends where it does and the drop at a destruction flash (or {@code null}).
     */
    record Outcome(FitResult fit, List<ModelSelector.Candidate> candidates, List<String> warnings,
                   String windowReason, CurveFindings.FlashStep flashStep, ReplenishmentParameters replenishment) {
        Outcome(FitResult fit, List<ModelSelector.Candidate> candidates) {
            this(fit, candidates, List.of(), reasonOf(fit, null), null, null);
        }

        Outcome(FitResult fit, List<ModelSelector.Candidate> candidates, List<String> warnings) {
            this(fit, candidates, warnings, reasonOf(fit, null), null, null);
        }
    }

    /** @return the window reason of a fit on {@code lastS} (the last sample offered), or of the fit's own window */
    private static String reasonOf(FitResult fit, Double lastS) {
        if (fit != null && fit.hasRecirculation()) {
            return CurveFindings.RECIRCULATION;
        }
        if (fit == null || lastS == null || !(fit.windowEndS() < lastS)) {
            return CurveFindings.WHOLE_CURVE;
        }
        return CurveFindings.RECIRCULATION;
    }

    /**
     * @param label a model label or {@code auto}
     * @throws InputException naming the valid labels when {@code label} is unknown
     */
    RoiFitter(String label) {
        if (BolusModels.isAuto(label)) {
            model = null;
            return;
        }
        if (label != null && ReplenishmentModel.LABEL.equals(label.trim().toLowerCase(java.util.Locale.ROOT))) {
            model = new ReplenishmentModel();
            return;
        }
        try {
            model = BolusModels.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw new InputException("--model", e.getMessage() + ", " + ReplenishmentModel.LABEL + " or "
                    + BolusModels.AUTO);
        }
    }

    Outcome fit(double[] timesS, double[] values) {
        if (model instanceof ReplenishmentModel) {
            return fitReplenishment(timesS, values);
        }
        var stop = timesS.length == 0 ? java.util.Optional.<DestructionFlashDetector.Destruction>empty()
                : DestructionFlashDetector.detectWithoutRefill(timesS, values);
        if (stop.isEmpty()) {
            Outcome o = fitBolus(timesS, values);
            return new Outcome(o.fit(), o.candidates(), o.warnings(),
                    reasonOf(o.fit(), timesS.length == 0 ? null : timesS[timesS.length - 1]), null, null);
        }
        DestructionFlashDetector.Destruction d = stop.get();
        CurveFindings.FlashStep step = PrePostDifference.of(timesS, values, d, false);
        int end = lastBeforeFlash(values, d);
        double[] t = java.util.Arrays.copyOf(timesS, end + 1);
        double[] v = java.util.Arrays.copyOf(values, end + 1);
        Outcome o = fitBolus(t, v);
        String reason = reasonOf(o.fit(), t[end]).equals(CurveFindings.RECIRCULATION) ? CurveFindings.RECIRCULATION
                : CurveFindings.DESTRUCTION_FLASH;
        List<String> w = new java.util.ArrayList<>(o.warnings());
        w.add(String.format(java.util.Locale.ROOT, "destruction flash at %.2f s without refill: the fit window ends"
                + " before it; the signal fell by %.4g a.u. (95 %% interval %.4g to %.4g)", step.flashS(),
                step.difference(), step.ci95()[0], step.ci95()[1]));
        return new Outcome(o.fit(), o.candidates(), w, reason, step, null);
    }

    /**
     * The bolus fit: variance-weighted ({@link FitWeighting#FITTED_VARIANCE}, docs/pe-accuracy.md). With
     * {@code --model auto} the model is chosen by AICc among unweighted fits (residual sums of squares of fits
     * weighted by each model's own variance would not be comparable), then the chosen fit is reweighted.
     */
    private Outcome fitBolus(double[] timesS, double[] values) {
        LevenbergMarquardtFitter lm = new LevenbergMarquardtFitter().withRecirculationTerm(true).withOnsetSpread(true);
        LevenbergMarquardtFitter weighted = lm.withWeighting(FitWeighting.FITTED_VARIANCE);
        if (model != null) {
            FitResult f = weighted.fit(model, timesS, values);
            return new Outcome(f, List.of(), onsetSpreadNote(f));
        }
        ModelSelector.Selection s = new ModelSelector(lm, BolusModels.all()).select(timesS, values);
        FitResult f = weighted.reweight(s.chosen(), timesS, values);
        return new Outcome(f, s.candidates(), onsetSpreadNote(f));
    }

    /** @return a line saying that the lognormal was averaged over an onset window, or none */
    private static List<String> onsetSpreadNote(FitResult f) {
        if (!(f.model() instanceof LognormalSpreadModel) || !f.hasParameters()) {
            return List.of();
        }
        double[] p = f.params();
        return List.of(String.format(java.util.Locale.ROOT, "onset spread: the curve rises as if the ROI's pixels"
                + " started over %.1f s (from %.2f s), so the lognormal was averaged over that onset window (fit"
                + " parameter W); TTP and PE are of that curve, mTT is from the earliest onset",
                p[LognormalSpreadModel.W], p[LognormalSpreadModel.T0]));
    }

    /** @return the index of the last sample before the flash that is not itself a bright flash frame */
    private static int lastBeforeFlash(double[] y, DestructionFlashDetector.Destruction d) {
        double band = DestructionFlashDetector.PLATEAU_BAND * (d.levelBefore() - d.levelAfter());
        int e = d.index() - 1;
        while (e > 1 && y[e] > d.levelBefore() + band) {
            e--;
        }
        return e;
    }

    /**
     * Destruction–replenishment: fits after the last destruction flash found on the curve, with tf held at
     * the flash; without a flash, fits the whole curve with tf free and says so.
     */
    private Outcome fitReplenishment(double[] timesS, double[] values) {
        LevenbergMarquardtFitter lm = new LevenbergMarquardtFitter();
        var flash = DestructionFlashDetector.detect(timesS, values);
        if (flash.isEmpty() || timesS.length == 0) {
            var noRefill = timesS.length == 0 ? java.util.Optional.<DestructionFlashDetector.Destruction>empty()
                    : DestructionFlashDetector.detectWithoutRefill(timesS, values);
            if (noRefill.isPresent()) {
                CurveFindings.FlashStep step = PrePostDifference.of(timesS, values, noRefill.get(), false);
                FitResult none = new FitResult(model, org.ceusperfusion.fit.FitStatus.NO_BOLUS,
                        "the destruction flash is not followed by refill: nothing to fit a replenishment to",
                        null, null, Double.NaN, Double.NaN, 0, 0, timesS[0], timesS[timesS.length - 1]);
                return new Outcome(none, List.of(), List.of(String.format(java.util.Locale.ROOT,
                        "destruction flash at %.2f s without refill: replenishment cannot be fitted; the signal fell"
                        + " by %.4g a.u. (95 %% interval %.4g to %.4g)", step.flashS(), step.difference(),
                        step.ci95()[0], step.ci95()[1])), CurveFindings.DESTRUCTION_FLASH, step, null);
            }
            FitResult f = lm.fit(model, timesS, values, timesS.length == 0 ? 0 : timesS[0],
                    timesS.length == 0 ? 0 : timesS[timesS.length - 1]);
            return new Outcome(f, List.of(), List.of("no destruction flash found: the replenishment model was "
                    + "fitted from the first frame"));
        }
        DestructionFlashDetector.Destruction d = flash.get();
        FixedOnsetReplenishment pinned = ReplenishmentModel.fixedOnset(d.tfS());
        FitResult f = lm.fit(pinned, timesS, values, d.firstSampleS(), timesS[timesS.length - 1]);
        double[] p = f.params() == null ? null : pinned.embed(f.params());
        CorrelatedCovariance cc = correlatedCovariance(pinned, f, timesS, values);
        FitResult full = new FitResult(model, f.status(), f.message(), p, pinned.embedCovariance(
                cc == null ? f.covariance() : cc.covariance()),
                f.r2(), f.rss(), f.samples(), f.iterations(), f.windowStartS(), f.windowEndS());
        ReplenishmentParameters measures = p == null ? null : cc == null
                ? ReplenishmentParameters.of(p, full.covariance(), full.samples())
                : ReplenishmentParameters.of(p, full.covariance(), replenishmentDofs(cc, p));
        return new Outcome(full, List.of(), List.of(), CurveFindings.DESTRUCTION_FLASH,
                PrePostDifference.of(timesS, values, d, true), measures);
    }

    /**
     * @return the covariance of a replenishment fit's {@code [O, A, β]} allowing for correlated noise (the
     *         sandwich of {@link CorrelatedCovariance}, as every bolus interval), or null (then the fit's pooled one)
     */
    private static CorrelatedCovariance correlatedCovariance(FixedOnsetReplenishment pinned, FitResult f,
                                                             double[] t, double[] y) {
        if (!f.hasParameters()) {
            return null;
        }
        double[][] ty = Intervals.fittedSamples(f, t, y);
        try {
            return CorrelatedCovariance.of(pinned, f.params(), new int[] {0, 1, 2}, ty[0], ty[1]);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** @return each measure's own degrees of freedom: A, β and A·β, over the free parameters {@code [O, A, β]} */
    private static double[] replenishmentDofs(CorrelatedCovariance cc, double[] p) {
        double a = p[ReplenishmentModel.A];
        double b = p[ReplenishmentModel.BETA];
        double[] own = cc.contrastDof().of(new double[][] {{0, 1, 0}, {0, 0, 1}, {0, b, a}});
        double[] out = new double[own.length];
        for (int i = 0; i < own.length; i++) {
            out[i] = Double.isFinite(own[i]) ? own[i] : cc.dof();
        }
        return out;
    }
}
