package org.ceusperfusion.fit;

import org.ceusperfusion.tic.RobustStats;

import org.ceusperfusion.fit.LevenbergMarquardtFitter.CleanCurve;
import org.ceusperfusion.model.BolusModel;

/**
 * Fits many curves whose bolus has approximately a known {@link ReferenceShape} (the pixels of a
 * parametric map): per curve, one linear least-squares pass gives baseline O and amplitude A for the
 * reference shape; a curve whose amplitude is not significant ({@code A ≤ screenSigmas · SE(A)}) is
 * reported {@code NO_BOLUS} without an LM fit; otherwise Levenberg–Marquardt starts from
 * {@code [O, A, shape]} (usually a few iterations). When that fit does not end {@code OK}, the curve is
 * fitted again by the ordinary fitter (data-driven start and its alternatives), and the
 * {@linkplain LevenbergMarquardtFitter#better better} of the two results is kept.
 *
 * <p>The fit uses the shape's window (its {@link ReferenceShape#samples() leading samples}). Iteration
 * limit, tolerances and covariance follow the given {@link LevenbergMarquardtFitter}. Not thread-safe:
 * one instance per thread (it reuses its solver's work arrays).
 *
 * <pre>{@code
 * SharedShapeFitter f = new SharedShapeFitter(model, timesS, fitter, 4.0);
 * FitResult r = f.fit(pixelCurve, ReferenceShape.of(model, timesS, blockFit.params(), n));
 * }</pre>
 */
public final class SharedShapeFitter {
    /** Message of a curve screened out as not enhancing. */
    public static final String NO_BOLUS_MESSAGE = "no bolus: amplitude not significant for the reference shape";

    /** Message of a curve screened out by {@link #fit(double[], ShiftedShapes)}. */
    public static final String NO_BOLUS_SHIFTED_MESSAGE =
            "no bolus: amplitude not significant for any time shift of the reference shape";

    /**
     * Smallest bolus peak, relative to the baseline, that {@link #fit(double[], ShiftedShapes)} accepts: slow
     * gain drifts and correlated speckle make significant but small bumps in non-enhancing tissue (measured on
     * the realistic necrosis phantoms: 95th percentile 0.2–0.39 in necrotic cores, 1st percentile 0.23–0.32 in
     * perfused pixels).
     */
    public static final double MIN_RELATIVE_PEAK = 0.25;
    /** Relative peak above which a bolus needs only {@value #STRONG_PEAK_SIGMAS} standard errors. */
    public static final double STRONG_RELATIVE_PEAK = 1.0;
    /**
     * Second chance of a curve the screen would reject: a bolus of relative peak ≥ {@value #MIN_RELATIVE_PEAK} whose
     * amplitude is more than this many standard errors of the noise before its bolus ({@link ShiftedShapes#quietT}).
     * A perfused pixel's own bubble speckle (exponential, correlated over a second) swells the pooled residuals
     * that {@code t} is judged by, so its {@code t} can stay under {@code screenSigmas} while its bolus stands far
     * above its pre-contrast noise: 2.2 % of the late surrounding tissue on one realistic heterogeneous loop was
     * screened out so (docs/maps.md). Set on realistic phantoms with necrotic cores: at 8 no core pixel more was
     * called a bolus on 24 maps (3 seeds × 8 phantoms); at 6, 3–6 more per 1 040-pixel core.
     */
    public static final double QUIET_SIGMAS = 8;
    /** Significance a bolus of relative peak ≥ {@value #STRONG_RELATIVE_PEAK} needs. */
    public static final double STRONG_PEAK_SIGMAS = 4.0;

    /**
     * Fewest samples the coarse stage of a long curve keeps: a window of at least twice as many samples
     * is first fitted on means of consecutive samples (see {@link #fit(double[], ShiftedShapes)}).
     */
    public static final int COARSE_MIN_SAMPLES = 30;
    /** Samples per rise (onset to peak) of the matched bolus the coarse stage keeps. */
    public static final double COARSE_SAMPLES_PER_RISE = 6;

    private final java.util.Map<Integer, double[]> windowTimes = new java.util.HashMap<>();
    private final java.util.Map<Long, double[]> coarseTimes = new java.util.HashMap<>();
    private final double fineStepS;
    private double[] coarseY = new double[0];
    private final BolusModel model;
    private final double[] timesS;
    private final LevenbergMarquardtFitter fitter;
    private final double screenSigmas;
    private final LmSolver solver;
    private double[] window = new double[0];
    private final ShiftedShapes.Workspace screenWork = new ShiftedShapes.Workspace();
    private int screened;
    private int fallbacks;

