package org.ceusperfusion.fit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.distribution.FDistribution;
import org.ceusperfusion.fit.LevenbergMarquardtFitter.CleanCurve;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.RecirculationModel;

/**
 * The first-pass fit of a curve that may carry recirculation ({@link FitWindowPolicy#FIRST_PASS} with
 * {@link LevenbergMarquardtFitter#withRecirculationTerm}, as the ROI analysis fits).
 *
 * <p>A candidate is looked for first: a dip and second rise ({@link FitWindow#detectClean}) or a shoulder
 * ({@link RecirculationFinder}: the later residuals of a fit on the peak exceed it). Without a candidate the
 * whole curve is fitted with the bolus model. With one, the whole curve is also fitted with the
 * {@link RecirculationModel} (the first pass plus a delayed, broader, scaled copy), started from a fit of the
 * first pass alone, and the recirculation term is kept when
 * <ol>
 *   <li>its area fraction is at least {@value #MIN_FRACTION} of the first pass's, and</li>
 *   <li>it explains the curve better than the bolus model alone by an F-test at level {@value #ALPHA} on
 *   the effective number of samples: the F statistic and the degrees of freedom are shrunk by the
 *   residuals' integrated autocorrelation ({@link #shrinkage}), because correlated speckle
 *   and a slow gain drift make wiggles that an extra term would otherwise always "explain".</li>
 * </ol>
 * The whole curve is then fitted and the first-pass parameters come from the first-pass term. When the test
 * rejects the term, the bolus model's whole-curve fit is returned: nothing is cut (a dip and second rise that
 * the recirculation term does not explain significantly, e.g. one cut short by the end of the recording, is
 * treated as noise).
 */
final class RecirculationFit {
    /** Level of the F-test that keeps the recirculation term. */
    static final double ALPHA = 1e-3;
    /**
     * The F statistic must exceed the test's critical value this many times: on single-pass curves with the
     * realistic phantoms' noise (correlated speckle, multiplicative and gain noise) the shrunk statistic still
     * reached 3.6× the critical value (1000 curves), on curves with a 20–40 % recirculation it was ≥ 24×.
     */
    static final double CALIBRATION = 8;
    /** Smallest recirculation area, fraction of the first pass's area. */
    static final double MIN_FRACTION = 0.05;

    /** Fits a model on a curve from a start point ({@code null}: the model's own guess). */
    interface Fitting {
        FitResult fit(BolusModel model, CleanCurve c, double[] start);
    }

    private RecirculationFit() {
    }

    /**
     * @param model the bolus model
     * @param c     finite, sorted samples
     * @param start start point of the bolus model, or {@code null}
     * @param f     the fitting routine
     * @return the first-pass fit: of the {@link RecirculationModel} on the whole curve when recirculation is
     *         found and significant, else of {@code model}
     */
    static FitResult fit(BolusModel model, CleanCurve c, double[] start, Fitting f) {
        FitWindow dip = FitWindow.detectClean(c);
        Map<Integer, FitResult> done = new HashMap<>();   // the base fits by window length, reused
        Function<CleanCurve, FitResult> base = r -> done.computeIfAbsent(r.n(), k -> f.fit(model, r, start));
        double end = dip.recirculation() ? dip.endS() : RecirculationFinder.firstPassEnd(c, model, base);
        if (Double.isNaN(end)) {
            return f.fit(model, c, start);
        }
        FitResult first = base.apply(c.restrict(c.t()[0], end));
        if (!first.hasParameters() || !model.parameterNames().contains("t0")) {
            return f.fit(model, c, start);
        }
        double[] pb = first.params();
        double rise = model.timeToPeakS(pb) - model.onsetS(pb);
        if (!(rise > 0)) {
            return f.fit(model, c, start);
        }
        RecirculationModel rm = new RecirculationModel(model, rise);
        FitResult best = null;
        for (double[] s : starts(rm, pb, c, end)) {
            FitResult r = f.fit(rm, c, s);
            if (best == null || LevenbergMarquardtFitter.better(r, best)) {
                best = r;
            }
            if (best.status() == FitStatus.OK) {
                break;
            }
        }
        FitResult whole = f.fit(model, c, start);
        if (significant(best, whole, rm, c)) {
            return best;
        }
        return whole;
    }

    /**
     * Starts: the first-pass fit with a recirculation 1.5× wider, starting where the excess began or a little
     * earlier (the recirculation rises slowly), its fraction by least squares on the residuals.
     */
    private static List<double[]> starts(RecirculationModel rm, double[] pb, CleanCurve c, double endS) {
        BolusModel m = rm.firstPass();
        double t0 = m.onsetS(pb);
        double rise = m.timeToPeakS(pb) - t0;
        List<double[]> out = new ArrayList<>();
        for (double d : new double[] {endS - t0, endS - t0 - rise}) {
            double dd = Math.max(rise, d);
            double[] unit = rm.withRecirculation(pb, 1, dd, 1.5);
            double num = 0;
            double den = 0;
            for (int i = 0; i < c.n(); i++) {
                double h = rm.recirculationValue(c.t()[i], unit);
                num += h * (c.y()[i] - m.value(c.t()[i], pb));
                den += h * h;
            }
            double r = den > 0 ? Math.max(0.05, Math.min(0.8, num / den)) : 0.2;
            out.add(rm.withRecirculation(pb, r, dd, 1.5));
        }
        return out;
    }

    /** @return whether the recirculation fit is kept over the bolus model's whole-curve fit (see the class doc) */
    static boolean significant(FitResult withTerm, FitResult without, RecirculationModel rm, CleanCurve c) {
        if (withTerm == null || withTerm.status() != FitStatus.OK || !without.hasParameters()
                || withTerm.params()[rm.fractionIndex()] < MIN_FRACTION) {
            return false;
        }
        int n = withTerm.samples();
        int p1 = withTerm.params().length;
        double drop = without.rss() - withTerm.rss();
        if (!(drop > 0) || !(withTerm.rss() > 0) || n <= p1 + 2) {
            return drop > 0 && withTerm.rss() == 0;
        }
        double shrink = shrinkage(withTerm, c);
        double nEff = Math.max(p1 + 2, n * shrink);
        double fStat = drop / 3 / (withTerm.rss() / (n - p1)) * shrink;
        double crit = new FDistribution(3, nEff - p1).inverseCumulativeProbability(1 - ALPHA);
        return fStat > CALIBRATION * crit;
    }

    /**
     * @return 1/(1 + 2 Σ ρ_k): the inverse of the residuals' integrated autocorrelation (the variance of a slow
     *         contrast of correlated noise relative to white noise), ρ_k the residual autocorrelation at lag k
     *         summed while positive, up to a quarter of the samples
     */
    static double shrinkage(FitResult fit, CleanCurve c) {
        int n = c.n();
        double[] r = new double[n];
        double ss = 0;
        for (int i = 0; i < n; i++) {
            r[i] = c.y()[i] - fit.valueAt(c.t()[i]);
            ss += r[i] * r[i];
        }
        if (!(ss > 0)) {
            return 1;
        }
        double sum = 0;
        for (int k = 1; k <= n / 4; k++) {
            double a = 0;
            for (int i = k; i < n; i++) {
                a += r[i] * r[i - k];
            }
            if (a <= 0) {
                break;
            }
            sum += a / ss;
        }
        return 1 / (1 + 2 * sum);
    }
}
