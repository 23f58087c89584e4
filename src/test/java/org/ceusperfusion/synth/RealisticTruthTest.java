package org.ceusperfusion.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ceusperfusion.cine.CineLoop;
import org.junit.jupiter.api.Test;

/** Truth of the named realistic phantoms against independent computations on the loop and the pixel map. */
class RealisticTruthTest {
    private static final double DR = 40;

    /** Trapezoid integral of f over [a, b] with step h. */
    private static double integrate(java.util.function.DoubleUnaryOperator f, double a, double b, double h) {
        int n = (int) Math.ceil((b - a) / h);
        double s = 0;
        for (int i = 0; i < n; i++) {
            double t = a + i * h;
            s += 0.5 * (f.applyAsDouble(t) + f.applyAsDouble(t + h)) * h;
        }
        return s;
    }

    private static double roiMean(CineLoop loop, int k, boolean[] mask) {
        double[] p = PhantomStats.linear(loop, k, DR);
        double s = 0;
        int n = 0;
        for (int i = 0; i < p.length; i++) {
            if (mask[i]) {
                s += p[i];
                n++;
            }
        }
        return s / n;
    }

    @Test
    void recirculationFirstPassAndWholeCurveTruthsFollowFromTheCurveNumerically() {
        RealisticSpec spec = RealisticPhantoms.recirculation(7);
        RealisticTruth t = RealisticLoopGenerator.generate(spec.withBase(spec.base()
                .withTiming(FrameTiming.regular(10, 801)))).truth();
        boolean[] mask = spec.base().tumour().mask(120, 90);
        MixtureCurve c = t.curve(mask);
        double whole = integrate(c::value, 0, 400, 0.005);
        double first = integrate(c::firstPassValue, 0, 400, 0.005);
        assertEquals(first, t.tumourFirstPass().auc(), 1e-4 * first);
        assertEquals(whole, t.tumour().auc(), 1e-4 * whole);
        assertEquals(1.3, t.tumour().auc() / t.tumourFirstPass().auc(), 1e-12);
        double t0 = t.tumour().t0S();
        double m1 = integrate(x -> (x - t0) * c.firstPassValue(x), 0, 400, 0.005) / first;
        double mw = integrate(x -> (x - t0) * c.value(x), 0, 400, 0.005) / whole;
        assertEquals(m1, t.tumourFirstPass().mttS(), 1e-3 * m1);
        assertEquals(mw, t.tumour().mttS(), 1e-3 * mw);
        assertTrue(t.tumour().mttS() > t.tumourFirstPass().mttS() + 3, "recirculation lengthens mTT");
        // the hump (15 s later, 30 %, 1.5x wider) does not lift the first peak by more than its own tail
        assertEquals(t.tumourFirstPass().pe(), t.tumour().pe(), 0.02 * t.tumour().pe());
        assertEquals(t.tumourFirstPass().pe(), c.firstPassValue(t.tumourFirstPass().ttpS()), 1e-9);
    }

    @Test
    void necroticFractionOfAnyRoiIsItsCoreShareAndTheRimCountsAsPerfused() {
        RealisticSpec spec = RealisticPhantoms.weakRimNecrosis(3, 0.15, 2);
        RealisticTruth t = RealisticLoopGenerator.generate(spec.withBase(spec.base()
                .withTiming(FrameTiming.regular(10, 5)))).truth();
        PixelTruth px = t.pixels();
        Ellipse core = spec.base().core();
        Ellipse[] rois = {spec.base().tumour(), Ellipse.ofBox(50, 34, 20, 16), Ellipse.ofBox(44, 30, 12, 10)};
        for (Ellipse roi : rois) {
            int n = 0;
            int dead = 0;
            for (int y = 0; y < 90; y++) {
                for (int x = 0; x < 120; x++) {
                    if (roi.containsPixel(x, y)) {
                        n++;
                        dead += core.containsPixel(x, y) && spec.base().tumour().containsPixel(x, y) ? 1 : 0;
                    }
                }
            }
            assertEquals(dead / (double) n, px.necroticFraction(roi), 1e-15, roi.toString());
        }
        int rim = 0;
        for (int y = 0; y < 90; y++) {
            for (int x = 0; x < 120; x++) {
                if (px.region(x, y) == PixelTruth.RIM) {
                    rim++;
                    assertTrue(px.perfused(x, y));
                    assertEquals(0.15 * spec.base().normalBolus().meanArea(), px.area(x, y), 1e-9);
                }
            }
        }
        assertTrue(rim > 50, "rim pixels: " + rim);
        assertEquals(t.tumour().nonEnhancingFraction(), px.necroticFraction(spec.base().tumour()), 0);
    }

