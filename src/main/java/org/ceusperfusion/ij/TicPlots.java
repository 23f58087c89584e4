package org.ceusperfusion.ij;

import ij.gui.Plot;
import java.awt.Color;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.tic.TimeIntensityCurve;

/**
 * Time-intensity curves of an analysis as an ImageJ {@link Plot}: the measured points of each ROI and its
 * fitted bolus curve. A pure function of the analysis; showing it is the caller's business.
 */
public final class TicPlots {
    /** Samples of each fitted curve across the loop. */
    static final int CURVE_SAMPLES = 400;
    private static final Color[] COLORS = {Color.RED, Color.BLUE, new Color(0, 140, 0), Color.MAGENTA, Color.ORANGE};

    private TicPlots() {
    }

    /**
     * @param analysis the analysis
     * @param title    the plot title
     * @return the plot: for each ROI its TIC as circles, then its fit as a line (when the fit has parameters)
     */
    public static Plot create(LoopAnalysis analysis, String title) {
        String yLabel = analysis.settings().linear() ? "mean grey (linear)" : "linear echo power (a.u.)";
        Plot plot = new Plot(title, "time (s)", yLabel);
        StringBuilder legend = new StringBuilder();
        int k = 0;
        for (RoiAnalysis roi : analysis.rois()) {
            Color c = COLORS[k++ % COLORS.length];
            TimeIntensityCurve tic = roi.tic();
            plot.setColor(c);
            double[][] split = split(tic, roi.motion() == null ? null : roi.motion().selection().used());
            plot.addPoints(split[0], split[1], Plot.CIRCLE);
            legend.append(roi.name()).append('\n');
            if (split[2].length > 0) {
                plot.setColor(Color.RED);
                plot.addPoints(split[2], split[3], Plot.X);
                legend.append(roi.name()).append(" left out (flash, excluded)\n");
            }
            FitResult fit = roi.fit();
            if (fit.hasParameters() && tic.size() > 0) {
                double[][] curve = fittedCurve(fit, tic.timesS()[0], tic.timesS()[tic.size() - 1]);
                plot.setColor(c);
                plot.addPoints(curve[0], curve[1], Plot.LINE);
                legend.append(roi.name()).append(" fit (").append(fit.model().name()).append(")\n");
            }
        }
        plot.setColor(Color.BLACK);
        plot.addLegend(legend.toString().strip());
        plot.setLimitsToFit(false);
        return plot;
    }

    /** @return {@code {usedT, usedY, leftOutT, leftOutY}} */
    static double[][] split(TimeIntensityCurve tic, boolean[] used) {
        java.util.List<double[]> in = new java.util.ArrayList<>();
        java.util.List<double[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < tic.size(); i++) {
            double[] p = {tic.timesS()[i], tic.meanIntensity()[i]};
            (used == null || used[i] ? in : out).add(p);
        }
        return new double[][] {in.stream().mapToDouble(p -> p[0]).toArray(), in.stream().mapToDouble(p -> p[1]).toArray(),
            out.stream().mapToDouble(p -> p[0]).toArray(), out.stream().mapToDouble(p -> p[1]).toArray()};
    }

    /** @return {@code {t, f(t)}} at {@value #CURVE_SAMPLES} evenly spaced times from {@code t0} to {@code t1} */
    static double[][] fittedCurve(FitResult fit, double t0, double t1) {
        double[] t = new double[CURVE_SAMPLES];
        double[] y = new double[CURVE_SAMPLES];
        for (int i = 0; i < CURVE_SAMPLES; i++) {
            t[i] = t0 + (t1 - t0) * i / (CURVE_SAMPLES - 1);
            y[i] = fit.valueAt(t[i]);
        }
        return new double[][] {t, y};
    }
}
