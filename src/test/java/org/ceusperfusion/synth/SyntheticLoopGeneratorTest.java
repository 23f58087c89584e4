package org.ceusperfusion.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.ceusperfusion.cine.CineLoop;
import org.junit.jupiter.api.Test;

class SyntheticLoopGeneratorTest {

    /** Default spec but 80 s long so the tail beyond the last frame is negligible. */
    private static SyntheticLoopSpec longSpec() {
        return SyntheticLoopSpec.defaults().withTiming(FrameTiming.regular(4, 321));
    }

    @Test
    void sameSeedGivesIdenticalFramesAndTruth() {
        SyntheticLoopSpec spec = SyntheticLoopSpec.defaults().withSpeckle(SpeckleMode.CORRELATED_2X2)
                .withTiming(new FrameTiming(5, 100, 0.2, 0.1));
        SyntheticLoop a = SyntheticLoopGenerator.generate(spec);
        SyntheticLoop b = SyntheticLoopGenerator.generate(spec);
        assertArrayEquals(a.loop().timesS(), b.loop().timesS());
        for (int k = 0; k < a.loop().frameCount(); k++) {
            assertArrayEquals(a.loop().frame(k), b.loop().frame(k), "frame " + k);
        }
        assertEquals(a.truth().tumour().auc(), b.truth().tumour().auc());
        SyntheticLoop c = SyntheticLoopGenerator.generate(spec.withSeed(spec.seed() + 1));
        assertFalse(Arrays.equals(a.loop().frame(30), c.loop().frame(30)), "another seed changes the speckle");
    }

    @Test
    void closedFormsMatchNumericalIntegrationOfTruthCurve() {
        SyntheticTruth truth = SyntheticLoopGenerator.generate(longSpec()).truth();
        for (RoiTruth r : new RoiTruth[] {truth.tumour(), truth.normal()}) {
            double dt = 0.002;
            double area = 0;
            double moment = 0;
            double peak = 0;
            double peakT = 0;
            for (double t = r.t0S(); t < r.t0S() + 300; t += dt) {
                double v = r.curve().value(t + dt / 2);
                area += v * dt;
                moment += v * (t + dt / 2 - r.t0S()) * dt;
                if (v > peak) {
                    peak = v;
                    peakT = t + dt / 2;
                }
            }
            assertEquals(r.auc(), area, 1e-4 * r.auc(), r.name() + " AUC");
            assertEquals(r.mttS(), moment / area, 1e-3 * r.mttS(), r.name() + " mTT");
            assertEquals(r.pe(), peak, 1e-4 * r.pe(), r.name() + " PE");
            assertEquals(r.ttpS(), peakT, 2e-3, r.name() + " TTP");
        }
    }

    @Test
    void referenceTestVectorOfPerfusionReference() {
        BolusSpec b = BolusSpec.of(100, Math.log(20), 0.6, 5);
        assertEquals(3.9802, b.peak(100), 1e-4);
        assertEquals(18.9535, 5 + b.modeFromOnsetS(), 1e-4);
        assertEquals(23.9442, b.mttS(), 23.9442e-3, "the reference's 1e-3 relative tolerance");
        assertEquals(20 * Math.exp(0.18), b.mttS(), 1e-12);
    }

    @Test
    void noiseFreeRoiMeanReproducesTruthCurve() {
        SyntheticLoopSpec spec = longSpec().noiseFree();
        SyntheticLoop s = SyntheticLoopGenerator.generate(spec);
        CineLoop loop = s.loop();
        for (RoiTruth r : new RoiTruth[] {s.truth().tumour(), s.truth().normal()}) {
            boolean[] mask = SynthTestSupport.imageJOval(loop.width(), loop.height(), r.spec());
            double[] mean = SynthTestSupport.meanLinear(loop, mask, spec.dynamicRangeDb());
            double[] t = loop.timesS();
            double auc = SynthTestSupport.trapezoid(t, mean, r.baseline());
            double windowArea = r.curve().areaUntil(t[t.length - 1]);
            assertEquals(windowArea, auc, 0.002 * windowArea, r.name() + " AUC of the ROI mean within the loop");
            assertEquals(r.auc(), auc, 0.01 * r.auc(), r.name() + " AUC of the ROI mean vs the full truth");
            double worst = 0;
            for (int k = 0; k < t.length; k++) {
                worst = Math.max(worst, Math.abs(mean[k] - r.baseline() - r.curve().value(t[k])));
            }
            assertTrue(worst < 0.02 * r.pe(), r.name() + " worst frame error " + worst + " vs PE " + r.pe());
        }
    }

