package org.ceusperfusion.fit;

import org.ceusperfusion.tic.RobustStats;

import org.ceusperfusion.model.BolusModel;

/**
 * A reference bolus shape and copies of it shifted in time, for finding a curve's own bolus without
 * assuming the reference's timing (the pixels of a parametric map, whose onsets differ from their
 * block's by several seconds).
 *
 * <p>Candidate {@code c} is the reference basis {@code g(t) = f(t; O = 0, A = 1, shape)} stretched in
 * time by {@code w_c} about the reference onset {@code t0} and moved by {@code s_c} seconds,
 * {@code g_c(t) = g(t0 + (t − s_c − t0)/w_c)}, on the first {@code n_c} samples (the reference's
 * first-pass window stretched and moved alike). On long curves the screen runs on means of consecutive
 * samples (as many as keep six per rise of the narrowest candidate); the match's window is given back
 * in the curve's own samples. Widths 0.4, 0.6, 1 and 1.6 for the lognormal (whose
 * start then gets {@code μ + ln w}), 1 for other models. Shifts run from {@value #MAX_EARLY_S} s earlier to
 * {@value #MAX_LATE_S} s later (within the loop), in steps of a sixth of the candidate's rise time
 * (onset to peak) but at least one sample interval, and always include 0. The basis is tabulated once
 * on a grid of the median sample interval, so each candidate costs one dot product per curve.
 *
 * <p>{@link #match} fits {@code y ≈ O + A·g_c} by linear least squares for every candidate and keeps
 * the one whose amplitude is most significant, {@code t_c = A_c / SE(A_c)}. Its evidence of a bolus,
 * {@link Match#evidence()}, is that t-statistic with the standard error widened for temporally
 * correlated noise: {@code t·√((1−ρ)/(1+ρ))}, ρ the lag-1 autocorrelation of its residuals (clamped
 * to 0..{@value #MAX_RHO}; the effective number of independent samples of an AR(1) series is
 * {@code n(1−ρ)/(1+ρ)}). Immutable and thread-safe; {@link #match(double[], Workspace)} allocates only its
 * result (the work arrays are the caller's, one {@link Workspace} per thread).
 *
 * <pre>{@code
 * ShiftedShapes s = ShiftedShapes.of(model, timesS, blockFit.params(), windowSamples);
 * ShiftedShapes.Match m = s.match(pixelCurve);
 * if (m.evidence() > 4) { double[] start = s.start(m); ... }   // LM from the pixel's own timing
 * }</pre>
 */
public final class ShiftedShapes {
    /** Earliest candidate shift, s before the reference. */
    public static final double MAX_EARLY_S = 12;
    /** Latest candidate shift, s after the reference. */
    public static final double MAX_LATE_S = 16;
    /** Largest lag-1 residual autocorrelation used to widen the standard error. */
    public static final double MAX_RHO = 0.95;
    /** Samples are quiet ({@link #quietT}) until the matched shape reaches this fraction of its peak. */
    public static final double QUIET_FRACTION = 0.05;
    /** Fewest quiet samples {@link #quietT} takes before the match's bolus (else the loop's first ones). */
    public static final int MIN_QUIET = 8;

    private final BolusModel model;
    private final double[] params;
    private final int onsetIndex;
    private final double[] times;
    private final double step;
    private final int[] q;
    private final boolean regular;
    private final double[] widths;
    private final double[][] grids;
    private final int gridOffset;
    private final int[] widthOf;
    private final int[] shift;
    private final int[] window;
    private final double[] sumG;
    private final double[] det;
    private final double[] maxG;
    /** Curve samples averaged into one screen sample. */
    private int decimation = 1;
    /** Samples of the curves given to {@link #match}. */
    private int fineSamples;

    /**
     * The best candidate for one curve.
     *
     * @param candidate   index of the candidate
     * @param shiftS      its shift, s
     * @param width       its time scale relative to the reference (1 = the reference's width)
     * @param samples     its window (leading samples of the curve)
     * @param baseline    O, a.u.
     * @param amplitude   A for the shifted shape, a.u.·s
     * @param t           {@code A / SE(A)} with the white-noise standard error
     * @param rho         lag-1 autocorrelation of the residuals (clamped)
     * @param peak        the peak of the fitted bolus {@code A·max g_c} above the baseline, a.u.
     */
    public record Match(int candidate, double shiftS, double width, int samples, double baseline, double amplitude, double t,
                        double rho, double peak) {
        /** @return the bolus peak over the baseline, {@code peak / O} (infinite when O ≤ 0 and the peak is positive) */
        public double relativePeak() {
            return baseline > 0 ? peak / baseline : peak > 0 ? Double.POSITIVE_INFINITY : 0;
        }

        /** @return the amplitude's significance allowing for correlated noise: {@code t·√((1−ρ)/(1+ρ))} */
        public double evidence() {
            return t * Math.sqrt((1 - rho) / (1 + rho));
        }
    }

