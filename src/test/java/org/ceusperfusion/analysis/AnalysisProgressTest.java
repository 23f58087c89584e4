package org.ceusperfusion.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.roi.RoiSpecParser;
import org.ceusperfusion.synth.RealisticLoop;
import org.ceusperfusion.synth.RealisticLoopGenerator;
import org.ceusperfusion.synth.RealisticPhantoms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cancellation seam of {@link Analyzer}: every frame read is reported, a request to stop is honoured at the
 * next frame (also with motion correction, whose tracking reads the frames itself), and watching does not
 * change a single number.
 */
class AnalysisProgressTest {
    static RealisticLoop phantom;
    static RoiMask roi;
    static AnalysisSettings settings;

    @BeforeAll
    static void loop() {
        phantom = RealisticLoopGenerator.generate(RealisticPhantoms.heterogeneousTumour(4, 10, 52));
        roi = RoiSpecParser.parse(phantom.truth().tumour().spec(), "tumour");
        settings = AnalysisSettings.logCompressed(phantom.truth().realistic().base().dynamicRangeDb());
    }

    /** Counts frame reads and stops after {@code stopAfter} of them (never with a negative value). */
    static final class Counting implements AnalysisProgress {
        final int stopAfter;
        final List<Integer> read = new ArrayList<>();

        Counting(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public void frameRead(int index, int total) {
            read.add(index);
        }

        @Override
        public boolean cancelled() {
            return stopAfter >= 0 && read.size() >= stopAfter;
        }
    }

    @Test
    void watchedAnalysisGivesExactlyTheNumbersOfTheUnwatchedOneAndReportsEveryFrame() {
        LoopAnalysis plain = Analyzer.analyze(phantom.loop(), null, List.of(roi), null, settings);
        Counting c = new Counting(-1);
        LoopAnalysis watched = Analyzer.analyze(phantom.loop(), null, List.of(roi), null, settings, c);
        for (PerfusionParameter p : PerfusionParameter.values()) {
            assertEquals(plain.target().parameters().value(p), watched.target().parameters().value(p), 0.0,
                    p.label());
            assertEquals(plain.target().parameters().ci(p)[0], watched.target().parameters().ci(p)[0], 0.0,
                    p.label() + " lower bound");
        }
        int n = phantom.loop().frameCount();
        assertTrue(c.read.size() >= n, "every frame of the pass reported: " + c.read.size() + " of " + n);
        for (int i = 0; i < n; i++) {
            assertEquals(i, c.read.get(i), "the frame pass reads the frames in order");
        }
    }

    @Test
    void stopRequestedMidPassEndsTheAnalysisAtTheNextFrame() {
        int n = phantom.loop().frameCount();
        Counting c = new Counting(n / 3);
        assertThrows(AnalysisCancelledException.class,
                () -> Analyzer.analyze(phantom.loop(), null, List.of(roi), null, settings, c));
        assertEquals(n / 3, c.read.size(), "no frame read after the request");
    }

    @Test
    void stopIsHonouredDuringMotionTrackingToo() {
        Counting c = new Counting(5);
        AnalysisSettings moving = settings.withMotion(settings.motion().withCorrection(true));
        assertThrows(AnalysisCancelledException.class,
                () -> Analyzer.analyze(phantom.loop(), null, List.of(roi), null, moving, c));
        assertEquals(5, c.read.size(), "no frame read after the request");
    }
}
