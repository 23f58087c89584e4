package org.ceusperfusion.motion;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * JSON of the motion stage and of a ROI's quality (used by {@code analysis.json}).
 *
 * <p>{@code motion}: {@code corrected, method, referenceFrame (1-based), trackWindow [x,y,w,h], panelOffsetPx,
 * similarityThreshold, motionRmsPx, shiftsPx [[dx,dy],...], similarity [...], tracked [...],
 * usedFrames, rejectedFrames [{"frame": 12, "reason": "out-of-plane"}, ...]}; without correction only
 * {@code corrected: false}, {@code usedFrames} and {@code rejectedFrames}. {@code quality}: {@code status}
 * ({@code OK} or {@code NOT_INTERPRETABLE}), {@code interpretable, flags, reasons, clippedFraction, peakAtEdge,
 * r2, residualLag1, durbinWatson, motionRmsPx, motionRmsMm, framesUsed, framesRejected, topClippedFraction,
 * bottomClippedFraction, residualLagS, residualAutocorrelation, aucExtrapolatedShare}. Non-finite numbers
 * are {@code null}.
 */
public final class MotionJson {
    private MotionJson() {
    }

    /** @return the {@code motion} object */
    public static JsonObject motion(MotionResult m) {
        JsonObject o = new JsonObject();
        MotionTrack t = m.track();
        o.addProperty("corrected", t != null);
        if (t != null) {
            o.addProperty("method", t.method());
            o.addProperty("referenceFrame", t.referenceFrame() + 1);
            o.add("trackWindow", ints(t.window().toArray()));
            o.add("panelOffsetPx", ints(t.panelOffset()));
            o.add("similarityThreshold", num(m.similarityThreshold()));
            o.add("motionRmsPx", num(t.rmsShiftPx(null)));
            JsonArray shifts = new JsonArray();
            JsonArray sim = new JsonArray();
            JsonArray tracked = new JsonArray();
            for (int i = 0; i < t.size(); i++) {
                JsonArray s = new JsonArray();
                s.add(num(t.dxPx()[i]));
                s.add(num(t.dyPx()[i]));
                shifts.add(s);
                sim.add(num(t.similarity()[i]));
                tracked.add(t.tracked()[i]);
            }
            o.add("shiftsPx", shifts);
            o.add("similarity", sim);
            o.add("tracked", tracked);
        }
        o.addProperty("usedFrames", m.selection().usedCount());
        JsonArray rejected = new JsonArray();
        for (RejectedFrame r : m.selection().rejected()) {
            JsonObject f = new JsonObject();
            f.addProperty("frame", r.frame());
            f.addProperty("reason", r.reason());
            rejected.add(f);
        }
        o.add("rejectedFrames", rejected);
        return o;
    }

    /** @return the {@code quality} object of a ROI */
    public static JsonObject quality(RoiQuality q) {
        JsonObject o = new JsonObject();
        o.addProperty("status", q.status());
        o.addProperty("interpretable", q.interpretable());
        JsonArray flags = new JsonArray();
        q.flags().forEach(flags::add);
        o.add("flags", flags);
        JsonArray reasons = new JsonArray();
        q.reasons().forEach(reasons::add);
        o.add("reasons", reasons);
        o.add("clippedFraction", num(q.clippedFraction()));
        o.addProperty("peakAtEdge", q.peakAtEdge());
        o.add("r2", num(q.r2()));
        o.add("residualLag1", num(q.residualLag1()));
        o.add("durbinWatson", num(q.durbinWatson()));
        o.add("motionRmsPx", num(q.motionRmsPx()));
        o.add("motionRmsMm", q.motionRmsMm() == null ? JsonNull.INSTANCE : num(q.motionRmsMm()));
        o.addProperty("framesUsed", q.framesUsed());
        o.addProperty("framesRejected", q.framesRejected());
        o.add("topClippedFraction", num(q.topClippedFraction()));
        o.add("bottomClippedFraction", num(q.bottomClippedFraction()));
        o.add("residualLagS", num(q.residualLagS()));
        o.add("residualAutocorrelation", num(q.residualAutocorrelation()));
        o.add("aucExtrapolatedShare", num(q.aucExtrapolatedShare()));
        return o;
    }

    private static JsonElement num(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }

    private static JsonArray ints(int[] v) {
        JsonArray a = new JsonArray();
        for (int x : v) {
            a.add(x);
        }
        return a;
    }
}