    @Test
    void speckledRoiMeanEstimatesTruthWithinFewPercent() {
        for (SpeckleMode mode : new SpeckleMode[] {SpeckleMode.INDEPENDENT, SpeckleMode.CORRELATED_2X2}) {
            SyntheticLoopSpec spec = longSpec().withSpeckle(mode);
            SyntheticLoop s = SyntheticLoopGenerator.generate(spec);
            RoiTruth r = s.truth().tumour();
            boolean[] mask = SynthTestSupport.imageJOval(spec.width(), spec.height(), r.spec());
            double[] mean = SynthTestSupport.meanLinear(s.loop(), mask, spec.dynamicRangeDb());
            double auc = SynthTestSupport.trapezoid(s.loop().timesS(), mean, r.baseline());
            assertEquals(r.auc(), auc, 0.04 * r.auc(), mode + " AUC of the linearised ROI mean");
            double pre = 0;
            int n = 0;
            for (int k = 0; s.loop().timeS(k) < r.t0S(); k++, n++) {
                pre += mean[k];
            }
            assertEquals(r.baseline(), pre / n, 0.05 * r.baseline(), mode + " pre-contrast baseline");
        }
    }

    @Test
    void nonEnhancingFractionCountsImageJOvalPixelsThatNeverEnhance() {
        SyntheticLoopSpec spec = DemoLoops.day14().noiseFree();
        SyntheticLoop s = SyntheticLoopGenerator.generate(spec);
        RoiTruth r = s.truth().tumour();
        boolean[] mask = SynthTestSupport.imageJOval(spec.width(), spec.height(), r.spec());
        int inRoi = 0;
        int flat = 0;
        for (int i = 0; i < mask.length; i++) {
            if (!mask[i]) {
                continue;
            }
            inRoi++;
            boolean enhances = false;
            for (int k = 1; k < s.loop().frameCount() && !enhances; k++) {
                enhances = s.loop().frame(k)[i] != s.loop().frame(0)[i];
            }
            flat += enhances ? 0 : 1;
        }
        assertEquals(inRoi, r.areaPx());
        assertEquals(flat, r.nonEnhancingPx());
        assertEquals(flat / (double) inRoi, r.nonEnhancingFraction(), 1e-12);
    }

    @Test
    void onsetJitterGivesNumericTruthWithExactArea() {
        SyntheticLoopSpec spec = longSpec().withTumourBolus(longSpec().tumourBolus().withT0Jitter(1.5)).noiseFree();
        SyntheticLoop s = SyntheticLoopGenerator.generate(spec);
        RoiTruth r = s.truth().tumour();
        assertFalse(r.closedForm());
        assertTrue(r.t0S() >= 2.5 && r.t0S() < 2.6, "earliest onset " + r.t0S());
        assertEquals(r.auc(), r.curve().totalArea(), 1e-9 * r.auc());
        assertEquals(r.auc(), r.curve().areaUntil(1000), 1e-6 * r.auc());
        double dt = 0.02;
        double area = 0;
        double moment = 0;
        for (double t = r.t0S(); t < r.t0S() + 150; t += dt) {
            double v = r.curve().value(t + dt / 2);
            area += v * dt;
            moment += v * (t + dt / 2 - r.t0S()) * dt;
        }
        assertEquals(r.auc(), area, 1e-3 * r.auc());
        assertEquals(r.mttS(), moment / area, 1e-3 * r.mttS());
        assertEquals(r.pe(), r.curve().value(r.ttpS()), 1e-12);
        assertTrue(r.curve().value(r.ttpS() - 0.01) <= r.pe() && r.curve().value(r.ttpS() + 0.01) <= r.pe());
        boolean[] mask = SynthTestSupport.imageJOval(spec.width(), spec.height(), r.spec());
        double[] mean = SynthTestSupport.meanLinear(s.loop(), mask, spec.dynamicRangeDb());
        assertEquals(r.auc(), SynthTestSupport.trapezoid(s.loop().timesS(), mean, r.baseline()), 0.01 * r.auc());
    }