    /**
     * @param model        the model (linear in baseline and amplitude)
     * @param timesS       sample times of every curve, s, increasing
     * @param fitter       iteration limit, tolerances, covariance, and the fallback fit
     * @param screenSigmas a curve whose amplitude is at most this many standard errors is {@code NO_BOLUS}
     *                     (≤ 0 screens out only non-positive amplitudes)
     */
    public SharedShapeFitter(BolusModel model, double[] timesS, LevenbergMarquardtFitter fitter, double screenSigmas) {
        if (!model.linearInBaselineAndAmplitude()) {
            throw new IllegalArgumentException("model " + model.name() + " is not linear in baseline and amplitude");
        }
        this.model = model;
        this.timesS = timesS.clone();
        this.fitter = fitter;
        this.screenSigmas = screenSigmas;
        this.solver = new LmSolver(model, model.parameterNames().size());
        this.fineStepS = medianStep(this.timesS);
    }

    /**
     * @param y     the curve (intensities at the fitter's times, linear a.u.); not modified
     * @param shape the reference shape for this curve (made on the same times), or {@code null} to fit it
     *              with the ordinary fitter only
     * @return the fit; never {@code null}
     */
    public FitResult fit(double[] y, ReferenceShape shape) {
        if (shape == null || !allFinite(y)) {
            fallbacks++;
            return fitter.fit(model, timesS, y);
        }
        int n = shape.samples();
        double[] yw = windowOf(y, n);
        ReferenceShape.LinearFit lf = shape.linearFit(yw);
        double[] t = shape.times();
        if (!(lf.amplitude() > Math.max(0, screenSigmas) * lf.amplitudeSe())) {
            screened++;
            return new FitResult(model, FitStatus.NO_BOLUS, NO_BOLUS_MESSAGE, null, null, Double.NaN, Double.NaN,
                    n, 0, t[0], t[n - 1]);
        }
        FitResult r = fromShape(t, yw, n, shape.start(lf));
        if (r.status() == FitStatus.OK) {
            return r;
        }
        fallbacks++;
        FitResult other = fitter.fit(model, timesS, y);
        return LevenbergMarquardtFitter.better(other, r) ? other : r;
    }

    /**
     * Fits {@code y} starting from the most significant of its {@link ShiftedShapes} (its own timing, not
     * the reference's): {@code NO_BOLUS} when even that candidate's amplitude is not significant
     * ({@code A/SE(A)} ≤ {@code screenSigmas}) or its peak is below {@value #MIN_RELATIVE_PEAK} of the
     * baseline (a peak of at least {@value #STRONG_RELATIVE_PEAK} of the baseline needs only
     * {@value #STRONG_PEAK_SIGMAS} standard errors) — unless the bolus stands more than {@value #QUIET_SIGMAS} standard
     * errors above the noise before it ({@link ShiftedShapes#quietT}) with a peak of at least
     * {@value #MIN_RELATIVE_PEAK} of the baseline; else LM from {@code [O, A, shape moved by the best shift]} on that shift's
     * window, with the ordinary fitter as fallback as for {@link #fit(double[], ReferenceShape)}.
     *
     * @param y      the curve (intensities at the fitter's times, linear a.u.); not modified
     * @param shapes the shifted reference shapes for this curve (made on the same times), or {@code null}
     * @return the fit; never {@code null}
     */
    public FitResult fit(double[] y, ShiftedShapes shapes) {
        if (shapes == null || !allFinite(y)) {
            fallbacks++;
            return fitter.fit(model, timesS, y);
        }
        ShiftedShapes.Match m = shapes.match(y, screenWork);
        if (m == null || !(m.amplitude() > 0) || !showsBolus(m.t(), m.relativePeak())
                && !(m.relativePeak() >= MIN_RELATIVE_PEAK && shapes.quietT(m, y) > QUIET_SIGMAS)) {
            screened++;
            int n = m == null ? timesS.length : m.samples();
            return new FitResult(model, FitStatus.NO_BOLUS, NO_BOLUS_SHIFTED_MESSAGE, null, null, Double.NaN,
                    Double.NaN, n, 0, timesS[0], timesS[n - 1]);
        }
        int n = m.samples();
        double[] yw = windowOf(y, n);
        double[] start = coarseStart(yw, n, shapes.start(m), shapes.riseS(m));
        FitResult r = fromShape(timesOf(n), yw, n, start);
        if (r.status() == FitStatus.OK) {
            return r;
        }
        fallbacks++;
        FitResult other = fitter.fit(model, timesS, y);
        return LevenbergMarquardtFitter.better(other, r) ? other : r;
    }

