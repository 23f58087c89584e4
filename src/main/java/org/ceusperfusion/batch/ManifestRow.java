package org.ceusperfusion.batch;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ceusperfusion.InputException;

/**
 * One manifest row. Text fields are kept as written; the typed getters parse them and throw an
 * {@link InputException} naming the row and column, so that a bad value fails this row only.
 *
 * @param index  0-based position among the manifest's data rows (used by {@link ShardSpec})
 * @param id     the row's id (the {@code id} column, or the 1-based row number)
 * @param loop   the loop file, resolved against the manifest's folder
 * @param fields every column of the row by header name, trimmed ({@code ""} when empty)
 */
public record ManifestRow(int index, String id, Path loop, Map<String, String> fields) {

    public ManifestRow {
        fields = Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    /** @return the 1-based row number among the data rows */
    public int rowNumber() {
        return index + 1;
    }

    /** @return the value of a column, or {@code null} when the column is absent or empty */
    public String text(String column) {
        String v = fields.get(column);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** @return the target ROI spec ({@code roi} column) */
    public String roi() {
        String r = text("roi");
        if (r == null) {
            throw new InputException(source("roi"), "no ROI given");
        }
        return r;
    }

    /** @return the patient, or {@code null} */
    public String patient() {
        return text("patient");
    }

    /**
     * @param column a numeric column, e.g. {@code day}
     * @return its value, or {@code null} when empty
     * @throws InputException when the value is not a finite number
     */
    public Double number(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException(source(column), "'" + v + "' is not a number");
    }

    /**
     * @return the {@code diameters_mm} column as mm values (lesions separated by {@code ,} or {@code ;}),
     *         or {@code null} when empty
     */
    public double[] diametersMm() {
        String v = text("diameters_mm");
        if (v == null) {
            return null;
        }
        String[] parts = v.split("[,;]");
        double[] d = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                d[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                d[i] = Double.NaN;
            }
            if (!(d[i] >= 0) || Double.isInfinite(d[i])) {
                throw new InputException(source("diameters_mm"), "'" + parts[i].trim()
                        + "' is not a non-negative number of mm");
            }
        }
        return d;
    }

    /** @return {@code row <id>, column <column>}, the source of a message about this row */
    public String source(String column) {
        return String.format(Locale.ROOT, "row %s, column %s", id, column);
    }
}
