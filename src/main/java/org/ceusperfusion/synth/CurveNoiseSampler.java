package org.ceusperfusion.synth;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * A fast curve-level stand-in for {@link RealisticLoopGenerator}: the ROI-mean linear power of an ROI of
 * {@code cells} independent speckle cells and {@code pixels} pixels, with the same mean, marginal variance
 * and autocorrelation as the loop generator's ROI mean (Gaussian approximation of the cell average; good
 * for ≥ ~20 cells). For coverage tests over hundreds of seeds without rendering frames.
 *
 * <p>With e(t) the true enhancement, B the background, n cells, m pixels, M multiplicative (CV v),
 * per cell {@code Y = (B·T + e·S)·M}: {@code Var Y = ((B+e)² + B² + e²)(1+v²) − (B+e)²}, and
 * {@code Cov(Y(t), Y(s)) = B² + e(t)e(s)·exp(−|t−s|/τ)}. The sample is
 * {@code R(t) = G(t)·(B + e + [B·u₀ + e·u(t) + √(Var Y − B² − e²)·ε(t)]/√n) + N̄(t)} with u₀ frozen,
 * u an AR(1) unit Gaussian with correlation exp(−Δt/τ), ε white, G the lognormal region gain and N̄ the
 * mean of m noise-floor draws (mean F, SD F/√m when random). Linear a.u.; it does not include grey-level
 * quantisation or clipping.
 */
public final class CurveNoiseSampler {

    private CurveNoiseSampler() {
    }

    /**
     * @param timesS      frame times, s, increasing
     * @param enhancement true enhancement above baseline at each time, a.u. (same length)
     * @param background  background (tissue) power B, a.u.
     * @param noiseFloor  mean noise floor F, a.u.; random (exponential per pixel) when {@code floorRandom}
     * @param cells       number of independent speckle cells in the ROI (see {@link #effectiveCells})
     * @param pixels      number of pixels in the ROI
     * @param realism     τ, multiplicative CV, gain CV and correlation time (other fields ignored)
     * @param seed        seed
     * @return the ROI-mean linear power per frame, a.u. (baseline included)
     */
    public static double[] sample(double[] timesS, double[] enhancement, double background, double noiseFloor,
                                  boolean floorRandom, double cells, int pixels, Realism realism, long seed) {
        if (timesS.length != enhancement.length || !(cells >= 1) || pixels < 1) {
            throw new IllegalArgumentException("times/enhancement length or cells/pixels invalid");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double v2 = realism.multiplicativeCv() * realism.multiplicativeCv();
        double gainSd = Math.sqrt(Math.log1p(realism.gainCv() * realism.gainCv()));
        double rootN = Math.sqrt(cells);
        double u0 = rng.nextGaussian();
        double u = rng.nextGaussian();
        double logGain = gainSd * rng.nextGaussian();
        double[] out = new double[timesS.length];
        for (int k = 0; k < out.length; k++) {
            if (k > 0) {
                double dt = timesS[k] - timesS[k - 1];
                double a = coefficient(dt, realism.speckleTauS());
                u = a * u + Math.sqrt(1 - a * a) * rng.nextGaussian();
                double rho = coefficient(dt, realism.gainTauS());
                logGain = rho * logGain + Math.sqrt(1 - rho * rho) * gainSd * rng.nextGaussian();
            }
            double e = enhancement[k];
            double b = background;
            double varY = ((b + e) * (b + e) + b * b + e * e) * (1 + v2) - (b + e) * (b + e);
            double white = Math.sqrt(Math.max(0, varY - b * b - e * e));
            double x = b + e + (b * u0 + e * u + white * rng.nextGaussian()) / rootN;
            double g = Math.exp(logGain - gainSd * gainSd / 2);
            double floor = floorRandom ? noiseFloor + noiseFloor / Math.sqrt(pixels) * rng.nextGaussian() : noiseFloor;
            out[k] = g * x + floor;
        }
        return out;
    }

    /**
     * Convenience: the sample for an ROI mask of a realistic spec, with the true curve of that ROI.
     *
     * @param spec  the phantom (background, noise floor and realism are taken from it)
     * @param truth true enhancement above baseline as a function of time (s), e.g. {@code curve::value}
     * @param mask  ROI mask, row-major width·height
     */
    public static double[] sample(RealisticSpec spec, double[] timesS, DoubleUnaryOperator truth, boolean[] mask,
                                  long seed) {
        double[] e = new double[timesS.length];
        for (int k = 0; k < e.length; k++) {
            e[k] = truth.applyAsDouble(timesS[k]);
        }
        int pixels = 0;
        for (boolean b : mask) {
            pixels += b ? 1 : 0;
        }
        return sample(timesS, e, spec.effectiveBackground(), spec.effectiveNoiseFloor(),
                spec.base().noiseFloorRandom(), effectiveCells(mask, spec.base().width(),
                        spec.realism().speckleGrainPx()), pixels, spec.realism(), seed);
    }

    /**
     * The effective number of independent speckle cells of an ROI: {@code (Σ m_c)² / Σ m_c²}, m_c the ROI
     * pixels in cell c (square cells of {@code grainPx}); equals the pixel count for 1-px cells.
     */
    public static double effectiveCells(boolean[] mask, int width, int grainPx) {
        int cw = (width + grainPx - 1) / grainPx;
        int height = mask.length / width;
        int[] m = new int[cw * ((height + grainPx - 1) / grainPx)];
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                m[(i / width / grainPx) * cw + (i % width) / grainPx]++;
            }
        }
        double s = 0;
        double s2 = 0;
        for (int c : m) {
            s += c;
            s2 += (double) c * c;
        }
        return s2 == 0 ? 0 : s * s / s2;
    }

    private static double coefficient(double dt, double timeS) {
        if (timeS == 0) {
            return 0;
        }
        return Double.isInfinite(timeS) ? 1 : Math.exp(-dt / timeS);
    }
}
