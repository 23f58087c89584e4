package org.ceusperfusion.batch;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ceusperfusion.report.AtomicFiles;
import org.ceusperfusion.report.Json;

/**
 * The completion marker {@code done.json} of a batch item: written last, atomically, after all the item's
 * other outputs. It holds the item's fingerprint and its summary fields, so that a resumed run reproduces
 * the summary byte for byte without reading the loop again.
 */
final class ItemMarker {
    /** File name of the marker inside the item's folder. */
    static final String FILE = "done.json";
    static final String SCHEMA = "ceus-perfusion/batch-item@1";

    private ItemMarker() {
    }

    /**
     * @return the summary fields of a complete item with this fingerprint, or {@code null} when the
     *         folder has no marker, the marker is unreadable, or it was made from other inputs
     */
    static Map<String, String> readIfComplete(Path folder, String fingerprint) {
        Path f = folder.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            JsonObject o = Json.parse(Files.readString(f, StandardCharsets.UTF_8));
            if (!SCHEMA.equals(o.get("schema").getAsString())
                    || !fingerprint.equals(o.get("fingerprint").getAsString())) {
                return null;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            o.getAsJsonObject("summary").entrySet().forEach(e -> fields.put(e.getKey(), e.getValue().getAsString()));
            return fields;
        } catch (IOException | RuntimeException e) {
            return null; // a damaged marker means: redo the item
        }
    }

    /** Writes the marker atomically. */
    static void write(Path folder, String fingerprint, Map<String, String> fields) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("schema", SCHEMA);
        o.addProperty("fingerprint", fingerprint);
        JsonObject s = new JsonObject();
        fields.forEach(s::addProperty);
        o.add("summary", s);
        AtomicFiles.write(folder.resolve(FILE), out -> Json.write(o, out));
    }

    /** Removes the marker and the temporary files a killed run may have left ({@code .<name>.tmp-<random>}). */
    static void reset(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Files.deleteIfExists(folder.resolve(FILE));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, ".*.tmp-*")) {
            for (Path p : ds) {
                Files.deleteIfExists(p);
            }
        }
    }
}
