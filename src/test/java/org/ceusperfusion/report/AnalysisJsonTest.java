package org.ceusperfusion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.params.PerfusionParameter;
import org.junit.jupiter.api.Test;

class AnalysisJsonTest {
    private final LoopAnalysis a = Fixtures.analysis("/data/loop.dcm", 100, 0.1, 0.025);
    private final JsonObject j = Json.parse(AnalysisJson.toText(a));

    @Test
    void hasTheSchemaKeysInOrder() {
        assertEquals(List.of("schema", "software", "input", "settings", "warnings", "rois"), List.copyOf(j.keySet()));
        assertEquals("ceus-perfusion/analysis@1", j.get("schema").getAsString());
        assertEquals("CEUS Perfusion", j.getAsJsonObject("software").get("name").getAsString());
        assertEquals("dev", j.getAsJsonObject("software").get("version").getAsString());
        JsonObject in = j.getAsJsonObject("input");
        assertTrue(in.keySet().containsAll(Set.of("path", "sha256", "format", "frames", "width", "height",
                "frameIntervalS", "durationS", "pixelSizeMm", "timesS", "ultrasoundRegions")));
        JsonObject roi = j.getAsJsonArray("rois").get(0).getAsJsonObject();
        assertEquals(List.of("name", "role", "areaPx", "areaMm2", "fit", "parameters", "units", "ci95", "intervals",
                "nonEnhancingFraction", "ratioToReference"), List.copyOf(roi.keySet()));
        assertEquals(List.of("model", "status", "r2", "message", "params", "iterations", "windowS",
                "recirculation", "weighting"),
                List.copyOf(roi.getAsJsonObject("fit").keySet()));
        assertEquals("none", roi.getAsJsonObject("fit").get("weighting").getAsString());
        assertEquals(PerfusionParameter.values().length, roi.getAsJsonObject("parameters").size());
    }

    @Test
    void roundTripsNumbersExactly() {
        JsonObject in = j.getAsJsonObject("input");
        assertEquals(121, in.get("frames").getAsInt());
        assertEquals(0.5, in.get("frameIntervalS").getAsDouble());
        assertEquals(60.0, in.getAsJsonArray("timesS").get(120).getAsDouble());
        JsonObject roi = j.getAsJsonArray("rois").get(0).getAsJsonObject();
        assertEquals("tumour", roi.get("name").getAsString());
        assertEquals("target", roi.get("role").getAsString());
        assertEquals(1768, roi.get("areaPx").getAsInt());
        assertEquals(110.5, roi.get("areaMm2").getAsDouble());
        double pe = a.target().parameters().value(PerfusionParameter.PE);
        assertEquals(pe, roi.getAsJsonObject("parameters").get("PE").getAsDouble(), 0.0);
        assertEquals(3.9802, pe, 1e-4); // perfusion-reference.md test vector, A = 100
        JsonArray ci = roi.getAsJsonObject("ci95").getAsJsonArray("AUC");
        assertEquals(90.0, ci.get(0).getAsDouble(), 1e-12);
        assertEquals(110.0, ci.get(1).getAsDouble(), 1e-12);
        assertEquals("a.u.·s", roi.getAsJsonObject("units").get("AUC").getAsString());
        assertEquals(Math.log(20), roi.getAsJsonObject("fit").getAsJsonObject("params").get("mu").getAsDouble(), 0.0);
        assertEquals("OK", roi.getAsJsonObject("fit").get("status").getAsString());
        assertEquals(0.5, roi.getAsJsonObject("ratioToReference").get("AUC").getAsDouble());
        assertEquals(0.025, roi.get("nonEnhancingFraction").getAsDouble());
    }

    @Test
    void nonFiniteNumbersAreNull() {
        String text = AnalysisJson.toText(a);
        assertFalse(text.contains("NaN"));
        assertFalse(text.contains("Infinity"));
        JsonObject roi = j.getAsJsonArray("rois").get(0).getAsJsonObject();
        assertTrue(roi.getAsJsonObject("parameters").get("WiR").isJsonNull());
        assertTrue(roi.getAsJsonObject("ci95").getAsJsonArray("FT").get(0).isJsonNull());
        assertTrue(j.getAsJsonObject("input").get("pixelSizeMm").isJsonNull());
        JsonObject ref = j.getAsJsonArray("rois").get(1).getAsJsonObject();
        assertTrue(ref.get("nonEnhancingFraction").isJsonNull());
        assertTrue(ref.get("areaMm2").isJsonNull());
        assertEquals(0, ref.getAsJsonObject("ratioToReference").size());
    }

    @Test
    void settingsOfLinearDataHaveNullDynamicRange() {
        LoopAnalysis lin = Fixtures.analysis("x.avi", 100, 0.1, 0, new AnalysisSettings(null, true, "gamma"));
        JsonObject s = Json.parse(AnalysisJson.toText(lin)).getAsJsonObject("settings");
        assertTrue(s.get("dynamicRangeDb").isJsonNull());
        assertTrue(s.get("linear").getAsBoolean());
        assertEquals("gamma", s.get("model").getAsString());
        assertEquals(60.0, s.getAsJsonArray("fitWindowS").get(1).getAsDouble());
        JsonObject s40 = j.getAsJsonObject("settings");
        assertEquals(40.0, s40.get("dynamicRangeDb").getAsDouble());
    }
}
