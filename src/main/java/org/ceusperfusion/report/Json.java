package org.ceusperfusion.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Small JSON helpers shared by the writers: non-finite numbers become {@code null} (JSON has no NaN),
 * output is pretty-printed UTF-8 with {@code null} members kept and no HTML escaping.
 */
public final class Json {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls()
            .disableHtmlEscaping().create();

    private Json() {
    }

    /** @return {@code v} as a JSON number, or {@code null} when NaN or infinite */
    public static JsonElement num(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }

    /** @return {@code v} as a JSON number, or {@code null} when {@code null}, NaN or infinite */
    public static JsonElement num(Double v) {
        return v == null ? JsonNull.INSTANCE : num(v.doubleValue());
    }

    /** @return {@code s} as a JSON string, or {@code null} */
    public static JsonElement str(String s) {
        return s == null ? JsonNull.INSTANCE : new JsonPrimitive(s);
    }

    /** @return an array of numbers ({@code null} for non-finite entries), or JSON {@code null} for a null array */
    public static JsonElement nums(double[] v) {
        if (v == null) {
            return JsonNull.INSTANCE;
        }
        JsonArray a = new JsonArray(v.length);
        for (double x : v) {
            a.add(num(x));
        }
        return a;
    }

    /** @return an array of strings */
    public static JsonArray strs(Collection<String> v) {
        JsonArray a = new JsonArray();
        v.forEach(a::add);
        return a;
    }

    /** @return pretty-printed JSON text ending in a newline */
    public static String toText(JsonElement e) {
        return GSON.toJson(e) + "\n";
    }

    /** Writes {@code e} as pretty-printed UTF-8 JSON; the stream is flushed, not closed. */
    public static void write(JsonElement e, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(toText(e));
        w.flush();
    }

    /**
     * Parses JSON text (e.g. an {@code analysis.json} written earlier).
     *
     * @throws com.google.gson.JsonParseException when the text is not JSON
     */
    public static JsonObject parse(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    /** @return the software's version: the jar manifest's Implementation-Version, or {@code dev} */
    public static String softwareVersion() {
        return org.ceusperfusion.Version.get();
    }

    /** @return the {@code software} object: name and version */
    public static JsonObject software() {
        JsonObject o = new JsonObject();
        o.addProperty("name", org.ceusperfusion.Version.NAME);
        o.addProperty("version", softwareVersion());
        return o;
    }
}
