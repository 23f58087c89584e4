package org.ceusperfusion.synth;

/**
 * The exact noise-free ROI-mean enhancement above baseline of a realistic loop: the average over the ROI's
 * pixels of each pixel's curve (first pass, optional recirculation hump, optional destruction plateau and
 * refill), so that its parameters are those of the pixel-averaged curve, not of one pixel.
 * Values in linear a.u.; times in s from the first frame.
 */
public final class MixtureCurve {
    private static final double COARSE_S = 0.05;
    private static final double FINE_S = 0.001;

    private final BolusSpec[] shapes;
    private final double[] onsetsS;
    private final double[] weights;
    private final Realism.Recirculation recirculation;
    private final Realism.Destruction destruction;

    MixtureCurve(BolusSpec[] shapes, double[] onsetsS, double[] weights, Realism realism) {
        this.shapes = shapes;
        this.onsetsS = onsetsS;
        this.weights = weights;
        this.recirculation = realism.destruction() == null ? realism.recirculation() : null;
        this.destruction = realism.destruction();
    }

    /** The ROI-mean curve of the mask's pixels (pixels sharing shape and onset merged into one component). */
    static MixtureCurve of(PixelTruth px, boolean[] mask, Realism realism) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        if (n == 0) {
            throw new IllegalArgumentException("empty ROI");
        }
        java.util.Map<Component, double[]> merged = new java.util.LinkedHashMap<>();
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                merged.computeIfAbsent(new Component(px.bolus(i), px.onsetAt(i)), k -> new double[1])[0]
                        += px.areaAt(i) / n;
            }
        }
        BolusSpec[] s = new BolusSpec[merged.size()];
        double[] o = new double[s.length];
        double[] w = new double[s.length];
        int k = 0;
        for (java.util.Map.Entry<Component, double[]> e : merged.entrySet()) {
            s[k] = e.getKey().shape();
            o[k] = e.getKey().onsetS();
            w[k++] = e.getValue()[0];
        }
        return new MixtureCurve(s, o, w, realism);
    }

    /** A pixel group key: bolus shape and onset. */
    record Component(BolusSpec shape, double onsetS) {
    }

    /** @return one pixel's enhancement at {@code tS}: area A, onset, shape, under the loop's realism */
    static double pixelValue(BolusSpec b, double area, double onsetS, double tS, Realism.Recirculation rc,
                             Realism.Destruction d) {
        if (area == 0 || tS <= onsetS) {
            return 0;
        }
        if (d != null) {
            return area * b.cdf(tS - onsetS) * postFlash(d, tS);
        }
        double v = b.shape(tS - onsetS);
        if (rc != null) {
            v += rc.areaRatio() * hump(b, rc).shape(tS - onsetS - rc.delayS());
        }
        return area * v;
    }

    static BolusSpec hump(BolusSpec b, Realism.Recirculation rc) {
        return BolusSpec.of(1, b.mu() + StrictMath.log(rc.widthFactor()), b.sigma(), 0);
    }

    /** @return the factor applied to the plateau after a destruction flash at time {@code tS} */
    static double postFlash(Realism.Destruction d, double tS) {
        if (tS < d.timeS()) {
            return 1;
        }
        return d.refill() ? -StrictMath.expm1(-d.betaPerS() * (tS - d.timeS())) : d.floorFraction();
    }

    /** @return the ROI-mean enhancement at {@code tS}, a.u. */
    public double value(double tS) {
        double s = 0;
        for (int j = 0; j < weights.length; j++) {
            s += weights[j] == 0 ? 0 : pixelValue(shapes[j], weights[j], onsetsS[j], tS, recirculation, destruction);
        }
        return s;
    }

    /** @return the first-pass ROI-mean enhancement at {@code tS} (no recirculation hump), a.u. */
    public double firstPassValue(double tS) {
        double s = 0;
        for (int j = 0; j < weights.length; j++) {
            s += weights[j] == 0 ? 0 : pixelValue(shapes[j], weights[j], onsetsS[j], tS, null, destruction);
        }
        return s;
    }

    /** @return earliest onset among enhancing pixels, s (0 when nothing enhances) */
    public double onsetS() {
        double m = Double.POSITIVE_INFINITY;
        for (int j = 0; j < weights.length; j++) {
            if (weights[j] > 0) {
                m = Math.min(m, onsetsS[j]);
            }
        }
        return Double.isInfinite(m) ? 0 : m;
    }

    /** @return first-pass AUC = mean per-pixel area, a.u.·s (plateau level, a.u., in destruction loops) */
    public double firstPassAuc() {
        double s = 0;
        for (double w : weights) {
            s += w;
        }
        return s;
    }

    /** @return whole-curve AUC (first pass + recirculation hump), a.u.·s; NaN for destruction loops */
    public double auc() {
        if (destruction != null) {
            return Double.NaN;
        }
        return firstPassAuc() * (1 + (recirculation == null ? 0 : recirculation.areaRatio()));
    }

    /** @return first-pass mean transit time from {@link #onsetS()}, s (first moment / area); NaN for destruction */
    public double firstPassMttS() {
        if (destruction != null) {
            return Double.NaN;
        }
        double t0 = onsetS();
        double m = 0;
        for (int j = 0; j < weights.length; j++) {
            m += weights[j] * (shapes[j].mttS() + onsetsS[j] - t0);
        }
        return m / firstPassAuc();
    }

    /** @return whole-curve mean transit time from {@link #onsetS()}, s (first moment / area of both humps) */
    public double mttS() {
        if (recirculation == null || destruction != null) {
            return firstPassMttS();
        }
        double t0 = onsetS();
        double m = 0;
        double r = recirculation.areaRatio();
        for (int j = 0; j < weights.length; j++) {
            double hump = hump(shapes[j], recirculation).mttS() + recirculation.delayS();
            m += weights[j] * ((shapes[j].mttS() + onsetsS[j] - t0) + r * (hump + onsetsS[j] - t0));
        }
        return m / auc();
    }

    /**
     * {time, value} of the maximum of the whole (or first-pass) curve on {@code [onset, endS]}: a 50 ms scan
     * refined on a 1 ms grid.
     */
    public double[] peak(double endS, boolean firstPass) {
        double t0 = onsetS();
        double[] c = scan(t0, endS, COARSE_S, firstPass);
        return scan(Math.max(t0, c[0] - COARSE_S), Math.min(endS, c[0] + COARSE_S), FINE_S, firstPass);
    }

    private double[] scan(double from, double to, double step, boolean firstPass) {
        double bestT = from;
        double best = 0;
        int steps = (int) Math.ceil((to - from) / step);
        for (int i = 0; i <= steps; i++) {
            double t = Math.min(to, from + i * step);
            double v = firstPass ? firstPassValue(t) : value(t);
            if (v > best) {
                best = v;
                bestT = t;
            }
        }
        return new double[] {bestT, best};
    }

    /** @return the first-pass curve as a {@link TruthCurve}, or {@code null} when pixels differ in shape/destruction */
    TruthCurve firstPassTruthCurve() {
        if (destruction != null) {
            return null;
        }
        for (BolusSpec s : shapes) {
            if (s != shapes[0]) {
                return null;
            }
        }
        return shapes.length == 0 ? null : new TruthCurve(shapes[0], onsetsS, weights);
    }
}
