package org.ceusperfusion.motion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.tic.TimeIntensityCurve;

/**
 * Flags a ROI's curve and fit, and decides whether it is interpretable.
 *
 * <p>Flags (computed on the frames the fit used):
 * <ul>
 *   <li>{@code clipped}: mean fraction of ROI pixels at the <em>top</em> of the grey scale &gt;
 *       {@value #CLIPPED_FRACTION}; {@code saturated}: &gt; {@value #SATURATED_FRACTION}. Top clipping at the
 *       peak is what breaks linearisation;</li>
 *   <li>{@code bottom-clipped}: more than {@value #BOTTOM_FRACTION} of the pixels at grey 0 on average. In contrast
 *       mode pre-contrast frames and necrosis sit at 0: harmless, informational, never a reason on its own;</li>
 *   <li>{@code peak-at-edge}: the highest measured value (3-frame median) or the fitted peak lies at the first or
 *       last used frame (the bolus is cut off);</li>
 *   <li>{@code poor-fit}: R² &lt; {@value #POOR_R2}; {@code no-fit}: the fit gave no parameters;
 *       {@code not-converged}: the fit stopped at its iteration limit;</li>
 *   <li>{@code autocorrelated-residuals}: the largest |autocorrelation| of the residuals at lags from
 *       {@value #RESIDUAL_LAG_S} s (at least one sample) to {@value #MAX_RESIDUAL_LAG_S} s exceeds {@value #MAX_RHO}
 *       (recirculation, uncorrected or periodic motion, a wrong model). Judged in seconds because bubble speckle decorrelates over 0.3–2 s: at 35
 *       frames/s the lag-1 correlation is 0.95 on any good fit;</li>
 *   <li>{@code implausible-duration}: mTT longer than {@value #MAX_MTT_WINDOWS} × the observed window (the used
 *       samples inside the fit window: a fit that ends at a destruction flash or recirculation saw only that);</li>
 *   <li>{@code auc-extrapolated}: more than {@value #MAX_AUC_EXTRAPOLATED} of the AUC lies outside the observed
 *       window (the model, not the data, decides it);</li>
 *   <li>{@code motion}: RMS shift &gt; {@value #MOTION_MM} mm ({@value #MOTION_PX} px without pixel size), even
 *       corrected, out-of-plane components are likely;</li>
 *   <li>{@code frames-rejected}: more than {@value #REJECTED_FRACTION} of the frames were left out.</li>
 * </ul>
 * <p>NOT_INTERPRETABLE when any of: {@code no-fit}; {@code not-converged}; {@code saturated};
 * {@code implausible-duration}; R² &lt; {@value #UNUSABLE_R2}; more than {@value #MAX_REJECTED_FRACTION} of the
 * frames left out; {@code peak-at-edge} together with {@code poor-fit}; three or more flags at once
 * ({@code bottom-clipped} and {@code auc-extrapolated} not counted).
 */
public final class QualityAssessor {
    static final double CLIPPED_FRACTION = 0.05;
    static final double SATURATED_FRACTION = 0.25;
    static final double POOR_R2 = 0.8;
    static final double UNUSABLE_R2 = 0.6;
    static final double MAX_RHO = 0.5;
    /** Lag at which residual autocorrelation is judged, s. */
    public static final double RESIDUAL_LAG_S = 1.0;
    /** Longest lag examined, s (a breathing period). */
    public static final double MAX_RESIDUAL_LAG_S = 5.0;
    /** Bottom-clipped fraction above which the informational flag is set. */
    static final double BOTTOM_FRACTION = 0.25;
    /** mTT longer than this many observed windows is implausible. */
    public static final double MAX_MTT_WINDOWS = 3.0;
    /** Share of the AUC outside the observed window above which it is flagged. */
    public static final double MAX_AUC_EXTRAPOLATED = 0.2;
    static final double MOTION_MM = 3.0;
    static final double MOTION_PX = 10.0;
    static final double REJECTED_FRACTION = 0.2;
    static final double MAX_REJECTED_FRACTION = 0.5;
    static final int MANY_FLAGS = 3;

    private QualityAssessor() {
    }

    /**
     * @param tic         the ROI's curve (all frames)
     * @param used        per frame: used by the fit (loop-level selection)
     * @param fit         the fit on the used frames
     * @param track       the motion track, or {@code null}
     * @param pixelSizeMm pixel size, or {@code null}
     * @return flags and verdict
     */
    public static RoiQuality assess(TimeIntensityCurve tic, boolean[] used, FitResult fit, MotionTrack track,
                                    Double pixelSizeMm) {
        return assess(tic, used, fit, track, pixelSizeMm, null, Double.NaN);
    }

