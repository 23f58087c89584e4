package org.ceusperfusion.synth;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The {@code <name>.truth.json} sidecar (schema {@code ceus-perfusion/synthetic-truth@1}): the loop's
 * geometry and timing, every truth value of the tumour and normal ROIs with units, the inline ROI
 * specs to analyse it with, and the full generating spec including its seed.
 */
public final class TruthJson {
    /** Schema id written into every truth file. */
    public static final String SCHEMA = "ceus-perfusion/synthetic-truth@1";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls()
            .disableHtmlEscaping().create();

    private TruthJson() {
    }

    /**
     * @param truth    the truth to write
     * @param fileName the loop file it belongs to (bare name), or {@code null}
     * @param format   the loop file's format, or {@code null}
     * @return the JSON document
     */
    public static JsonObject toJson(SyntheticTruth truth, String fileName, LoopFormat format) {
        SyntheticLoopSpec spec = truth.spec();
        double[] t = truth.timesS();
        JsonObject o = new JsonObject();
        o.addProperty("schema", SCHEMA);
        o.addProperty("name", spec.name());
        o.addProperty("file", fileName);
        o.addProperty("format", format == null ? null : format.label());
        o.addProperty("generator", SyntheticLoopGenerator.class.getName());
        o.addProperty("width", spec.width());
        o.addProperty("height", spec.height());
        o.addProperty("frames", t.length);
        o.addProperty("regularTimes", spec.timing().isRegular());
        o.addProperty("frameIntervalS", spec.timing().intervalS());
        o.addProperty("durationS", t[t.length - 1]);
        if (!spec.timing().isRegular()) {
            o.add("timesS", GSON.toJsonTree(t));
        }
        o.addProperty("pixelSizeMm", spec.pixelSizeMm());
        o.addProperty("dynamicRangeDb", spec.dynamicRangeDb());
        o.addProperty("maxGrey", spec.maxGrey());
        o.addProperty("linearisation", "P = 10^(G*DR/(10*maxGrey)), P_ref = 1");
        JsonArray specs = new JsonArray();
        truth.roiSpecs().forEach(specs::add);
        o.add("roiSpecs", specs);
        JsonObject rois = new JsonObject();
        rois.add("tumour", roi(truth.tumour()));
        rois.add("normal", roi(truth.normal()));
        o.add("rois", rois);
        o.add("units", units());
        o.add("spec", GSON.toJsonTree(spec));
        return o;
    }

    private static JsonObject roi(RoiTruth r) {
        JsonObject o = new JsonObject();
        o.addProperty("name", r.name());
        o.addProperty("role", r.role());
        o.addProperty("spec", r.spec());
        o.addProperty("areaPx", r.areaPx());
        o.addProperty("areaMm2", r.areaMm2());
        o.addProperty("AUC", r.auc());
        o.addProperty("PE", r.pe());
        o.addProperty("TTP", r.ttpS());
        o.addProperty("mTT", r.mttS());
        o.addProperty("t0", r.t0S());
        o.addProperty("mu", r.mu());
        o.addProperty("sigma", r.sigma());
        o.addProperty("baseline", r.baseline());
        o.addProperty("nonEnhancingFraction", r.nonEnhancingFraction());
        o.addProperty("nonEnhancingPx", r.nonEnhancingPx());
        o.addProperty("closedForm", r.closedForm());
        return o;
    }

    private static JsonObject units() {
        JsonObject u = new JsonObject();
        String[][] pairs = {{"AUC", "a.u.·s"}, {"PE", "a.u."}, {"TTP", "s"}, {"mTT", "s"}, {"t0", "s"},
            {"mu", "ln s"}, {"sigma", "1"}, {"baseline", "a.u."}, {"nonEnhancingFraction", "1"},
            {"areaPx", "px"}, {"areaMm2", "mm²"}, {"timesS", "s (only for irregular times)"}, {"frameIntervalS", "s"},
            {"durationS", "s"}, {"pixelSizeMm", "mm"}, {"dynamicRangeDb", "dB"},
            {"spec.backgroundPower", "a.u."}, {"spec.noiseFloorMean", "a.u."},
            {"spec.*Bolus.meanArea", "a.u.·s"}, {"spec.*Bolus.t0S", "s"}, {"spec.*Bolus.t0JitterS", "s"},
            {"spec.*Bolus.amplitudeVariation", "fraction of meanArea"}, {"spec.timing.frameRateHz", "1/s"},
            {"spec.tumour, core, normalRoi", "px"}};
        for (String[] p : pairs) {
            u.addProperty(p[0], p[1]);
        }
        u.addProperty("note", "a.u. = linear echo power with P_ref = 1; amplitudes are above the baseline");
        return u;
    }

    /** Writes the truth as pretty-printed UTF-8 JSON (temporary name, then rename). */
    public static void write(SyntheticTruth truth, String fileName, LoopFormat format, Path path) throws IOException {
        JsonObject o = toJson(truth, fileName, format);
        AtomicFile.write(path, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                GSON.toJson(o, w);
                w.write('\n');
            }
        });
    }
}
