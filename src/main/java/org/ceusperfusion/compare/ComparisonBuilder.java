package org.ceusperfusion.compare;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.params.ParameterEstimates;
import org.ceusperfusion.params.PerfusionParameter;

/**
 * Builds a {@link Comparison} from analysed exams.
 *
 * <p>Exams are taken in the given order; the first is the baseline. Changes are listed from the
 * baseline to every follow-up, then — with more than two exams — between consecutive exams not already
 * listed (e.g. for A, B, C: A→B, A→C, B→C). Parameter changes are percent changes with a delta-method
 * 95 % CI ({@link PercentChange}) from each exam's honest intervals ({@link ExamIntervals}) and the optional
 * repeatability CV of the options; clock times (t0, TTP, TI, TO) change by a difference in seconds
 * ({@link TimeShift}); QOF is not
 * compared. With a reference ROI in both exams the change of every target/reference ratio is given too
 * ({@link RatioEstimate}). The response block judges the last exam.
 *
 * <pre>{@code
 * Comparison c = ComparisonBuilder.compare(List.of(
 *         new ExamInput("baseline", 0.0, a0, null, 295.0, 2.09, new double[] {50, 30}),
 *         new ExamInput("D14", 14.0, a14, null, 341.0, 53.07, new double[] {52, 31})));
 * }</pre>
 */
public final class ComparisonBuilder {

    private ComparisonBuilder() {
    }

    /** As {@link #compare(List, ComparisonOptions)} with {@link ComparisonOptions#DEFAULT}. */
    public static Comparison compare(List<ExamInput> exams) {
        return compare(exams, ComparisonOptions.DEFAULT);
    }

    /**
     * @param exams   at least two exams with distinct labels, baseline first
     * @param options response rules
     * @return the comparison
     * @throws InputException when fewer than two exams, labels repeat, or an exam lacks its ROI
     */
    public static Comparison compare(List<ExamInput> exams, ComparisonOptions options) {
        validate(exams);
        List<ExamEstimates> est = exams.stream().map(ComparisonBuilder::estimates).toList();
        double sd = options.diameterSdMm();
        List<ExamChange> changes = new ArrayList<>();
        double cv = options.repeatabilityCvOrZero();
        for (int i = 1; i < exams.size(); i++) {
            changes.add(change(exams.get(0), est.get(0), exams.get(i), est.get(i), sd, cv));
        }
        for (int i = 2; i < exams.size(); i++) {
            changes.add(change(exams.get(i - 1), est.get(i - 1), exams.get(i), est.get(i), sd, cv));
        }
        ExamInput base = exams.get(0);
        ExamInput last = exams.get(exams.size() - 1);
        ExamChange overall = changes.get(exams.size() - 2);
        List<String> warnings = SettingsConsistency.warnings(exams);
        SizeResponse size = size(exams, options);
        PerfusionResponse perfusion = perfusion(base, last, overall, options.perfusionRule());
        if (perfusion != null && perfusion.warning() != null) {
            warnings.add(perfusion.warning());
        }
        String summary = Summary.sentence(exams, overall, size, perfusion, options.perfusionRule().parameter().label(),
                options.changeIntervalCovers(), SettingsConsistency.headlineCaveat(exams));
        return new Comparison(exams, est, changes, new Response(size, perfusion, summary), warnings, options);
    }

    private static void validate(List<ExamInput> exams) {
        if (exams == null || exams.size() < 2) {
            throw new InputException("compare", "needs at least two exams, got " + (exams == null ? 0 : exams.size()));
        }
        Set<String> labels = new HashSet<>();
        for (ExamInput e : exams) {
            if (!labels.add(e.label())) {
                throw new InputException("--labels", "label '" + e.label() + "' is used twice");
            }
            e.roi();
        }
    }

    /** @return the estimates a comparison uses for exam {@code e} (widened CIs, reference ratios) */
    public static ExamEstimates estimates(ExamInput e) {
        ParameterEstimates target = ExamIntervals.of(e.roi());
        RoiAnalysis refRoi = e.reference();
        if (refRoi == null) {
            return new ExamEstimates(e.label(), target, null, null, Map.of());
        }
        ParameterEstimates ref = ExamIntervals.of(refRoi);
        Map<PerfusionParameter, RatioEstimate> ratios = new EnumMap<>(PerfusionParameter.class);
        for (PerfusionParameter p : PerfusionParameter.values()) {
            if (p == PerfusionParameter.QOF) {
                continue;
            }
            RatioEstimate r = RatioEstimate.of(target.value(p), target.ci(p), ref.value(p), ref.ci(p));
            if (Double.isFinite(r.value())) {
                ratios.put(p, r);
            }
        }
        return new ExamEstimates(e.label(), target, ref, refRoi.name(), ratios);
    }

    /** @return the changes from exam {@code a} to exam {@code b}, with default options */
    public static ExamChange change(ExamInput a, ExamInput b) {
        return change(a, estimates(a), b, estimates(b), ComparisonOptions.DEFAULT.diameterSdMm(), 0);
    }

