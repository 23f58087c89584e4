package org.ceusperfusion.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ceusperfusion.motion.RejectedFrame;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.roi.RoiSpecParser;
import org.ceusperfusion.synth.RealisticLoop;
import org.ceusperfusion.synth.RealisticLoopGenerator;
import org.ceusperfusion.synth.RealisticPhantoms;
import org.ceusperfusion.synth.RealisticSpec;
import org.ceusperfusion.synth.RoiTruth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole analysis on the realistic phantoms (synth/, exact truth): correlated speckle, multiplicative and
 * gain noise, coarse frame rates, recirculation, destruction flashes, artefact frames, contrast mode.
 * Seeds are fixed; every figure is checked against the phantom's truth.
 */
class RealisticPhantomAnalysisTest {

    static LoopAnalysis analyze(RealisticLoop r) {
        RoiTruth t = r.truth().tumour();
        var roi = RoiSpecParser.parse(t.spec(), "tumour");
        AnalysisSettings s = AnalysisSettings.logCompressed(r.truth().realistic().base().dynamicRangeDb());
        return Analyzer.analyze(r.loop(), null, List.of(roi), null, s);
    }

    static double pct(double value, double truth) {
        return 100 * (value - truth) / truth;
    }

    /**
     * Coarse fast boluses (rise 3 s from onset to peak, 1 and 2 frames/s, seeds 61–69 that nothing was tuned on), each
     * with a bright artefact frame (×50) inserted at 12 s in the wash-out: exactly that frame is rejected and no bolus
     * frame, TTP within 0.5 s of the truth. PE is checked on the same loops without the phantoms' 5 % region gain
     * noise: within 10 % on every loop and unbiased (mean error over the nine loops within 3 %).
     *
     * <p>Why: the fit is exact on the noise-free curve at 1 and 2 frames/s (PE error 0.00 %, TTP 0.000 s). With the
     * phantoms' noise model (CurveNoiseSampler, 40 draws) the PE error has mean +0.7 / −0.5 % and SD 7.4 / 5.8 % at 1 /
     * 2 frames/s, and SD 6.2 % at 10 frames/s; without the gain noise the SD is 3.6 / 2.8 / 2.3 %. The spread is the
     * gain drift over the peak, the same at every frame rate, not the sampling: no per-loop bound of 5 % can hold with
     * it. Measured here, PE error with the gain noise (without it), seeds 61–69: 1 frame/s −5.1 (+2.2), +1.1 (+3.0),
     * −6.0 (−5.0), −7.3 (+3.5), +4.0 (−2.3), −13.9 (−2.5), +12.4 (+2.7), +10.8 (+3.0), −8.5 (−1.7) %, mean without
     * +0.32 %; 2 frames/s +2.7 (+3.1), −3.0 (−0.1), −3.9 (−4.0), −4.1 (+2.9), +0.1 (+3.3), −12.6 (−7.3), +3.8
     * (+0.3), +9.4 (+3.2), −4.1 (−1.4) %, mean without 0.00 %. TTP error ≤ 0.11 s; only the artefact frame rejected.
     */
    @ParameterizedTest
    @CsvSource({"1", "2"})
    void coarseFastBolusKeepsItsPeak(double fps) {
        double sum = 0;
        int n = 0;
        for (long seed = 61; seed <= 69; seed++) {
            int artefact = (int) Math.round(12 * fps);
            RealisticSpec spec = RealisticPhantoms.withArtefactFlash(RealisticPhantoms.coarseFastBolus(fps, seed), 50,
                    artefact);
            RealisticLoop r = RealisticLoopGenerator.generate(spec);
            RoiAnalysis roi = analyze(r).target();
            RealisticLoop quiet = RealisticLoopGenerator.generate(spec.withRealism(spec.realism().withNoise(
                    spec.realism().multiplicativeCv(), 0, spec.realism().gainTauS())));
            RoiAnalysis still = analyze(quiet).target();
            RoiTruth t = r.truth().tumour();
            double pe = roi.parameters().value(PerfusionParameter.PE);
            double peQuiet = still.parameters().value(PerfusionParameter.PE);
            double ttp = roi.parameters().value(PerfusionParameter.TTP);
            System.out.printf("coarse %.0f fps seed %d: PE %+.1f %% (without gain noise %+.1f %%), TTP %.2f truth %.2f,"
                    + " rejected %s (artefact %d)%n", fps, seed, pct(pe, t.pe()), pct(peQuiet, t.pe()), ttp, t.ttpS(),
                    rejected(roi), artefact + 1);
            assertEquals(List.of(artefact + 1), rejected(roi), "only the artefact frame is rejected");
            assertEquals(List.of(artefact + 1), rejected(still), "only the artefact frame is rejected");
            assertEquals(t.ttpS(), ttp, 0.5, "TTP, seed " + seed);
            assertEquals(t.pe(), peQuiet, 0.10 * t.pe(), "PE without gain noise, seed " + seed);
            sum += pct(peQuiet, t.pe());
            n++;
        }
        System.out.printf("coarse %.0f fps: mean PE error without gain noise %+.2f %%%n", fps, sum / n);
        assertEquals(0, sum / n, 3.0, "mean PE error");
    }

