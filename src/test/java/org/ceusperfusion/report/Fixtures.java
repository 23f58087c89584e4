package org.ceusperfusion.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.InputInfo;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.analysis.RoiRole;
import org.ceusperfusion.cine.UltrasoundRegion;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.FitStatus;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.params.ParameterEstimates;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.tic.TimeIntensityCurve;

/** Hand-built analyses for writer tests: a lognormal bolus (perfusion-reference.md §3) sampled noise-free. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The lognormal model, p = [O, A, mu, sigma, t0], written here for tests only. */
    public static final BolusModel LOGNORMAL = new BolusModel() {
        @Override public String name() { return "lognormal"; }
        @Override public List<String> parameterNames() { return List.of("O", "A", "mu", "sigma", "t0"); }
        @Override public double value(double t, double[] p) {
            double tau = t - p[4];
            if (tau <= 0) {
                return p[0];
            }
            double z = (Math.log(tau) - p[2]) / p[3];
            return p[0] + p[1] / (Math.sqrt(2 * Math.PI) * p[3] * tau) * Math.exp(-0.5 * z * z);
        }
        @Override public void gradient(double t, double[] p, double[] out) { throw new UnsupportedOperationException(); }
        @Override public double[] initialGuess(double[] t, double[] y) { return null; }
        @Override public double[] lowerBounds(double[] t, double[] y) { return null; }
        @Override public double[] upperBounds(double[] t, double[] y) { return null; }
        @Override public double baseline(double[] p) { return p[0]; }
        @Override public double onsetS(double[] p) { return p[4]; }
        @Override public double area(double[] p) { return p[1]; }
        @Override public double meanTransitTimeS(double[] p) { return Math.exp(p[2] + p[3] * p[3] / 2); }
        @Override public double timeToPeakS(double[] p) { return p[4] + Math.exp(p[2] - p[3] * p[3]); }
        @Override public double peakEnhancement(double[] p) {
            return p[1] * Math.exp(p[3] * p[3] / 2 - p[2]) / (Math.sqrt(2 * Math.PI) * p[3]);
        }
    };

    /** Frame times 0, 0.5, ..., 60 s (121 frames). */
    public static double[] times() {
        double[] t = new double[121];
        for (int i = 0; i < t.length; i++) {
            t[i] = 0.5 * i;
        }
        return t;
    }

    /**
     * A target ROI with a lognormal TIC (O = 1, A, mu = ln 20, sigma = 0.6, t0 = 5) and parameters whose
     * 95 % CI is ±{@code ciRel}·value (FT's CI is left NaN to test null output).
     */
    public static RoiAnalysis roi(String name, RoiRole role, double area, double ciRel, double nonEnhancing) {
        double[] p = {1, area, Math.log(20), 0.6, 5};
        double[] t = times();
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = LOGNORMAL.value(t[i], p) * (1 + 0.02 * Math.sin(i));
        }
        FitResult fit = new FitResult(LOGNORMAL, FitStatus.OK, "", p, null, 0.987, 1.5, t.length, 9, 0, 60);
        Map<PerfusionParameter, Double> v = new EnumMap<>(PerfusionParameter.class);
        Map<PerfusionParameter, double[]> ci = new EnumMap<>(PerfusionParameter.class);
        put(v, ci, PerfusionParameter.AUC, LOGNORMAL.area(p), ciRel);
        put(v, ci, PerfusionParameter.PE, LOGNORMAL.peakEnhancement(p), ciRel);
        put(v, ci, PerfusionParameter.TTP, LOGNORMAL.timeToPeakS(p), ciRel);
        put(v, ci, PerfusionParameter.MTT, LOGNORMAL.meanTransitTimeS(p), ciRel);
        put(v, ci, PerfusionParameter.T0, 5.0, ciRel);
        put(v, ci, PerfusionParameter.QOF, 98.7, 0);
        v.put(PerfusionParameter.FT, 25.4359);
        ci.put(PerfusionParameter.FT, new double[] {Double.NaN, Double.NaN});
        return new RoiAnalysis(name, role, 1768, null, new TimeIntensityCurve(name, t, y, new double[t.length]),
                fit, new ParameterEstimates(v, ci), nonEnhancing, Map.of());
    }

    private static void put(Map<PerfusionParameter, Double> v, Map<PerfusionParameter, double[]> ci,
                            PerfusionParameter p, double value, double rel) {
        v.put(p, value);
        ci.put(p, new double[] {value * (1 - rel), value * (1 + rel)});
    }

    /** An analysis of a synthetic file with one target ROI "tumour" and one reference ROI "liver". */
    public static LoopAnalysis analysis(String path, double area, double ciRel, double nonEnhancing,
                                        AnalysisSettings settings) {
        double[] t = times();
        InputInfo in = new InputInfo(path, "ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56abcd",
                "SYNTHETIC", t.length, 160, 120, 0.5, 60, null, t, "MONOCHROME2", null, "test",
                List.of(new UltrasoundRegion(0, 0, 159, 119, 1, 1, 0.25, 0.25)));
        RoiAnalysis target = roi("tumour", RoiRole.TARGET, area, ciRel, nonEnhancing);
        RoiAnalysis ref = roi("liver", RoiRole.REFERENCE, 200, ciRel, Double.NaN);
        Map<PerfusionParameter, Double> ratio = new EnumMap<>(PerfusionParameter.class);
        ratio.put(PerfusionParameter.AUC, area / 200);
        RoiAnalysis targetWithRatio = new RoiAnalysis(target.name(), target.role(), target.areaPx(), 110.5,
                target.tic(), target.fit(), target.parameters(), target.nonEnhancingFraction(), ratio);
        return new LoopAnalysis(in, settings, List.of("example warning"), List.of(targetWithRatio, ref));
    }

    /** As {@link #analysis(String, double, double, double, AnalysisSettings)} at 40 dB, lognormal. */
    public static LoopAnalysis analysis(String path, double area, double ciRel, double nonEnhancing) {
        return analysis(path, area, ciRel, nonEnhancing, AnalysisSettings.logCompressed(40));
    }
}