    /**
     * The screen: a bolus is significant at {@code screenSigmas} standard errors with a peak of at least
     * {@value #MIN_RELATIVE_PEAK} of the baseline, or at {@value #STRONG_PEAK_SIGMAS} standard errors with
     * a peak of at least {@value #STRONG_RELATIVE_PEAK} of it (short loops give few samples; a peak that
     * large is not made by gain drift or speckle).
     */
    private boolean showsBolus(double t, double relativePeak) {
        return t > Math.max(0, screenSigmas) && relativePeak >= MIN_RELATIVE_PEAK
                || t > Math.min(screenSigmas, STRONG_PEAK_SIGMAS) && relativePeak >= STRONG_RELATIVE_PEAK;
    }

    /**
     * The start for the fit of a long window: LM on means of {@code d} consecutive samples (keeping
     * {@value #COARSE_SAMPLES_PER_RISE} per rise of the matched bolus and at least
     * {@value #COARSE_MIN_SAMPLES}), so the fit on every sample starts next to its optimum and needs one or
     * two Jacobian evaluations of the whole window instead of several. The result is still the fit of
     * every sample (the coarse stage only moves its start). {@code start} itself when the window is short
     * or the coarse fit is not finite.
     */
    private double[] coarseStart(double[] yw, int n, double[] start, double riseS) {
        int d = coarseFactor(n, riseS);
        if (d < 2) {
            return start;
        }
        int nc = (n + d - 1) / d;
        double[] tc = coarseTimes.computeIfAbsent(((long) n << 20) | d, k -> ShiftedShapes.means(timesOf(n), d));
        if (coarseY.length != nc) {
            coarseY = new double[nc];
        }
        for (int j = 0; j < nc; j++) {
            int end = Math.min(n, (j + 1) * d);
            double sum = 0;
            for (int i = j * d; i < end; i++) {
                sum += yw[i];
            }
            coarseY[j] = sum / (end - j * d);
        }
        double[][] box = model.bounds(tc, coarseY);
        solver.reset(tc, coarseY, nc, box[0], box[1]);
        LmSolver.Outcome o = solver.run(start, fitter.maxIterations(), fitter.relativeTolerance(),
                fitter.parameterTolerance());
        return Double.isFinite(o.rss()) && allFinite(o.params()) ? o.params() : start;
    }

    /** Samples averaged in the coarse stage of a window of {@code n} samples whose bolus rises in {@code riseS}. */
    private int coarseFactor(int n, double riseS) {
        if (n < 2 * COARSE_MIN_SAMPLES || !(riseS > 0) || !Double.isFinite(riseS)) {
            return 1;
        }
        int d = (int) Math.floor(riseS / COARSE_SAMPLES_PER_RISE / fineStepS);
        d = Math.min(d, n / COARSE_MIN_SAMPLES);
        return d >= 3 ? d : 1;   // a coarse stage of half the samples saves less than it costs
    }

    private static double medianStep(double[] t) {
        double m = RobustStats.medianStep(t);
        return t.length < 2 ? 1 : m > 0 ? m : Double.POSITIVE_INFINITY;
    }

    /** The first {@code n} sample times (cached per length: windows repeat across curves). */
    private double[] timesOf(int n) {
        if (n == timesS.length) {
            return timesS;
        }
        return windowTimes.computeIfAbsent(n, k -> java.util.Arrays.copyOf(timesS, k));
    }

    /** @return curves screened out as {@code NO_BOLUS} so far */
    public int screened() {
        return screened;
    }

    /** @return curves fitted (also or only) by the ordinary fitter so far */
    public int fallbacks() {
        return fallbacks;
    }

    private FitResult fromShape(double[] t, double[] yw, int n, double[] start) {
        double[][] box = model.bounds(t, yw);
        solver.reset(t, yw, n, box[0], box[1]);
        LmSolver.Outcome o = solver.run(start, fitter.maxIterations(), fitter.relativeTolerance(),
                fitter.parameterTolerance());
        if (fitter.computesCovariance()) {
            return FitResults.of(model, o, new CleanCurve(t, yw, 0));
        }
        return FitResults.withoutCovariance(model, o, yw, n, solver.identifiable(), "", t[0], t[n - 1]);
    }

    /** The first {@code n} samples of {@code y} (a reused buffer when shorter than {@code y}). */
    private double[] windowOf(double[] y, int n) {
        if (n == y.length) {
            return y;
        }
        if (window.length != n) {
            window = new double[n];
        }
        System.arraycopy(y, 0, window, 0, n);
        return window;
    }

    private static boolean allFinite(double[] y) {
        for (double v : y) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