    /**
     * Coarse fast boluses without the region gain drift, on seeds 261–272 that nothing was tuned on, with the bolus
     * peak on a frame (phase 0) and half-way between two frames (phase 0.5: onset shifted by half a frame), each with
     * a bright artefact frame (×50) at 12 s: exactly that frame is rejected, TTP within 0.5 s, and the PE error is the
     * data's own error at the peak. The latter is the relative deviation of the ROI curve from the true curve over
     * the frames whose true enhancement is at least 85 % of the true PE (the peak frame, or the two frames around
     * a peak between frames), measured with the fitted baseline: |PE error| may exceed |that error| by at most 2 %
     * points, so linearisation, ROI averaging, frame rejection and the fit together add at most 2 % to what the data
     * say (measured with the default unweighted fit: the two differ by at most 1.2 % points over the 48 loops; a
     * weighted fit, which leans on rise and wash-out, may land nearer the truth than the peak frames, hence one-sided);
     * and the mean PE error over the twelve loops is within 3 standard errors of 0.
     *
     * <p>Why not |PE error| ≤ 5 % on every loop: the ROI mean at the peak frame itself deviates from the truth by
     * 3.2 % (SD over 18 loops, mean +0.1 %): bubble speckle of the ROI, correlated over 1 s, so neighbouring frames
     * share it and no estimator averages it out over a 3-s rise. A loop whose peak frames sit 6–7 % low (seed 66 at 2
     * frames/s: TIC −7.0 % at the peak frame, −6.2 % over three) gives a PE 7 % low by any fit; the noise-free curve is
     * fitted exactly (0.00 %) at both phases. Measured here (mean, SD, loops within 5 %): 1 frame/s phase 0 −0.52 %,
     * 3.26 %, 11 of 12; phase 0.5 +0.03 %, 2.46 %, 12 of 12; 2 frames/s phase 0 −0.73 %, 3.87 %, 10 of 12; phase 0.5
     * −0.80 %, 3.38 %, 10 of 12. The five misses (−5.2 %, −5.5 %, +7.0 %, −5.2 %, +5.3 %) are loops whose curve sits
     * 4.2–6.7 % off the truth at the peak. TTP error ≤ 0.11 s.
     */
    @ParameterizedTest
    @CsvSource({"1, 0", "1, 0.5", "2, 0", "2, 0.5"})
    void coarseFastBolusPeIsTheDataSPeak(double fps, double phase) {
        double sum = 0;
        double sumSq = 0;
        int within5 = 0;
        int n = 0;
        for (long seed = 261; seed <= 272; seed++) {
            int artefact = (int) Math.round(12 * fps);
            RealisticSpec c = RealisticPhantoms.coarseFastBolus(fps, seed);
            var b = c.base().tumourBolus();
            c = new RealisticSpec(c.base().withTumourBolus(new org.ceusperfusion.synth.BolusSpec(b.meanArea(), b.mu(),
                    b.sigma(), b.t0S() + phase / fps, b.amplitudeVariation(), b.variation(), b.t0JitterS())),
                    c.realism().withNoise(c.realism().multiplicativeCv(), 0, c.realism().gainTauS()));
            RealisticLoop r = RealisticLoopGenerator.generate(RealisticPhantoms.withArtefactFlash(c, 50, artefact));
            RoiAnalysis roi = analyze(r).target();
            RoiTruth t = r.truth().tumour();
            double pe = pct(roi.parameters().value(PerfusionParameter.PE), t.pe());
            double ttp = roi.parameters().value(PerfusionParameter.TTP);
            double data = peakDeviation(roi, t);
            System.out.printf("coarse no drift %.0f fps phase %.1f seed %d: PE %+.1f %%, data at the peak %+.1f %%, TTP"
                    + " %.2f truth %.2f, rejected %s (artefact %d)%n", fps, phase, seed, pe, data, ttp, t.ttpS(),
                    rejected(roi), artefact + 1);
            assertEquals(List.of(artefact + 1), rejected(roi), "only the artefact frame is rejected, seed " + seed);
            assertEquals(t.ttpS(), ttp, 0.5, "TTP, seed " + seed);
            assertTrue(Math.abs(pe) <= Math.abs(data) + 2.0, "PE error " + pe + " % against the data's own error at the"
                    + " peak " + data + " %, seed " + seed);
            sum += pe;
            sumSq += pe * pe;
            within5 += Math.abs(pe) <= 5 ? 1 : 0;
            n++;
        }
        double mean = sum / n;
        double sd = Math.sqrt((sumSq - n * mean * mean) / (n - 1));
        System.out.printf("coarse no drift %.0f fps phase %.1f: PE error mean %+.2f %%, SD %.2f %%, %d of %d within"
                + " 5 %%%n", fps, phase, mean, sd, within5, n);
        assertEquals(0, mean, 3 * sd / Math.sqrt(n), "mean PE error");
    }

