package org.ceusperfusion.params;

import java.util.Locale;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.FitWeighting;
import org.ceusperfusion.fit.LevenbergMarquardtFitter;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.BolusModels;
import org.ceusperfusion.synth.CurveNoiseSampler;
import org.ceusperfusion.synth.Realism;

/**
 * Not a test: the measurement behind docs/pe-accuracy.md and docs/intervals.md's weighted-fit tables. Unweighted
 * and {@link FitWeighting#FITTED_VARIANCE} fits (the ROI analysis's bolus fitter, recirculation term allowed) of the
 * same seeded curves ({@link CurveNoiseSampler}, speckle correlated over 1 s, multiplicative CV 0.1): error bias and
 * SD of PE, AUC, mTT (%) and TTP (s), the share with |PE error| ≤ 5 % and |TTP error| ≤ 0.5 s, and the coverage of
 * the 95 % intervals ({@link Intervals}), their rms z per parameter, the median ν of the residual scale and the
 * 10th / 50th percentiles of each parameter's own ν. Run with arguments
 * {@code fast|slow fps gain [curves [speckleTauS [plain]]]} ({@code plain}: unweighted fits only; τ 0 = white speckle).
 */
final class WeightingSurvey {
    private static final PerfusionParameter[] P = {
        PerfusionParameter.PE, PerfusionParameter.AUC, PerfusionParameter.TTP, PerfusionParameter.MTT};
    /** The fast bolus of WeightedFitTest (rise 3 s, σ 0.35, area 1500, background 30). */
    static final double[] FAST = {30, 1500, Math.log(3) + 0.35 * 0.35, 0.35, 4};
    /** The five slower boluses of RealisticCoverageTest. */
    static final double[][] SLOW = {
        {30, 1000, Math.log(20), 0.6, 5}, {30, 4000, Math.log(12), 0.4, 8}, {30, 600, Math.log(25), 0.8, 3},
        {30, 2000, Math.log(15), 0.5, 10}, {30, 1500, Math.log(18), 0.7, 6}};

    private WeightingSurvey() {
    }

