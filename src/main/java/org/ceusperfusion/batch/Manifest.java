package org.ceusperfusion.batch;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ceusperfusion.InputException;

/**
 * A batch manifest (interfaces.md §4): a CSV file with a header. Required columns {@code loop} and
 * {@code roi}; optional {@code id} (default: the 1-based row number), {@code patient}, {@code label},
 * {@code day}, {@code reference_roi}, {@code dynamic_range_db}, {@code frame_interval_s}, {@code model},
 * {@code volume_ml}, {@code necrosis_pct}, {@code diameters_mm}. Relative loop paths are resolved
 * against the manifest's folder.
 *
 * <p>Problems with the manifest as a whole (missing file, missing required column, duplicate ids, CSV
 * syntax) throw {@link InputException}; problems of single values are left to the row's analysis, so
 * that they fail that row only.
 *
 * @param path the manifest file
 * @param rows the data rows in file order
 */
public record Manifest(Path path, List<ManifestRow> rows) {
    /** Columns every manifest must have. */
    public static final List<String> REQUIRED = List.of("loop", "roi");
    /** Optional columns with a meaning; other columns are kept but ignored. */
    public static final List<String> OPTIONAL = List.of("id", "patient", "label", "day", "reference_roi",
            "dynamic_range_db", "frame_interval_s", "model", "volume_ml", "necrosis_pct", "diameters_mm");

    public Manifest {
        rows = List.copyOf(rows);
    }

    /**
     * Reads and validates a manifest.
     *
     * @param file the CSV file
     * @return the manifest
     * @throws InputException when the file is missing or unreadable, a required column is missing, the CSV
     *                        is malformed or two rows share an id (or an output folder name)
     */
    public static Manifest read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file.toString(), "manifest not found");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).build();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(r)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String c : REQUIRED) {
                if (!header.containsKey(c)) {
                    throw new InputException(file.toString(), "manifest lacks the required column '" + c
                            + "' (header: " + String.join(",", header.keySet()) + ")");
                }
            }
            Manifest m = new Manifest(file, rows(file, parser));
            m.checkComparisonFolders();
            return m;
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read manifest: " + e.getMessage(), e);
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new InputException(file.toString(), "malformed manifest CSV: " + e.getMessage(), e);
        }
    }

    private static List<ManifestRow> rows(Path file, CSVParser parser) {
        Path dir = file.toAbsolutePath().getParent();
        List<ManifestRow> rows = new ArrayList<>();
        Map<String, String> folders = new HashMap<>();
        for (CSVRecord rec : parser) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : rec.toMap().entrySet()) {
                fields.put(e.getKey(), e.getValue() == null ? "" : e.getValue().trim());
            }
            int index = rows.size();
            String id = fields.getOrDefault("id", "");
            id = id.isEmpty() ? Integer.toString(index + 1) : id;
            String folder = folderName(id);
            String clash = folders.put(folder, id);
            if (clash != null) {
                throw new InputException(file.toString(), "rows '" + clash + "' and '" + id
                        + "' have the same id (or output folder '" + folder + "')");
            }
            String loop = fields.getOrDefault("loop", "");
            rows.add(new ManifestRow(index, id, loop.isEmpty() ? null : dir.resolve(loop).normalize(), fields));
        }
        return rows;
    }

    /** Refuses manifests where a comparison's folder would clash with a row's or another patient's. */
    private void checkComparisonFolders() {
        Map<String, String> used = new HashMap<>();
        rows.forEach(r -> used.put(folderName(r.id()), "row '" + r.id() + "'"));
        for (String p : patients().keySet()) {
            String clash = used.put(compareFolder(p), "patient '" + p + "'");
            if (clash != null) {
                throw new InputException(path.toString(), "the comparison of patient '" + p + "' would be written to '"
                        + compareFolder(p) + "', the folder of " + clash + "; rename one of them");
            }
        }
    }

    /** File extensions {@link #ofFolder} takes as cine loops. */
    public static final List<String> LOOP_EXTENSIONS = List.of(".dcm", ".dicom", ".tif", ".tiff", ".avi");

    /**
     * A manifest for every loop file of a folder (by extension, {@link #LOOP_EXTENSIONS}, sorted by name),
     * all with the same ROIs; the id of a row is its file name.
     *
     * @param folder       the folder
     * @param roi          the target ROI spec of every row
     * @param referenceRoi the reference ROI spec, or {@code null}
     * @return the manifest (its path is a virtual {@code folder/manifest.csv}, the base of relative ROI files)
     * @throws InputException when the folder is missing or holds no loop file
     */
    public static Manifest ofFolder(Path folder, String roi, String referenceRoi) {
        if (!Files.isDirectory(folder)) {
            throw new InputException(folder.toString(), "folder not found");
        }
        List<Path> loops;
        try (var s = Files.list(folder)) {
            loops = s.filter(Files::isRegularFile).filter(p -> LOOP_EXTENSIONS.stream()
                    .anyMatch(e -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(e)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InputException(folder.toString(), "cannot list folder: " + e.getMessage(), e);
        }
        if (loops.isEmpty()) {
            throw new InputException(folder.toString(), "no cine loop (" + String.join(", ", LOOP_EXTENSIONS)
                    + ") in this folder");
        }
        List<ManifestRow> rows = new ArrayList<>();
        for (Path loop : loops) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("id", loop.getFileName().toString());
            f.put("loop", loop.getFileName().toString());
            f.put("roi", roi == null ? "" : roi);
            f.put("reference_roi", referenceRoi == null ? "" : referenceRoi);
            rows.add(new ManifestRow(rows.size(), loop.getFileName().toString(), loop.toAbsolutePath(), f));
        }
        return new Manifest(folder.resolve("manifest.csv"), rows);
    }

    /**
     * @param id a row id or a patient name
     * @return the folder name used under {@code --out}: characters other than letters, digits and
     *         {@code . _ -} replaced by {@code _} (a leading dot too)
     */
    public static String folderName(String id) {
        String s = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.startsWith(".") ? "_" + s.substring(1) : s;
    }

    /** @return the patients with at least two rows, in order of their first row, with their rows in file order */
    public Map<String, List<ManifestRow>> patients() {
        Map<String, List<ManifestRow>> all = new LinkedHashMap<>();
        for (ManifestRow r : rows) {
            if (r.patient() != null) {
                all.computeIfAbsent(r.patient(), p -> new ArrayList<>()).add(r);
            }
        }
        all.values().removeIf(l -> l.size() < 2);
        return all;
    }

    /** @return every item id of the full run: row ids, then {@code compare:<patient>} per patient */
    public List<String> itemIds() {
        List<String> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.id()));
        patients().keySet().forEach(p -> ids.add(compareId(p)));
        return ids;
    }

    /** @return {@code compare:<patient>} */
    public static String compareId(String patient) {
        return "compare:" + patient;
    }

    /** @return {@code compare-<patient>}, the comparison's folder name */
    public static String compareFolder(String patient) {
        return folderName("compare-" + patient);
    }
}
