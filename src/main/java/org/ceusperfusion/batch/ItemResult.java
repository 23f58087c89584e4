package org.ceusperfusion.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one batch item (a manifest row or a patient's comparison): one line of {@code summary.csv}.
 *
 * @param id      row id, or {@code compare:<patient>}
 * @param ok      whether the item's outputs were written
 * @param message the error line when not ok ({@code ""} when ok)
 * @param output  the item's folder relative to {@code --out}
 * @param fields  the other summary columns by name (see {@link Summary#COLUMNS}); absent ones are empty
 * @param reused  whether the item was skipped by {@code --resume} (its outputs were already complete)
 */
public record ItemResult(String id, boolean ok, String message, String output, Map<String, String> fields,
                         boolean reused) {

    public ItemResult {
        message = message == null ? "" : message;
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** @return {@code ok} or {@code error} */
    public String status() {
        return ok ? Summary.OK : Summary.ERROR;
    }

    /** @return whether this is a comparison rather than a manifest row */
    public boolean isComparison() {
        return id.startsWith("compare:");
    }

    /** @return the summary line as column → value */
    public Map<String, String> toRecord() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("status", status());
        m.put("message", message);
        m.put("output", output);
        m.putAll(fields);
        return m;
    }
}
