package org.ceusperfusion.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ComparisonOptions;
import org.ceusperfusion.compare.ExamEstimates;
import org.ceusperfusion.compare.PerfusionRule;
import org.ceusperfusion.compare.RatioEstimate;
import org.ceusperfusion.compare.RecistLike;
import org.ceusperfusion.compare.Volume;
import org.ceusperfusion.params.ParameterEstimates;
import org.ceusperfusion.compare.ExamChange;
import org.ceusperfusion.compare.ExamInput;
import org.ceusperfusion.compare.PercentChange;
import org.ceusperfusion.compare.TimeShift;
import org.ceusperfusion.compare.PerfusionResponse;
import org.ceusperfusion.compare.SizeCategory;
import org.ceusperfusion.compare.SizeResponse;
import org.ceusperfusion.params.PerfusionParameter;

/**
 * {@link Comparison} → {@code comparison.json} (schema {@value #SCHEMA}, interfaces.md §6).
 *
 * <p>Top-level keys: {@code schema, software, options, exams, changes, response, warnings}.
 * {@code options} records the perfusion rule (parameter, threshold %, day, citation), the diameter SD,
 * the Monte Carlo seed and the CI method. Each exam holds {@code label, day, input, settings,
 * scannerTags, roi, ci95Comparison} (the widened CIs the changes use), {@code referenceRoi,
 * ratioToReference} ({@code {"AUC": {"value": .., "ci95": [..]}}}), {@code volumeMl, volumeSource}
 * ({@code entered|ellipsoid}), {@code volumeCi95Ml, volumeDiametersMm, necrosisPct, sumDiametersMm,
 * diametersMm, newLesion}, where {@code input}, {@code settings} and {@code roi} are exactly the objects
 * of {@code analysis.json} ({@link AnalysisJson}). Each change holds {@code parameters} and
 * {@code ratioToReference} as percent changes {@code {"pct": .., "ci95": [lo, hi]}}, {@code volumePct},
 * {@code volume} (a percent change), {@code necrosisPctPoints, nonEnhancingPctPoints, sumDiametersPct}.
 * Non-finite numbers are {@code null}.
 */
public final class ComparisonJson {
    /** The schema identifier written into every file. */
    public static final String SCHEMA = "ceus-perfusion/comparison@1";

    private ComparisonJson() {
    }

    /** @return the whole {@code comparison.json} object */
    public static JsonObject toJson(Comparison c) {
        JsonObject o = new JsonObject();
        o.addProperty("schema", SCHEMA);
        o.add("software", Json.software());
        o.add("options", options(c));
        JsonArray exams = new JsonArray();
        for (int i = 0; i < c.exams().size(); i++) {
            exams.add(exam(c.exams().get(i), c.estimates(i), c.options().diameterSdMm()));
        }
        o.add("exams", exams);
        JsonArray changes = new JsonArray();
        c.changes().forEach(ch -> changes.add(change(ch, c.options())));
        o.add("changes", changes);
        JsonObject response = new JsonObject();
        response.add("size", size(c.response().size()));
        response.add("perfusion", perfusion(c.response().perfusion()));
        response.addProperty("summary", c.response().summary());
        o.add("response", response);
        o.add("warnings", Json.strs(c.warnings()));
        return o;
    }

    /** @return pretty-printed {@code comparison.json} text */
    public static String toText(Comparison c) {
        return Json.toText(toJson(c));
    }

    private static JsonObject options(Comparison c) {
        ComparisonOptions opt = c.options();
        JsonObject o = new JsonObject();
        PerfusionRule r = opt.perfusionRule();
        JsonObject rule = new JsonObject();
        rule.addProperty("parameter", r.parameter().label());
        rule.add("thresholdPct", Json.num(r.thresholdPct()));
        rule.add("day", Json.num(r.day()));
        rule.add("citation", Json.str(r.citation()));
        rule.addProperty("text", r.text());
        o.add("perfusionRule", rule);
        o.add("diameterSdMm", Json.num(opt.diameterSdMm()));
        o.addProperty("monteCarloSeed", opt.seed());
        o.addProperty("sizeCriteria", RecistLike.CRITERIA);
        o.addProperty("ciMethod", Comparison.CI_METHOD);
        o.add("repeatabilityCv", Json.num(opt.repeatabilityCv()));
        o.addProperty("changeCiCovers", opt.changeIntervalCovers());
        o.addProperty("timeChangeCiCovers", ComparisonOptions.MEASUREMENT_ONLY);
        return o;
    }

    private static JsonObject exam(ExamInput e, ExamEstimates est, double sdMm) {
        JsonObject o = new JsonObject();
        o.addProperty("label", e.label());
        o.add("day", Json.num(e.day()));
        o.add("input", AnalysisJson.input(e.analysis().input()));
        o.add("settings", AnalysisJson.settings(e.analysis()));
        o.add("scannerTags", tags(e));
        o.add("roi", AnalysisJson.roi(e.roi()));
        o.add("ci95Comparison", cis(est.target()));
        o.add("referenceRoi", Json.str(est.referenceName()));
        o.add("ratioToReference", ratios(est));
        Volume v = e.volume();
        o.add("volumeMl", v == null ? JsonNull.INSTANCE : Json.num(v.ml()));
        o.add("volumeSource", v == null ? JsonNull.INSTANCE : Json.str(v.source()));
        o.add("volumeCi95Ml", v == null ? JsonNull.INSTANCE : Json.nums(v.ci95(sdMm)));
        o.add("volumeDiametersMm", Json.nums(e.volumeDiametersMm()));
        o.add("necrosisPct", Json.num(e.necrosisPct()));
        o.add("sumDiametersMm", Json.num(e.sumDiametersMm()));
        o.add("diametersMm", Json.nums(e.diametersMm()));
        o.addProperty("newLesion", e.newLesion());
        return o;
    }