    @Test
    void onsetSpreadKeepsTheAreaLowersThePeakAndDelaysTheSurround() {
        RealisticSpec plain = RealisticPhantoms.heterogeneousTumour(0, 10, 9);
        RealisticSpec spread = RealisticPhantoms.heterogeneousTumour(3, 10, 9);
        RealisticTruth a = RealisticLoopGenerator.generate(plain.withBase(plain.base().withTiming(FrameTiming.regular(10, 401)))).truth();
        RealisticTruth b = RealisticLoopGenerator.generate(spread.withBase(spread.base().withTiming(FrameTiming.regular(10, 401)))).truth();
        assertEquals(a.tumour().auc(), b.tumour().auc(), 1e-9 * a.tumour().auc());
        assertTrue(b.tumour().pe() < a.tumour().pe(), "spread lowers the ROI-mean peak");
        assertEquals(1.0, b.tumour().t0S(), 0.05);
        assertEquals(14.0, b.normal().t0S(), 1e-12);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int y = 0; y < 90; y++) {
            for (int x = 0; x < 120; x++) {
                if (b.pixels().region(x, y) == PixelTruth.TUMOUR) {
                    lo = Math.min(lo, b.pixels().onsetS(x, y));
                    hi = Math.max(hi, b.pixels().onsetS(x, y));
                }
            }
        }
        assertTrue(lo >= 1 && lo < 1.1 && hi <= 7 && hi > 6.9, lo + ".." + hi);
    }

    @Test
    void coarseFastBolusRisesOverThreeSamplesAt1Fps() {
        RealisticTruth t = RealisticLoopGenerator.generate(RealisticPhantoms.coarseFastBolus(1, 4)).truth();
        assertEquals(7.0, t.tumour().ttpS(), 1e-3);
        int rising = 0;
        for (double x : t.timesS()) {
            rising += x > t.tumour().t0S() && x <= t.tumour().ttpS() + 1e-9 ? 1 : 0;
        }
        assertEquals(3, rising);
        assertEquals(41, t.timesS().length);
    }

    @Test
    void contrastModeIsBlackBeforeArrivalAndInTheCoreAndRecordsTopClipping() {
        RealisticLoop l = RealisticLoopGenerator.generate(RealisticPhantoms.contrastMode(false, 3));
        boolean[] core = l.truth().realistic().base().core().mask(120, 90);
        boolean[] tumour = l.truth().realistic().base().tumour().mask(120, 90);
        double[] times = l.truth().timesS();
        for (int k = 0; k < times.length; k++) {
            float[] f = l.loop().frame(k);
            for (int i = 0; i < f.length; i++) {
                if (times[k] < 4 || (core[i] && tumour[i])) {
                    assertTrue(f[i] <= 5, "grey " + f[i] + " at frame " + k);
                }
            }
        }
        assertEquals(0, l.truth().clippedTumourSamples());
        RealisticLoop c = RealisticLoopGenerator.generate(RealisticPhantoms.contrastMode(true, 3));
        long at255 = 0;
        for (int k = 0; k < times.length; k++) {
            float[] f = c.loop().frame(k);
            for (int i = 0; i < f.length; i++) {
                at255 += tumour[i] && f[i] == 255 ? 1 : 0;
            }
        }
        assertTrue(c.truth().clippedTumourFraction() > 0.05, "clipped " + c.truth().clippedTumourFraction());
        // clipped = above 255.5 before clamping; grey 255 also holds the unclipped samples in [254.5, 255.5)
        assertTrue(c.truth().clippedTumourSamples() <= at255 && c.truth().clippedTumourSamples() > 0.9 * at255,
                c.truth().clippedTumourSamples() + " clipped of " + at255 + " at 255");
    }

    @Test
    void destructionWithoutRefillStaysDownAndWithRefillRecovers() {
        for (boolean refill : new boolean[] {false, true}) {
            RealisticSpec s = refill ? RealisticPhantoms.destructionWithRefill(8) : RealisticPhantoms.destructionNoRefill(8);
            RealisticLoop l = RealisticLoopGenerator.generate(s);
            RealisticTruth t = l.truth();
            assertArrayEquals(new int[] {300, 301}, t.destructionFrames());
            boolean[] mask = s.base().tumour().mask(120, 90);
            double base = 0;
            for (int k = 0; k < 15; k++) {
                base += roiMean(l.loop(), k, mask) / 15;
            }
            double before = roiMean(l.loop(), 295, mask) - base;
            double flash = roiMean(l.loop(), 300, mask);
            double late = 0;
            for (int k = 560; k <= 600; k++) {
                late += (roiMean(l.loop(), k, mask) - base) / 41;
            }
            double plateau = t.replenishment().tumourA();
            assertEquals(plateau, before, 0.2 * plateau);
            assertTrue(flash > 10 * (base + plateau), "flash frame is bright");
            double expected = refill ? plateau * -Math.expm1(-0.5 * (58 - 30)) : 0;
            assertEquals(expected, late, 0.1 * plateau, "late enhancement, refill=" + refill);
        }
    }

    @Test
    void artefactFramesAreRecordedAndVisible() {
        RealisticLoop l = RealisticLoopGenerator.generate(RealisticPhantoms.withArtefactFlash(6));
        assertArrayEquals(new int[] {100, 200, 301, 302}, l.truth().artefactFrames());
        assertArrayEquals(new int[] {100, 200, 301, 302}, l.truth().flashFrames());
        boolean[] all = new boolean[120 * 90];
        java.util.Arrays.fill(all, true);
        for (int k : new int[] {100, 301, 302}) {
            assertTrue(roiMean(l.loop(), k, all) > 20 * roiMean(l.loop(), k - 5, all), "bright frame " + k);
        }
        assertTrue(roiMean(l.loop(), 200, all) < 0.1 * roiMean(l.loop(), 195, all), "dark frame 200");
    }

    @Test
    void realisticLoopsAreWritableWithTheirTruth(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        RealisticSpec s = RealisticPhantoms.recirculation(1);
        RealisticLoop l = RealisticLoopGenerator.generate(s.withBase(s.base().withTiming(FrameTiming.regular(10, 30))));
        for (LoopFormat f : new LoopFormat[] {LoopFormat.DICOM, LoopFormat.TIFF, LoopFormat.AVI_RAW}) {
            java.nio.file.Path p = dir.resolve("r." + f.name().toLowerCase(java.util.Locale.ROOT));
            RealisticLoopFiles.write(l, f, p);
            assertTrue(java.nio.file.Files.size(p) > 30 * 120 * 90);
            String json = java.nio.file.Files.readString(LoopFiles.truthPath(p));
            assertTrue(json.contains("\"firstPass\"") && json.contains("\"artefactFrames\""), json);
        }
    }
}
