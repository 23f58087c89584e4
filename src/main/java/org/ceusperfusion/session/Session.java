package org.ceusperfusion.session;

import java.nio.file.Path;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.motion.MotionSettings;

/**
 * The saved state of a workbench comparison: the exams in order (baseline first) and the analysis settings.
 *
 * <pre>{@code
 * Session s = new Session(List.of(
 *         new Session.Exam("baseline", 0.0, "/data/baseline.dcm", sha0, "tumour=oval:40,27,40,30",
 *                 "normal=oval:8,62,24,20", null, null, null),
 *         new Session.Exam("D14", 14.0, "/data/day14.tif", sha14, "tumour=oval:38,25,44,34", null, null, null, null)),
 *         Session.Settings.of(AnalysisSettings.logCompressed(40)));
 * SessionJson.write(s, Path.of("study.ceus-session.json"));
 * }</pre>
 *
 * @param exams    the exams, baseline first
 * @param settings linearisation and model, shared by every exam
 */
public record Session(List<Exam> exams, Settings settings) {
    /** The JSON schema name written into every session file. */
    public static final String SCHEMA = "ceus-perfusion/session@1";

    public Session {
        exams = List.copyOf(exams);
        if (settings == null) {
            settings = Settings.of(AnalysisSettings.logCompressed(AnalysisSettings.DEFAULT_DYNAMIC_RANGE_DB));
        }
    }

    /**
     * One exam of the session.
     *
     * @param label        exam label, e.g. {@code baseline}, {@code D14}
     * @param day          day of the exam (baseline 0), or {@code null}
     * @param path         the loop's file (absolute, or relative to the session file's folder)
     * @param sha256       the SHA-256 of the loop's file when the session was saved, or {@code null}
     * @param targetRoi    target ROI as a {@code --roi} spec ({@code NAME=oval:x,y,w,h}, ...), or {@code null}
     * @param referenceRoi reference ROI spec, or {@code null}
     * @param volumeMl     tumour volume from CT/MR, ml, or {@code null}
     * @param necrosisPct  necrosis from CT/MR, %, or {@code null}
     * @param diametersMm  target-lesion diameters, mm, or {@code null}
     */
    public record Exam(String label, Double day, String path, String sha256, String targetRoi, String referenceRoi,
                       Double volumeMl, Double necrosisPct, double[] diametersMm) {
        public Exam {
            if (path == null || path.isBlank()) {
                throw new InputException("session", "exam " + label + " has no loop file (path)");
            }
            diametersMm = diametersMm == null ? null : diametersMm.clone();
        }

        /** @return a copy with another loop path (e.g. resolved against the session's folder) */
        public Exam withPath(String newPath) {
            return new Exam(label, day, newPath, sha256, targetRoi, referenceRoi, volumeMl, necrosisPct, diametersMm);
        }

        /** @return the loop's file */
        public Path file() {
            return Path.of(path);
        }
    }

    /**
     * Analysis settings of a session, shared by every exam (as the options of {@code ceus compare}).
     *
     * @param dynamicRangeDb   dynamic range of the log-compressed video, dB, or {@code null} when linear
     * @param linear           the grey values are already linear
     * @param model            bolus model label
     * @param motionCorrection whether the ROIs follow the tissue ({@code --motion-correction})
     * @param excludeFrames    frames left out of every fit, e.g. {@code 10-20,35} (1-based), or {@code null}
     *                         ({@code --exclude-frames})
     * @param keepFlash        keep frames that look like flashes ({@code --no-flash-detection})
     * @param bootstrap        residual-bootstrap replicates for the intervals, 0: delta method
     *                         ({@code --bootstrap}, seed {@value AnalysisSettings#DEFAULT_BOOTSTRAP_SEED})
     */
    public record Settings(Double dynamicRangeDb, boolean linear, String model, boolean motionCorrection,
                           String excludeFrames, boolean keepFlash, int bootstrap) {
        public Settings {
            excludeFrames = excludeFrames == null || excludeFrames.isBlank() ? null : excludeFrames.trim();
        }

        /** Without motion correction, exclusions or bootstrap; flashes detected (a session of before they existed). */
        public Settings(Double dynamicRangeDb, boolean linear, String model) {
            this(dynamicRangeDb, linear, model, false, null, false, 0);
        }

        /** @return the settings of {@code s} (its bootstrap seed is not kept: the default seed is used) */
        public static Settings of(AnalysisSettings s) {
            return new Settings(s.dynamicRangeDb(), s.linear(), s.model(), s.motion().correction(),
                    s.motion().excludeFrames(), !s.motion().detectFlashes(), s.bootstrapReplicates());
        }

        /**
         * @return the core's settings
         * @throws InputException when the dynamic range, the exclusions or the bootstrap count is impossible
         */
        public AnalysisSettings toAnalysisSettings() {
            MotionSettings m = MotionSettings.defaults().withCorrection(motionCorrection)
                    .withExcludeFrames(excludeFrames).withFlashDetection(!keepFlash);
            return new AnalysisSettings(dynamicRangeDb, linear, model, m)
                    .withBootstrap(bootstrap, AnalysisSettings.DEFAULT_BOOTSTRAP_SEED);
        }
    }
}