    private ShiftedShapes(BolusModel model, double[] params, int onsetIndex, double[] times, double step, int[] q,
                          boolean regular, double[] widths, double[][] grids, int gridOffset, int[] widthOf,
                          int[] shift, int[] window, double[] sumG, double[] det) {
        this.model = model;
        this.params = params;
        this.onsetIndex = onsetIndex;
        this.times = times;
        this.step = step;
        this.q = q;
        this.regular = regular;
        this.widths = widths;
        this.grids = grids;
        this.gridOffset = gridOffset;
        this.widthOf = widthOf;
        this.shift = shift;
        this.window = window;
        this.sumG = sumG;
        this.det = det;
        this.maxG = new double[shift.length];
        for (int c = 0; c < shift.length; c++) {
            double mx = 0;
            for (int i = 0; i < window[c]; i++) {
                mx = Math.max(mx, grids[widthOf[c]][q[i] - shift[c] + gridOffset]);
            }
            maxG[c] = mx;
        }
    }

    /**
     * @param model   a model linear in baseline and amplitude
     * @param timesS  sample times of every curve, s, increasing
     * @param params  the reference parameters in the model's order (the first two are ignored)
     * @param samples the reference's window (leading samples), ≥ 3
     * @return the shapes, or {@code null} when the reference basis is flat or not finite on its window
     */
    public static ShiftedShapes of(BolusModel model, double[] timesS, double[] params, int samples) {
        return of(model, timesS, params, samples, scalable(model) ? WIDTHS : new double[] {1});
    }

    /**
     * As {@link #of(BolusModel, double[], double[], int)} with the given width scales (which must include
     * 1; other widths only for the lognormal).
     */
    public static ShiftedShapes of(BolusModel model, double[] timesS, double[] params, int samples,
                                   double[] widths) {
        if (!scalable(model) && (widths.length != 1 || widths[0] != 1)) {
            throw new IllegalArgumentException("model " + model.name() + " cannot be stretched in time");
        }
        if (!model.linearInBaselineAndAmplitude()) {
            throw new IllegalArgumentException("model " + model.name() + " is not linear in baseline and amplitude");
        }
        int n = timesS.length;
        if (samples < 3 || samples > n || params.length != model.parameterNames().size()) {
            throw new IllegalArgumentException("need 3.." + n + " samples and " + model.parameterNames().size()
                    + " parameters, got " + samples + " and " + params.length);
        }
        double[] p = params.clone();
        p[0] = 0;
        p[1] = 1;
        int onset = model.parameterNames().indexOf("t0");
        int d = decimation(model, p, timesS, widths);
        int fine = n;
        if (d > 1) {   // the screen runs on d-sample means: still ≥ 6 samples per rise of the narrowest shape
            timesS = means(timesS, d);
            samples = Math.max(3, Math.min(timesS.length, (samples + d - 1) / d));
            n = timesS.length;
        }
        double step = medianStep(timesS);
        int[] q = new int[n];
        boolean regular = true;
        for (int i = 0; i < n; i++) {
            q[i] = (int) Math.round((timesS[i] - timesS[0]) / step);
            regular &= q[i] == i;
        }
        java.util.List<int[]> cand = new java.util.ArrayList<>();
        for (int wi = 0; wi < widths.length; wi++) {
            for (int m : shifts(model, p, timesS, step, onset, widths[wi])) {
                cand.add(new int[] {wi, m});
            }
        }
        int mMin = cand.stream().mapToInt(c -> c[1]).min().orElse(0);
        int mMax = cand.stream().mapToInt(c -> c[1]).max().orElse(0);
        double t0 = onset >= 0 ? p[onset] : 0;
        double[][] grids = new double[widths.length][q[n - 1] + mMax - mMin + 1];
        for (int wi = 0; wi < widths.length; wi++) {
            for (int k = 0; k < grids[wi].length; k++) {
                double tk = timesS[0] + (k - mMax) * step;
                grids[wi][k] = model.value(t0 + (tk - t0) / widths[wi], p);
            }
        }
        ShiftedShapes s = build(model, p, onset, timesS, step, q, regular, widths, grids, mMax, cand, samples);
        if (s != null) {
            s.decimation = d;
            s.fineSamples = fine;
        }
        return s;
    }

