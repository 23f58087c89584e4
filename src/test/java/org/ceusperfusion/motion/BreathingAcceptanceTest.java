package org.ceusperfusion.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.Analyzer;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.io.LoopReader;
import org.ceusperfusion.params.PerfusionParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance scenario on a generated side-by-side DICOM (B-mode left, contrast right, two
 * ultrasound regions) with 9 px vertical / 3 px horizontal breathing and a 2 s out-of-plane episode: with
 * motion correction the AUC is within 5 % of truth after the scaling measured on the same loop without
 * motion, and R² ≥ 0.985; without correction the AUC is off by more than 10 %.
 */
class BreathingAcceptanceTest {
    @TempDir
    Path tmp;

    @Test
    void motionCorrectionRecoversTheAucOfABreathingLoop() throws Exception {
        SideBySideLoop spec = SideBySideLoop.breathing(7);
        Path file = tmp.resolve("breathing.dcm");
        SideBySideDicom.write(spec.generate(), file);
        CineLoop loop = LoopReader.open(file, LoadOptions.NONE);
        assertEquals(2, loop.metadata().regions().size());
        Path still = tmp.resolve("still.dcm");
        SideBySideDicom.write(spec.still().generate(), still);

        AnalysisSettings plain = AnalysisSettings.logCompressed(SideBySideLoop.DR_DB);
        AnalysisSettings corrected = plain.withMotion(MotionSettings.defaults().withCorrection(true));
        double truth = spec.truthAuc();
        double scale = auc(analyze(LoopReader.open(still, LoadOptions.NONE), plain)) / truth;
        LoopAnalysis withMotion = analyze(loop, corrected);
        LoopAnalysis without = analyze(loop, plain);
        RoiAnalysis roi = withMotion.target();
        double errCorrected = auc(withMotion) / scale / truth - 1;
        double errPlain = auc(without) / scale / truth - 1;
        System.out.printf("breathing acceptance: truth AUC %.1f, static scale %.4f, corrected AUC error %+.2f %%,"
                        + " R² %.4f, uncorrected error %+.2f %% (R² %.4f), rejected %s, motion RMS %.2f px%n",
                truth, scale, 100 * errCorrected, roi.fit().r2(), 100 * errPlain, without.target().fit().r2(),
                roi.motion().selection().rejected().size(), roi.quality().motionRmsPx());

        assertEquals("bmode-panel", roi.motion().track().method());
        assertTrue(Math.abs(errCorrected) < 0.05, "corrected AUC error " + errCorrected);
        assertTrue(roi.fit().r2() >= 0.985, "R² " + roi.fit().r2());
        assertTrue(Math.abs(errPlain) > 0.10, "uncorrected AUC error " + errPlain);
        // the out-of-plane episode (30-32 s at 6 fps: frames 181-192) and nothing else is rejected
        List<Integer> rejected = roi.motion().selection().rejected().stream().map(RejectedFrame::frame).toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(181, 192).boxed().toList(), rejected);
        assertTrue(roi.motion().selection().rejected().stream().allMatch(r -> r.reason().equals("out-of-plane")));
        assertTrue(roi.quality().interpretable(), roi.quality().toString());
        assertFalse(roi.quality().flags().contains("autocorrelated-residuals"), roi.quality().toString());
        assertTrue(without.target().quality().flags().contains("autocorrelated-residuals"),
                without.target().quality().toString());
    }

    private static LoopAnalysis analyze(CineLoop loop, AnalysisSettings s) {
        return Analyzer.analyze(loop, null, List.of(SideBySideLoop.breathing(7).roi()), null, s);
    }

    private static double auc(LoopAnalysis a) {
        return a.target().parameters().value(PerfusionParameter.AUC);
    }
}
