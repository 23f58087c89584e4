package org.ceusperfusion.synth;

/** Computes the ROI truths of a realistic loop from its per-pixel truth. Package-private. */
final class RealisticTruthCalculator {

    private RealisticTruthCalculator() {
    }

    static RealisticTruth truth(RealisticSpec rs, PixelTruth px, double[] times, int[] artefacts, int[] destruction,
                                long clipped, long tumourSamples) {
        SyntheticLoopSpec spec = rs.base();
        boolean[] tumourMask = spec.tumour().mask(spec.width(), spec.height());
        boolean[] normalMask = spec.normalRoi().mask(spec.width(), spec.height());
        for (int i = 0; i < tumourMask.length; i++) {
            if (tumourMask[i] && normalMask[i]) {
                throw new IllegalArgumentException("normal ROI " + spec.normalRoi() + " overlaps the tumour "
                        + spec.tumour());
            }
        }
        double end = times[times.length - 1];
        MixtureCurve tc = MixtureCurve.of(px, tumourMask, rs.realism());
        MixtureCurve nc = MixtureCurve.of(px, normalMask, rs.realism());
        String ts = spec.tumour().ovalSpec("tumour");
        String ns = spec.normalRoi().ovalSpec("normal");
        RoiTruth tumour = roi(rs, px, tumourMask, tc, ts, "target", spec.tumourBolus(), end, false);
        RoiTruth normal = roi(rs, px, normalMask, nc, ns, "reference", spec.normalBolus(), end, false);
        RoiTruth tumour1 = roi(rs, px, tumourMask, tc, ts, "target", spec.tumourBolus(), end, true);
        RoiTruth normal1 = roi(rs, px, normalMask, nc, ns, "reference", spec.normalBolus(), end, true);
        SyntheticTruth base = new SyntheticTruth(spec, times, tumour, normal);
        return new RealisticTruth(rs, base, tumour1, normal1, px, artefacts, destruction,
                replenishment(rs, tc, nc), clipped, tumourSamples);
    }

    private static RoiTruth roi(RealisticSpec rs, PixelTruth px, boolean[] mask, MixtureCurve c, String roiSpec,
                                String role, BolusSpec bolus, double endS, boolean firstPass) {
        String name = roiSpec.substring(0, roiSpec.indexOf('='));
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        double fraction = px.necroticFraction(mask);
        SyntheticLoopSpec spec = rs.base();
        Double areaMm2 = spec.pixelSizeMm() == null ? null : n * spec.pixelSizeMm() * spec.pixelSizeMm();
        double[] peak = c.peak(endS, firstPass);
        double auc = firstPass ? (rs.realism().destruction() == null ? c.firstPassAuc() : Double.NaN) : c.auc();
        double mtt = firstPass ? c.firstPassMttS() : c.mttS();
        return new RoiTruth(name, role, roiSpec, n, areaMm2, auc, peak[1], peak[0], mtt, c.onsetS(), bolus.mu(),
                bolus.sigma(), rs.baselinePower(), fraction, (int) Math.round(fraction * n), false,
                c.firstPassTruthCurve());
    }

    private static RealisticTruth.Replenishment replenishment(RealisticSpec rs, MixtureCurve tc, MixtureCurve nc) {
        Realism.Destruction d = rs.realism().destruction();
        if (d == null) {
            return null;
        }
        double before = Math.nextDown(d.timeS());
        return new RealisticTruth.Replenishment(d.timeS(), d.refill(), d.refill() ? d.betaPerS() : Double.NaN,
                tc.value(before), nc.value(before), d.refill() ? 0 : d.floorFraction(), rs.baselinePower());
    }
}
