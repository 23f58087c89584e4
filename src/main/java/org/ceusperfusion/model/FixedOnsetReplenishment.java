package org.ceusperfusion.model;

import java.util.List;

/**
 * {@link ReplenishmentModel} with the replenishment start tf held at a known time (the destruction
 * flash): parameter vector {@code [O, A, beta]}, same curve, same bounds and closed forms.
 *
 * <p>When every fitted sample lies after tf the free-tf model is not identifiable; this one is. Its fit is
 * turned back into the four-parameter model with {@link #embed} and {@link #embedCovariance} (tf gets
 * variance 0: it was not estimated).
 *
 * <pre>{@code
 * FixedOnsetReplenishment m = ReplenishmentModel.fixedOnset(4.0);
 * double[] p4 = m.embed(new double[] {2, 10, 0.5});   // {2, 10, 0.5, 4}
 * }</pre>
 */
public final class FixedOnsetReplenishment implements BolusModel {

    private static final List<String> NAMES = List.of("O", "A", "beta");
    private final ReplenishmentModel full = new ReplenishmentModel();
    private final double tfS;

    /** @param tfS the start of the replenishment, s */
    FixedOnsetReplenishment(double tfS) {
        this.tfS = tfS;
    }

    /** @return the fixed start of the replenishment, s */
    public double tfS() {
        return tfS;
    }

    /** @return the parameters of {@link ReplenishmentModel}: {@code [O, A, beta, tf]} */
    public double[] embed(double[] p) {
        return new double[] {p[0], p[1], p[2], tfS};
    }

    /**
     * @param cov 3×3 covariance of {@code [O, A, beta]}, or {@code null}
     * @return the 4×4 covariance of {@code [O, A, beta, tf]} with a zero tf row and column, or {@code null}
     */
    public double[][] embedCovariance(double[][] cov) {
        if (cov == null) {
            return null;
        }
        double[][] c = new double[4][4];
        for (int a = 0; a < 3; a++) {
            System.arraycopy(cov[a], 0, c[a], 0, 3);
        }
        return c;
    }

    @Override
    public String name() {
        return ReplenishmentModel.LABEL;
    }

    @Override
    public List<String> parameterNames() {
        return NAMES;
    }

    @Override
    public double value(double t, double[] p) {
        return full.value(t, embed(p));
    }

    @Override
    public void gradient(double t, double[] p, double[] out) {
        valueAndGradient(t, p, out);
    }

    @Override
    public double valueAndGradient(double t, double[] p, double[] out) {
        double tau = t - tfS;
        out[0] = 1;
        if (tau <= 0) {
            out[1] = 0;
            out[2] = 0;
            return p[0];
        }
        double em1 = Math.expm1(-p[2] * tau);
        out[1] = -em1;
        out[2] = p[1] * tau * (1 + em1);
        return p[0] - p[1] * em1;
    }

    /** The start of {@link ReplenishmentModel#initialGuess} with tf at {@link #tfS()}, without tf. */
    @Override
    public double[] initialGuess(double[] t, double[] y) {
        double[] g = ReplenishmentStart.guess(t, y, tfS);
        return g == null ? null : new double[] {g[0], g[1], g[2]};
    }

    @Override
    public List<double[]> alternativeStarts(double[] start, double[] t, double[] y) {
        return full.alternativeStarts(embed(start), t, y).stream()
                .map(q -> new double[] {q[0], q[1], q[2]}).toList();
    }

    @Override
    public double[] lowerBounds(double[] t, double[] y) {
        double[] b = full.lowerBounds(t, y);
        return new double[] {b[0], b[1], b[2]};
    }

    @Override
    public double[] upperBounds(double[] t, double[] y) {
        double[] b = full.upperBounds(t, y);
        return new double[] {b[0], b[1], b[2]};
    }

    @Override
    public double baseline(double[] p) {
        return p[0];
    }

    @Override
    public double onsetS(double[] p) {
        return tfS;
    }

    @Override
    public double area(double[] p) {
        return Double.NaN;
    }

    @Override
    public double meanTransitTimeS(double[] p) {
        return 1 / p[2];
    }

    @Override
    public double timeToPeakS(double[] p) {
        return Double.NaN;
    }

    @Override
    public double peakEnhancement(double[] p) {
        return p[1];
    }
}