    /**
     * As {@link #assess(TimeIntensityCurve, boolean[], FitResult, MotionTrack, Double)}, also judging the
     * parameters (mean transit time against the observed window) and the extrapolated share of the AUC.
     *
     * @param parameters        the fit's parameters, or {@code null}
     * @param aucExtrapolated   share of the AUC outside the observed window, 0..1 (NaN when unknown)
     */
    public static RoiQuality assess(TimeIntensityCurve tic, boolean[] used, FitResult fit, MotionTrack track,
                                    Double pixelSizeMm, org.ceusperfusion.params.ParameterEstimates parameters,
                                    double aucExtrapolated) {
        boolean[] keep = new boolean[tic.size()];
        int kept = 0;
        for (int i = 0; i < keep.length; i++) {
            keep[i] = used[i] && Double.isFinite(tic.meanIntensity()[i]);
            kept += keep[i] ? 1 : 0;
        }
        double clipped = meanOver(tic.clippedFraction(), keep);
        double top = tic.topClippedFraction() == null ? clipped : meanOver(tic.topClippedFraction(), keep);
        double bottom = Math.max(0, clipped - top);
        boolean hasFit = fit != null && fit.hasParameters();
        boolean notConverged = hasFit && fit.status() == org.ceusperfusion.fit.FitStatus.NOT_CONVERGED;
        double r2 = hasFit ? fit.r2() : Double.NaN;
        double[][] res = hasFit ? residuals(tic, keep, fit) : new double[2][0];
        double rho1 = lag1(res[1]);
        double dw = durbinWatson(res[1]);
        double[] worst = worstAutocorrelation(res[0], res[1]);
        double lagS = worst[0];
        double rhoLag = worst[1];
        double rmsPx = track == null ? Double.NaN : track.rmsShiftPx(keep);
        Double rmsMm = track == null || pixelSizeMm == null ? null : rmsPx * pixelSizeMm;
        boolean edge = peakAtEdge(tic, keep, hasFit ? fit : null);
        int rejected = tic.size() - kept;
        double window = observedWindow(tic.timesS(), keep, hasFit ? fit : null);
        double mtt = parameters == null ? Double.NaN : parameters.value(org.ceusperfusion.params.PerfusionParameter.MTT);
        boolean implausible = hasFit && window > 0 && (mtt > MAX_MTT_WINDOWS * window || Double.isInfinite(mtt));

        List<String> flags = new ArrayList<>();
        addIf(flags, top > CLIPPED_FRACTION, "clipped");
        addIf(flags, top > SATURATED_FRACTION, "saturated");
        addIf(flags, edge, "peak-at-edge");
        addIf(flags, !hasFit, "no-fit");
        addIf(flags, notConverged, "not-converged");
        addIf(flags, hasFit && r2 < POOR_R2, "poor-fit");
        addIf(flags, Math.abs(rhoLag) > MAX_RHO, "autocorrelated-residuals");
        addIf(flags, implausible, "implausible-duration");
        addIf(flags, rmsMm != null ? rmsMm > MOTION_MM : rmsPx > MOTION_PX, "motion");
        addIf(flags, rejected > REJECTED_FRACTION * tic.size(), "frames-rejected");
        int counted = flags.size();
        addIf(flags, bottom > BOTTOM_FRACTION, "bottom-clipped");
        addIf(flags, aucExtrapolated > MAX_AUC_EXTRAPOLATED, "auc-extrapolated");

        List<String> reasons = new ArrayList<>();
        addIf(reasons, !hasFit, "no usable fit" + (fit == null ? "" : " (" + fit.status() + ")"));
        addIf(reasons, notConverged, "the fit did not converge");
        addIf(reasons, top > SATURATED_FRACTION, String.format(Locale.ROOT,
                "%.0f %% of the ROI's pixels are saturated (top of the grey scale)", 100 * top));
        addIf(reasons, hasFit && r2 < UNUSABLE_R2, String.format(Locale.ROOT, "R² = %.3f", r2));
        addIf(reasons, implausible, String.format(Locale.ROOT, "mTT %.4g s is more than %.0f times the %.4g s observed",
                mtt, MAX_MTT_WINDOWS, window));
        addIf(reasons, rejected > MAX_REJECTED_FRACTION * tic.size(), rejected + " of " + tic.size()
                + " frames left out");
        addIf(reasons, edge && hasFit && r2 < POOR_R2, "the bolus is cut off and poorly fitted");
        addIf(reasons, reasons.isEmpty() && counted >= MANY_FLAGS, counted + " quality flags: "
                + String.join(", ", flags.subList(0, counted)));
        return new RoiQuality(reasons.isEmpty(), flags, reasons, clipped, edge, r2, rho1, dw, rmsPx, rmsMm, kept,
                rejected, top, bottom, lagS, rhoLag, aucExtrapolated);
    }