    private static JsonObject tags(ExamInput e) {
        JsonObject o = new JsonObject();
        for (String k : new String[] {"Manufacturer", "ManufacturerModelName", "TransducerData"}) {
            o.add(k, Json.str(e.scannerTags().get(k)));
        }
        return o;
    }

    private static JsonObject cis(ParameterEstimates p) {
        JsonObject o = new JsonObject();
        for (PerfusionParameter q : PerfusionParameter.values()) {
            double[] ci = p.ci(q);
            o.add(q.label(), Double.isFinite(ci[0]) && Double.isFinite(ci[1]) ? Json.nums(ci) : JsonNull.INSTANCE);
        }
        return o;
    }

    private static JsonObject ratios(ExamEstimates est) {
        JsonObject o = new JsonObject();
        for (PerfusionParameter q : PerfusionParameter.values()) {
            RatioEstimate r = est.ratio(q);
            if (r != null) {
                JsonObject x = new JsonObject();
                x.add("value", Json.num(r.value()));
                x.add("ci95", r.hasCi() ? Json.nums(new double[] {r.lo(), r.hi()}) : JsonNull.INSTANCE);
                o.add(q.label(), x);
            }
        }
        return o;
    }

    private static JsonObject change(ExamChange ch, ComparisonOptions opt) {
        JsonObject o = new JsonObject();
        o.addProperty("from", ch.from());
        o.addProperty("to", ch.to());
        o.addProperty("ciCovers", opt.changeIntervalCovers());
        JsonObject params = new JsonObject();
        for (PerfusionParameter p : PerfusionParameter.values()) {
            PercentChange pc = ch.parameter(p);
            TimeShift ts = ch.timeShift(p);
            if (pc != null) {
                params.add(p.label(), percent(pc));
            } else if (ts != null) {
                JsonObject x = new JsonObject();
                x.add("diffS", Json.num(ts.diffS()));
                x.add("ci95", ts.hasCi() ? Json.nums(new double[] {ts.lo(), ts.hi()}) : JsonNull.INSTANCE);
                x.addProperty("unit", "s");
                x.addProperty("ciCovers", ComparisonOptions.MEASUREMENT_ONLY);
                params.add(p.label(), x);
            }
        }
        o.add("parameters", params);
        JsonObject ratios = new JsonObject();
        for (PerfusionParameter p : PerfusionParameter.values()) {
            PercentChange pc = ch.ratioChange(p);
            if (pc != null) {
                ratios.add(p.label(), percent(pc));
            }
        }
        o.add("ratioToReference", ratios);
        o.add("volumePct", Json.num(ch.volumePct()));
        o.add("volume", ch.volumeChange() == null ? JsonNull.INSTANCE : percent(ch.volumeChange()));
        o.add("necrosisPctPoints", Json.num(ch.necrosisPctPoints()));
        o.add("nonEnhancingPctPoints", Json.num(ch.nonEnhancingPctPoints()));
        o.add("sumDiametersPct", Json.num(ch.sumDiametersPct()));
        return o;
    }

    private static JsonObject percent(PercentChange pc) {
        JsonObject o = new JsonObject();
        o.add("pct", Json.num(pc.pct()));
        o.add("ci95", pc.hasCi() ? Json.nums(new double[] {pc.lo(), pc.hi()}) : JsonNull.INSTANCE);
        return o;
    }

    private static JsonElement size(SizeResponse s) {
        if (s == null) {
            return JsonNull.INSTANCE;
        }
        JsonObject o = new JsonObject();
        o.addProperty("category", s.category().name());
        JsonObject prob = new JsonObject();
        for (SizeCategory c : SizeCategory.values()) {
            prob.add(c.name(), Json.num(s.probability(c)));
        }
        o.add("probability", prob);
        o.addProperty("indeterminate", s.indeterminate());
        o.addProperty("criteria", s.criteria());
        o.add("pctFromBaseline", Json.num(s.pctFromBaseline()));
        o.add("pctFromNadir", Json.num(s.pctFromNadir()));
        o.add("mmFromNadir", Json.num(s.mmFromNadir()));
        o.add("measurementSdMm", Json.num(s.measurementSdMm()));
        o.addProperty("newLesion", s.newLesion());
        return o;
    }

    private static JsonElement perfusion(PerfusionResponse p) {
        if (p == null) {
            return JsonNull.INSTANCE;
        }
        JsonObject o = new JsonObject();
        o.addProperty("category", p.category());
        o.addProperty("rule", p.rule());
        JsonObject prob = new JsonObject();
        for (String k : new String[] {PerfusionResponse.RESPONDER, PerfusionResponse.NON_RESPONDER}) {
            if (p.probability().containsKey(k)) {
                prob.add(k, Json.num(p.probability().get(k)));
            }
        }
        o.add("probability", prob);
        o.addProperty("indeterminate", p.indeterminate());
        o.add("change", percent(p.change()));
        o.add("warning", Json.str(p.warning()));
        return o;
    }
}
