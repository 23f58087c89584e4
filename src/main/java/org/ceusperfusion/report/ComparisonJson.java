package org.ceusperfusion.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ExamChange;
import org.ceusperfusion.compare.ExamInput;
import org.ceusperfusion.compare.PercentChange;
import org.ceusperfusion.compare.PerfusionResponse;
import org.ceusperfusion.compare.SizeCategory;
import org.ceusperfusion.compare.SizeResponse;
import org.ceusperfusion.params.PerfusionParameter;

/**
 * {@link Comparison} → {@code comparison.json} (schema {@value #SCHEMA}, interfaces.md §6).
 *
 * <p>Top-level keys: {@code schema, software, exams, changes, response, warnings}. Each exam holds
 * {@code label, day, input, settings, roi, volumeMl, necrosisPct, sumDiametersMm, diametersMm}, where
 * {@code input}, {@code settings} and {@code roi} are exactly the objects of {@code analysis.json}
 * ({@link AnalysisJson}). Percent changes are {@code {"pct": .., "ci95": [lo, hi]}}; non-finite numbers
 * are {@code null}.
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
        JsonArray exams = new JsonArray();
        c.exams().forEach(e -> exams.add(exam(e)));
        o.add("exams", exams);
        JsonArray changes = new JsonArray();
        c.changes().forEach(ch -> changes.add(change(ch)));
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

    private static JsonObject exam(ExamInput e) {
        JsonObject o = new JsonObject();
        o.addProperty("label", e.label());
        o.add("day", Json.num(e.day()));
        o.add("input", AnalysisJson.input(e.analysis().input()));
        o.add("settings", AnalysisJson.settings(e.analysis()));
        o.add("roi", AnalysisJson.roi(e.roi()));
        o.add("volumeMl", Json.num(e.volumeMl()));
        o.add("necrosisPct", Json.num(e.necrosisPct()));
        o.add("sumDiametersMm", Json.num(e.sumDiametersMm()));
        o.add("diametersMm", Json.nums(e.diametersMm()));
        return o;
    }

    private static JsonObject change(ExamChange ch) {
        JsonObject o = new JsonObject();
        o.addProperty("from", ch.from());
        o.addProperty("to", ch.to());
        JsonObject params = new JsonObject();
        for (PerfusionParameter p : PerfusionParameter.values()) {
            PercentChange pc = ch.parameter(p);
            if (pc != null) {
                params.add(p.label(), percent(pc));
            }
        }
        o.add("parameters", params);
        o.add("volumePct", Json.num(ch.volumePct()));
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