    /**
     * @return {@code {lagS, rho}}: of the lags from {@value #RESIDUAL_LAG_S} s (at least one sample) to
     *         {@value #MAX_RESIDUAL_LAG_S} s (at most a third of the residuals), the one whose autocorrelation is
     *         largest in magnitude (periodic motion correlates negatively at half its period)
     */
    static double[] worstAutocorrelation(double[] t, double[] e) {
        double step = org.ceusperfusion.tic.RobustStats.medianStep(t);
        if (!(step > 0)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int from = Math.max(1, (int) Math.round(RESIDUAL_LAG_S / step));
        int to = Math.max(from, Math.min(e.length / 3, (int) Math.round(MAX_RESIDUAL_LAG_S / step)));
        double best = Double.NaN;
        int at = from;
        for (int lag = from; lag <= to; lag++) {
            double r = autocorrelation(e, lag);
            if (Double.isFinite(r) && !(Math.abs(r) <= Math.abs(best))) {
                best = r;
                at = lag;
            }
        }
        return new double[] {at * step, best};
    }

    /** @return the span of the kept samples inside the fit's window (the whole curve without a fit), s */
    private static double observedWindow(double[] t, boolean[] keep, FitResult fit) {
        double from = fit == null || !Double.isFinite(fit.windowStartS()) ? Double.NEGATIVE_INFINITY : fit.windowStartS();
        double to = fit == null || !Double.isFinite(fit.windowEndS()) ? Double.POSITIVE_INFINITY : fit.windowEndS();
        int first = -1;
        int last = -1;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i] && t[i] >= from && t[i] <= to) {
                last = i;
                first = first < 0 ? i : first;
            }
        }
        return first < 0 ? Double.NaN : t[last] - t[first];
    }

    /** @return autocorrelation of mean-removed {@code e} at {@code lag} samples (NaN when too short) */
    public static double autocorrelation(double[] e, int lag) {
        return e.length < lag + 3 ? Double.NaN : correlation(e, lag);
    }

    private static double correlation(double[] e, int lag) {
        double m = 0;
        for (double v : e) {
            m += v / e.length;
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < e.length; i++) {
            den += (e[i] - m) * (e[i] - m);
            if (i >= lag) {
                num += (e[i] - m) * (e[i - lag] - m);
            }
        }
        return den > 0 ? num / den : Double.NaN;
    }

    private static double meanOver(double[] v, boolean[] keep) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (keep[i]) {
                s += v[i];
                n++;
            }
        }
        return n == 0 ? 0 : s / n;
    }

    private static void addIf(List<String> list, boolean condition, String item) {
        if (condition) {
            list.add(item);
        }
    }

    /** @return {@code {times, residuals}} of the used frames inside the fit window */
    private static double[][] residuals(TimeIntensityCurve tic, boolean[] keep, FitResult fit) {
        List<double[]> r = new ArrayList<>();
        double[] t = tic.timesS();
        double[] y = tic.meanIntensity();
        for (int i = 0; i < keep.length; i++) {
            if (keep[i] && t[i] >= fit.windowStartS() && t[i] <= fit.windowEndS()) {
                r.add(new double[] {t[i], y[i] - fit.valueAt(t[i])});
            }
        }
        return new double[][] {r.stream().mapToDouble(v -> v[0]).toArray(), r.stream().mapToDouble(v -> v[1]).toArray()};
    }

    /** @return lag-1 autocorrelation ρ1 = Σ e_i e_(i−1) / Σ e_i² of mean-removed residuals (NaN when &lt; 3) */
    public static double lag1(double[] e) {
        return e.length < 3 ? Double.NaN : correlation(e, 1);
    }

    /** @return Durbin–Watson statistic Σ(e_i − e_(i−1))² / Σ e_i² (NaN when &lt; 3 residuals) */
    public static double durbinWatson(double[] e) {
        if (e.length < 3) {
            return Double.NaN;
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < e.length; i++) {
            den += e[i] * e[i];
            if (i > 0) {
                num += (e[i] - e[i - 1]) * (e[i] - e[i - 1]);
            }
        }
        return den > 0 ? num / den : Double.NaN;
    }

    private static boolean peakAtEdge(TimeIntensityCurve tic, boolean[] keep, FitResult fit) {
        int first = -1;
        int last = -1;
        int argmax = -1;
        double max = Double.NEGATIVE_INFINITY;
        double[] y = tic.meanIntensity();
        int[] idx = java.util.stream.IntStream.range(0, keep.length).filter(i -> keep[i]).toArray();
        if (idx.length < 3) {
            return false;
        }
        first = idx[0];
        last = idx[idx.length - 1];
        for (int k = 0; k < idx.length; k++) {
            double a = y[idx[Math.max(0, k - 1)]];
            double b = y[idx[k]];
            double c = y[idx[Math.min(idx.length - 1, k + 1)]];
            double med = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
            if (med > max) {
                max = med;
                argmax = idx[k];
            }
        }
        double[] t = tic.timesS();
        if (fit != null) {
            double ttp = fitPeak(fit, t[first], t[last]);
            if (ttp <= t[first] || ttp >= t[last]) {
                return true;
            }
        }
        return argmax == first || argmax == last;
    }

    /** @return the time of the fitted curve's maximum over [t0, t1] on a 1000-point grid */
    private static double fitPeak(FitResult fit, double t0, double t1) {
        double best = Double.NEGATIVE_INFINITY;
        double at = t0;
        for (int i = 0; i <= 1000; i++) {
            double t = t0 + (t1 - t0) * i / 1000.0;
            double v = fit.valueAt(t);
            if (v > best) {
                best = v;
                at = t;
            }
        }
        return at;
    }
}
