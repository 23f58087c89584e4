package org.ceusperfusion.synth;

/** Computes the truth of the tumour and normal ROIs from the per-pixel map. Package-private. */
final class TruthCalculator {
    private static final double GRID_S = 0.001;
    private static final double COARSE_S = 0.05;

    private TruthCalculator() {
    }

    static SyntheticTruth truth(SyntheticLoopSpec spec, PixelMap map, double[] times) {
        boolean[] tumourMask = spec.tumour().mask(spec.width(), spec.height());
        boolean[] normalMask = spec.normalRoi().mask(spec.width(), spec.height());
        for (int i = 0; i < tumourMask.length; i++) {
            if (tumourMask[i] && normalMask[i]) {
                throw new IllegalArgumentException("normal ROI " + spec.normalRoi() + " overlaps the tumour "
                        + spec.tumour());
            }
        }
        RoiTruth tumour = roi(spec, map, tumourMask, spec.tumour().ovalSpec("tumour"), "target", spec.tumourBolus());
        RoiTruth normal = roi(spec, map, normalMask, spec.normalRoi().ovalSpec("normal"), "reference",
                spec.normalBolus());
        return new SyntheticTruth(spec, times, tumour, normal);
    }

    private static RoiTruth roi(SyntheticLoopSpec spec, PixelMap map, boolean[] mask, String roiSpec, String role,
                                BolusSpec bolus) {
        String name = roiSpec.substring(0, roiSpec.indexOf('='));
        int n = 0;
        int core = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                n++;
                core += map.region[i] == PixelMap.CORE ? 1 : 0;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(name + " ROI contains no pixel centre");
        }
        double[] onsets = new double[n];
        double[] weights = new double[n];
        int k = 0;
        boolean sameOnset = true;
        double sum = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                onsets[k] = map.onsetS[i];
                weights[k] = map.area[i] / n;
                sum += map.area[i];
                sameOnset &= map.onsetS[i] == bolus.t0S();
                k++;
            }
        }
        double auc = sum / n;
        Double areaMm2 = spec.pixelSizeMm() == null ? null : n * spec.pixelSizeMm() * spec.pixelSizeMm();
        double base = spec.baselinePower();
        double fraction = core / (double) n;
        if (sameOnset) {
            TruthCurve curve = new TruthCurve(bolus, new double[] {bolus.t0S()}, new double[] {auc});
            return new RoiTruth(name, role, roiSpec, n, areaMm2, auc, bolus.peak(auc),
                    bolus.t0S() + bolus.modeFromOnsetS(), bolus.mttS(), bolus.t0S(), bolus.mu(), bolus.sigma(),
                    base, fraction, core, true, curve);
        }
        TruthCurve curve = new TruthCurve(bolus, onsets, weights);
        double t0 = curve.firstOnsetS();
        double moment = 0;
        for (int j = 0; j < n; j++) {
            moment += weights[j] * (bolus.mttS() + onsets[j] - t0);
        }
        double mtt = auc > 0 ? moment / auc : bolus.mttS();
        double[] peak = peak(curve, t0, bolus);
        return new RoiTruth(name, role, roiSpec, n, areaMm2, auc, peak[1], peak[0], mtt, t0, bolus.mu(),
                bolus.sigma(), base, fraction, core, false, curve);
    }

    /** @return {time, value} of the curve's maximum: a 50 ms scan, refined on a 1 ms grid */
    private static double[] peak(TruthCurve curve, double t0, BolusSpec bolus) {
        double end = t0 + 2 * bolus.t0JitterS() + 4 * bolus.modeFromOnsetS() + 1;
        double[] coarse = scan(curve, t0, end, COARSE_S);
        return scan(curve, Math.max(t0, coarse[0] - COARSE_S), coarse[0] + COARSE_S, GRID_S);
    }

    private static double[] scan(TruthCurve curve, double from, double to, double step) {
        double bestT = from;
        double best = 0;
        int steps = (int) Math.ceil((to - from) / step);
        for (int i = 0; i <= steps; i++) {
            double t = from + i * step;
            double v = curve.value(t);
            if (v > best) {
                best = v;
                bestT = t;
            }
        }
        return new double[] {bestT, best};
    }
}