    static ExamChange change(ExamInput a, ExamEstimates ea, ExamInput b, ExamEstimates eb, double diameterSdMm,
                             double repeatabilityCv) {
        Map<PerfusionParameter, PercentChange> params = new EnumMap<>(PerfusionParameter.class);
        Map<PerfusionParameter, TimeShift> shifts = new EnumMap<>(PerfusionParameter.class);
        ParameterEstimates ta = ea.target();
        ParameterEstimates tb = eb.target();
        for (PerfusionParameter p : PerfusionParameter.values()) {
            if (p == PerfusionParameter.QOF) {
                continue;
            }
            double dofA = dof(ta, p);
            double dofB = dof(tb, p);
            if (isClockTime(p)) {
                TimeShift s = TimeShift.between(ta.value(p), ta.standardError(p), dofA, tb.value(p),
                        tb.standardError(p), dofB);
                if (Double.isFinite(s.diffS())) {
                    shifts.put(p, s);
                }
                continue;
            }
            PercentChange c = PercentChange.between(ta.value(p), ta.standardError(p), dofA, tb.value(p),
                    tb.standardError(p), dofB, repeatabilityCv);
            if (Double.isFinite(c.pct())) {
                params.put(p, c);
            }
        }
        Map<PerfusionParameter, PercentChange> ratios = new EnumMap<>(PerfusionParameter.class);
        for (Map.Entry<PerfusionParameter, RatioEstimate> r : ea.ratios().entrySet()) {
            RatioEstimate rb = eb.ratio(r.getKey());
            if (rb != null) {
                ratios.put(r.getKey(), RatioEstimate.change(r.getValue(), rb));
            }
        }
        Double ne = points(a.roi().nonEnhancingFraction(), b.roi().nonEnhancingFraction(), 100);
        return new ExamChange(a.label(), b.label(), params, volumeChange(a.volume(), b.volume(), diameterSdMm),
                points(a.necrosisPct(), b.necrosisPct(), 1), ne, pct(a.sumDiametersMm(), b.sumDiametersMm()), ratios,
                shifts);
    }

    /** @return the effective degrees of freedom of an exam's interval of {@code p}, infinite (normal) when unknown */
    private static double dof(ParameterEstimates e, PerfusionParameter p) {
        double d = e.dof(p);
        return d > 0 ? d : Double.POSITIVE_INFINITY;
    }

    /**
     * @return whether {@code p} is a clock time measured from the first frame (t0, TTP, TI, TO), whose change
     *         is a difference in seconds; durations (mTT, RT, FT), amplitudes, areas and slopes change in %
     */
    public static boolean isClockTime(PerfusionParameter p) {
        return p == PerfusionParameter.T0 || p == PerfusionParameter.TTP || p == PerfusionParameter.TI
                || p == PerfusionParameter.TO;
    }

    private static PercentChange volumeChange(Volume a, Volume b, double sdMm) {
        if (a == null || b == null || !(a.ml() > 0)) {
            return null;
        }
        return PercentChange.fromLogSd(a.ml(), a.relativeSe(sdMm), b.ml(), b.relativeSe(sdMm));
    }

    private static Double pct(Double a, Double b) {
        return a == null || b == null || !(a > 0) || !Double.isFinite(b) ? null : 100 * (b / a - 1);
    }

    private static Double points(Double a, Double b, double scale) {
        return a == null || b == null || !Double.isFinite(a) || !Double.isFinite(b) ? null : scale * (b - a);
    }

    private static SizeResponse size(List<ExamInput> exams, ComparisonOptions o) {
        boolean newLesion = exams.stream().skip(1).anyMatch(ExamInput::newLesion);
        boolean ends = exams.get(0).sumDiametersMm() != null && exams.get(exams.size() - 1).sumDiametersMm() != null;
        if (!ends) {
            return newLesion ? RecistLike.newLesionOnly(o.diameterSdMm()) : null;
        }
        return RecistLike.assess(RecistLike.diametersOf(exams), o.diameterSdMm(), o.seed(), newLesion);
    }

    /** @return the perfusion response of {@code last} under {@code rule}, or {@code null} when not computable */
    static PerfusionResponse perfusion(ExamInput base, ExamInput last, ExamChange overall, PerfusionRule rule) {
        PercentChange c = overall.parameter(rule.parameter());
        if (c == null) {
            return null;
        }
        boolean meets = c.pct() < rule.thresholdPct();
        Map<String, Double> prob = new LinkedHashMap<>();
        boolean indeterminate = true;
        if (Double.isFinite(c.sdLogRatio()) && c.sdLogRatio() > 0) {
            double p = c.probabilityBelow(rule.thresholdPct());
            prob.put(PerfusionResponse.RESPONDER, p);
            prob.put(PerfusionResponse.NON_RESPONDER, 1 - p);
            indeterminate = Math.max(p, 1 - p) < RecistLike.CONFIDENT;
        }
        String cat = meets ? PerfusionResponse.RESPONDER : PerfusionResponse.NON_RESPONDER;
        return new PerfusionResponse(cat, rule.text(), prob, indeterminate, c, dayWarning(base, last, rule));
    }

    private static String dayWarning(ExamInput base, ExamInput last, PerfusionRule rule) {
        if (rule.day() == null) {
            return null;
        }
        String ruleDay = fmt(rule.day());
        if (base.day() == null || last.day() == null) {
            return "perfusion rule validated at day " + ruleDay + "; the day of exam " + last.label()
                    + " is unknown";
        }
        double days = last.day() - base.day();
        if (Math.abs(days - rule.day()) < 1e-9) {
            return null;
        }
        return "perfusion rule validated at day " + ruleDay + ", applied at day " + fmt(days) + " ("
                + last.label() + "): no validated cut-off exists for that day";
    }

    /** @return warnings for acquisition and analysis settings that differ between exams */
    static List<String> settingsWarnings(List<ExamInput> exams) {
        return SettingsConsistency.warnings(exams);
    }

    static String fmt(Double v) {
        if (v == null) {
            return "?";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString(v.longValue())
                : String.format(Locale.ROOT, "%.4g", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
