package org.ceusperfusion.analysis;

import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.params.ParameterEstimates;
import org.ceusperfusion.params.PerfusionParameter;

/**
 * How much of the reported AUC was observed: the area of the fitted bolus (its first pass) above baseline between the first
 * and the last used sample, and the share of the AUC outside that span (extrapolated by the model).
 */
final class AucShare {
    private static final int STEPS = 4000;

    private AucShare() {
    }

    /**
     * @param fit        the fit
     * @param parameters its parameters (AUC)
     * @param usedTimesS times of the samples the fit was offered, s
     * @return {@code {aucObserved, extrapolatedShare}} (NaN without a fit or an AUC)
     */
    static double[] of(FitResult fit, ParameterEstimates parameters, double[] usedTimesS) {
        double auc = parameters.value(PerfusionParameter.AUC);
        if (!fit.hasParameters() || usedTimesS.length < 2 || !(auc > 0)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double a = usedTimesS[0];
        double b = usedTimesS[usedTimesS.length - 1];
        double base = fit.model().baseline(fit.params());
        double h = (b - a) / STEPS;
        double sum = 0;
        for (int i = 0; i <= STEPS; i++) {
            double w = i == 0 || i == STEPS ? 0.5 : 1;
            sum += w * (fit.firstPassValueAt(a + i * h) - base);
        }
        double observed = sum * h;
        return new double[] {observed, Math.max(0, 1 - observed / auc)};
    }
}
