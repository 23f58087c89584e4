package org.ceusperfusion.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.InputInfo;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.cine.UltrasoundRegion;
import org.ceusperfusion.fit.FitResult;
import org.ceusperfusion.fit.ModelSelector;
import org.ceusperfusion.model.ReplenishmentModel;
import org.ceusperfusion.model.ReplenishmentParameters;
import org.ceusperfusion.motion.MotionJson;
import org.ceusperfusion.params.IntervalInfo;
import org.ceusperfusion.params.ParameterEstimates;
import org.ceusperfusion.params.PerfusionParameter;

/**
 * {@link LoopAnalysis} → {@code analysis.json} (schema {@value #SCHEMA}, interfaces.md §5).
 *
 * <p>Top-level keys, in order: {@code schema, software, input, settings, warnings, rois}, then {@code motion}
 * (shifts, similarity, rejected frames; see {@link MotionJson}) when motion was corrected or frames were left
 * out. Each ROI carries a {@code quality} object when assessed. Non-finite
 * numbers are written as {@code null}. The pieces ({@link #input}, {@link #roi}) are public so that
 * {@code comparison.json} and the {@code info} command reuse exactly the same objects.
 */
public final class AnalysisJson {
    /** The schema identifier written into every file. */
    public static final String SCHEMA = "ceus-perfusion/analysis@1";

    private AnalysisJson() {
    }

    /** @return the whole {@code analysis.json} object */
    public static JsonObject toJson(LoopAnalysis a) {
        JsonObject o = new JsonObject();
        o.addProperty("schema", SCHEMA);
        o.add("software", Json.software());
        o.add("input", input(a.input()));
        o.add("settings", settings(a));
        o.add("warnings", Json.strs(a.warnings()));
        JsonArray rois = new JsonArray();
        a.rois().forEach(r -> rois.add(roi(r)));
        o.add("rois", rois);
        a.rois().stream().filter(r -> r.motion() != null).findFirst()
                .ifPresent(r -> o.add("motion", MotionJson.motion(r.motion())));
        return o;
    }

    /** @return pretty-printed {@code analysis.json} text */
    public static String toText(LoopAnalysis a) {
        return Json.toText(toJson(a));
    }

    /**
     * The {@code input} section: path, sha256, format, frames, width, height, frameIntervalS, durationS,
     * pixelSizeMm, timesS (every frame, s), photometric, transferSyntax, timingSource, ultrasoundRegions.
     */
    public static JsonObject input(InputInfo in) {
        JsonObject o = new JsonObject();
        o.add("path", Json.str(in.path()));
        o.add("sha256", Json.str(in.sha256()));
        o.add("format", Json.str(in.format()));
        o.addProperty("frames", in.frames());
        o.addProperty("width", in.width());
        o.addProperty("height", in.height());
        o.add("frameIntervalS", Json.num(in.frameIntervalS()));
        o.add("durationS", Json.num(in.durationS()));
        o.add("pixelSizeMm", Json.num(in.pixelSizeMm()));
        o.add("timesS", Json.nums(in.timesS()));
        o.add("photometric", Json.str(in.photometric()));
        o.add("transferSyntax", Json.str(in.transferSyntax()));
        o.add("timingSource", Json.str(in.timingSource()));
        JsonArray regions = new JsonArray();
        if (in.regions() != null) {
            in.regions().forEach(r -> regions.add(region(r)));
        }
        o.add("ultrasoundRegions", regions);
        JsonObject tags = new JsonObject();
        new java.util.TreeMap<>(in.tags()).forEach(tags::addProperty);
        o.add("tags", tags);
        return o;
    }

    private static JsonObject region(UltrasoundRegion r) {
        JsonObject o = new JsonObject();
        o.addProperty("minX0", r.minX0());
        o.addProperty("minY0", r.minY0());
        o.addProperty("maxX1", r.maxX1());
        o.addProperty("maxY1", r.maxY1());
        o.addProperty("spatialFormat", r.spatialFormat());
        o.addProperty("dataType", r.dataType());
        o.add("physicalDeltaXMm", Json.num(r.physicalDeltaXMm()));
        o.add("physicalDeltaYMm", Json.num(r.physicalDeltaYMm()));
        return o;
    }

    /**
     * The {@code settings} section: dynamicRangeDb (null when linear), linear, model, and
     * {@code fitWindowS} {@code [start, end]} of the first target's fit when known.
     */
    public static JsonObject settings(LoopAnalysis a) {
        AnalysisSettings s = a.settings();
        JsonObject o = new JsonObject();
        o.add("dynamicRangeDb", Json.num(s.dynamicRangeDb()));
        o.addProperty("dynamicRangeAssumed", s.dynamicRangeAssumed());
        o.add("dynamicRangeSource", Json.str(s.dynamicRangeSource()));
        o.addProperty("linear", s.linear());
        o.addProperty("model", s.model());
        o.addProperty("motionCorrection", s.motion().correction());
        o.add("excludeFrames", Json.str(s.motion().excludeFrames()));
        o.addProperty("ciMethod", s.bootstrapReplicates() > 0 ? IntervalInfo.BLOCK_BOOTSTRAP : IntervalInfo.CORRELATED);
        if (s.bootstrapReplicates() > 0) {
            o.addProperty("bootstrapReplicates", s.bootstrapReplicates());
            o.addProperty("bootstrapSeed", s.bootstrapSeed());
        }
        FitResult fit = a.rois().isEmpty() ? null : a.rois().get(0).fit();
        if (fit != null && Double.isFinite(fit.windowStartS()) && Double.isFinite(fit.windowEndS())) {
            o.add("fitWindowS", Json.nums(new double[] {fit.windowStartS(), fit.windowEndS()}));
        }
        return o;
    }

