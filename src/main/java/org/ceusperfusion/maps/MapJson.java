package org.ceusperfusion.maps;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.InputInfo;
import org.ceusperfusion.fit.FitStatus;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.report.AnalysisJson;
import org.ceusperfusion.report.Json;
import org.ceusperfusion.roi.RoiMask;

/**
 * {@link ParametricMaps} → {@code map.json} (schema {@value #SCHEMA}).
 *
 * <p>Keys: {@code schema, software, input} (as in {@code analysis.json}), {@code settings}
 * (dynamicRangeDb, linear, model, bin, smooth, frameBin, samplesPerCurve, fastestRiseS: the
 * fastest bolus rise that set automatic temporal binning or null, fitTolerance, ci, roi),
 * {@code params} (labels in order), {@code units}, {@code pixelsMapped}, {@code pixelsFitted} (pixels
 * whose curve was fitted), {@code pixelsNoBolus}, {@code pixelsFailed} (NaN), {@code statusCounts},
 * {@code statuses} ({@link MapStatus}: {@code fitted}, {@code noBolus} = evidence of no enhancement,
 * {@code couldNotFit} = values unknown), {@code rois} (the same per mapped ROI, when given),
 * {@code curves}, {@code fits}, {@code seconds}, {@code fitsPerSecond}, {@code curvesPerSecond},
 * {@code pixelsPerSecond}, {@code threads}, {@code summary} (per parameter and {@code R2}: n, median,
 * mean, p05, p95, min, max over the finite mapped pixels), {@code files}.
 */
public final class MapJson {
    /** The schema identifier. */
    public static final String SCHEMA = "ceus-perfusion/map@1";

    private MapJson() {
    }

    /**
     * @param m       the maps
     * @param input   the loop's {@code input} section
     * @param roiName the mapped ROI's name, or {@code null} for the whole frame
     * @param files   the files written beside {@code map.json}
     * @return the {@code map.json} object
     */
    public static JsonObject toJson(ParametricMaps m, InputInfo input, String roiName, List<String> files) {
        return toJson(m, input, roiName, files, null);
    }

    /**
     * As {@link #toJson(ParametricMaps, InputInfo, String, List)}, with {@code rois}: per ROI its
     * {@code name}, {@code pixels} (inside the frame) and {@code fitted}, {@code noBolus},
     * {@code couldNotFit} ({@link MapStatus}).
     *
     * @param rois the mapped ROIs (their union was mapped), or {@code null} to omit {@code rois}
     */
    public static JsonObject toJson(ParametricMaps m, InputInfo input, String roiName, List<String> files,
                                    List<RoiMask> rois) {
        JsonObject o = new JsonObject();
        o.addProperty("schema", SCHEMA);
        o.add("software", Json.software());
        o.add("input", AnalysisJson.input(input));
        o.add("settings", settings(m, roiName));
        JsonArray params = new JsonArray();
        JsonObject units = new JsonObject();
        for (PerfusionParameter p : m.params()) {
            params.add(p.label());
            units.addProperty(p.label(), p.unit());
        }
        o.add("params", params);
        o.add("units", units);
        counts(o, m);
        if (rois != null) {
            o.add("rois", rois(m, rois));
        }
        o.add("summary", summary(m));
        o.add("files", Json.strs(files));
        return o;
    }

    private static JsonObject settings(ParametricMaps m, String roiName) {
        MapSettings s = m.settings();
        AnalysisSettings a = s.analysis();
        JsonObject o = new JsonObject();
        o.add("dynamicRangeDb", Json.num(a.dynamicRangeDb()));
        o.addProperty("linear", a.linear());
        o.addProperty("model", m.modelName());
        o.addProperty("bin", s.bin());
        o.addProperty("smooth", s.smooth());
        o.addProperty("frameBin", m.frameBin());
        o.addProperty("samplesPerCurve", m.samples());
        o.add("fastestRiseS", Json.num(m.riseS()));
        o.addProperty("fitTolerance", ParametricMapper.MAP_TOLERANCE);
        o.addProperty("ci", s.withCi());
        o.add("roi", Json.str(roiName));
        return o;
    }

    private static void counts(JsonObject o, ParametricMaps m) {
        int[] c = m.statusCounts();
        int noBolus = c[FitStatus.NO_BOLUS.ordinal()];
        o.addProperty("pixelsMapped", m.pixelsMapped());
        o.addProperty("pixelsFitted", m.pixelsMapped() - noBolus);
        o.addProperty("pixelsNoBolus", noBolus);
        o.addProperty("pixelsFailed", m.pixelsFailed());
        JsonObject sc = new JsonObject();
        for (FitStatus st : FitStatus.values()) {
            sc.addProperty(st.name(), c[st.ordinal()]);
        }
        o.add("statusCounts", sc);
        o.add("statuses", statuses(m, null));
        o.addProperty("curves", m.curves());
        o.addProperty("fits", m.fits());
        o.add("seconds", Json.num(m.seconds()));
        o.add("fitsPerSecond", Json.num(m.seconds() > 0 ? m.fits() / m.seconds() : Double.NaN));
        o.add("curvesPerSecond", Json.num(m.curvesPerSecond()));
        o.add("pixelsPerSecond", Json.num(m.pixelsPerSecond()));
        o.addProperty("threads", m.settings().threads());
    }

    private static JsonObject statuses(ParametricMaps m, boolean[] mask) {
        int[] c = MapStatus.count(m, mask);
        JsonObject o = new JsonObject();
        for (MapStatus st : MapStatus.values()) {
            o.addProperty(st.key(), c[st.ordinal()]);
        }
        return o;
    }

    private static JsonArray rois(ParametricMaps m, List<RoiMask> rois) {
        JsonArray a = new JsonArray();
        for (RoiMask r : rois) {
            boolean[] mask = new boolean[m.width() * m.height()];
            int[] idx = r.pixelIndices(m.width(), m.height());
            for (int i : idx) {
                mask[i] = true;
            }
            JsonObject o = new JsonObject();
            o.addProperty("name", r.name());
            o.addProperty("pixels", idx.length);
            for (java.util.Map.Entry<String, com.google.gson.JsonElement> e : statuses(m, mask).entrySet()) {
                o.add(e.getKey(), e.getValue());
            }
            a.add(o);
        }
        return a;
    }

    private static JsonObject summary(ParametricMaps m) {
        JsonObject o = new JsonObject();
        for (PerfusionParameter p : m.params()) {
            o.add(p.label(), stats(m, m.values(p), p.unit()));
        }
        o.add("R2", stats(m, m.r2(), ""));
        return o;
    }

    private static JsonObject stats(ParametricMaps m, float[] image, String unit) {
        float[] v = m.finiteSorted(image, null);
        double sum = 0;
        for (float x : v) {
            sum += x;
        }
        JsonObject o = new JsonObject();
        o.addProperty("unit", unit);
        o.addProperty("n", v.length);
        o.add("median", Json.num(ParametricMaps.quantile(v, 0.5)));
        o.add("mean", Json.num(v.length == 0 ? Double.NaN : sum / v.length));
        o.add("p05", Json.num(ParametricMaps.quantile(v, 0.05)));
        o.add("p95", Json.num(ParametricMaps.quantile(v, 0.95)));
        o.add("min", Json.num(v.length == 0 ? Double.NaN : v[0]));
        o.add("max", Json.num(v.length == 0 ? Double.NaN : v[v.length - 1]));
        return o;
    }
}