    /**
     * Weaker artefact flashes, also 2 s after the peak where the curve still falls fast: a whole-frame ×3 or ×10 frame
     * at 9, 12 or 20 s of a coarse fast bolus (no gain drift, seeds 301–306) is rejected and nothing else. Measured:
     * 6 of 6 at every gain, time and rate, no other frame rejected (×50 too).
     */
    @ParameterizedTest
    @CsvSource({"1, 3, 9", "1, 10, 20", "2, 3, 9", "2, 10, 12"})
    void weakerFlashesInCoarseLoopsAreRejected(double fps, double gain, double atS) {
        for (long seed = 301; seed <= 306; seed++) {
            int frame = (int) Math.round(atS * fps);
            RealisticSpec c = RealisticPhantoms.coarseFastBolus(fps, seed);
            c = c.withRealism(c.realism().withNoise(c.realism().multiplicativeCv(), 0, c.realism().gainTauS()));
            RoiAnalysis roi = analyze(RealisticLoopGenerator.generate(RealisticPhantoms.withArtefactFlash(c, gain,
                    frame))).target();
            assertEquals(List.of(frame + 1), rejected(roi), "x" + gain + " flash at " + atS + " s, seed " + seed);
        }
    }

    /**
     * Relative deviation (%) of the ROI curve from the truth over the frames whose true enhancement is at least 85 %
     * of the true PE, above the fitted baseline.
     */
    private static double peakDeviation(RoiAnalysis roi, RoiTruth t) {
        double base = roi.fit().model().baseline(roi.fit().params());
        double[] times = roi.tic().timesS();
        double[] y = roi.tic().meanIntensity();
        double dev = 0;
        double truth = 0;
        for (int i = 0; i < times.length; i++) {
            double e = t.curve().value(times[i]);
            if (e >= 0.85 * t.pe()) {
                dev += y[i] - base - e;
                truth += e;
            }
        }
        return 100 * dev / truth;
    }

    private static List<Integer> rejected(RoiAnalysis roi) {
        return roi.motion() == null ? List.of()
                : roi.motion().selection().rejected().stream().map(RejectedFrame::frame).toList();
    }

    /** Artefact flash frames (bright ×50 and a dark ×0.02 frame) are rejected, and nothing else. */
    @ParameterizedTest
    @CsvSource({"21", "22"})
    void artefactFlashFramesAreRejected(long seed) {
        RealisticLoop r = RealisticLoopGenerator.generate(RealisticPhantoms.withArtefactFlash(seed));
        LoopAnalysis a = analyze(r);
        List<Integer> rejected = a.target().motion().selection().rejected().stream()
                .filter(f -> f.reason().equals(RejectedFrame.FLASH)).map(RejectedFrame::frame).toList();
        List<Integer> truth = java.util.Arrays.stream(r.truth().artefactFrames()).map(i -> i + 1).boxed().toList();
        System.out.println("artefact seed " + seed + ": rejected " + rejected + " truth " + truth);
        assertEquals(truth, rejected);
    }

