package org.ceusperfusion.synth;

/**
 * The true ROI-mean enhancement curve above baseline: a weighted sum of identical lognormal shapes
 * with (possibly) different onsets, {@code c(t) = Σ_j w_j · shape(t − onset_j)}. The weights are the
 * pixel areas divided by the ROI pixel count, so {@code Σ w_j} is the true AUC of the ROI-mean curve.
 *
 * @param shape    the bolus whose μ and σ give the shape (its area and onset are not used)
 * @param onsetsS  onsets, seconds from the first frame
 * @param weights  weights, a.u.·s, same length as {@code onsetsS}
 */
public record TruthCurve(BolusSpec shape, double[] onsetsS, double[] weights) {

    public TruthCurve {
        if (onsetsS.length != weights.length) {
            throw new IllegalArgumentException("onsets and weights differ in length");
        }
        onsetsS = onsetsS.clone();
        weights = weights.clone();
    }

    /** @return the mean enhancement above baseline at time {@code tS} (seconds from the first frame), a.u. */
    public double value(double tS) {
        double s = 0;
        for (int j = 0; j < onsetsS.length; j++) {
            s += weights[j] * shape.shape(tS - onsetsS[j]);
        }
        return s;
    }

    /** @return the area under the curve from −∞ to {@code tS} seconds, a.u.·s */
    public double areaUntil(double tS) {
        double s = 0;
        for (int j = 0; j < onsetsS.length; j++) {
            s += weights[j] * shape.cdf(tS - onsetsS[j]);
        }
        return s;
    }

    /** @return the total area, a.u.·s */
    public double totalArea() {
        double s = 0;
        for (double w : weights) {
            s += w;
        }
        return s;
    }

    /** @return the earliest onset, s (0 when the curve is empty) */
    public double firstOnsetS() {
        double m = Double.POSITIVE_INFINITY;
        for (double o : onsetsS) {
            m = Math.min(m, o);
        }
        return onsetsS.length == 0 ? 0 : m;
    }
}