    /**
     * What the {@code ci95} intervals are and cover: {@code method}, {@code covers}, {@code dof} (Student t
     * degrees of freedom of the residual scale), {@code tQuantile}, {@code noiseCorrelationS} (τ of the residual
     * noise, s) and {@code frames} (the fitted frames they were built from); with {@code dofByParameter} when each
     * parameter's interval has its own degrees of freedom ({@code value ± t(0.975, ν)·SE}).
     */
    public static JsonObject intervals(ParameterEstimates pe) {
        JsonObject o = intervals(pe.intervals());
        if (!pe.dofs().isEmpty()) {
            JsonObject d = new JsonObject();
            pe.dofs().forEach((p, v) -> d.add(p.label(), Json.num(v)));
            o.add("dofByParameter", d);
        }
        return o;
    }

    /** @return the {@code intervals} object of {@link IntervalInfo} alone */
    public static JsonObject intervals(IntervalInfo i) {
        JsonObject o = new JsonObject();
        o.addProperty("method", i.method());
        o.addProperty("covers", i.covers());
        o.add("dof", Json.num(i.dof()));
        o.add("tQuantile", Json.num(i.tQuantile()));
        o.add("noiseCorrelationS", Json.num(i.noiseCorrelationS()));
        o.addProperty("frames", i.samples());
        return o;
    }

    /**
     * One {@code rois[]} entry: name, role, areaPx, areaMm2, fit, parameters, units, ci95,
     * nonEnhancingFraction, ratioToReference. Parameters are keyed by {@link PerfusionParameter#label()}.
     */
    public static JsonObject roi(RoiAnalysis r) {
        JsonObject o = new JsonObject();
        o.addProperty("name", r.name());
        o.addProperty("role", r.role().label());
        o.addProperty("areaPx", r.areaPx());
        o.add("areaMm2", Json.num(r.areaMm2()));
        o.add("fit", fit(r.fit()));
        if (!r.modelCandidates().isEmpty()) {
            o.getAsJsonObject("fit").add("candidates", candidates(r.modelCandidates()));
        }
        ParameterEstimates pe = r.parameters() == null ? ParameterEstimates.empty() : r.parameters();
        JsonObject values = new JsonObject();
        JsonObject units = new JsonObject();
        JsonObject ci = new JsonObject();
        for (PerfusionParameter p : PerfusionParameter.values()) {
            values.add(p.label(), Json.num(pe.value(p)));
            units.addProperty(p.label(), p.unit());
            ci.add(p.label(), Json.nums(pe.ci(p)));
        }
        o.add("parameters", values);
        o.add("units", units);
        o.add("ci95", ci);
        o.add("intervals", intervals(pe));
        o.add("nonEnhancingFraction", Json.num(r.nonEnhancingFraction()));
        o.add("ratioToReference", ratios(r.ratioToReference()));
        if (r.quality() != null) {
            o.add("quality", MotionJson.quality(r.quality()));
        }
        if (r.fit() != null && r.fit().model() instanceof ReplenishmentModel && r.fit().hasParameters()) {
            o.add("replenishment", replenishment(r.fit(), r.findings() == null ? null : r.findings().replenishment()));
        }
        if (r.findings() != null) {
            addFindings(o, r.findings());
        }
        return o;
    }

    /**
     * Adds {@code fitWindow} ({@code startS, endS, reason}: whole-curve, recirculation or destruction-flash),
     * {@code aucObserved} and {@code aucExtrapolatedShare}, {@code destructionFlash} ({@code flashS, refill,
     * levelBefore, levelAfter, difference, ci95}) when one was found, and {@code nonEnhancing}
     * ({@code criterion, thresholdDb, reason}).
     */
    private static void addFindings(JsonObject o, org.ceusperfusion.analysis.CurveFindings f) {
        JsonObject w = new JsonObject();
        w.add("startS", Json.num(f.windowStartS()));
        w.add("endS", Json.num(f.windowEndS()));
        w.addProperty("reason", f.windowReason());
        o.add("fitWindow", w);
        o.add("aucObserved", Json.num(f.aucObserved()));
        o.add("aucExtrapolatedShare", Json.num(f.aucExtrapolatedShare()));
        if (f.flashStep() != null) {
            var s = f.flashStep();
            JsonObject d = new JsonObject();
            d.add("flashS", Json.num(s.flashS()));
            d.addProperty("refill", s.refill());
            d.add("levelBefore", Json.num(s.levelBefore()));
            d.add("levelAfter", Json.num(s.levelAfter()));
            d.add("difference", Json.num(s.difference()));
            d.add("ci95", Json.nums(s.ci95()));
            o.add("destructionFlash", d);
        }
        JsonObject ne = new JsonObject();
        ne.add("criterion", Json.str(f.nonEnhancing().criterion()));
        ne.add("thresholdDb", Json.num(f.nonEnhancing().thresholdDb()));
        ne.add("reason", Json.str(f.nonEnhancing().reason()));
        o.add("nonEnhancing", ne);
    }