    /** Samples averaged for the screen: as many as keep 6 per rise of the narrowest candidate. */
    private static int decimation(BolusModel model, double[] p, double[] t, double[] widths) {
        double rise = model.timeToPeakS(p) - model.onsetS(p);
        double min = java.util.Arrays.stream(widths).min().orElse(1);
        double step = medianStep(t);
        if (!(rise > 0) || !Double.isFinite(rise) || t.length < 60) {
            return 1;
        }
        return Math.max(1, Math.min(t.length / 30, (int) Math.floor(min * rise / 6 / step)));
    }

    /** Means of consecutive groups of {@code d} values (the last group may be shorter). */
    static double[] means(double[] v, int d) {
        return means(v, d, new double[(v.length + d - 1) / d]);
    }

    /** {@link #means(double[], int)} into {@code out} (its first {@code ⌈v.length/d⌉} values). */
    private static double[] means(double[] v, int d, double[] out) {
        int m = (v.length + d - 1) / d;
        for (int j = 0; j < m; j++) {
            int end = Math.min(v.length, (j + 1) * d);
            double sum = 0;
            for (int i = j * d; i < end; i++) {
                sum += v[i];
            }
            out[j] = sum / (end - j * d);
        }
        return out;
    }

    /** Width scales tried for the lognormal (its time scale is {@code e^μ}). */
    private static final double[] WIDTHS = {0.4, 0.6, 1, 1.6};

    /** Whether the model's shape can be time-scaled in its start ({@code μ + ln c}): the lognormal. */
    private static boolean scalable(BolusModel model) {
        return model.parameterNames().equals(java.util.List.of("O", "A", "mu", "sigma", "t0"));
    }

