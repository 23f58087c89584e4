package org.ceusperfusion.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.FitStatus;
import org.ceusperfusion.motion.MotionResult;
import org.ceusperfusion.motion.RoiQuality;
import org.ceusperfusion.params.ParameterEstimates;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.tic.TimeIntensityCurve;

/** Collects the warnings a reader of the results must see: timing, clipping, poor or failed fits. */
final class QualityChecks {
    /** Mean fraction of clipped ROI pixels above which linearisation is flagged. */
    static final double CLIPPED_WARNING_FRACTION = 0.05;
    /** R² below which a fit is flagged as poor. */
    static final double POOR_FIT_R2 = 0.8;

    private final List<String> warnings = new ArrayList<>();

    /** For curve input: only the sample count is checked. */
    QualityChecks(int samples) {
        if (samples < 10) {
            warnings.add("only " + samples + " samples: too few for a reliable bolus fit");
        }
    }

    QualityChecks(CineLoop loop) {
        if ("none".equals(loop.metadata().timingSource())) {
            warnings.add("frame times are not stored in the file; 1 s per frame was assumed"
                    + " (give --frame-interval S)");
        }
        if (loop.frameCount() < 10) {
            warnings.add("only " + loop.frameCount() + " frames: too few for a reliable bolus fit");
        }
    }

    void check(String roi, TimeIntensityCurve tic, FitResult fit, ParameterEstimates parameters) {
        double clipped = mean(tic.topClippedFraction());
        if (clipped > CLIPPED_WARNING_FRACTION) {
            warnings.add(String.format(Locale.ROOT, "ROI %s: %.1f %% of its pixels are saturated (full scale)"
                    + " on average; linearisation is unreliable there", roi, 100 * clipped));
        }
        if (fit.status() != FitStatus.OK) {
            warnings.add("ROI " + roi + ": fit status " + fit.status()
                    + (fit.message() == null || fit.message().isEmpty() ? "" : " (" + fit.message() + ")"));
        } else if (fit.r2() < POOR_FIT_R2) {
            warnings.add(String.format(Locale.ROOT, "ROI %s: poor fit (R² = %.3f)", roi, fit.r2()));
        }
        double[] t = tic.timesS();
        double ttp = parameters.value(PerfusionParameter.TTP);
        if (fit.hasParameters() && Double.isFinite(ttp) && (ttp <= t[0] || ttp >= t[t.length - 1])) {
            warnings.add("ROI " + roi + ": the fitted peak lies at the edge of the loop; the bolus may be cut off");
        }
    }

    /** Lists the frames left out of the fit (by reason) and the motion found. */
    void checkFrames(MotionResult motion) {
        java.util.Map<String, Integer> byReason = new java.util.TreeMap<>();
        motion.selection().rejected().forEach(r -> byReason.merge(r.reason(), 1, Integer::sum));
        byReason.forEach((reason, n) -> warnings.add(n + (n == 1 ? " frame" : " frames")
                + " left out of the fit (" + reason + ")"));
        if (motion.track() != null) {
            warnings.add(String.format(Locale.ROOT, "motion correction (%s): RMS shift %.1f px, largest %.1f px",
                    motion.track().method(), motion.track().rmsShiftPx(null), maxShift(motion)));
        }
    }

    /** Warns when a ROI is not interpretable. */
    void checkVerdict(String roi, RoiQuality q) {
        if (!q.interpretable()) {
            warnings.add("ROI " + roi + ": " + RoiQuality.NOT_INTERPRETABLE + " (" + String.join("; ", q.reasons())
                    + ")");
        }
    }

    private static double maxShift(MotionResult m) {
        double max = 0;
        for (int i = 0; i < m.track().size(); i++) {
            max = Math.max(max, Math.hypot(m.track().dxPx()[i], m.track().dyPx()[i]));
        }
        return max;
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? 0 : s / v.length;
    }
}
