package org.ceusperfusion.maps;

import java.util.Locale;
import org.ceusperfusion.fit.FitStatus;
import org.ceusperfusion.params.PerfusionParameter;

/** Per-pixel scores of a map against a {@link MapPhantom}'s truth (test helper). */
record PhantomScores(int perfused, int perfusedNoBolus, int perfusedFailed, int necrotic, int necroticWithBolus,
                     double ttpSlope, double ttpMedianAbsErrorS, double ttpP90AbsErrorS, double peRatioMedian,
                     int ttpPixels) {

    static PhantomScores of(ParametricMaps m, MapPhantom.Truth truth) {
        boolean[] perfused = new boolean[truth.region().length];
        for (int i = 0; i < perfused.length; i++) {
            perfused[i] = truth.perfused(i);
        }
        return of(m, perfused, truth.ttpS(), truth.pe());
    }

    /** Scores against the per-pixel truth of a realistic phantom ({@code synth.RealisticPhantoms}). */
    static PhantomScores of(ParametricMaps m, org.ceusperfusion.synth.PixelTruth truth) {
        int w = truth.width();
        int n = w * truth.height();
        boolean[] perfused = new boolean[n];
        double[] ttp = new double[n];
        double[] pe = new double[n];
        for (int i = 0; i < n; i++) {
            perfused[i] = truth.perfused(i % w, i / w);
            ttp[i] = perfused[i] ? truth.firstPassTtpS(i % w, i / w) : Double.NaN;
            pe[i] = truth.firstPassPe(i % w, i / w);
        }
        return of(m, perfused, ttp, pe);
    }

    static PhantomScores of(ParametricMaps m, boolean[] isPerfused, double[] trueTtp, double[] truePe) {
        float[] pe = m.values(PerfusionParameter.PE);
        float[] ttp = m.values(PerfusionParameter.TTP);
        int perfused = 0, noBolus = 0, failed = 0, necrotic = 0, necroticBolus = 0, k = 0;
        int n = pe.length;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] err = new double[n];
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            boolean nb = m.status()[i] == FitStatus.NO_BOLUS.ordinal() || pe[i] == 0f;
            if (isPerfused[i]) {
                perfused++;
                noBolus += nb ? 1 : 0;
                failed += !nb && !Float.isFinite(pe[i]) ? 1 : 0;
                if (!nb && Float.isFinite(ttp[i])) {
                    x[k] = trueTtp[i];
                    y[k] = ttp[i];
                    err[k] = Math.abs(ttp[i] - trueTtp[i]);
                    ratio[k] = pe[i] / truePe[i];
                    k++;
                }
            } else {
                necrotic++;
                necroticBolus += nb ? 0 : 1;
            }
        }
        return new PhantomScores(perfused, noBolus, failed, necrotic, necroticBolus, slope(x, y, k),
                median(err, k), quantile(err, k, 0.9), median(ratio, k), k);
    }

    double perfusedNoBolusFraction() {
        return perfusedNoBolus / (double) perfused;
    }

    double necroticWithBolusFraction() {
        return necroticWithBolus / (double) necrotic;
    }

    /** Least-squares slope of y on x over the first k points. */
    static double slope(double[] x, double[] y, int k) {
        double mx = 0, my = 0;
        for (int i = 0; i < k; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= k;
        my /= k;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < k; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    static double median(double[] v, int k) {
        return quantile(v, k, 0.5);
    }

    static double quantile(double[] v, int k, double q) {
        double[] a = java.util.Arrays.copyOf(v, k);
        java.util.Arrays.sort(a);
        return k == 0 ? Double.NaN : a[(int) (q * (k - 1))];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "perfused %d: noBolus %d (%.2f%%) failed %d; necrotic %d: withBolus %d (%.2f%%);"
                        + " TTP slope %.3f, median |err| %.2f s, p90 %.2f s over %d; PE ratio median %.3f", perfused, perfusedNoBolus,
                100 * perfusedNoBolusFraction(), perfusedFailed, necrotic, necroticWithBolus,
                100 * necroticWithBolusFraction(), ttpSlope, ttpMedianAbsErrorS, ttpP90AbsErrorS, ttpPixels, peRatioMedian);
    }
}
