package org.ceusperfusion.compare;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.params.PerfusionParameter;

/**
 * Builds a {@link Comparison} from analysed exams.
 *
 * <p>Exams are taken in the given order; the first is the baseline. Changes are listed from the
 * baseline to every follow-up, then — with more than two exams — between consecutive exams not already
 * listed (e.g. for A, B, C: A→B, A→C, B→C). Parameter changes are percent changes with a delta-method
 * 95 % CI ({@link PercentChange}); QOF is not compared. The response block judges the last exam.
 *
 * <pre>{@code
 * Comparison c = ComparisonBuilder.compare(List.of(
 *         new ExamInput("baseline", 0.0, a0, null, 295.0, 2.09, new double[] {50, 30}),
 *         new ExamInput("D14", 14.0, a14, null, 341.0, 53.07, new double[] {52, 31})));
 * }</pre>
 */
public final class ComparisonBuilder {
    private static final NormalDistribution STD_NORMAL = new NormalDistribution(null, 0, 1);

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
        List<ExamChange> changes = new ArrayList<>();
        ExamInput base = exams.get(0);
        for (int i = 1; i < exams.size(); i++) {
            changes.add(change(base, exams.get(i)));
        }
        for (int i = 2; i < exams.size(); i++) {
            changes.add(change(exams.get(i - 1), exams.get(i)));
        }
        ExamInput last = exams.get(exams.size() - 1);
        List<String> warnings = settingsWarnings(exams);
        SizeResponse size = size(exams, options);
        PerfusionResponse perfusion = perfusion(base, last, changes.get(exams.size() - 2), options.perfusionRule());
        if (perfusion != null && perfusion.warning() != null) {
            warnings.add(perfusion.warning());
        }
        String summary = Summary.sentence(exams, changes.get(exams.size() - 2), size, perfusion,
                options.perfusionRule().parameter().label());
        return new Comparison(exams, changes, new Response(size, perfusion, summary), warnings);
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

    /** @return the changes from exam {@code a} to exam {@code b} */
    public static ExamChange change(ExamInput a, ExamInput b) {
        RoiAnalysis ra = a.roi();
        RoiAnalysis rb = b.roi();
        Map<PerfusionParameter, PercentChange> params = new EnumMap<>(PerfusionParameter.class);
        for (PerfusionParameter p : PerfusionParameter.values()) {
            if (p == PerfusionParameter.QOF) {
                continue;
            }
            PercentChange c = PercentChange.between(ra.parameters().value(p), ra.parameters().ci(p),
                    rb.parameters().value(p), rb.parameters().ci(p));
            if (Double.isFinite(c.pct())) {
                params.put(p, c);
            }
        }
        Double ne = points(ra.nonEnhancingFraction(), rb.nonEnhancingFraction(), 100);
        return new ExamChange(a.label(), b.label(), params, pct(a.volumeMl(), b.volumeMl()),
                points(a.necrosisPct(), b.necrosisPct(), 1), ne, pct(a.sumDiametersMm(), b.sumDiametersMm()));
    }

    private static Double pct(Double a, Double b) {
        return a == null || b == null || !(a > 0) || !Double.isFinite(b) ? null : 100 * (b / a - 1);
    }

    private static Double points(Double a, Double b, double scale) {
        return a == null || b == null || !Double.isFinite(a) || !Double.isFinite(b) ? null : scale * (b - a);
    }

    private static SizeResponse size(List<ExamInput> exams, ComparisonOptions o) {
        boolean ends = exams.get(0).sumDiametersMm() != null && exams.get(exams.size() - 1).sumDiametersMm() != null;
        return ends ? RecistLike.assess(RecistLike.diametersOf(exams), o.diameterSdMm(), o.seed()) : null;
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
            double z = (Math.log1p(rule.thresholdPct() / 100) - Math.log1p(c.pct() / 100)) / c.sdLogRatio();
            double p = STD_NORMAL.cumulativeProbability(z);
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

    /** @return warnings for analysis settings that differ between exams */
    static List<String> settingsWarnings(List<ExamInput> exams) {
        List<String> w = new ArrayList<>();
        differ(w, exams, "dynamic range", e -> {
            Double dr = e.analysis().settings().dynamicRangeDb();
            return e.analysis().settings().linear() ? "linear" : fmt(dr) + " dB";
        }, "amplitude parameters (PE, AUC, WiR, ...) are not comparable");
        differ(w, exams, "model", e -> e.analysis().settings().model(), "parameters may differ by model alone");
        double f0 = exams.get(0).analysis().input().frameIntervalS();
        boolean frames = exams.stream().anyMatch(e -> Math.abs(e.analysis().input().frameIntervalS() - f0) > 0.01 * f0);
        if (frames) {
            differ(w, exams, "frame interval", e -> fmt(e.analysis().input().frameIntervalS()) + " s",
                    "temporal sampling differs");
        }
        return w;
    }

    private static void differ(List<String> w, List<ExamInput> exams, String what, Function<ExamInput, String> value,
                               String consequence) {
        String first = value.apply(exams.get(0));
        if (exams.stream().allMatch(e -> Objects.equals(value.apply(e), first))) {
            return;
        }
        StringBuilder sb = new StringBuilder(what).append(" differs between exams (");
        for (int i = 0; i < exams.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(exams.get(i).label()).append(' ').append(value.apply(exams.get(i)));
        }
        w.add(sb.append("): ").append(consequence).toString());
    }

    static String fmt(Double v) {
        if (v == null) {
            return "?";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString(v.longValue())
                : String.format(Locale.ROOT, "%.4g", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