    /**
     * Recirculation is fitted as a second term and the first pass reported. Each loop is analysed twice: with a
     * recirculation hump (delay after each pixel's onset, area fraction, width factor) and, as a paired control, the
     * same seed without it, so the error due to the recirculation is separated from the error the phantom's noise
     * (5 % region gain over 5 s, speckle) gives any first pass. Measured (AUC, mTT error; the control's in
     * brackets): 31: +5.3 (+5.0), −6.8 (−5.8); 32: +4.6 (+4.2), −0.2 (+1.3); 33: −3.2 (−2.1), +2.8 (+1.4); 41: +3.3
     * (+2.3), −6.0 (−5.9); 42: −0.5 (−1.3), +7.6 (+9.7); 43: +0.0 (+0.1), +4.0 (+3.2); 44: −0.6 (−0.6), +8.0 (+7.6);
     * 45: −5.8 (−6.1), −3.0 (−3.1); 46: +0.2 (−0.5), +1.1 (+0.7) %. The recirculation adds at most 1.1 % to the AUC
     * error and 2.1 % to the mTT error; the AUC misses of 5 % (seeds 31, 45) are the phantom's gain noise, which the
     * single pass of the same seed misses by as much (without the gain noise, curve-level: fit/RecirculationFitTest).
     * With the variance-weighted fit (the analysis default since session 14): AUC +5.8 (+5.4), +3.7 (+3.7), −1.6
     * (−1.4), +2.8 (+1.9), −1.1 (−1.8), +1.6 (+1.2), +0.4 (+0.1), −5.4 (−5.8), −0.6 (−1.1) %; mTT −0.5 (+3.2), +0.7
     * (+2.2), +2.0 (+3.4), −3.7 (−4.2), +4.5 (+9.5), +0.5 (−0.0), −1.0 (−2.0), −2.6 (−2.9), +1.1 (−0.7) % — with the
     * recirculation the mTT error is now often smaller than the control's.
     * Asserted: mTT within the acceptance's 10 %, AUC within 7 %, and each error at most 2 % / 3 % larger (in
     * absolute value) than the paired control's.
     */
    @ParameterizedTest
    @CsvSource({"31, 15, 0.3, 1.5", "32, 15, 0.3, 1.5", "33, 15, 0.3, 1.5", "41, 15, 0.2, 1.5", "42, 18, 0.4, 1.5",
        "43, 20, 0.3, 1.3", "44, 22, 0.2, 2.0", "45, 25, 0.4, 1.5", "46, 25, 0.3, 1.8"})
    void recirculationIsFittedAsASecondTerm(long seed, double delayS, double area, double width) {
        RealisticSpec spec = RealisticPhantoms.recirculation(seed);
        RealisticSpec with = spec.withRealism(spec.realism().withRecirculation(
                new org.ceusperfusion.synth.Realism.Recirculation(delayS, area, width)));
        RealisticSpec without = spec.withRealism(spec.realism().withRecirculation(null));
        RealisticLoop r = RealisticLoopGenerator.generate(with);
        RoiAnalysis roi = analyze(r).target();
        RoiAnalysis control = analyze(RealisticLoopGenerator.generate(without)).target();
        RoiTruth fp = r.truth().tumourFirstPass();
        double auc = roi.parameters().value(PerfusionParameter.AUC);
        double mtt = roi.parameters().value(PerfusionParameter.MTT);
        double auc0 = control.parameters().value(PerfusionParameter.AUC);
        double mtt0 = control.parameters().value(PerfusionParameter.MTT);
        System.out.printf("recirculation seed %d delay %.0f area %.1f width %.1f: %s AUC %+.1f %% (no recirculation"
                + " %+.1f %%), mTT %+.1f %% (%+.1f %%), control %s%n", seed, delayS, area, width,
                roi.findings().windowReason(), pct(auc, fp.auc()), pct(auc0, fp.auc()), pct(mtt, fp.mttS()),
                pct(mtt0, fp.mttS()), control.findings().windowReason());
        assertEquals(CurveFindings.RECIRCULATION, roi.findings().windowReason());
        assertEquals(CurveFindings.WHOLE_CURVE, control.findings().windowReason());
        assertEquals(fp.auc(), auc, 0.07 * fp.auc(), "first-pass AUC");
        assertEquals(fp.mttS(), mtt, 0.10 * fp.mttS(), "first-pass mTT");
        assertTrue(Math.abs(pct(auc, fp.auc())) <= Math.abs(pct(auc0, fp.auc())) + 2.0,
                "AUC error added by the recirculation");
        assertTrue(Math.abs(pct(mtt, fp.mttS())) <= Math.abs(pct(mtt0, fp.mttS())) + 3.0,
                "mTT error added by the recirculation");
    }

