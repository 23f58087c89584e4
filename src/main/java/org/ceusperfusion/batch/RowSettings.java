package org.ceusperfusion.batch;

import java.nio.file.Path;
import java.util.List;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.ij.ImageJRoiFiles;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.roi.RoiSpecParser;

/** How one manifest row is read and analysed: the run's defaults with the row's own columns on top. */
final class RowSettings {
    private RowSettings() {
    }

    /** @return the settings with the row's {@code dynamic_range_db} and {@code model}, when given */
    static AnalysisSettings analysis(ManifestRow row, AnalysisSettings base) {
        Double dr = row.number("dynamic_range_db");
        String model = row.text("model");
        if (dr == null && model == null) {
            return base;
        }
        if (dr == null) {
            return base.withModel(model);
        }
        AnalysisSettings s = new AnalysisSettings(dr, false, model != null ? model : base.model(), base.motion(),
                base.bootstrapReplicates(), base.bootstrapSeed());
        return s.withDynamicRange(dr, "manifest dynamic_range_db");
    }

    /** @return the load options with the row's {@code frame_interval_s}, when given */
    static LoadOptions load(ManifestRow row, LoadOptions base) {
        Double dt = row.number("frame_interval_s");
        if (dt != null && !(dt > 0 && dt < 3600)) {
            throw new org.ceusperfusion.InputException(row.source("frame_interval_s"),
                    "must be a positive number of seconds, got " + dt);
        }
        return dt == null ? base : new LoadOptions(dt, base.pixelSizeMm());
    }

    /** @return the target ROIs of the row (unnamed inline shapes are called {@code target}) */
    static List<RoiMask> targets(ManifestRow row, Path dir) {
        return ImageJRoiFiles.fromSpec(resolve(row.roi(), dir), "target");
    }

    /** @return the reference ROI of the row, or {@code null} */
    static RoiMask reference(ManifestRow row, Path dir) {
        String spec = row.text("reference_roi");
        if (spec == null) {
            return null;
        }
        List<RoiMask> r = ImageJRoiFiles.fromSpec(resolve(spec, dir), "reference");
        if (r.size() != 1) {
            throw new org.ceusperfusion.InputException(row.source("reference_roi"), "names " + r.size()
                    + " ROIs; give exactly one");
        }
        return r.get(0);
    }

    /** Resolves a relative {@code .roi}/{@code .zip} path in a ROI spec against the manifest's folder. */
    static String resolve(String spec, Path dir) {
        if (dir == null || !RoiSpecParser.isFile(spec)) {
            return spec;
        }
        Path file = Path.of(RoiSpecParser.body(spec).trim());
        if (file.isAbsolute()) {
            return spec;
        }
        String name = RoiSpecParser.explicitName(spec);
        String abs = dir.resolve(file).normalize().toString();
        return name == null ? abs : name + "=" + abs;
    }
}
