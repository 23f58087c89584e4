package org.ceusperfusion.analysis;

import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.LevenbergMarquardtFitter;
import org.ceusperfusion.fit.ModelSelector;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.BolusModels;

/**
 * Fits one ROI's curve with the model the settings name, or with every model and the lowest AICc for
 * {@code auto}, keeping the candidates' scores for the results.
 */
final class RoiFitter {
    private final BolusModel model;

    /** A fit and, for {@code auto}, every candidate model's score (empty otherwise). */
    record Outcome(FitResult fit, List<ModelSelector.Candidate> candidates) {
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
        try {
            model = BolusModels.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw new InputException("--model", e.getMessage() + " or " + BolusModels.AUTO);
        }
    }

    Outcome fit(double[] timesS, double[] values) {
        if (model != null) {
            return new Outcome(new LevenbergMarquardtFitter().fit(model, timesS, values), List.of());
        }
        ModelSelector.Selection s = new ModelSelector().select(timesS, values);
        return new Outcome(s.chosen(), s.candidates());
    }
}
