package org.ceusperfusion.fit;

import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.BolusModels;

/**
 * Per-curve model selection ({@code --model auto}): fits every candidate bolus model on the same
 * window and keeps the one with the lowest small-sample Akaike criterion
 * <pre>
 *   AICc = n·ln(RSS/n) + 2k + 2k(k+1)/(n − k − 1)
 * </pre>
 * (n samples in the window, k model parameters). Fits that ended {@code OK} are preferred; among
 * them the lowest AICc wins. Each candidate reports its AICc, ΔAICc (to the best finite AICc) and
 * Akaike weight {@code exp(−Δ/2)/Σ exp(−Δ_j/2)}; candidates without parameters have NaN scores and
 * weight 0. The window is detected once with the fitter's policy, so every AICc uses the same data.
 *
 * <pre>{@code
 * ModelSelector.Selection s = new ModelSelector().select(timesS, intensities);
 * FitResult best = s.chosen();                       // fit of the selected model
 * for (ModelSelector.Candidate c : s.candidates()) { c.model(); c.aicc(); c.weight(); }
 * }</pre>
 * Immutable and thread-safe.
 */
public final class ModelSelector {

    /**
     * One candidate model's score.
     *
     * @param model     the model label ({@link BolusModel#name()})
     * @param status    the fit status
     * @param aicc      AICc, NaN without parameters
     * @param deltaAicc AICc minus the smallest finite AICc, NaN without parameters
     * @param weight    Akaike weight in [0, 1] (the weights sum to 1), 0 without parameters
     * @param r2        R² of the fit on the window
     * @param fit       the candidate's full fit
     */
    public record Candidate(String model, FitStatus status, double aicc, double deltaAicc, double weight,
                            double r2, FitResult fit) {
    }

    /**
     * The outcome of a selection.
     *
     * @param chosen     the selected model's fit (the first candidate's fit when none has parameters)
     * @param candidates every candidate in the order given, with scores
     */
    public record Selection(FitResult chosen, List<Candidate> candidates) {

        public Selection {
            candidates = List.copyOf(candidates);
        }

        /** @return the label of the selected model */
        public String chosenModel() {
            return chosen.model().name();
        }
    }

    private final LevenbergMarquardtFitter fitter;
    private final List<BolusModel> models;

    /** Selects among every registered model ({@link BolusModels#all()}) with a default fitter. */
    public ModelSelector() {
        this(new LevenbergMarquardtFitter(), BolusModels.all());
    }

    /**
     * @param fitter the fitter (its window policy chooses the common window)
     * @param models the candidates, at least one
     * @throws IllegalArgumentException when {@code models} is empty or an argument is {@code null}
     */
    public ModelSelector(LevenbergMarquardtFitter fitter, List<BolusModel> models) {
        if (fitter == null || models == null || models.isEmpty()) {
            throw new IllegalArgumentException("model selection needs a fitter and at least one model");
        }
        this.fitter = fitter;
        this.models = List.copyOf(models);
    }

    /**
     * @param timesS sample times, s
     * @param values intensities, linear a.u.
     * @return the chosen fit and every candidate's score; never {@code null}
     * @throws IllegalArgumentException when the arrays are {@code null} or of different lengths
     */
    public Selection select(double[] timesS, double[] values) {
        FitWindow w = fitter.windowFor(timesS, values);
        List<FitResult> fits = new ArrayList<>();
        for (BolusModel m : models) {
            fits.add(Double.isNaN(w.startS()) || fitter.recirculationTerm() ? fitter.fit(m, timesS, values)
                    : fitter.fit(m, timesS, values, w.startS(), w.endS()));
        }
        return score(fits);
    }

    /** Scores fits made on the same data; exposed for callers that fit the candidates themselves. */
    public static Selection score(List<FitResult> fits) {
        double[] aicc = new double[fits.size()];
        double min = Double.POSITIVE_INFINITY;
        int chosen = -1;
        for (int i = 0; i < aicc.length; i++) {
            FitResult f = fits.get(i);
            aicc[i] = f.hasParameters() ? aicc(f.rss(), f.samples(), f.params().length) : Double.NaN;
            if (Double.isFinite(aicc[i])) {
                min = Math.min(min, aicc[i]);
                if (chosen < 0 || prefer(f, aicc[i], fits.get(chosen), aicc[chosen])) {
                    chosen = i;
                }
            }
        }
        double sum = 0;
        for (double a : aicc) {
            sum += Double.isFinite(a) ? Math.exp(-0.5 * (a - min)) : 0;
        }
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < aicc.length; i++) {
            FitResult f = fits.get(i);
            boolean ok = Double.isFinite(aicc[i]);
            out.add(new Candidate(f.model().name(), f.status(), aicc[i], ok ? aicc[i] - min : Double.NaN,
                    ok ? Math.exp(-0.5 * (aicc[i] - min)) / sum : 0, f.r2(), f));
        }
        return new Selection(fits.get(Math.max(chosen, 0)), out);
    }

    /** An OK fit beats a non-OK one; otherwise the lower AICc wins. */
    private static boolean prefer(FitResult a, double aiccA, FitResult b, double aiccB) {
        boolean okA = a.status() == FitStatus.OK;
        boolean okB = b.status() == FitStatus.OK;
        return okA != okB ? okA : aiccA < aiccB;
    }

    /**
     * @param rss residual sum of squares
     * @param n   samples
     * @param k   model parameters
     * @return {@code n·ln(RSS/n) + 2k + 2k(k+1)/(n − k − 1)}; NaN when {@code n ≤ k + 1} or RSS is not
     *         finite; a perfect fit (RSS = 0) is scored as RSS/n = {@link Double#MIN_NORMAL}
     */
    public static double aicc(double rss, int n, int k) {
        if (n <= k + 1 || !(rss >= 0) || !Double.isFinite(rss)) {
            return Double.NaN;
        }
        return n * Math.log(Math.max(rss / n, Double.MIN_NORMAL)) + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
    }
}
