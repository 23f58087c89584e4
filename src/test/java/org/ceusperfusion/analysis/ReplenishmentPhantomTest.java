package org.ceusperfusion.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.ceusperfusion.model.ReplenishmentModel;
import org.ceusperfusion.model.ReplenishmentParameters;
import org.ceusperfusion.synth.CurveNoiseSampler;
import org.ceusperfusion.synth.MixtureCurve;
import org.ceusperfusion.synth.RealisticLoop;
import org.ceusperfusion.synth.RealisticLoopGenerator;
import org.ceusperfusion.synth.RealisticPhantoms;
import org.ceusperfusion.synth.RealisticSpec;
import org.junit.jupiter.api.Test;

/**
 * The destruction–replenishment fit against the phantom's truth (β = 0.5 /s) over many noise draws of the
 * realistic phantom's tumour curve (curve-level sampler: speckle τ 1 s, multiplicative noise, 5 % gain over 5 s).
 * The β of 0.688 seen on loop seed 91 was not a bias: one curve's β scatters by 21 % (the gain drift over the
 * 2 s refill), and over 20 rendered loops (seeds 200–219) β averaged 0.512 ± 0.028. Its intervals, pooled
 * before, covered β in 20 % and A in 53 % of the draws; they now use the correlated-noise sandwich.
 */
class ReplenishmentPhantomTest {

    @Test
    void betaAndPlateauAreUnbiasedOverManyDraws() {
        RealisticSpec spec = RealisticPhantoms.destructionWithRefill(91);
        RealisticLoop r = RealisticLoopGenerator.generate(spec);
        boolean[] mask = spec.base().tumour().mask(spec.base().width(), spec.base().height());
        MixtureCurve curve = r.truth().curve(mask);
        var truth = r.truth().replenishment();
        double[] all = r.loop().timesS();
        int[] flash = r.truth().destructionFrames();
        double[] t = java.util.stream.IntStream.range(0, all.length)
                .filter(i -> i != flash[0] && i != flash[1]).mapToDouble(i -> all[i]).toArray();
        int draws = 100;
        double[] beta = new double[draws];
        double[] a = new double[draws];
        double aTruth = Double.NaN;
        int betaCovered = 0;
        int aCovered = 0;
        RoiFitter fitter = new RoiFitter(ReplenishmentModel.LABEL);
        for (int k = 0; k < draws; k++) {
            double[] y = CurveNoiseSampler.sample(spec, t, curve::value, mask, 9000 + k);
            var outcome = fitter.fit(t, y);
            var fit = outcome.fit();
            double[] p = fit.params();
            beta[k] = p[ReplenishmentModel.BETA];
            a[k] = p[ReplenishmentModel.A];
            // the fit starts the refill at the last flash frame; the phantom at the first, one frame earlier:
            // in the fit's terms the plateau above its floor is A·e^(−β·Δtf)
            aTruth = truth.tumourA() * Math.exp(-truth.betaPerS() * (p[ReplenishmentModel.TF] - truth.tfS()));
            ReplenishmentParameters rp = outcome.replenishment();
            betaCovered += rp.betaCi()[0] <= truth.betaPerS() && truth.betaPerS() <= rp.betaCi()[1] ? 1 : 0;
            aCovered += rp.aCi()[0] <= aTruth && aTruth <= rp.aCi()[1] ? 1 : 0;
        }
        double[] mb = meanSd(beta);
        double[] ma = meanSd(a);
        System.out.printf(Locale.ROOT, "replenishment, %d draws: beta %.4f ± %.4f (SD %.4f) truth %.3f; A %.1f ± %.1f"
                + " (SD %.1f) truth %.1f (plateau %.1f); CI coverage beta %d, A %d%n", draws, mb[0],
                mb[1] / Math.sqrt(draws), mb[1], truth.betaPerS(), ma[0], ma[1] / Math.sqrt(draws), ma[1], aTruth,
                truth.tumourA(), betaCovered, aCovered);
        // measured: beta 0.4741 ± 0.0103 (SD 0.1034, 21 % per curve), A 276.9 ± 2.0 for 279.2; coverage 95 and 94 with
        // each measure's own ν (t on n − p with the same sandwich: 87 and 89)
        assertEquals(truth.betaPerS(), mb[0], 0.10 * truth.betaPerS(), "beta within 10 %");
        assertTrue(3 * mb[1] / Math.sqrt(draws) < 0.10 * truth.betaPerS(), "the draws resolve a 10 % bias in beta");
        assertEquals(aTruth, ma[0], 0.03 * aTruth, "A within 3 %");
        assertTrue(3 * ma[1] / Math.sqrt(draws) < 0.03 * aTruth, "the draws resolve a 3 % bias in A");
        assertTrue(betaCovered >= 85 && betaCovered <= 99, "beta interval coverage " + betaCovered);
        assertTrue(aCovered >= 90 && aCovered <= 99, "A interval coverage " + aCovered);
    }

    private static double[] meanSd(double[] v) {
        double m = java.util.Arrays.stream(v).average().orElse(Double.NaN);
        double ss = java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).sum();
        return new double[] {m, Math.sqrt(ss / (v.length - 1))};
    }
}
