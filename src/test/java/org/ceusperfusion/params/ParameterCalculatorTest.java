package org.ceusperfusion.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.FitStatus;
import org.ceusperfusion.model.LognormalModel;
import org.junit.jupiter.api.Test;

class ParameterCalculatorTest {

    private final LognormalModel m = new LognormalModel();
    private final double[] ref = {0, 100, Math.log(20), 0.6, 5};

    private static void rel(double expected, double actual, PerfusionParameter q) {
        assertEquals(expected, actual, 1e-3 * Math.abs(expected), q.label());
    }

    @Test
    void referenceVectorEveryValue() {
        double[] v = ParameterCalculator.values(m, ref);
        rel(100.000, v[PerfusionParameter.AUC.ordinal()], PerfusionParameter.AUC);
        rel(3.9802, v[PerfusionParameter.PE.ordinal()], PerfusionParameter.PE);
        rel(18.9535, v[PerfusionParameter.TTP.ordinal()], PerfusionParameter.TTP);
        rel(23.9442, v[PerfusionParameter.MTT.ordinal()], PerfusionParameter.MTT);
        rel(0.5800, v[PerfusionParameter.WIR.ordinal()], PerfusionParameter.WIR);
        rel(8.4486, v[PerfusionParameter.TI.ordinal()], PerfusionParameter.TI);
        rel(10.5049, v[PerfusionParameter.RT.ordinal()], PerfusionParameter.RT);
        rel(-0.1716, v[PerfusionParameter.WOR.ordinal()], PerfusionParameter.WOR);
        rel(44.3894, v[PerfusionParameter.TO.ordinal()], PerfusionParameter.TO);
        rel(25.4359, v[PerfusionParameter.FT.ordinal()], PerfusionParameter.FT);
        rel(27.2556, v[PerfusionParameter.WIAUC.ordinal()], PerfusionParameter.WIAUC);
        rel(59.6426, v[PerfusionParameter.WOAUC.ordinal()], PerfusionParameter.WOAUC);
        rel(86.8982, v[PerfusionParameter.WIWOAUC.ordinal()], PerfusionParameter.WIWOAUC);
        rel(2.5946, v[PerfusionParameter.WIPI.ordinal()], PerfusionParameter.WIPI);
        rel(5, v[PerfusionParameter.T0.ordinal()], PerfusionParameter.T0);
    }

    @Test
    void referenceVectorSlopeLocations() {
        double ttp = m.timeToPeakS(ref);
        SlopeSearch s = new SlopeSearch(m, ref, ttp - 5);
        double[] wi = s.extremeSlope(5, ttp, 5, false, +1);
        double[] wo = s.extremeSlope(ttp, 5 + 20 * (ttp - 5), 5, true, -1);
        assertEquals(11.2296, wi[0], 1e-3 * 11.2296);
        assertEquals(0.5800, wi[1], 1e-3 * 0.58);
        assertEquals(26.8052, wo[0], 1e-3 * 26.8052);
        assertEquals(-0.1716, wo[1], 1e-3 * 0.1716);
    }

    @Test
    void quadratureIntegratesKnownFunctions() {
        assertEquals(2.0, Quadrature.integrate(Math::sin, 0, Math.PI, 1e-12), 1e-12);
        assertEquals(Math.exp(3) - 1, Quadrature.integrate(Math::exp, 0, 3, 1e-12), 1e-10);
        assertEquals(0, Quadrature.integrate(Math::exp, 2, 2, 1e-12));
    }
}