    /**
     * The {@code replenishment} object of a destruction–replenishment fit: A (a.u.), beta (1/s),
     * flow = A·β (a.u./s), tfS (s), meanTransitS = 1/β (s) and {@code ci95} of A, beta and flow (delta method).
     * The bolus parameters (PE, mTT, ...) are left empty for a replenishment.
     */
    private static JsonObject replenishment(FitResult f, ReplenishmentParameters measured) {
        ReplenishmentParameters rp = measured != null ? measured
                : ReplenishmentParameters.of(f.params(), f.covariance(), f.samples());
        JsonObject o = new JsonObject();
        o.add("A", Json.num(rp.a()));
        o.add("beta", Json.num(rp.beta()));
        o.add("flow", Json.num(rp.flow()));
        o.add("tfS", Json.num(f.params()[ReplenishmentModel.TF]));
        o.add("meanTransitS", Json.num(1 / rp.beta()));
        JsonObject ci = new JsonObject();
        ci.add("A", Json.nums(rp.aCi()));
        ci.add("beta", Json.nums(rp.betaCi()));
        ci.add("flow", Json.nums(rp.flowCi()));
        o.add("ci95", ci);
        return o;
    }

    /** The scores of every model tried by {@code --model auto}, best first. */
    private static JsonArray candidates(List<ModelSelector.Candidate> list) {
        JsonArray a = new JsonArray();
        for (ModelSelector.Candidate c : list) {
            JsonObject o = new JsonObject();
            o.addProperty("model", c.model());
            o.addProperty("status", c.status().name());
            o.add("aicc", Json.num(c.aicc()));
            o.add("deltaAicc", Json.num(c.deltaAicc()));
            o.add("weight", Json.num(c.weight()));
            o.add("r2", Json.num(c.r2()));
            a.add(o);
        }
        return a;
    }

    private static JsonObject ratios(Map<PerfusionParameter, Double> ratios) {
        JsonObject o = new JsonObject();
        if (ratios != null) {
            for (PerfusionParameter p : PerfusionParameter.values()) {
                if (ratios.containsKey(p)) {
                    o.add(p.label(), Json.num(ratios.get(p)));
                }
            }
        }
        return o;
    }

    /**
     * The {@code fit} object: model, status, r2, message, params (by model parameter name), iterations,
     * windowS {@code [start, end]}, recirculation (the fitted second term, or null), weighting (how the samples were
     * weighted: {@code none} or {@code fitted-variance}, {@link org.ceusperfusion.fit.FitWeighting#label()}).
     */
    public static JsonElement fit(FitResult f) {
        if (f == null) {
            return JsonNull.INSTANCE;
        }
        JsonObject o = new JsonObject();
        o.add("model", Json.str(f.model() == null ? null : f.model().name()));
        o.add("status", Json.str(f.status() == null ? null : f.status().name()));
        o.add("r2", Json.num(f.r2()));
        o.add("message", Json.str(f.message() == null ? "" : f.message()));
        JsonObject params = new JsonObject();
        if (f.params() != null && f.model() != null) {
            List<String> names = f.model().parameterNames();
            for (int i = 0; i < f.params().length && i < names.size(); i++) {
                params.add(names.get(i), Json.num(f.params()[i]));
            }
        }
        o.add("params", params);
        o.addProperty("iterations", f.iterations());
        o.add("windowS", Json.nums(new double[] {f.windowStartS(), f.windowEndS()}));
        o.add("recirculation", recirculation(f));
        o.add("weighting", Json.str(f.weighting().label()));
        return o;
    }

    /**
     * The fitted recirculation term ({@code onsetS, delayS, areaFraction, widthFactor, area}), or null when the
     * fit has none: the first pass's parameters are reported, the recirculation is this second term.
     */
    private static JsonElement recirculation(FitResult f) {
        if (!f.hasRecirculation() || !f.hasParameters()) {
            return JsonNull.INSTANCE;
        }
        var m = (org.ceusperfusion.model.RecirculationModel) f.model();
        double[] p = f.params();
        int i = m.fractionIndex();
        JsonObject r = new JsonObject();
        r.add("onsetS", Json.num(m.recirculationOnsetS(p)));
        r.add("delayS", Json.num(p[i + 1]));
        r.add("areaFraction", Json.num(p[i]));
        r.add("widthFactor", Json.num(p[i + 2]));
        r.add("area", Json.num(p[i] * m.area(p)));
        return r;
    }
}