    /**
     * Destruction flash without refill (bolus, plateau, flash, floor): the fit window ends before the flash, the
     * pre/post difference is reported (measured 277.2 and 279.4 against 289.1 and 289.9: −4.1 %, −3.6 %; no bias
     * over 50 loops, the error is the phantom's 5 % gain drift; the interval's coverage is measured over many draws
     * in {@link PrePostDifferenceTest}), and the non-enhancing fraction is still the core's.
     */
    @ParameterizedTest
    @CsvSource({"81", "82"})
    void destructionWithoutRefillStopsTheWindow(long seed) {
        RealisticLoop r = RealisticLoopGenerator.generate(RealisticPhantoms.destructionNoRefill(seed));
        RoiAnalysis roi = analyze(r).target();
        var truth = r.truth().replenishment();
        var step = roi.findings().flashStep();
        System.out.printf("no refill seed %d: window end %.2f s (flash %.2f s, %s), status %s, drop %.1f [%.1f, %.1f]"
                + " truth plateau %.1f, quality %s %s, non-enhancing %.4f truth %.4f%n", seed, roi.fit().windowEndS(),
                truth.tfS(), roi.findings().windowReason(), roi.fit().status(), step.difference(), step.ci95()[0],
                step.ci95()[1], truth.tumourA() * (1 - truth.floorFraction()), roi.quality().status(),
                roi.quality().flags(), roi.nonEnhancingFraction(), r.truth().tumour().nonEnhancingFraction());
        assertEquals(CurveFindings.DESTRUCTION_FLASH, roi.findings().windowReason());
        assertTrue(roi.fit().windowEndS() < truth.tfS(), "window ends before the flash");
        assertTrue(!step.refill());
        double dropTruth = truth.tumourA() * (1 - truth.floorFraction());
        assertEquals(dropTruth, step.difference(), 0.05 * dropTruth, "pre/post difference");
        assertEquals(r.truth().tumour().nonEnhancingFraction(), roi.nonEnhancingFraction(), 0.05);
    }

    /**
     * Destruction with refill: replenishment results under their own names, PE/mTT not filled; the non-enhancing
     * fraction takes the post-flash floor as baseline. (β measured 0.688 for a true 0.5 on this seed: one curve's β
     * scatters by 21 %; over many draws it is unbiased, see {@link ReplenishmentPhantomTest}.)
     */
    @ParameterizedTest
    @CsvSource({"91"})
    void replenishmentIsNotFiledAsABolus(long seed) {
        RealisticLoop r = RealisticLoopGenerator.generate(RealisticPhantoms.destructionWithRefill(seed));
        RoiTruth t = r.truth().tumour();
        var roi = RoiSpecParser.parse(t.spec(), "tumour");
        AnalysisSettings s = new AnalysisSettings(r.truth().realistic().base().dynamicRangeDb(), false, "replenishment");
        RoiAnalysis a = Analyzer.analyze(r.loop(), null, List.of(roi), null, s).target();
        var truth = r.truth().replenishment();
        double beta = a.fit().params()[org.ceusperfusion.model.ReplenishmentModel.BETA];
        System.out.printf("refill seed %d: beta %.3f truth %.3f, step %s, PE %s, non-enhancing %.4f truth %.4f%n", seed,
                beta, truth.betaPerS(), a.findings().flashStep().refill(), a.parameters().value(PerfusionParameter.PE),
                a.nonEnhancingFraction(), t.nonEnhancingFraction());
        assertTrue(Double.isNaN(a.parameters().value(PerfusionParameter.PE)), "no PE for a replenishment");
        assertTrue(a.findings().flashStep().refill());
        assertEquals(t.nonEnhancingFraction(), a.nonEnhancingFraction(), 0.05);
    }
}
