package org.ceusperfusion.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A first pass plus one recirculation: any {@link BolusModel} {@code f(t) = O + g(t − t0)} and a delayed,
 * broader, smaller copy of its own bolus,
 * <pre>
 *   F(t) = O + g(t − t0) + (r / w) · g((t − t0 − d) / w),
 * </pre>
 * with area fraction r (the recirculation's area is r·AUC), delay d of the recirculation's onset after t0 (s)
 * and width factor w ≥ 1 (its time scale is w times the first pass's: the blood that comes back has passed
 * through the body's circulation, which delays and disperses it). The parameter vector is the base model's
 * followed by {@code [recircFraction, recircDelayS, recircWidth]}.
 *
 * <p>Every closed form (PE, AUC, TTP, mTT, onset, baseline) is the <em>first pass's</em>: the base model's
 * on the leading parameters ({@link #firstPassParameters}). {@link #name()} is the base model's label, so
 * results and comparisons stay under the model the user chose; the recirculation shows in the parameter
 * names. The delay is bounded below by {@code minDelayS} (the first pass must have peaked before blood
 * comes back). Stateless apart from its configuration; thread-safe.
 */
public final class RecirculationModel implements BolusModel {
    /** Name of the area fraction parameter. */
    public static final String FRACTION = "recircFraction";
    /** Name of the delay parameter, s. */
    public static final String DELAY = "recircDelayS";
    /** Name of the width factor parameter. */
    public static final String WIDTH = "recircWidth";
    /** Largest width factor accepted by the fit. */
    public static final double WIDTH_MAX = 4;
    /** Largest area fraction accepted by the fit. */
    public static final double FRACTION_MAX = 1;

    private final BolusModel base;
    private final int k;
    private final int t0;
    private final double minDelayS;
    private final List<String> names;

    /**
     * @param base      the first-pass model; its parameter 0 must be the baseline O and it must name an onset
     *                  {@code t0}
     * @param minDelayS smallest delay of the recirculation after t0, s (≥ 0)
     * @throws IllegalArgumentException when the base model has no {@code t0} or is itself a recirculation model
     */
    public RecirculationModel(BolusModel base, double minDelayS) {
        if (base instanceof RecirculationModel || !base.parameterNames().contains("t0")
                || !"O".equals(base.parameterNames().get(0)) || !(minDelayS >= 0)) {
            throw new IllegalArgumentException("a recirculation needs a bolus model with O first and an onset t0, "
                    + "and a delay ≥ 0; got " + base.name() + ", " + minDelayS);
        }
        this.base = base;
        this.k = base.parameterNames().size();
        this.t0 = base.parameterNames().indexOf("t0");
        this.minDelayS = minDelayS;
        List<String> n = new ArrayList<>(base.parameterNames());
        n.addAll(List.of(FRACTION, DELAY, WIDTH));
        this.names = List.copyOf(n);
    }

    /** @return the first-pass model */
    public BolusModel firstPass() {
        return base;
    }

    /** @return index of the area fraction r in the parameter vector (delay and width follow) */
    public int fractionIndex() {
        return k;
    }

    /** @return the first pass's parameters (the leading ones of {@code p}) */
    public double[] firstPassParameters(double[] p) {
        return Arrays.copyOf(p, k);
    }

    /** @return the onset of the recirculation, s */
    public double recirculationOnsetS(double[] p) {
        return p[t0] + p[k + 1];
    }

    /** @return the recirculation alone (above baseline) at time {@code t}, a.u. */
    public double recirculationValue(double t, double[] p) {
        double tau = t - p[t0] - p[k + 1];
        if (tau <= 0) {
            return 0;
        }
        double[] pb = firstPassParameters(p);
        return p[k] / p[k + 2] * (base.value(p[t0] + tau / p[k + 2], pb) - base.baseline(pb));
    }

    /**
     * @param base first-pass parameters
     * @param r    area fraction
     * @param d    delay, s
     * @param w    width factor
     * @return the full parameter vector
     */
    public double[] withRecirculation(double[] base, double r, double d, double w) {
        double[] p = Arrays.copyOf(base, k + 3);
        p[k] = r;
        p[k + 1] = d;
        p[k + 2] = w;
        return p;
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public List<String> parameterNames() {
        return names;
    }

    @Override
    public double value(double t, double[] p) {
        double[] pb = firstPassParameters(p);
        return base.value(t, pb) + recirculationValue(t, p);
    }

    @Override
    public void gradient(double t, double[] p, double[] out) {
        valueAndGradient(t, p, out);
    }

    /**
     * With s = t0 + (t − t0 − d)/w and ∂f/∂t = −∂f/∂t0 (f depends on t − t0 only), the recirculation term
     * h = (r/w)(f(s) − O) has ∂h/∂t0 = (r/w)·∂f/∂t0(s)/w, ∂h/∂d = the same, ∂h/∂w = −h/w + (r/w)·∂f/∂t0(s)·(t − t0
     * − d)/w², ∂h/∂r = h/r, and ∂h/∂p = (r/w)·∂f/∂p(s) for the shape and amplitude parameters (0 for O).
     */
    @Override
    public double valueAndGradient(double t, double[] p, double[] out) {
        double[] pb = firstPassParameters(p);
        double[] g = new double[k];
        double f = base.valueAndGradient(t, pb, g);
        System.arraycopy(g, 0, out, 0, k);
        double r = p[k];
        double w = p[k + 2];
        double tau = t - p[t0] - p[k + 1];
        if (tau <= 0) {
            out[k] = 0;
            out[k + 1] = 0;
            out[k + 2] = 0;
            return f;
        }
        double h1 = base.valueAndGradient(p[t0] + tau / w, pb, g) - base.baseline(pb);
        double c = r / w;
        for (int j = 1; j < k; j++) {
            out[j] += j == t0 ? c * g[j] / w : c * g[j];
        }
        out[k] = h1 / w;
        out[k + 1] = c * g[t0] / w;
        out[k + 2] = -c * h1 / w + c * g[t0] * tau / (w * w);
        return f + c * h1;
    }

    /** The base model's guess with a recirculation of 20 % at three first-pass rise times, 1.5× wider. */
    @Override
    public double[] initialGuess(double[] t, double[] y) {
        double[] b = base.initialGuess(t, y);
        if (b == null) {
            return null;
        }
        double rise = Math.max(base.timeToPeakS(b) - base.onsetS(b), 1e-3);
        return withRecirculation(b, 0.2, Math.max(minDelayS, 3 * rise), 1.5);
    }

    @Override
    public double[] lowerBounds(double[] t, double[] y) {
        double[] lo = Arrays.copyOf(base.lowerBounds(t, y), k + 3);
        lo[k] = 0;
        lo[k + 1] = minDelayS;
        lo[k + 2] = 1;
        return lo;
    }

    @Override
    public double[] upperBounds(double[] t, double[] y) {
        double[] hi = Arrays.copyOf(base.upperBounds(t, y), k + 3);
        hi[k] = FRACTION_MAX;
        hi[k + 1] = Math.max(minDelayS, ModelBounds.span(t));
        hi[k + 2] = WIDTH_MAX;
        return hi;
    }

    @Override
    public double baseline(double[] p) {
        return base.baseline(p);
    }

    @Override
    public double onsetS(double[] p) {
        return base.onsetS(p);
    }

    @Override
    public double area(double[] p) {
        return base.area(p);
    }

    @Override
    public double meanTransitTimeS(double[] p) {
        return base.meanTransitTimeS(p);
    }

    @Override
    public double timeToPeakS(double[] p) {
        return base.timeToPeakS(p);
    }

    @Override
    public double peakEnhancement(double[] p) {
        return base.peakEnhancement(p);
    }

    @Override
    public String toString() {
        return name() + "+recirculation";
    }
}