    @Test
    void irregularTimesAreSeededIncreasingAndStartAtZero() {
        FrameTiming timing = new FrameTiming(10, 500, 0.3, 0.2);
        double[] t = timing.times(new java.util.SplittableRandom(7));
        assertEquals(0, t[0]);
        assertTrue(t.length < 450 && t.length > 350, "about 20 % dropped: " + t.length);
        for (int i = 1; i < t.length; i++) {
            assertTrue(t[i] > t[i - 1], "increasing at " + i);
            assertEquals(t[i], Math.rint(t[i] * 1e4) / 1e4, 1e-12, "0.1 ms grid");
        }
        assertArrayEquals(t, timing.times(new java.util.SplittableRandom(7)));
        assertFalse(timing.isRegular());
        assertArrayEquals(new double[] {0, 0.25, 0.5}, FrameTiming.regular(4, 3).times(null));
    }

    @Test
    void logCompressionInvertsAndDoublingAddsThreeDecibels() {
        double dr = 40;
        for (double p : new double[] {1, 3.7, 32, 250, 9000}) {
            int g = SyntheticLoopGenerator.compress(p, dr, 255);
            double back = SyntheticLoopGenerator.linearise(g, dr, 255);
            double halfStep = Math.pow(10, 0.5 * dr / 2550) - 1;
            assertEquals(p, back, p * halfStep * 1.0001, "P=" + p);
        }
        int g1 = SyntheticLoopGenerator.compress(100, dr, 255);
        int g2 = SyntheticLoopGenerator.compress(200, dr, 255);
        assertEquals(255 * 3.0103 / dr, g2 - g1, 1.0);
        assertEquals(0, SyntheticLoopGenerator.compress(0.5, dr, 255));
        assertEquals(255, SyntheticLoopGenerator.compress(1e5, dr, 255));
    }

    @Test
    void badSpecsAreRejected() {
        SyntheticLoopSpec spec = SyntheticLoopSpec.defaults();
        assertThrows(IllegalArgumentException.class,
                () -> SyntheticLoopGenerator.generate(spec.withNormal(Ellipse.ofBox(50, 30, 20, 20), spec.normalBolus())));
        assertThrows(IllegalArgumentException.class,
                () -> SyntheticLoopGenerator.generate(spec.withTumour(new Ellipse(60.3, 42, 20, 15), null)));
        assertThrows(IllegalArgumentException.class,
                () -> SyntheticLoopGenerator.generate(spec.withTumour(Ellipse.ofBox(100, 70, 40, 30), null)));
        assertThrows(IllegalArgumentException.class, () -> spec.withDynamicRangeDb(0));
        assertThrows(IllegalArgumentException.class, () -> new FrameTiming(4, 10, 0.6, 0));
    }

    @Test
    void oursAndImageJOvalMasksAgree() {
        for (int w = 1; w <= 45; w += 2) {
            for (int h = 2; h <= 40; h += 3) {
                boolean[] ours = Ellipse.ofBox(3, 4, w, h).mask(50, 50);
                boolean[] ij = SynthTestSupport.imageJOval(50, 50, "oval:3,4," + w + "," + h);
                assertArrayEquals(ij, ours, w + "x" + h);
            }
        }
    }
}
