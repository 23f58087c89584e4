package org.ceusperfusion.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.ceusperfusion.synth.CurveNoiseSampler;
import org.ceusperfusion.synth.MixtureCurve;
import org.ceusperfusion.synth.RealisticLoop;
import org.ceusperfusion.synth.RealisticLoopGenerator;
import org.ceusperfusion.synth.RealisticPhantoms;
import org.ceusperfusion.synth.RealisticSpec;
import org.ceusperfusion.tic.DestructionFlashDetector;
import org.junit.jupiter.api.Test;

/**
 * The drop at a destruction flash without refill and its 95 % interval, against the true drop, over many
 * noise draws of the realistic phantom (bubble speckle decorrelating over 1 s, multiplicative noise, a 5 %
 * region gain drifting over 5 s): the curve-level sampler of the phantom, whose ROI mean has the loop
 * generator's mean, variance and autocorrelation.
 */
class PrePostDifferenceTest {

    /** 200 draws of the tumour curve of {@code destructionNoRefill(81)}; the two flash frames are left out. */
    @Test
    void intervalCoversTheTrueDropAtItsNominalRate() {
        RealisticSpec spec = RealisticPhantoms.destructionNoRefill(81);
        RealisticLoop r = RealisticLoopGenerator.generate(spec);
        boolean[] mask = spec.base().tumour().mask(spec.base().width(), spec.base().height());
        MixtureCurve curve = r.truth().curve(mask);
        double truth = r.truth().replenishment().tumourA();
        double[] all = r.loop().timesS();
        int[] flash = r.truth().destructionFrames();
        double[] t = java.util.stream.IntStream.range(0, all.length)
                .filter(i -> i != flash[0] && i != flash[1]).mapToDouble(i -> all[i]).toArray();
        int draws = 200;
        int covered = 0;
        int found = 0;
        double sumErr = 0;
        double sumErr2 = 0;
        double sumHalf = 0;
        for (int k = 0; k < draws; k++) {
            double[] y = CurveNoiseSampler.sample(spec, t, curve::value, mask, 7000 + k);
            var d = DestructionFlashDetector.detectWithoutRefill(t, y);
            if (d.isEmpty()) {
                continue;
            }
            found++;
            CurveFindings.FlashStep s = PrePostDifference.of(t, y, d.get(), false);
            covered += s.ci95()[0] <= truth && truth <= s.ci95()[1] ? 1 : 0;
            double err = s.difference() - truth;
            sumErr += err;
            sumErr2 += err * err;
            sumHalf += (s.ci95()[1] - s.ci95()[0]) / 2;
        }
        double sd = Math.sqrt(sumErr2 / found - Math.pow(sumErr / found, 2));
        System.out.printf(Locale.ROOT, "no-refill drop, %d draws: found %d, truth %.1f, mean error %+.2f, SD %.2f,"
                + " mean half-width %.1f, coverage %d/%d%n", draws, found, truth, sumErr / found, sd,
                sumHalf / found, covered, found);
        assertEquals(draws, found, "every draw shows its flash");
        assertEquals(0, sumErr / found, 2.5 * sd / Math.sqrt(found), "no bias in the drop");
        double coverage = (double) covered / found;
        assertTrue(coverage >= 0.90 && coverage <= 0.98, "coverage " + coverage);
        assertTrue(sumHalf / found < 4 * sd, "the interval is not uselessly wide");
    }
}
