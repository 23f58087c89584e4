package org.ceusperfusion.analysis;

import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.LevenbergMarquardtFitter;
import org.ceusperfusion.fit.ModelSelector;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.BolusModels;
import org.ceusperfusion.model.FixedOnsetReplenishment;
import org.ceusperfusion.model.ReplenishmentModel;
import org.ceusperfusion.tic.DestructionFlashDetector;

/**
 * Fits one ROI's curve with the model the settings name, or with every model and the lowest AICc for
 * {@code auto}, keeping the candidates' scores for the results.
 */
final class RoiFitter {
    private final BolusModel model;

    /** A fit and, for {@code auto}, every candidate model's score (empty otherwise). */
    record Outcome(FitResult fit, List<ModelSelector.Candidate> candidates, List<String> warnings) {
        Outcome(FitResult fit, List<ModelSelector.Candidate> candidates) {
            this(fit, candidates, List.of());
        }
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
        if (model != null) {
            return new Outcome(new LevenbergMarquardtFitter().fit(model, timesS, values), List.of());
        }
        ModelSelector.Selection s = new ModelSelector().select(timesS, values);
        return new Outcome(s.chosen(), s.candidates());
    }

    /**
     * Destruction–replenishment: fits after the last destruction flash found on the curve, with tf held at
     * the flash; without a flash, fits the whole curve with tf free and says so.
     */
    private Outcome fitReplenishment(double[] timesS, double[] values) {
        LevenbergMarquardtFitter lm = new LevenbergMarquardtFitter();
        var flash = DestructionFlashDetector.detect(timesS, values);
        if (flash.isEmpty() || timesS.length == 0) {
            FitResult f = lm.fit(model, timesS, values, timesS.length == 0 ? 0 : timesS[0],
                    timesS.length == 0 ? 0 : timesS[timesS.length - 1]);
            return new Outcome(f, List.of(), List.of("no destruction flash found: the replenishment model was "
                    + "fitted from the first frame"));
        }
        DestructionFlashDetector.Destruction d = flash.get();
        FixedOnsetReplenishment pinned = ReplenishmentModel.fixedOnset(d.tfS());
        FitResult f = lm.fit(pinned, timesS, values, d.firstSampleS(), timesS[timesS.length - 1]);
        double[] p = f.params() == null ? null : pinned.embed(f.params());
        FitResult full = new FitResult(model, f.status(), f.message(), p, pinned.embedCovariance(f.covariance()),
                f.r2(), f.rss(), f.samples(), f.iterations(), f.windowStartS(), f.windowEndS());
        return new Outcome(full, List.of());
    }
}
