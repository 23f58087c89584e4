package org.ceusperfusion.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.LognormalModel;
import org.ceusperfusion.model.LognormalSpreadModel;
import org.ceusperfusion.model.RecirculationModel;

/**
 * Fits a {@link BolusModel} to a time-intensity curve by Levenberg–Marquardt with the model's
 * analytic Jacobian and its box bounds.
 *
 * <p>Immutable and thread-safe; configure with the {@code with…} methods (each returns a new fitter):
 * <pre>{@code
 * FitResult r = new LevenbergMarquardtFitter()
 *         .withMaxIterations(200)
 *         .fit(BolusModels.fromLabel("lognormal"), timesS, intensities);
 * if (r.status() == FitStatus.OK) { double[] p = r.params(); double[][] cov = r.covariance(); }
 * }</pre>
 *
 * <p>Bad curves give a status, never an exception: non-finite samples are dropped (and counted in the
 * message); fewer than parameters + 1 remaining samples give {@code TOO_FEW_POINTS}; a curve without a
 * visible bolus gives {@code NO_BOLUS}; a singular Jacobian at the solution gives {@code FAILED} (the
 * parameters are kept for inspection). When the first start does not end {@code OK}, the data-driven
 * {@link BolusModel#initialGuess initial guess} (if the caller gave another start) and the model's
 * {@link BolusModel#alternativeStarts alternative starts} around it are tried in turn until one ends
 * {@code OK}; otherwise the lowest RSS wins.
 *
 * <p>The fit window is explicit and recorded in the result. With {@link #withRecirculationTerm} (the ROI
 * analysis) the {@linkplain FitWindowPolicy#FIRST_PASS first pass} is fitted on the whole curve, with a
 * {@link RecirculationModel} first pass + recirculation when a recirculation is seen and significant
 * ({@link RecirculationFit}). Without it (the default, kept for per-pixel fits) the first pass is the curve up
 * to a dip before a second rise ({@link FitWindow#detect}) or to the start of a shoulder
 * ({@link RecirculationFinder}), else the whole curve. {@link #withFitWindow} selects the plain model on the
 * whole curve, and {@link #fit(BolusModel, double[], double[], double, double, double[])} takes an explicit
 * window.
 *
 * <p>Times are seconds and may be irregular; the covariance is {@code s²(JᵀJ)⁻¹} with
 * {@code s² = RSS/(n − p)}. The fit is unweighted unless {@link #withWeighting} asks for a variance-weighted
 * refit ({@link FitWeighting#FITTED_VARIANCE}; docs/pe-accuracy.md).
 */
public final class LevenbergMarquardtFitter {

    /** Default maximum number of iterations (Jacobian evaluations) per start. */
    public static final int DEFAULT_MAX_ITERATIONS = 200;
    /** Default relative RSS decrease that ends the iteration. */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-10;
    /** Default relative parameter change that ends the iteration. */
    public static final double DEFAULT_PARAMETER_TOLERANCE = 1e-8;

    private final int maxIterations;
    private final double relativeTolerance;
    private final double parameterTolerance;
    private final boolean alternativeStarts;
    private final FitWindowPolicy windowPolicy;
    private final boolean covariance;
    private final boolean recirculationTerm;
    private final FitWeighting weighting;
    private final boolean onsetSpread;

    /** Reweighting steps after the unweighted fit ({@link FitWeighting#FITTED_VARIANCE}). */
    static final int REWEIGHTING_STEPS = 2;

    /** A fitter with the default settings, alternative starts enabled and the first-pass window. */
    public LevenbergMarquardtFitter() {
        this(DEFAULT_MAX_ITERATIONS, DEFAULT_RELATIVE_TOLERANCE, DEFAULT_PARAMETER_TOLERANCE, true,
                FitWindowPolicy.FIRST_PASS, true, false, FitWeighting.NONE, false);
    }

    private LevenbergMarquardtFitter(int maxIterations, double relTol, double paramTol, boolean alternatives,
                                     FitWindowPolicy windowPolicy, boolean covariance, boolean recirculationTerm,
                                     FitWeighting weighting, boolean onsetSpread) {
        this.weighting = weighting;
        this.onsetSpread = onsetSpread;
        this.maxIterations = maxIterations;
        this.relativeTolerance = relTol;
        this.parameterTolerance = paramTol;
        this.alternativeStarts = alternatives;
        this.windowPolicy = windowPolicy;
        this.covariance = covariance;
        this.recirculationTerm = recirculationTerm;
    }

