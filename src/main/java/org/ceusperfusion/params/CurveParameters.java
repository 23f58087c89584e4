package org.ceusperfusion.params;

import static org.ceusperfusion.params.PerfusionParameter.AUC;
import static org.ceusperfusion.params.PerfusionParameter.FT;
import static org.ceusperfusion.params.PerfusionParameter.MTT;
import static org.ceusperfusion.params.PerfusionParameter.PE;
import static org.ceusperfusion.params.PerfusionParameter.QOF;
import static org.ceusperfusion.params.PerfusionParameter.RT;
import static org.ceusperfusion.params.PerfusionParameter.T0;
import static org.ceusperfusion.params.PerfusionParameter.TI;
import static org.ceusperfusion.params.PerfusionParameter.TO;
import static org.ceusperfusion.params.PerfusionParameter.TTP;
import static org.ceusperfusion.params.PerfusionParameter.WIAUC;
import static org.ceusperfusion.params.PerfusionParameter.WIPI;
import static org.ceusperfusion.params.PerfusionParameter.WIR;
import static org.ceusperfusion.params.PerfusionParameter.WIWOAUC;
import static org.ceusperfusion.params.PerfusionParameter.WOAUC;
import static org.ceusperfusion.params.PerfusionParameter.WOR;

import java.util.Arrays;
import org.ceusperfusion.model.BolusModel;
import org.ceusperfusion.model.RecirculationModel;

/**
 * Point values of the perfusion parameters for one parameter vector of a bolus model
 * (no uncertainty). Instances are single-use.
 */
final class CurveParameters {

    /** The wash-out slope is searched up to this many rise times after the onset (or 3 mTT). */
    private static final double TAIL_RISE_TIMES = 20;
    /** Integral error target relative to PE × rise time. */
    private static final double INTEGRAL_TOL = 1e-10;

    private final BolusModel model;
    private final double[] p;
    private final double o;
    private final double[] v = new double[PerfusionParameter.values().length];

    /** A {@link RecirculationModel}'s parameters are those of its first-pass term. */
    CurveParameters(BolusModel model, double[] p) {
        RecirculationModel rm = model instanceof RecirculationModel r ? r : null;
        this.model = rm == null ? model : rm.firstPass();
        this.p = rm == null ? p : rm.firstPassParameters(p);
        this.o = this.model.baseline(this.p);
    }

    /** @return values indexed by {@link PerfusionParameter#ordinal()}; QOF is NaN */
    double[] compute() {
        Arrays.fill(v, Double.NaN);
        double t0 = model.onsetS(p);
        double ttp = model.timeToPeakS(p);
        set(PE, model.peakEnhancement(p));
        set(AUC, model.area(p));
        set(TTP, ttp);
        set(T0, t0);
        set(MTT, model.meanTransitTimeS(p));
        double rise = ttp - t0;
        if (!(rise > 0) || !Double.isFinite(rise) || !(v[PE.ordinal()] > 0)) {
            return v;
        }
        SlopeSearch s = new SlopeSearch(model, p, rise);
        washIn(s, t0, ttp, rise);
        washOut(s, t0, ttp, rise);
        set(WIWOAUC, v[WIAUC.ordinal()] + v[WOAUC.ordinal()]);
        v[QOF.ordinal()] = Double.NaN;
        return v;
    }

    private void washIn(SlopeSearch s, double t0, double ttp, double rise) {
        double[] w = s.extremeSlope(t0, ttp, t0, false, +1);
        double ti = w[0] - (model.value(w[0], p) - o) / w[1];
        set(WIR, w[1]);
        set(TI, ti);
        set(RT, ttp - ti);
        double wiAuc = integral(Math.max(ti, t0), ttp, rise);
        set(WIAUC, wiAuc);
        set(WIPI, wiAuc / (ttp - ti));
    }

    private void washOut(SlopeSearch s, double t0, double ttp, double rise) {
        double mtt = v[MTT.ordinal()];
        double end = t0 + Math.max(TAIL_RISE_TIMES * rise, Double.isFinite(mtt) ? 3 * mtt : 0);
        double[] w = s.extremeSlope(ttp, end, t0, true, -1);
        double to = w[0] - (model.value(w[0], p) - o) / w[1];
        set(WOR, w[1]);
        set(TO, to);
        set(FT, to - ttp);
        set(WOAUC, integral(ttp, to, rise));
    }

    /** ∫ (f − O) dt from a to b, a.u.·s. */
    private double integral(double a, double b, double rise) {
        double tol = INTEGRAL_TOL * v[PE.ordinal()] * rise;
        return Quadrature.integrate(t -> model.value(t, p) - o, a, b, tol);
    }

    private void set(PerfusionParameter q, double value) {
        v[q.ordinal()] = value;
    }
}
