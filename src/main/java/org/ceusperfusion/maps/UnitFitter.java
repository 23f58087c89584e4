package org.ceusperfusion.maps;

import java.util.List;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.FitStatus;
import org.ceusperfusion.fit.LevenbergMarquardtFitter;
import org.ceusperfusion.fit.ShiftedShapes;
import org.ceusperfusion.fit.SharedShapeFitter;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.params.ParameterCalculator;
import org.ceusperfusion.params.ParameterEstimates;
import org.ceusperfusion.params.PerfusionParameter;

/**
 * Fits one curve and writes its parameters into the output images at the pixels it stands for.
 * One instance per worker thread (it owns a curve buffer); the output arrays are shared and every
 * pixel is written by exactly one worker. Package-private.
 */
final class UnitFitter {
    private static final float NOT_MAPPED = Float.NaN;
    /**
     * A curve whose amplitude, fitted with its block's reference shape, is at most this many standard
     * errors above 0 shows no bolus ({@code NO_BOLUS}).
     */
    static final double SCREEN_SIGMAS = 5.5;

    private final BolusModel model;
    private final LevenbergMarquardtFitter fitter;
    /** The shape-started fitter, or {@code null} when the model is not linear in O and A. */
    private final SharedShapeFitter shared;
    private final double[] t;
    private final List<PerfusionParameter> params;
    private final boolean closedFormOnly;
    private final boolean withCi;
    private final Outputs out;
    private final float[] scratch;
    private final float[] scratchLo;
    private final float[] scratchHi;

    /** The shared output images. */
    record Outputs(float[][] values, float[][] ciLo, float[][] ciHi, float[] r2, float[] status) {
    }

    UnitFitter(BolusModel model, LevenbergMarquardtFitter fitter, double[] t, List<PerfusionParameter> params,
               boolean withCi, Outputs out) {
        this.model = model;
        this.fitter = fitter;
        this.shared = model.linearInBaselineAndAmplitude() ? new SharedShapeFitter(model, t, fitter, SCREEN_SIGMAS)
                : null;
        this.t = t;
        this.params = params;
        this.withCi = withCi;
        this.out = out;
        this.closedFormOnly = params.stream().allMatch(UnitFitter::isClosedForm);
        this.scratch = new float[params.size()];
        this.scratchLo = new float[params.size()];
        this.scratchHi = new float[params.size()];
    }

    /** PE, AUC, TTP, t0 and mTT come from the model's closed forms, QOF from R². */
    static boolean isClosedForm(PerfusionParameter p) {
        return switch (p) {
            case PE, AUC, TTP, T0, MTT, QOF -> true;
            default -> false;
        };
    }

    /** Whether {@code p} is an amplitude (0 without a bolus) rather than a time (undefined without one). */
    static boolean isAmplitude(PerfusionParameter p) {
        return p.unit().startsWith("a.u.");
    }

    /**
     * Fits {@code y} (linear intensities at the loop's times) and writes the results at image pixels
     * {@code pixels[from..to)}.
     *
     * <p>With a reference {@code shape} (and a model linear in O and A) the curve is fitted by
     * {@link SharedShapeFitter}: {@code NO_BOLUS} when its amplitude for that shape is not significant
     * ({@value #SCREEN_SIGMAS} standard errors), else LM from the shape. Without one, the ordinary fitter
     * reports {@code NO_BOLUS} when the model sees no bolus (for the lognormal:
     * {@link org.ceusperfusion.model.CurveFeatures#hasBolus()} is false).
     *
     * @param shape the reference shape of the curve's block, or {@code null}
     * @return whether the curve was fitted (false when no bolus is visible)
     */
    boolean fitAndStore(double[] y, int[] pixels, int from, int to, ShiftedShapes shape) {
        FitResult fit = shared != null && shape != null ? shared.fit(y, shape) : fitter.fit(model, t, y);
        FitStatus status = fit.status();
        double r2 = fit.r2();
        if (fit.hasParameters()) {
            compute(fit);
        }
        if (status == FitStatus.NO_BOLUS) {
            noBolus();
        } else if (status != FitStatus.OK && status != FitStatus.NOT_CONVERGED) {
            java.util.Arrays.fill(scratch, Float.NaN);
            java.util.Arrays.fill(scratchLo, Float.NaN);
            java.util.Arrays.fill(scratchHi, Float.NaN);
        }
        store(pixels, from, to, status, status == FitStatus.NO_BOLUS ? Double.NaN : r2);
        return status != FitStatus.NO_BOLUS;
    }

    private void compute(FitResult fit) {
        double[] p = fit.params();
        if (withCi) {
            ParameterEstimates e = ParameterCalculator.compute(fit);
            for (int k = 0; k < params.size(); k++) {
                PerfusionParameter q = params.get(k);
                double[] ci = e.ci(q);
                scratch[k] = (float) e.value(q);
                scratchLo[k] = (float) ci[0];
                scratchHi[k] = (float) ci[1];
            }
            return;
        }
        double[] all = closedFormOnly ? null : ParameterCalculator.values(model, p);
        for (int k = 0; k < params.size(); k++) {
            PerfusionParameter q = params.get(k);
            scratch[k] = (float) (q == PerfusionParameter.QOF ? 100 * fit.r2()
                    : all != null ? all[q.ordinal()] : closedForm(q, p));
        }
    }

    private double closedForm(PerfusionParameter q, double[] p) {
        return switch (q) {
            case PE -> model.peakEnhancement(p);
            case AUC -> model.area(p);
            case TTP -> model.timeToPeakS(p);
            case T0 -> model.onsetS(p);
            case MTT -> model.meanTransitTimeS(p);
            default -> throw new IllegalStateException(q.label());
        };
    }

    private void noBolus() {
        for (int k = 0; k < params.size(); k++) {
            float v = isAmplitude(params.get(k)) ? 0f : Float.NaN;
            scratch[k] = v;
            scratchLo[k] = v;
            scratchHi[k] = v;
        }
    }

    private void store(int[] pixels, int from, int to, FitStatus status, double r2) {
        float s = status.ordinal();
        float r = (float) r2;
        for (int i = from; i < to; i++) {
            int px = pixels[i];
            out.status()[px] = s;
            out.r2()[px] = r;
            for (int k = 0; k < scratch.length; k++) {
                out.values()[k][px] = scratch[k];
                if (withCi) {
                    out.ciLo()[k][px] = scratchLo[k];
                    out.ciHi()[k][px] = scratchHi[k];
                }
            }
        }
    }

    /** @return an image filled with NaN (the value of every unmapped pixel) */
    static float[] blank(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, NOT_MAPPED);
        return a;
    }
}
