package org.ceusperfusion.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ceusperfusion.InputException;
import org.junit.jupiter.api.Test;

/** Change intervals with the patient in them (repeatability term) and clock-time shifts in seconds. */
class ChangeIntervalTest {

    @Test
    void repeatabilityTermIsAddedToTheLogRatioVariance() {
        // exact exams (SE 0): only the repeatability term 2·ln(1 + 0.15²) remains; normal quantile (known variance)
        PercentChange c = PercentChange.between(100, 0, 50, 50, 0, 50, 0.15);
        double sd = Math.sqrt(2 * Math.log1p(0.0225));
        assertEquals(sd, c.sdLogRatio(), 1e-12);
        assertEquals(100 * Math.expm1(Math.log(0.5) - PercentChange.Z95 * sd), c.lo(), 1e-9);
        assertEquals(100 * Math.expm1(Math.log(0.5) + PercentChange.Z95 * sd), c.hi(), 1e-9);
        // the responder probability uses the same variance: P(true ratio < 0.6)
        double z = (Math.log(0.6) - Math.log(0.5)) / sd;
        assertEquals(new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(z),
                c.probabilityBelow(-40), 1e-9);
    }

    @Test
    void measurementOnlyUsesStudentTOnWelchSatterthwaiteDegreesOfFreedom() {
        // SE/value 0.05 in both exams with 10 dof each: var 0.0025 + 0.0025, dof = 0.005² / (2·0.0025²/10) = 20
        PercentChange c = PercentChange.between(100, 5, 10, 50, 2.5, 10, 0);
        assertEquals(20, c.dof(), 1e-9);
        double tq = new org.apache.commons.math3.distribution.TDistribution(20).inverseCumulativeProbability(0.975);
        assertEquals(100 * Math.expm1(Math.log(0.5) - tq * Math.sqrt(0.005)), c.lo(), 1e-9);
        PercentChange wider = PercentChange.between(100, 5, 10, 50, 2.5, 10, 0.15);
        assertTrue(wider.lo() < c.lo() && wider.hi() > c.hi());
    }

    @Test
    void clockTimesChangeByADifferenceInSeconds() {
        TimeShift s = TimeShift.between(12.0, 0.3, 1e9, 14.5, 0.4, 1e9);
        assertEquals(2.5, s.diffS(), 1e-12);
        assertEquals(0.5, s.sd(), 1e-12);
        assertEquals(2.5 - PercentChange.Z95 * 0.5, s.lo(), 1e-6);
        assertTrue(s.contains(2.0) && !s.contains(1.0));
        assertTrue(ComparisonBuilder.isClockTime(org.ceusperfusion.params.PerfusionParameter.TTP));
        assertTrue(!ComparisonBuilder.isClockTime(org.ceusperfusion.params.PerfusionParameter.MTT));
    }

    @Test
    void labelsSayWhatTheChangeIntervalCovers() {
        assertEquals("measurement only", ComparisonOptions.DEFAULT.changeIntervalCovers());
        assertEquals("measurement + test-retest repeatability (CV 15 %)",
                ComparisonOptions.DEFAULT.withRepeatabilityCv(0.15).changeIntervalCovers());
        assertThrows(InputException.class, () -> ComparisonOptions.DEFAULT.withRepeatabilityCv(-0.1));
    }
}
