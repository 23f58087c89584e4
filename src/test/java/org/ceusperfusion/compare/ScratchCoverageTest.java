package org.ceusperfusion.compare;

import java.util.List;
import org.ceusperfusion.analysis.*;
import org.ceusperfusion.params.*;
import org.ceusperfusion.roi.RoiSpecParser;
import org.ceusperfusion.synth.*;
import org.junit.jupiter.api.Test;

class ScratchCoverageTest {
    @Test
    void coverage() {
        int n = Integer.getInteger("scratch.n", 20);
        int[] hitOls = new int[4], hitRob = new int[4];
        double sumBias = 0; int chOls = 0, chRob = 0; double[] prev = new double[4];
        for (int s = 0; s < n; s++) {
            for (int which = 0; which < 2; which++) {
                SyntheticLoopSpec spec = (which == 0 ? DemoLoops.baseline() : DemoLoops.day14()).withSeed(5000 + 17 * s + which);
                SyntheticLoop sl = SyntheticLoopGenerator.generate(spec);
                var truth = sl.truth().tumour();
                LoopAnalysis a = Analyzer.analyze(sl.loop(), null, List.of(RoiSpecParser.parse(truth.spec(), "t")), null,
                        AnalysisSettings.logCompressed(40));
                RoiAnalysis r = a.target();
                ParameterEstimates rob = RobustUncertainty.widened(r);
                double[] co = r.parameters().ci(PerfusionParameter.AUC), cr = rob.ci(PerfusionParameter.AUC);
                double[] po = r.parameters().ci(PerfusionParameter.PE), pr = rob.ci(PerfusionParameter.PE);
                double v = r.parameters().value(PerfusionParameter.AUC);
                if (which == 0) { prev = new double[] {v, co[0], co[1], truth.auc(), cr[0], cr[1]}; } else {
                    double tr = 100 * (truth.auc() / prev[3] - 1);
                    PercentChange o = PercentChange.between(prev[0], new double[] {prev[1], prev[2]}, v, co);
                    PercentChange rc = PercentChange.between(prev[0], new double[] {prev[4], prev[5]}, v, cr);
                    if (o.contains(tr)) chOls++; if (rc.contains(tr)) chRob++;
                }
                if (co[0] <= truth.auc() && truth.auc() <= co[1]) hitOls[which]++;
                if (cr[0] <= truth.auc() && truth.auc() <= cr[1]) hitRob[which]++;
                if (po[0] <= truth.pe() && truth.pe() <= po[1]) hitOls[2 + which]++;
                if (pr[0] <= truth.pe() && truth.pe() <= pr[1]) hitRob[2 + which]++;
                System.out.printf("seed %d %s AUC %.1f truth %.1f err %.2f%% olsHalf %.2f%% robHalf %.2f%% | PE %.2f truth %.2f olsHalf %.2f%% robHalf %.2f%%%n",
                        s, which == 0 ? "base" : "d14", v, truth.auc(), 100 * (v / truth.auc() - 1),
                        100 * (co[1] - co[0]) / 2 / v, 100 * (cr[1] - cr[0]) / 2 / v,
                        r.parameters().value(PerfusionParameter.PE), truth.pe(),
                        100 * (po[1] - po[0]) / 2 / truth.pe(), 100 * (pr[1] - pr[0]) / 2 / truth.pe());
            }
        }
        System.out.printf("AUC coverage ols base %d d14 %d / rob base %d d14 %d of %d%n", hitOls[0], hitOls[1], hitRob[0], hitRob[1], n);
        System.out.printf("AUC change coverage ols %d rob %d of %d%n", chOls, chRob, n);
        System.out.printf("PE coverage ols base %d d14 %d / rob base %d d14 %d of %d%n", hitOls[2], hitOls[3], hitRob[2], hitRob[3], n);
    }
}
