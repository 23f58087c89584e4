package org.ceusperfusion.params;

import java.util.SplittableRandom;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.LevenbergMarquardtFitter;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.BolusModels;

/** Temporary probe: prints coverage. */
public final class CorrelatedCoverageProbe {
    public static void main(String[] a) {
        int per = Integer.parseInt(a[0]);
        double tau = Double.parseDouble(a[1]);
        for (double fps : new double[] {2, 10, 35}) {
            run(fps, tau, per);
        }
    }

    static void run(double fps, double tau, int per) {
        BolusModel m = BolusModels.fromLabel("lognormal");
        LevenbergMarquardtFitter fitter = new LevenbergMarquardtFitter();
        double[][] truths = ModelCiCoverageCase.truths("lognormal");
        PerfusionParameter[] chk = ModelCiCoverageCase.CHECKED;
        int[] hits = new int[chk.length];
        int[] hitsOld = new int[chk.length];
        double[] ratio = new double[chk.length];
        int n = 0;
        double tauSum = 0;
        double dofSum = 0;
        for (int c = 0; c < truths.length; c++) {
            double[] truth = ParameterCalculator.values(m, truths[c]);
            double dur = truths[c][4] + 4 * m.meanTransitTimeS(truths[c]);
            double[] t = ModelCiCoverageCase.times(fps, Math.min(dur, 90));
            double[] f = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                f[i] = m.value(t[i], truths[c]);
            }
            SplittableRandom rnd = new SplittableRandom(77 + c);
            int[] h = new int[chk.length];
            double[] err2 = new double[chk.length];
            double[] se2 = new double[chk.length];
            double[] bias = new double[chk.length];
            for (int k = 0; k < per; k++) {
                double[] y = CorrelatedNoiseCurves.noisy(f, truths[c][0] + 5, t, tau, 0.15, rnd);
                for (int i = 0; i < t.length; i++) {
                    y[i] += 5; // keep a positive baseline
                }
                double[] tr = truth.clone();
                FitResult r = fitter.fit(m, t, y);
                ParameterEstimates e = Intervals.compute(r, t, y);
                ParameterEstimates old = ParameterCalculator.compute(r);
                n++;
                if (!Double.isFinite(e.intervals().noiseCorrelationS())) {
                    System.out.println("fallback " + e.intervals().method() + " " + r.status() + " " + r.message()
                            + " c=" + c + " k=" + k + " " + java.util.Arrays.toString(r.params()));
                    continue;
                }
                tauSum += e.intervals().noiseCorrelationS();
                dofSum += e.intervals().dof();
                for (int j = 0; j < chk.length; j++) {
                    double[] ci = e.ci(chk[j]);
                    double tj = tr[chk[j].ordinal()];
                    hits[j] += ci[0] <= tj && tj <= ci[1] ? 1 : 0;
                    h[j] += ci[0] <= tj && tj <= ci[1] ? 1 : 0;
                    double d = e.value(chk[j]) - tj;
                    if (Double.isFinite(d)) { err2[j] += d * d; bias[j] += d; se2[j] += Math.pow(e.standardError(chk[j]), 2); }
                    double[] co = old.ci(chk[j]);
                    hitsOld[j] += co[0] <= tj && tj <= co[1] ? 1 : 0;
                }
            }
            StringBuilder q = new StringBuilder("  truth " + c + ":");
            for (int j = 0; j < chk.length; j++) {
                q.append(String.format(" %s cov %.2f rmse/se %.2f bias/rmse %.2f", chk[j].label(), h[j] / (double) per,
                        Math.sqrt(err2[j] / se2[j]), bias[j] / per / Math.sqrt(err2[j] / per)));
            }
            System.out.println(q);
        }
        StringBuilder sb = new StringBuilder(String.format("fps %.0f tau %.1f n %d  meanTau %.2f meanDof %.1f:", fps,
                tau, n, tauSum / n, dofSum / n));
        for (int j = 0; j < chk.length; j++) {
            sb.append(String.format(" %s %.3f (old %.3f)", chk[j].label(), hits[j] / (double) n, hitsOld[j] / (double) n));
        }
        System.out.println(sb);
    }
}
