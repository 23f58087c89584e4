package org.ceusperfusion.model;

/** Area and mean transit time of a bolus model's curve by the trapezoid rule, to check its closed forms. */
final class CurveMoments {

    private CurveMoments() {
    }

    /**
     * @return {@code {area, first moment / area}} of {@code f − O} from the onset to {@code endS} on a 1 ms grid
     *         (area in a.u.·s, the moment measured from the onset, s)
     */
    static double[] areaAndMeanTransitTime(BolusModel m, double[] p, double endS) {
        double o = m.baseline(p);
        double t0 = m.onsetS(p);
        double area = 0;
        double moment = 0;
        double dt = 1e-3;
        for (double t = t0; t < endS; t += dt) {
            double f = 0.5 * (m.value(t, p) + m.value(t + dt, p)) - o;
            area += f * dt;
            moment += f * (t + 0.5 * dt - t0) * dt;
        }
        return new double[] {area, moment / area};
    }
}