    private static ShiftedShapes build(BolusModel model, double[] p, int onset, double[] t, double step, int[] q,
                                       boolean regular, double[] widths, double[][] grids, int off,
                                       java.util.List<int[]> cand, int samples) {
        int k = cand.size();
        int[] widthOf = new int[k];
        int[] shifts = new int[k];
        int[] window = new int[k];
        double[] sg = new double[k];
        double[] det = new double[k];
        double t0 = onset >= 0 ? p[onset] : t[0];
        double windowEnd = t[samples - 1];
        int minSamples = samples;   // never fewer than the reference: short windows give heavy-tailed t
        int zero = -1;
        for (int c = 0; c < k; c++) {
            widthOf[c] = cand.get(c)[0];
            shifts[c] = cand.get(c)[1];
            double wc = widths[widthOf[c]];
            double end = t0 + (windowEnd - t0) * wc + shifts[c] * step;
            int n = 0;
            while (n < t.length && t[n] <= end + 1e-9) {
                n++;
            }
            n = Math.max(n, minSamples);
            double[] grid = grids[widthOf[c]];
            double s = 0;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double g = grid[q[i] - shifts[c] + off];
                s += g;
                ss += g * g;
            }
            window[c] = n;
            sg[c] = s;
            det[c] = n * ss - s * s;
            if (!(det[c] > 1e-12 * n * ss) || !Double.isFinite(det[c])) {
                det[c] = Double.NaN;   // flat on its window: never chosen
            }
            zero = shifts[c] == 0 && wc == 1 ? c : zero;
        }
        if (zero < 0 || Double.isNaN(det[zero])) {
            return null;
        }
        return new ShiftedShapes(model, p, onset, t, step, q, regular, widths, grids, off, widthOf, shifts, window,
                sg, det);
    }

    /** Shifts in grid steps, increasing, including 0 (only 0 when the model has no onset parameter). */
    private static int[] shifts(BolusModel model, double[] p, double[] t, double step, int onset, double width) {
        if (onset < 0) {
            return new int[] {0};
        }
        double t0 = model.onsetS(p);
        double rise = (model.timeToPeakS(p) - t0) * width;
        if (!(rise > 0) || !Double.isFinite(rise)) {
            return new int[] {0};
        }
        int stride = Math.max(1, (int) Math.floor(rise / 6 / step));
        double early = Math.min(MAX_EARLY_S, Math.max(0, t0 + 0.5 * rise - t[0]));
        double late = Math.min(MAX_LATE_S, Math.max(0, t[t.length - 1] - (t0 + 2 * rise)));
        int lo = (int) Math.floor(early / (stride * step));
        int hi = (int) Math.floor(late / (stride * step));
        int[] s = new int[lo + hi + 1];
        for (int i = 0; i < s.length; i++) {
            s[i] = (i - lo) * stride;
        }
        return s;
    }

    private static double medianStep(double[] t) {
        double m = RobustStats.medianStep(t);
        return t.length < 2 ? 1 : m > 0 ? m : Math.max(1e-6, (t[t.length - 1] - t[0]) / (t.length - 1));
    }

    /** @return the rise (onset to peak) of the match's shape, s (its width times the reference's rise) */
    public double riseS(Match m) {
        return (model.timeToPeakS(params) - model.onsetS(params)) * m.width();
    }

    /** @return the number of candidate shifts */
    public int candidates() {
        return shift.length;
    }

    /** @return the width scale of candidate {@code c} */
    public double width(int c) {
        return widths[widthOf[c]];
    }

    /** @return the shift of candidate {@code c}, s */
    public double shiftS(int c) {
        return shift[c] * step;
    }

    /** @return the model */
    public BolusModel model() {
        return model;
    }

    /**
     * The most significant candidate for {@code y} (intensities at the shapes' times, all finite).
     *
     * @return the match, or {@code null} when no candidate gives a finite fit
     */
    public Match match(double[] y) {
        return match(y, new Workspace());
    }

    /**
     * {@link #match(double[])} with the work arrays of {@code ws} (one per thread, reused from curve to
     * curve: a map screens every pixel's curve).
     */
    public Match match(double[] y, Workspace ws) {
        if (decimation > 1) {
            double[] means = ws.means = grow(ws.means, (y.length + decimation - 1) / decimation);
            Match m = matchScreen(means(y, decimation, means), ws);
            return m == null ? null : new Match(m.candidate(), m.shiftS(), m.width(),
                    Math.min(fineSamples, m.samples() * decimation), m.baseline(), m.amplitude(), m.t(), m.rho(),
                    m.peak());
        }
        return matchScreen(y, ws);
    }

    /** Work arrays of {@link #match(double[], Workspace)}, reused by one thread from curve to curve. */
    public static final class Workspace {
        private double[] means = new double[0];
        private double[] py = new double[0];
        private double[] pyy = new double[0];
        private double[] dots = new double[0];
    }

    /** {@code a} when it holds {@code n} values, else a new array of {@code n}. */
    private static double[] grow(double[] a, int n) {
        return a.length >= n ? a : new double[n];
    }

    private Match matchScreen(double[] y, Workspace ws) {
        int n = times.length;
        double[] py = ws.py = grow(ws.py, n + 1);
        double[] pyy = ws.pyy = grow(ws.pyy, n + 1);
        py[0] = 0;
        pyy[0] = 0;
        for (int i = 0; i < n; i++) {
            py[i + 1] = py[i] + y[i];
            pyy[i + 1] = pyy[i] + y[i] * y[i];
        }
        double[] dots = ws.dots = grow(ws.dots, shift.length);
        dots(y, dots);
        int best = -1;
        double bestT = Double.NEGATIVE_INFINITY;
        double bestA = 0;
        for (int c = 0; c < shift.length; c++) {
            if (Double.isNaN(det[c])) {
                continue;
            }
            int m = window[c];
            double sgy = dots[c];
            double sy = py[m];
            double a = (m * sgy - sumG[c] * sy) / det[c];
            double rss = (pyy[m] - sy * sy / m) - a * (sgy - sumG[c] * sy / m);
            double se = Math.sqrt(Math.max(rss, 0) / (m - 2) * m / det[c]);
            double tc = a / se;
            if (tc > bestT || best < 0 && Double.isFinite(tc)) {
                best = c;
                bestT = tc;
                bestA = a;
            }
        }
        if (best < 0 || !Double.isFinite(bestT)) {
            return null;
        }
        int m = window[best];
        double o = (py[m] - bestA * sumG[best]) / m;
        return new Match(best, shiftS(best), widths[widthOf[best]], m, o, bestA, bestT, rho(best, y, o, bestA),
                bestA * maxG[best]);
    }

    /**
     * {@code Σ g_c(t_i)·y_i} over each candidate's window, eight (else four) candidates of one width at a time
     * (independent sums, each added in sample order as by {@link #dot}: the same bits, without waiting on one
     * sum's additions; {@link #dot8} and {@link #dot4} are the same kernel unrolled twice, measured in
     * BENCHMARKS.md, session 16).
     */
    private void dots(double[] y, double[] out) {
        int k = shift.length;
        int c = 0;
        while (c < k) {
            if (c + 7 < k && widthOf[c + 7] == widthOf[c]) {   // candidates are grouped by width
                dot8(c, y, out);
                c += 8;
            } else if (c + 3 < k && widthOf[c + 3] == widthOf[c]) {
                dot4(c, y, out);
                c += 4;
            } else {
                out[c] = dot(c, y, window[c]);
                c++;
            }
        }
    }

    /**
     * {@link #dot} of candidates {@code c .. c+7} (of one width) into {@code out[c .. c+7]}: each sample
     * read once for eight sums (C1 keeps the eight in registers).
     */
    private void dot8(int c, double[] y, double[] out) {
        double[] grid = grids[widthOf[c]];
        int b0 = gridOffset - shift[c];
        int b1 = gridOffset - shift[c + 1];
        int b2 = gridOffset - shift[c + 2];
        int b3 = gridOffset - shift[c + 3];
        int b4 = gridOffset - shift[c + 4];
        int b5 = gridOffset - shift[c + 5];
        int b6 = gridOffset - shift[c + 6];
        int b7 = gridOffset - shift[c + 7];
        int mm = window[c];
        for (int j = c + 1; j < c + 8; j++) {
            mm = Math.min(mm, window[j]);
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        if (regular) {
            for (int i = 0; i < mm; i++) {
                double yi = y[i];
                s0 += grid[i + b0] * yi;
                s1 += grid[i + b1] * yi;
                s2 += grid[i + b2] * yi;
                s3 += grid[i + b3] * yi;
                s4 += grid[i + b4] * yi;
                s5 += grid[i + b5] * yi;
                s6 += grid[i + b6] * yi;
                s7 += grid[i + b7] * yi;
            }
        } else {
            for (int i = 0; i < mm; i++) {
                int qi = q[i];
                double yi = y[i];
                s0 += grid[qi + b0] * yi;
                s1 += grid[qi + b1] * yi;
                s2 += grid[qi + b2] * yi;
                s3 += grid[qi + b3] * yi;
                s4 += grid[qi + b4] * yi;
                s5 += grid[qi + b5] * yi;
                s6 += grid[qi + b6] * yi;
                s7 += grid[qi + b7] * yi;
            }
        }
        out[c] = finishDot(grid, b0, y, mm, window[c], s0);
        out[c + 1] = finishDot(grid, b1, y, mm, window[c + 1], s1);
        out[c + 2] = finishDot(grid, b2, y, mm, window[c + 2], s2);
        out[c + 3] = finishDot(grid, b3, y, mm, window[c + 3], s3);
        out[c + 4] = finishDot(grid, b4, y, mm, window[c + 4], s4);
        out[c + 5] = finishDot(grid, b5, y, mm, window[c + 5], s5);
        out[c + 6] = finishDot(grid, b6, y, mm, window[c + 6], s6);
        out[c + 7] = finishDot(grid, b7, y, mm, window[c + 7], s7);
    }

    /** {@link #dot} of candidates {@code c .. c+3} (of one width) into {@code out[c .. c+3]}. */
    private void dot4(int c, double[] y, double[] out) {
        double[] grid = grids[widthOf[c]];
        int b0 = gridOffset - shift[c];
        int b1 = gridOffset - shift[c + 1];
        int b2 = gridOffset - shift[c + 2];
        int b3 = gridOffset - shift[c + 3];
        int mm = Math.min(Math.min(window[c], window[c + 1]), Math.min(window[c + 2], window[c + 3]));
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        if (regular) {
            for (int i = 0; i < mm; i++) {
                double yi = y[i];
                s0 += grid[i + b0] * yi;
                s1 += grid[i + b1] * yi;
                s2 += grid[i + b2] * yi;
                s3 += grid[i + b3] * yi;
            }
        } else {
            for (int i = 0; i < mm; i++) {
                int qi = q[i];
                double yi = y[i];
                s0 += grid[qi + b0] * yi;
                s1 += grid[qi + b1] * yi;
                s2 += grid[qi + b2] * yi;
                s3 += grid[qi + b3] * yi;
            }
        }
        out[c] = finishDot(grid, b0, y, mm, window[c], s0);
        out[c + 1] = finishDot(grid, b1, y, mm, window[c + 1], s1);
        out[c + 2] = finishDot(grid, b2, y, mm, window[c + 2], s2);
        out[c + 3] = finishDot(grid, b3, y, mm, window[c + 3], s3);
    }

    /** Continues the sum {@code s} of {@code grid[q_i + base]·y_i} from sample {@code from} to {@code m}. */
    private double finishDot(double[] grid, int base, double[] y, int from, int m, double s) {
        for (int i = from; i < m; i++) {
            s += grid[(regular ? i : q[i]) + base] * y[i];
        }
        return s;
    }

    private double dot(int c, double[] y, int m) {
        double s = 0;
        int base = gridOffset - shift[c];
        double[] grid = grids[widthOf[c]];
        if (regular) {
            for (int i = 0; i < m; i++) {
                s += grid[i + base] * y[i];
            }
        } else {
            for (int i = 0; i < m; i++) {
                s += grid[q[i] + base] * y[i];
            }
        }
        return s;
    }

    /**
     * The match's amplitude in standard errors of the noise <em>before its bolus</em>: {@code A / SE₀(A)}, where
     * {@code SE₀} is the white-noise standard error of {@link Match#t()} with the residual variance taken over the
     * quiet samples only: those before the matched shape first reaches {@value #QUIET_FRACTION} of its peak, or,
     * when there are fewer than {@value #MIN_QUIET} of them (a match that starts with the loop), the loop's first
     * {@value #MIN_QUIET} (screen) samples about their mean. Under the null hypothesis (no bubbles) the quiet samples
     * carry the same noise as the rest, so this statistic behaves as {@link Match#t()}; a perfused pixel's bubble
     * speckle (exponential, correlated over a second) swells the pooled variance of {@code t} with noise that
     * exists only because there is a bolus, and not this one.
     *
     * @param m the match of {@code y} (by {@link #match})
     * @param y the same curve
     * @return {@code A / SE₀(A)}, or NaN when the quiet samples do not vary (or are fewer than 3)
     */
    public double quietT(Match m, double[] y) {
        double[] v = decimation > 1 ? means(y, decimation) : y;
        int c = m.candidate();
        int n = window[c];
        int base = gridOffset - shift[c];
        double[] grid = grids[widthOf[c]];
        double limit = QUIET_FRACTION * maxG[c];
        double ss = 0;
        int quiet = 0;
        for (int i = 0; i < n && grid[q[i] + base] < limit; i++) {
            double r = v[i] - m.baseline() - m.amplitude() * grid[q[i] + base];
            ss += r * r;
            quiet++;
        }
        if (quiet < MIN_QUIET) {   // the match starts with the loop: the spread of the loop's first samples
            quiet = Math.min(MIN_QUIET, n);
            double mean = 0;
            for (int i = 0; i < quiet; i++) {
                mean += v[i];
            }
            mean /= quiet;
            ss = 0;
            for (int i = 0; i < quiet; i++) {
                ss += (v[i] - mean) * (v[i] - mean);
            }
        }
        if (!(ss > 0) || quiet < 3) {
            return Double.NaN;
        }
        return m.amplitude() / Math.sqrt(ss / (quiet - 1) * n / det[c]);
    }

    /** Lag-1 autocorrelation of the residuals of candidate {@code c}, clamped to 0..{@value #MAX_RHO}. */
    private double rho(int c, double[] y, double o, double a) {
        int m = window[c];
        int base = gridOffset - shift[c];
        double[] grid = grids[widthOf[c]];
        double prev = y[0] - o - a * grid[q[0] + base];
        double num = 0;
        double den = prev * prev;
        for (int i = 1; i < m; i++) {
            double r = y[i] - o - a * grid[q[i] + base];
            num += r * prev;
            den += r * r;
            prev = r;
        }
        double rho = den > 0 ? num / den : 0;
        return Double.isFinite(rho) ? Math.max(0, Math.min(MAX_RHO, rho)) : 0;
    }

    /**
     * @return a start for a fit of the matched curve on its window: the match's O and A with the
     *         reference shape moved by the match's shift (its onset parameter {@code t0 + shift})
     */
    public double[] start(Match m) {
        double[] p = params.clone();
        p[0] = m.baseline();
        p[1] = m.amplitude();
        if (onsetIndex >= 0) {
            p[onsetIndex] += m.shiftS();
        }
        if (m.width() != 1) {
            p[2] += Math.log(m.width());   // the lognormal's μ: time scale e^μ
        }
        return p;
    }
}
