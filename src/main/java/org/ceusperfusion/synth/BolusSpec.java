package org.ceusperfusion.synth;

/**
 * A lognormal bolus per pixel, in linear echo power above the baseline (arbitrary units):
 * {@code c(t) = A/(√(2π)·σ·τ) · exp(−(ln τ − μ)²/(2σ²))}, {@code τ = t − t0 > 0}, 0 before {@code t0}.
 *
 * <p>Per-pixel area: {@code A = meanArea · (1 + amplitudeVariation · v)}, {@code v ∈ [−1, 1]} drawn
 * from the seeded field of kind {@link #variation()}; per-pixel onset: {@code t0 + U(−t0JitterS, t0JitterS)}.
 * With {@code t0JitterS = 0} every pixel has the same shape and the ROI-mean curve is itself lognormal.
 *
 * @param meanArea           nominal region mean of the per-pixel area A, a.u.·s (≥ 0)
 * @param mu                 μ, the log of the median transit time from t0 (ln s)
 * @param sigma              σ, the log-scale spread (&gt; 0, dimensionless)
 * @param t0S                onset time, seconds from the first frame
 * @param amplitudeVariation relative half-range X of A around the mean (0 ≤ X &lt; 1; 0.2 means ±20 %)
 * @param variation          kind of the variation field
 * @param t0JitterS          half-range of a uniform per-pixel onset jitter, s (≥ 0)
 */
public record BolusSpec(double meanArea, double mu, double sigma, double t0S, double amplitudeVariation,
                        AmplitudeVariation variation, double t0JitterS) {

    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    public BolusSpec {
        if (!(meanArea >= 0) || !(sigma > 0) || !Double.isFinite(mu) || !Double.isFinite(t0S)
                || !(amplitudeVariation >= 0 && amplitudeVariation < 1) || !(t0JitterS >= 0)
                || variation == null) {
            throw new IllegalArgumentException("bad bolus: A=" + meanArea + " mu=" + mu + " sigma=" + sigma
                    + " t0=" + t0S + " variation=" + amplitudeVariation + " jitter=" + t0JitterS);
        }
    }

    /** A bolus with the same shape for every pixel and no area variation. */
    public static BolusSpec of(double meanArea, double mu, double sigma, double t0S) {
        return new BolusSpec(meanArea, mu, sigma, t0S, 0, AmplitudeVariation.SMOOTH, 0);
    }

    /** @return a copy with area variation ±{@code fraction} of the given kind */
    public BolusSpec withVariation(double fraction, AmplitudeVariation kind) {
        return new BolusSpec(meanArea, mu, sigma, t0S, fraction, kind, t0JitterS);
    }

    /** @return a copy with a uniform per-pixel onset jitter of ±{@code halfRangeS} seconds */
    public BolusSpec withT0Jitter(double halfRangeS) {
        return new BolusSpec(meanArea, mu, sigma, t0S, amplitudeVariation, variation, halfRangeS);
    }

    /** @return a copy with another nominal mean area (a.u.·s) */
    public BolusSpec withMeanArea(double area) {
        return new BolusSpec(area, mu, sigma, t0S, amplitudeVariation, variation, t0JitterS);
    }

    /**
     * Unit-area lognormal density at {@code tau} seconds after onset. This and the closed forms use
     * {@link StrictMath}, so results are identical on every platform.
     *
     * @return 1/s; 0 for {@code tau ≤ 0}
     */
    public double shape(double tau) {
        if (tau <= 0) {
            return 0;
        }
        double z = (StrictMath.log(tau) - mu) / sigma;
        return StrictMath.exp(-0.5 * z * z) / (SQRT_2PI * sigma * tau);
    }

    /** @return time to peak from onset, {@code e^(μ−σ²)}, s */
    public double modeFromOnsetS() {
        return StrictMath.exp(mu - sigma * sigma);
    }

    /** @return mean transit time from onset, {@code e^(μ+σ²/2)}, s */
    public double mttS() {
        return StrictMath.exp(mu + sigma * sigma / 2);
    }

    /** @return peak enhancement of a bolus of area {@code area}: {@code area·e^(σ²/2−μ)/(√(2π)σ)} */
    public double peak(double area) {
        return area * StrictMath.exp(sigma * sigma / 2 - mu) / (SQRT_2PI * sigma);
    }

    /** @return fraction of the unit area reached {@code tau} seconds after onset (lognormal CDF) */
    public double cdf(double tau) {
        if (tau <= 0) {
            return 0;
        }
        return 0.5 * org.apache.commons.math3.special.Erf.erfc(-(StrictMath.log(tau) - mu) / (sigma * Math.sqrt(2)));
    }
}
