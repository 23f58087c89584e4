package org.ceusperfusion.session;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.report.AtomicFiles;
import org.ceusperfusion.report.Json;

/**
 * Reads and writes session files (schema {@value Session#SCHEMA}):
 *
 * <pre>
 * {"schema": "ceus-perfusion/session@1", "software": {...},
 *  "settings": {"dynamicRangeDb": 40.0, "linear": false, "model": "lognormal", "motionCorrection": false,
 *               "excludeFrames": null, "keepFlash": false, "bootstrap": 0},
 *  "exams": [{"label": "baseline", "day": 0.0, "path": "/data/baseline.dcm", "sha256": "...",
 *             "targetRoi": "tumour=oval:40,27,40,30", "referenceRoi": "normal=oval:8,62,24,20",
 *             "volumeMl": null, "necrosisPct": null, "diametersMm": null}, ...]}
 * </pre>
 *
 * The last four settings were added later within the same schema: a file without them (or read by an older
 * version, which ignores them) means no motion correction, no exclusions, flash detection, delta-method
 * intervals. Writing is atomic ({@link AtomicFiles}). A relative {@code path} is read relative to the session file's
 * folder, so a study folder holding its loops and its session can be moved as a whole.
 */
public final class SessionJson {
    private SessionJson() {
    }

    /** @return the session as JSON */
    public static JsonObject toJson(Session s) {
        JsonObject o = new JsonObject();
        o.addProperty("schema", Session.SCHEMA);
        o.add("software", Json.software());
        JsonObject settings = new JsonObject();
        settings.add("dynamicRangeDb", Json.num(s.settings().dynamicRangeDb()));
        settings.addProperty("linear", s.settings().linear());
        settings.addProperty("model", s.settings().model());
        settings.addProperty("motionCorrection", s.settings().motionCorrection());
        settings.add("excludeFrames", Json.str(s.settings().excludeFrames()));
        settings.addProperty("keepFlash", s.settings().keepFlash());
        settings.addProperty("bootstrap", s.settings().bootstrap());
        o.add("settings", settings);
        JsonArray exams = new JsonArray();
        for (Session.Exam e : s.exams()) {
            JsonObject x = new JsonObject();
            x.add("label", Json.str(e.label()));
            x.add("day", Json.num(e.day()));
            x.add("path", Json.str(e.path()));
            x.add("sha256", Json.str(e.sha256()));
            x.add("targetRoi", Json.str(e.targetRoi()));
            x.add("referenceRoi", Json.str(e.referenceRoi()));
            x.add("volumeMl", Json.num(e.volumeMl()));
            x.add("necrosisPct", Json.num(e.necrosisPct()));
            x.add("diametersMm", Json.nums(e.diametersMm()));
            exams.add(x);
        }
        o.add("exams", exams);
        return o;
    }

    /**
     * Writes {@code s} to {@code file} atomically (a temporary file renamed at the end).
     *
     * @throws IOException when the file cannot be written; an earlier file of that name is kept then
     */
    public static void write(Session s, Path file) throws IOException {
        AtomicFiles.write(file, out -> Json.write(toJson(s), out));
    }

    /**
     * Reads a session file; relative loop paths are resolved against the file's folder.
     *
     * @param file the session file
     * @return the session
     * @throws InputException (source = the file) when it is missing, not JSON, of another schema, or malformed
     */
    public static Session read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "session file not found");
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read the session file: " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            Session s = fromJson(Json.parse(text));
            List<Session.Exam> exams = new ArrayList<>();
            for (Session.Exam e : s.exams()) {
                Path p = Path.of(e.path());
                exams.add(p.isAbsolute() || dir == null ? e : e.withPath(dir.resolve(p).normalize().toString()));
            }
            return new Session(exams, s.settings());
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                 | ClassCastException | java.nio.file.InvalidPathException e) {
            throw new InputException(file.toString(), "not a valid session file: " + e.getMessage(), e);
        } catch (InputException e) {
            throw new InputException(file.toString(), e.getMessage(), e);
        }
    }

    /**
     * @param o a parsed session document
     * @return the session, paths as written
     * @throws InputException when the schema is not {@value Session#SCHEMA} or a member is missing
     */
    public static Session fromJson(JsonObject o) {
        String schema = string(o, "schema");
        if (!Session.SCHEMA.equals(schema)) {
            throw new InputException("session", "schema is '" + schema + "', expected '" + Session.SCHEMA + "'");
        }
        JsonObject st = o.has("settings") && o.get("settings").isJsonObject() ? o.getAsJsonObject("settings")
                : new JsonObject();
        Double boot = number(st, "bootstrap");
        if (boot != null && (!(boot >= 0) || boot != Math.rint(boot) || boot > Integer.MAX_VALUE)) {
            throw new InputException("session", "settings.bootstrap must be a whole number >= 0, got " + boot);
        }
        Session.Settings settings = new Session.Settings(number(st, "dynamicRangeDb"), flag(st, "linear"),
                string(st, "model"), flag(st, "motionCorrection"), string(st, "excludeFrames"), flag(st, "keepFlash"),
                boot == null ? 0 : boot.intValue());
        if (!o.has("exams") || !o.get("exams").isJsonArray()) {
            throw new InputException("session", "no 'exams' list");
        }
        List<Session.Exam> exams = new ArrayList<>();
        for (JsonElement el : o.getAsJsonArray("exams")) {
            JsonObject x = el.getAsJsonObject();
            exams.add(new Session.Exam(string(x, "label"), number(x, "day"), string(x, "path"), string(x, "sha256"),
                    string(x, "targetRoi"), string(x, "referenceRoi"), number(x, "volumeMl"),
                    number(x, "necrosisPct"), numbers(x, "diametersMm")));
        }
        return new Session(exams, settings);
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static boolean flag(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && !e.isJsonNull() && e.getAsBoolean();
    }

    private static Double number(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsDouble();
    }

    private static double[] numbers(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        JsonArray a = e.getAsJsonArray();
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsDouble();
        }
        return v;
    }
}