    /**
     * @param n maximum iterations per start, ≥ 1
     * @throws IllegalArgumentException when {@code n < 1}
     */
    public LevenbergMarquardtFitter withMaxIterations(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("max iterations must be at least 1, got " + n);
        }
        return new LevenbergMarquardtFitter(n, relativeTolerance, parameterTolerance, alternativeStarts, windowPolicy,
                covariance, recirculationTerm, weighting, onsetSpread);
    }

    /**
     * @param relTol   relative RSS decrease ending the iteration (> 0)
     * @param paramTol relative parameter change ending the iteration (> 0)
     * @throws IllegalArgumentException when a tolerance is not positive
     */
    public LevenbergMarquardtFitter withTolerances(double relTol, double paramTol) {
        if (!(relTol > 0) || !(paramTol > 0)) {
            throw new IllegalArgumentException("tolerances must be positive, got " + relTol + ", " + paramTol);
        }
        return new LevenbergMarquardtFitter(maxIterations, relTol, paramTol, alternativeStarts, windowPolicy, covariance,
                recirculationTerm, weighting, onsetSpread);
    }

    /** @param enabled whether to retry from the model's alternative starts when the first start fails */
    public LevenbergMarquardtFitter withAlternativeStarts(boolean enabled) {
        return new LevenbergMarquardtFitter(maxIterations, relativeTolerance, parameterTolerance, enabled, windowPolicy,
                covariance, recirculationTerm, weighting, onsetSpread);
    }

    /**
     * @param policy which samples {@link #fit(BolusModel, double[], double[])} uses (default
     *               {@link FitWindowPolicy#FIRST_PASS}); the window used is recorded in
     *               {@link FitResult#windowStartS()} / {@link FitResult#windowEndS()}
     * @throws IllegalArgumentException when {@code policy} is {@code null}
     */
    public LevenbergMarquardtFitter withFitWindow(FitWindowPolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("fit window policy must not be null");
        }
        return new LevenbergMarquardtFitter(maxIterations, relativeTolerance, parameterTolerance, alternativeStarts,
                policy, covariance, recirculationTerm, weighting, onsetSpread);
    }

    /**
     * @param enabled whether results carry the covariance {@code s²(JᵀJ)⁻¹} (default {@code true}). Without
     *                it {@link FitResult#covariance()} is {@code null} and no confidence interval can be
     *                derived, but a fit is cheaper (a parametric map without CIs needs none); a singular
     *                Jacobian at the solution is still reported as {@code FAILED}, by the same conditioning
     *                test on the solver's last JᵀJ.
     */
    public LevenbergMarquardtFitter withCovariance(boolean enabled) {
        return new LevenbergMarquardtFitter(maxIterations, relativeTolerance, parameterTolerance, alternativeStarts,
                windowPolicy, enabled, recirculationTerm, weighting, onsetSpread);
    }

    /**
     * @param enabled whether the {@link FitWindowPolicy#FIRST_PASS first-pass} fit fits a recirculation as a second
     *                term on the whole curve instead of cutting the curve before it ({@link RecirculationFit};
     *                default {@code false}, the ROI analysis turns it on). With it,
     *                {@link #fit(BolusModel, double[], double[])} may return a fit of a {@link RecirculationModel}
     *                wrapping the model given (more parameters; its closed forms are the first pass's) and never
     *                cuts; it costs about 1.5× the default on very noisy (pixel) curves, which is why parametric
     *                maps and shared-shape fits keep the default, whose result is always of the model given.
     */
    public LevenbergMarquardtFitter withRecirculationTerm(boolean enabled) {
        return new LevenbergMarquardtFitter(maxIterations, relativeTolerance, parameterTolerance, alternativeStarts,
                windowPolicy, covariance, enabled, weighting, onsetSpread);
    }

    /**
     * @param enabled whether the {@link FitWindowPolicy#FIRST_PASS first-pass} fit of a {@link LognormalModel} with
     *                the recirculation term on may become the lognormal averaged over an onset window
     *                ({@link LognormalSpreadModel}) when the curve shows it: a region whose pixels start seconds
     *                apart ({@link OnsetSpreadFit}; default {@code false}, the ROI analysis turns it on). The result
     *                may then be a fit of that model, one parameter more, named {@code lognormal} as the model given.
     */
    public LevenbergMarquardtFitter withOnsetSpread(boolean enabled) {
        return new LevenbergMarquardtFitter(maxIterations, relativeTolerance, parameterTolerance, alternativeStarts,
                windowPolicy, covariance, recirculationTerm, weighting, enabled);
    }

    /**
     * @param w how samples are weighted (default {@link FitWeighting#NONE}). With
     *          {@link FitWeighting#FITTED_VARIANCE} the fit is first made unweighted, with every decision (fit
     *          window, recirculation term, alternative starts), then its model is refitted
     *          {@value #REWEIGHTING_STEPS} times on its window with {@link FitWeights#fittedVariance} of the previous
     *          fit; when a refit does not end {@code OK} the last {@code OK} fit is kept. The result's RSS and
     *          R² are the unweighted ones at the solution, its covariance {@code s²(JᵀWJ)⁻¹}, and it carries the
     *          weights of the last refit ({@link FitResult#weights()}) for the intervals. Costs two more
     *          LM runs, each started at the previous solution.
     * @throws IllegalArgumentException when {@code w} is {@code null}
     */
    public LevenbergMarquardtFitter withWeighting(FitWeighting w) {
        if (w == null) {
            throw new IllegalArgumentException("weighting must not be null");
        }
        return new LevenbergMarquardtFitter(maxIterations, relativeTolerance, parameterTolerance, alternativeStarts,
                windowPolicy, covariance, recirculationTerm, w, onsetSpread);
    }

    /** @return how samples are weighted */
    public FitWeighting weighting() {
        return weighting;
    }

    /** @return whether results carry the covariance */
    public boolean computesCovariance() {
        return covariance;
    }

    /** @return whether first-pass fits may carry a recirculation term ({@link #withRecirculationTerm}) */
    public boolean recirculationTerm() {
        return recirculationTerm;
    }

    /** @return the fit window policy */
    public FitWindowPolicy fitWindow() {
        return windowPolicy;
    }

    /**
     * The window this fitter's policy selects for a curve (what {@link #fit(BolusModel, double[], double[])}
     * will use).
     *
     * @throws IllegalArgumentException when the arrays are {@code null} or of different lengths
     */
    public FitWindow windowFor(double[] timesS, double[] values) {
        if (timesS == null || values == null || timesS.length != values.length) {
            throw new IllegalArgumentException("times and values must be non-null arrays of equal length");
        }
        CleanCurve c = CleanCurve.of(timesS, values);
        return windowPolicy == FitWindowPolicy.WHOLE_CURVE ? FitWindow.whole(c) : FitWindow.detectClean(c);
    }

    /** @return relative RSS decrease ending the iteration */
    double relativeTolerance() {
        return relativeTolerance;
    }

    /** @return relative parameter change ending the iteration */
    double parameterTolerance() {
        return parameterTolerance;
    }

    /** @return maximum iterations per start */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * Fits from the model's {@link BolusModel#initialGuess initial guess}.
     *
     * @param model   the model
     * @param timesS  sample times, s (any order, irregular allowed)
     * @param values  intensities, linear a.u.; same length as {@code timesS}
     * @return the fit; never {@code null}
     * @throws IllegalArgumentException when the arrays are {@code null} or of different lengths
     */
    public FitResult fit(BolusModel model, double[] timesS, double[] values) {
        return fit(model, timesS, values, null);
    }

    /**
     * Fits from an explicit start point (or the model's initial guess when {@code start} is {@code null}).
     *
     * @param start parameters in the model's order, or {@code null}
     * @see #fit(BolusModel, double[], double[])
     */
    public FitResult fit(BolusModel model, double[] timesS, double[] values, double[] start) {
        if (timesS == null || values == null || timesS.length != values.length) {
            throw new IllegalArgumentException("times and values must be non-null arrays of equal length");
        }
        CleanCurve c = CleanCurve.of(timesS, values);
        if (windowPolicy == FitWindowPolicy.FIRST_PASS && recirculationTerm) {
            FitResult first = RecirculationFit.fit(model, c, start, this::fitCurve);
            return reweighted(onsetSpread ? OnsetSpreadFit.fit(first, c, this::fitCurve) : first, c);
        }
        if (windowPolicy == FitWindowPolicy.FIRST_PASS) {
            FitWindow w = FitWindow.detectClean(c);
            if (w.recirculation()) {
                c = c.restrict(w.startS(), w.endS());
            } else {
                double end = RecirculationFinder.firstPassEnd(c, model, r -> fitCurve(model, r, start));
                if (Double.isFinite(end)) {
                    c = c.restrict(c.t()[0], end);
                }
            }
        }
        return reweighted(fitCurve(model, c, start), c);
    }

    /**
     * Fits on an explicit time window (the policy is ignored), from the model's initial guess or from
     * {@code start}.
     *
     * @param startS first time included, s (inclusive)
     * @param endS   last time included, s (inclusive)
     * @param start  parameters in the model's order, or {@code null} for the model's initial guess
     * @see #fit(BolusModel, double[], double[])
     * @throws IllegalArgumentException when the arrays are {@code null} or of different lengths, or
     *                                  {@code startS > endS}
     */
    public FitResult fit(BolusModel model, double[] timesS, double[] values, double startS, double endS,
                         double[] start) {
        if (timesS == null || values == null || timesS.length != values.length) {
            throw new IllegalArgumentException("times and values must be non-null arrays of equal length");
        }
        if (!(startS <= endS)) {
            throw new IllegalArgumentException("fit window start " + startS + " s is after its end " + endS + " s");
        }
        CleanCurve c = CleanCurve.of(timesS, values).restrict(startS, endS);
        return reweighted(fitCurve(model, c, start), c);
    }

    /**
     * Fits on an explicit time window from the model's initial guess.
     *
     * @see #fit(BolusModel, double[], double[], double, double, double[])
     */
    public FitResult fit(BolusModel model, double[] timesS, double[] values, double startS, double endS) {
        return fit(model, timesS, values, startS, endS, null);
    }

    private FitResult fitCurve(BolusModel model, CleanCurve c, double[] start) {
        int k = model.parameterNames().size();
        if (c.n() < k + 1) {
            return FitResults.noFit(model, FitStatus.TOO_FEW_POINTS, c.n() + " finite samples for "
                    + k + " parameters (need at least " + (k + 1) + ")" + c.note(), c);
        }
        try {
            return fitClean(model, c, start);
        } catch (RuntimeException e) {
            return FitResults.noFit(model, FitStatus.FAILED, "numerical failure: " + e + c.note(), c);
        }
    }

    private FitResult fitClean(BolusModel model, CleanCurve c, double[] start) {
        double[] guess = start == null ? model.initialGuess(c.t(), c.y()) : null;
        double[] p0 = start != null ? start.clone() : guess;
        if (p0 == null) {
            return FitResults.noFit(model, FitStatus.NO_BOLUS, "no bolus visible in the curve" + c.note(), c);
        }
        double[] lo = model.lowerBounds(c.t(), c.y());
        double[] hi = model.upperBounds(c.t(), c.y());
        LmSolver solver = new LmSolver(model, c.t(), c.y(), lo, hi);
        FitResult best = result(model, solver, p0, c);
        if (best.status() == FitStatus.OK || !alternativeStarts) {
            return best;
        }
        for (double[] alt : retryStarts(model, c, start, p0)) {
            FitResult r = result(model, solver, alt, c);
            if (better(r, best)) {
                best = r;
            }
            if (best.status() == FitStatus.OK) {
                break;
            }
        }
        return best;
    }

    /**
     * This fitter's weighting applied to an unweighted fit already made of the same samples (by a fitter with the
     * same settings but no weighting, e.g. the one a {@link ModelSelector} chose with): exactly what
     * {@link #fit(BolusModel, double[], double[])} returns, without fitting the unweighted curve again.
     *
     * @param plain  the unweighted fit of {@code timesS}, {@code values}
     * @return the weighted fit, or {@code plain} when this fitter does not weight or {@code plain} is not {@code OK}
     * @throws IllegalArgumentException when the arrays are {@code null} or of different lengths
     */
    public FitResult reweight(FitResult plain, double[] timesS, double[] values) {
        if (timesS == null || values == null || timesS.length != values.length) {
            throw new IllegalArgumentException("times and values must be non-null arrays of equal length");
        }
        return reweighted(plain, CleanCurve.of(timesS, values));
    }

    /**
     * {@link FitWeighting#FITTED_VARIANCE}: weighted refits of the final unweighted fit (its model, on its window of
     * {@code whole}), each with the weights of the previous one; the last {@code OK} fit is returned (for an onset
     * window, the last whose window still holds: {@link OnsetSpreadFit#windowHolds}). The window and
     * the model (recirculation term or not) are the unweighted fit's: the weights change the estimate, not the
     * decisions.
     */
    private FitResult reweighted(FitResult plain, CleanCurve whole) {
        if (weighting == FitWeighting.NONE || plain.status() != FitStatus.OK) {
            return plain;
        }
        try {
            return reweighted(plain.model(), whole.restrict(plain.windowStartS(), plain.windowEndS()), plain);
        } catch (RuntimeException e) {
            return plain;
        }
    }

    private FitResult reweighted(BolusModel model, CleanCurve c, FitResult plain) {
        FitResult current = plain;
        for (int step = 0; step < REWEIGHTING_STEPS && current.status() == FitStatus.OK; step++) {
            double[] w = FitWeights.fittedVariance(model, current.params(), c.t(), c.y());
            LmSolver solver = new LmSolver(model, c.t(), c.y(), model.lowerBounds(c.t(), c.y()),
                    model.upperBounds(c.t(), c.y()));
            solver.weights(w);
            LmSolver.Outcome o = solver.run(current.params(), maxIterations, relativeTolerance, parameterTolerance);
            FitResult r = covariance ? FitResults.of(model, o, c, w)
                    : FitResults.weighted(FitResults.withoutCovariance(model, o, c, solver.identifiable()), w);
            if (r.status() != FitStatus.OK || model instanceof LognormalSpreadModel && !OnsetSpreadFit.windowHolds(r)) {
                break;
            }
            current = r;
        }
        return current;
    }

    /** One LM run from {@code p0} and its result (with or without covariance). */
    private FitResult result(BolusModel model, LmSolver solver, double[] p0, CleanCurve c) {
        LmSolver.Outcome o = solver.run(p0, maxIterations, relativeTolerance, parameterTolerance);
        return covariance ? FitResults.of(model, o, c) : FitResults.withoutCovariance(model, o, c, solver.identifiable());
    }

    /**
     * Starts to retry from: the model's alternatives around the data-driven guess, preceded by the
     * guess itself when the caller supplied an explicit start.
     */
    private static List<double[]> retryStarts(BolusModel model, CleanCurve c, double[] explicitStart, double[] p0) {
        List<double[]> starts = new ArrayList<>();
        double[] base = p0;
        if (explicitStart != null) {
            double[] guess = model.initialGuess(c.t(), c.y());
            if (guess != null) {
                starts.add(guess);
                base = guess;
            }
        }
        starts.addAll(model.alternativeStarts(base, c.t(), c.y()));
        return starts;
    }

    /** OK beats any other status; otherwise, and between equals, the lower RSS wins. */
    static boolean better(FitResult a, FitResult b) {
        boolean aOk = a.status() == FitStatus.OK;
        boolean bOk = b.status() == FitStatus.OK;
        if (aOk != bOk) {
            return aOk;
        }
        return a.rss() < b.rss() || (Double.isNaN(b.rss()) && !Double.isNaN(a.rss()));
    }

    /** The finite samples of a curve, sorted by time. */
    record CleanCurve(double[] t, double[] y, int dropped) {

        static CleanCurve of(double[] t, double[] y) {
            List<Integer> keep = new ArrayList<>();
            boolean sorted = true;
            double last = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < t.length; i++) {
                if (Double.isFinite(t[i]) && Double.isFinite(y[i])) {
                    sorted &= t[i] >= last;
                    last = t[i];
                    keep.add(i);
                }
            }
            Integer[] idx = keep.toArray(new Integer[0]);
            if (!sorted) {
                Arrays.sort(idx, (a, b) -> Double.compare(t[a], t[b]));
            }
            double[] ct = new double[idx.length];
            double[] cy = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                ct[i] = t[idx[i]];
                cy[i] = y[idx[i]];
            }
            return new CleanCurve(ct, cy, t.length - idx.length);
        }

        int n() {
            return t.length;
        }

        /** @return the samples with {@code startS ≤ t ≤ endS} (the dropped count is kept) */
        CleanCurve restrict(double startS, double endS) {
            int a = 0;
            while (a < t.length && t[a] < startS) {
                a++;
            }
            int b = t.length;
            while (b > a && t[b - 1] > endS) {
                b--;
            }
            if (a == 0 && b == t.length) {
                return this;
            }
            return new CleanCurve(Arrays.copyOfRange(t, a, b), Arrays.copyOfRange(y, a, b), dropped);
        }

        String note() {
            return dropped == 0 ? "" : "; " + dropped + " non-finite sample(s) ignored";
        }
    }
}
