package org.ceusperfusion.synth;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Writes a realistic loop with the existing writers (DICOM, TIFF, AVI; {@link LoopFiles}) and its
 * {@code <stem>.truth.json}: the plain truth schema ({@link TruthJson}; whole-curve ROI truths, NaN written
 * as null) plus a {@code realistic} object with the first-pass truths, artefact and destruction frame indices,
 * the replenishment truth, the top-clipping count and the {@link Realism} settings.
 */
public final class RealisticLoopFiles {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls()
            .disableHtmlEscaping().create();

    private RealisticLoopFiles() {
    }

    /**
     * Writes the loop file and its truth sidecar.
     *
     * @param l      the generated loop (maxGrey must be 255)
     * @param format file format
     * @param path   loop file path; the sidecar goes to {@link LoopFiles#truthPath(Path)}
     * @throws IOException when a file cannot be written
     */
    public static void write(RealisticLoop l, LoopFormat format, Path path) throws IOException {
        LoopFiles.write(l.asSyntheticLoop(), format, path);
        JsonObject o = toJson(l.truth(), path.getFileName().toString(), format);
        AtomicFile.write(LoopFiles.truthPath(path), tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                GSON.toJson(o, w);
                w.write('\n');
            }
        });
    }

    /** @return the truth JSON of a realistic loop */
    public static JsonObject toJson(RealisticTruth t, String fileName, LoopFormat format) {
        JsonObject o = TruthJson.toJson(t.base(), fileName, format);
        for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("rois").entrySet()) {
            nanToNull(e.getValue().getAsJsonObject());
        }
        JsonObject r = new JsonObject();
        JsonObject first = new JsonObject();
        first.add("tumour", roi(t.tumourFirstPass()));
        first.add("normal", roi(t.normalFirstPass()));
        r.add("firstPass", first);
        r.add("artefactFrames", ints(t.artefactFrames()));
        r.add("destructionFrames", ints(t.destructionFrames()));
        r.add("replenishment", t.replenishment() == null ? JsonNull.INSTANCE : nanTree(t.replenishment()));
        r.addProperty("clippedTumourSamples", t.clippedTumourSamples());
        r.addProperty("clippedTumourFraction", t.clippedTumourFraction());
        r.addProperty("effectiveBaseline", t.realistic().baselinePower());
        r.add("realism", nanTree(t.realistic().realism()));
        o.add("realistic", r);
        return o;
    }

    private static JsonObject roi(RoiTruth r) {
        JsonObject o = new JsonObject();
        o.add("AUC", num(r.auc()));
        o.add("PE", num(r.pe()));
        o.add("TTP", num(r.ttpS()));
        o.add("mTT", num(r.mttS()));
        o.add("t0", num(r.t0S()));
        return o;
    }

    private static JsonArray ints(int[] v) {
        JsonArray a = new JsonArray();
        for (int i : v) {
            a.add(i);
        }
        return a;
    }

    private static JsonElement num(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }

    private static JsonElement nanTree(Object record) {
        JsonElement e = new GsonBuilder().serializeSpecialFloatingPointValues().serializeNulls().create()
                .toJsonTree(record);
        if (e.isJsonObject()) {
            nanToNull(e.getAsJsonObject());
        }
        return e;
    }

    private static void nanToNull(JsonObject o) {
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            JsonElement v = e.getValue();
            if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()
                    && !Double.isFinite(v.getAsDouble())) {
                e.setValue(JsonNull.INSTANCE);
            } else if (v.isJsonObject()) {
                nanToNull(v.getAsJsonObject());
            }
        }
    }
}
