package org.ceusperfusion.fit;

import org.apache.commons.math3.distribution.FDistribution;
import org.ceusperfusion.fit.LevenbergMarquardtFitter.CleanCurve;
import org.ceusperfusion.model.LognormalModel;
import org.ceusperfusion.model.LognormalSpreadModel;

/**
 * The lognormal first pass of a region whose pixels start at different times
 * ({@link LevenbergMarquardtFitter#withOnsetSpread}).
 *
 * <p>The mean curve of pixels that each follow a lognormal but start seconds apart is that lognormal
 * averaged over the onsets: a broader rise and a flatter top than any one lognormal. Fitted with one
 * lognormal it puts the peak early (by 1.1 s when onsets spread ±4 s, the earliest at the first frame: 20
 * rendered loops, TTP interval coverage 0.40) and leaves a slow, smooth misfit that the noise model reads as
 * correlated noise (PE and AUC intervals twice as wide). So after the lognormal fit the curve is also fitted
 * with {@link LognormalSpreadModel} (onset window W free) from three starts (a window of half the lognormal's
 * rise centred on its onset; windows of a half and one rise starting at its onset, the pixel lognormal
 * narrower), and the best fit is kept when
 * <ol>
 *   <li>its window holds ({@link #windowHolds}): at least {@value #MIN_RISE_FRACTION} of its rise time and at
 *   least {@value #MIN_WINDOW_S} s. Narrower windows cannot be told from a shift of the onset or a slightly
 *   different shape, and change nothing that matters (the lognormal's TTP is unbiased for ±2 s of spread); and</li>
 *   <li>it explains the curve better than the lognormal by an F-test at level {@value #ALPHA} on the
 *   effective number of samples, shrunk by the residuals' integrated autocorrelation
 *   ({@link RecirculationFit#shrinkage}).</li>
 * </ol>
 * Both limits were set on rendered loops (docs/intervals.md, "Session 16"). A window kept where there is no
 * spread is not free: with white noise mTT (from the window's start) then comes out 4–9 % long (the demo's day-14
 * specification: 7 of 60 loops kept a 5–7 s window at level 0.1, and its mTT intervals fell to 83 % coverage);
 * at level 0.001 1 of 60. Otherwise the lognormal fit is returned unchanged, as is a fit with a recirculation
 * term or of another model.
 */
final class OnsetSpreadFit {
    /** Level of the F-test that keeps the onset window. */
    static final double ALPHA = 1e-3;
    /** Narrowest window kept, as a fraction of the rise time (TTP − t0) of the fit with the window. */
    static final double MIN_RISE_FRACTION = 0.5;
    /**
     * Narrowest window kept, s: onsets spread over ±2 s leave the lognormal's TTP unbiased (+0.05 s, 8 rendered
     * loops), while a fast bolus at 1–2 frames/s without gain noise, no spread at all, fits windows of 1.4–2.1 s
     * "significantly" (the window then stands for any small misfit of the peak, and moves PE by 2–3 %).
     */
    static final double MIN_WINDOW_S = 4;

    private static final LognormalSpreadModel SPREAD = new LognormalSpreadModel();

    private OnsetSpreadFit() {
    }

    /**
     * @param lognormal the first-pass fit
     * @param whole     the samples it was fitted on (its window is used)
     * @param f         the fitting routine
     * @return the fit with an onset window when the curve shows one (see the class doc), else {@code lognormal}
     */
    static FitResult fit(FitResult lognormal, CleanCurve whole, RecirculationFit.Fitting f) {
        if (!(lognormal.model() instanceof LognormalModel) || lognormal.status() != FitStatus.OK) {
            return lognormal;
        }
        CleanCurve c = whole.restrict(lognormal.windowStartS(), lognormal.windowEndS());
        double[] p = lognormal.params();
        FitResult best = null;
        for (double[] start : new double[][] {LognormalSpreadModel.fromLognormal(p, 0.5, c.t()[0]),
            LognormalSpreadModel.startingAtOnset(p, 0.5), LognormalSpreadModel.startingAtOnset(p, 1.0)}) {
            FitResult r = f.fit(SPREAD, c, start);
            if (best == null || LevenbergMarquardtFitter.better(r, best)) {
                best = r;
            }
        }
        return kept(best, lognormal, c) ? best : lognormal;
    }

    /**
     * @param fit a fit with an onset window, e.g. after the variance-weighted refits (which may narrow the window
     *            until the window and the onset can no longer be told apart)
     * @return whether it is {@code OK} and its window at least {@value #MIN_RISE_FRACTION} of its rise time and at
     *         least {@value #MIN_WINDOW_S} s
     */
    static boolean windowHolds(FitResult fit) {
        if (fit.status() != FitStatus.OK || !(fit.model() instanceof LognormalSpreadModel)) {
            return false;
        }
        double[] p = fit.params();
        double rise = SPREAD.timeToPeakS(p) - SPREAD.onsetS(p);
        return p[LognormalSpreadModel.W] >= Math.max(MIN_WINDOW_S, MIN_RISE_FRACTION * rise);
    }

    /** @return whether the fit with an onset window is kept over the lognormal's (see the class doc) */
    static boolean kept(FitResult spread, FitResult lognormal, CleanCurve c) {
        if (spread == null || !windowHolds(spread)) {
            return false;
        }
        int n = spread.samples();
        int k = spread.params().length;
        double drop = lognormal.rss() - spread.rss();
        if (!(drop > 0) || !(spread.rss() > 0) || n <= k + 2) {
            return false;
        }
        double shrink = RecirculationFit.shrinkage(spread, c);
        double nEff = Math.max(k + 2, n * shrink);
        double fStat = drop / (spread.rss() / (n - k)) * shrink;
        double crit = new FDistribution(1, nEff - k).inverseCumulativeProbability(1 - ALPHA);
        return fStat > crit;
    }
}