    public static void main(String[] args) {
        boolean fast = args[0].equals("fast");
        double fps = Double.parseDouble(args[1]);
        double gain = Double.parseDouble(args[2]);
        int curves = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        double tau = args.length > 4 ? Double.parseDouble(args[4]) : 1;
        boolean plainOnly = args.length > 5 && args[5].equals("plain");
        BolusModel m = BolusModels.fromLabel("lognormal");
        LevenbergMarquardtFitter plain = new LevenbergMarquardtFitter().withRecirculationTerm(true);
        LevenbergMarquardtFitter weighted = plain.withWeighting(FitWeighting.FITTED_VARIANCE);
        Realism re = Realism.defaults().withSpeckle(tau, 1).withNoise(0.1, gain, 5);
        Tally a = new Tally();
        Tally b = new Tally();
        long t0 = System.nanoTime();
        for (int k = 0; k < curves; k++) {
            double[] truthP = fast ? FAST : SLOW[k % SLOW.length];
            double duration = fast ? 40 : 75;
            int cells = fast ? 900 : 940;
            long seed = fast ? 7_000_000L + k : 1000L * (k % SLOW.length) + k / SLOW.length;
            double[] t = new double[(int) Math.round(duration * fps) + 1];
            double[] e = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = i / fps;
                e[i] = m.value(t[i], truthP) - truthP[0];
            }
            double[] truth = ParameterCalculator.values(m, truthP);
            double[] y = CurveNoiseSampler.sample(t, e, 30, 2, true, cells, cells, re, seed);
            double[][] v = trueCovariance(t, e, cells, re);
            a.add(plain.fit(m, t, y), t, y, truth, v);
            if (!plainOnly) {
                b.add(weighted.fit(m, t, y), t, y, truth, v);
            }
        }
        System.out.printf(Locale.ROOT, "%s %.0f fps gain %.2f tau %.1f, %d curves (%.0f s)%n  unweighted %s%n  weighted   %s%n",
                fast ? "fast" : "slow", fps, gain, tau, curves, (System.nanoTime() - t0) / 1e9, a, b);
    }

    /**
     * The sampler's noise covariance (first order in the gain): speckle {@code e_k e_l exp(−|Δt|/τ)/N}, white
     * {@code v²((B + e)² + B² + e²)/N}, the frozen tissue speckle {@code B²/N} and the gain
     * {@code (B + e_k)(B + e_l) s² exp(−|Δt|/τ_g)}.
     */
    static double[][] trueCovariance(double[] t, double[] e, double cells, Realism re) {
        int n = t.length;
        double b = 30;
        double v2 = re.multiplicativeCv() * re.multiplicativeCv();
        double g2 = Math.log1p(re.gainCv() * re.gainCv());
        double[][] v = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int l = 0; l < n; l++) {
                double dt = Math.abs(t[k] - t[l]);
                double c = (e[k] * e[l] * speckle(dt, re.speckleTauS()) + b * b) / cells
                        + (b + e[k]) * (b + e[l]) * g2 * Math.exp(-dt / re.gainTauS());
                if (k == l) {
                    c += v2 * ((b + e[k]) * (b + e[k]) + b * b + e[k] * e[k]) / cells;
                }
                v[k][l] = c;
            }
        }
        return v;
    }

    private static double speckle(double dt, double tau) {
        return tau > 0 ? Math.exp(-dt / tau) : dt == 0 ? 1 : 0;
    }

    /** @return the fit's sandwich covariance with the true noise covariance (full parameter order), or null */
    static double[][] oracle(FitResult fit, double[] t, double[][] vAll) {
        double[][] ty = Intervals.fittedSamples(fit, t, t);
        int n = ty[0].length;
        int first = 0;
        while (t[first] < ty[0][0]) {
            first++;
        }
        int k = fit.params().length;
        double[] q = fit.weights();
        double[][] j = new double[n][k];
        for (int i = 0; i < n; i++) {
            fit.model().valueAndGradient(ty[0][i], fit.params(), j[i]);
        }
        double[][] a = new double[k][k];
        double[][] qj = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int x = 0; x < k; x++) {
                qj[i][x] = (q == null ? 1 : q[i]) * j[i][x];
            }
        }
        for (int x = 0; x < k; x++) {
            for (int y = 0; y < k; y++) {
                for (int i = 0; i < n; i++) {
                    a[x][y] += qj[i][x] * j[i][y];
                }
            }
        }
        double[][] vq = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < n; l++) {
                double c = vAll[first + i][first + l];
                for (int x = 0; x < k; x++) {
                    vq[i][x] += c * qj[l][x];
                }
            }
        }
        double[][] meat = new double[k][k];
        for (int x = 0; x < k; x++) {
            for (int y = 0; y < k; y++) {
                for (int i = 0; i < n; i++) {
                    meat[x][y] += qj[i][x] * vq[i][y];
                }
            }
        }
        try {
            var ai = new org.apache.commons.math3.linear.LUDecomposition(
                    new org.apache.commons.math3.linear.Array2DRowRealMatrix(a)).getSolver().getInverse();
            return ai.multiply(new org.apache.commons.math3.linear.Array2DRowRealMatrix(meat)).multiply(ai).getData();
        } catch (RuntimeException ex) {
            return null;
        }
    }

    static final class Tally {
        final int[] oracleHit = new int[4];
        /** Half-widths of the intervals (% of truth; s for TTP): ours, and the true-noise sandwich's. */
        final java.util.List<java.util.List<Double>> halfWidths = java.util.List.of(
                new java.util.ArrayList<>(), new java.util.ArrayList<>(), new java.util.ArrayList<>(),
                new java.util.ArrayList<>());
        final java.util.List<java.util.List<Double>> oracleHalfWidths = java.util.List.of(
                new java.util.ArrayList<>(), new java.util.ArrayList<>(), new java.util.ArrayList<>(),
                new java.util.ArrayList<>());
        final double[] sum = new double[4];
        final double[] sum2 = new double[4];
        final int[] hit = new int[4];
        int n;
        int failed;
        int peOk;
        int ttpOk;
        double se2;
        double dof;
        double tau;
        double z2;
        final double[] zz2 = new double[4];
        final java.util.List<Double> dofs = new java.util.ArrayList<>();
        final java.util.List<java.util.List<Double>> paramDofs = java.util.List.of(
                new java.util.ArrayList<>(), new java.util.ArrayList<>(), new java.util.ArrayList<>(),
                new java.util.ArrayList<>());

        void add(FitResult fit, double[] t, double[] y, double[] truth, double[][] vTrue) {
            if (!fit.hasParameters()) {
                failed++;
                return;
            }
            ParameterEstimates est = Intervals.compute(fit, t, y);
            n++;
            double[][] oc = oracle(fit, t, vTrue);
            ParameterEstimates or = oc == null ? null : ParameterCalculator.compute(fit, oc, 1.959964);
            for (int j = 0; j < P.length && or != null; j++) {
                double[] ci = or.ci(P[j]);
                double tv = truth[P[j].ordinal()];
                oracleHit[j] += ci[0] <= tv && tv <= ci[1] ? 1 : 0;
                oracleHalfWidths.get(j).add(halfWidth(P[j], ci, tv));
            }
            double pe = truth[PerfusionParameter.PE.ordinal()];
            double sePe = est.standardError(PerfusionParameter.PE) / pe * 100;
            se2 += sePe * sePe;
            dof += est.intervals().dof();
            dofs.add(est.intervals().dof());
            tau += est.intervals().noiseCorrelationS();
            double zz = (est.value(PerfusionParameter.PE) / pe - 1) * 100 / sePe;
            z2 += zz * zz;
            for (int j = 0; j < P.length; j++) {
                paramDofs.get(j).add(est.dof(P[j]));
                double tv = truth[P[j].ordinal()];
                double v = est.value(P[j]);
                double err = P[j] == PerfusionParameter.TTP ? v - tv : 100 * (v / tv - 1);
                sum[j] += err;
                sum2[j] += err * err;
                double[] ci = est.ci(P[j]);
                hit[j] += ci[0] <= tv && tv <= ci[1] ? 1 : 0;
                halfWidths.get(j).add(halfWidth(P[j], ci, tv));
                double zj = (v - tv) / est.standardError(P[j]);
                zz2[j] += zj * zj;
                if (j == 0 && Math.abs(err) <= 5) {
                    peOk++;
                }
                if (j == 2 && Math.abs(err) <= 0.5) {
                    ttpOk++;
                }
            }
        }

        private static double halfWidth(PerfusionParameter p, double[] ci, double truth) {
            double h = (ci[1] - ci[0]) / 2;
            return p == PerfusionParameter.TTP ? h : 100 * h / truth;
        }

        private static String quartiles(java.util.List<Double> d) {
            if (d.isEmpty()) {
                return "-";
            }
            java.util.Collections.sort(d);
            return String.format(Locale.ROOT, "%.1f/%.1f/%.1f", d.get(d.size() / 4), d.get(d.size() / 2),
                    d.get(3 * d.size() / 4));
        }

        @Override
        public String toString() {
            if (n == 0) {
                return "-";
            }
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < P.length; j++) {
                double mean = sum[j] / n;
                double sd = Math.sqrt(Math.max(0, sum2[j] / n - mean * mean));
                sb.append(String.format(Locale.ROOT, "%s %+.2f/%.2f%s ", P[j].label(), mean, sd,
                        P[j] == PerfusionParameter.TTP ? "s" : "%"));
            }
            sb.append(String.format(Locale.ROOT, "|PE|<=5%% %.3f |TTP|<=0.5s %.3f cov", peOk / (double) n,
                    ttpOk / (double) n));
            for (int j = 0; j < P.length; j++) {
                sb.append(String.format(Locale.ROOT, " %s %.3f", P[j].label(), hit[j] / (double) n));
            }
            java.util.Collections.sort(dofs);
            sb.append(String.format(Locale.ROOT, " | PE rms SE %.2f%% rms z %.2f/%.2f/%.2f/%.2f median dof %.1f tau %.2f s",
                    Math.sqrt(se2 / n), Math.sqrt(zz2[0] / n), Math.sqrt(zz2[1] / n), Math.sqrt(zz2[2] / n),
                    Math.sqrt(zz2[3] / n), dofs.get(dofs.size() / 2), tau / n));
            sb.append(" | dof per parameter (10/50 %)");
            for (java.util.List<Double> d : paramDofs) {
                java.util.Collections.sort(d);
                sb.append(String.format(Locale.ROOT, " %.1f/%.1f", d.get(d.size() / 10), d.get(d.size() / 2)));
            }
            sb.append(" | true-noise sandwich cov");
            for (int j = 0; j < P.length; j++) {
                sb.append(String.format(Locale.ROOT, " %s %.3f", P[j].label(), oracleHit[j] / (double) n));
            }
            sb.append(" | half-width (25/50/75 %, ours vs true-noise)");
            for (int j = 0; j < P.length; j++) {
                sb.append(' ').append(P[j].label()).append(' ').append(quartiles(halfWidths.get(j))).append(" vs ")
                        .append(quartiles(oracleHalfWidths.get(j)));
            }
            if (failed > 0) {
                sb.append(" failed ").append(failed);
            }
            return sb.toString();
        }
    }
}
