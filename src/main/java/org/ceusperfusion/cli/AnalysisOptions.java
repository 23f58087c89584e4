package org.ceusperfusion.cli;

import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.ScannerPreset;
import org.ceusperfusion.motion.MotionSettings;
import org.ceusperfusion.motion.PixelWindow;
import picocli.CommandLine.Option;

/** Options on how a loop is analysed: linearisation, bolus model, motion correction and frame rejection. */
final class AnalysisOptions {
    @Option(names = "--dynamic-range", paramLabel = "DB",
            description = "Dynamic range of the log-compressed video in dB (default: the --preset's, else 40 dB assumed"
                    + " and flagged in every output).")
    Double dynamicRangeDb;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Scanner preset from the lab's presets file (dynamic range, model, repeatability CV).")
    String preset;

    @Option(names = "--presets", paramLabel = "FILE",
            description = "Presets file (default: $CEUS_PRESETS, else ~/.ceus/presets.properties).")
    java.nio.file.Path presetsFile;

    @Option(names = "--linear", description = "The grey values are already linear echo power (no linearisation).")
    boolean linear;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "lognormal",
            description = "Bolus model: lognormal, gamma, ldrw, fpt, auto (lowest AICc per ROI), or replenishment (refill after"
                    + " a destruction flash, found automatically); default ${DEFAULT-VALUE}.")
    String model = "lognormal";

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "0",
            description = "95 %% CIs from N seeded block wild bootstrap refits (percentiles; blocks span the noise"
                    + " correlation time) instead of the correlated-noise sandwich.")
    int bootstrap;

    @Option(names = "--bootstrap-seed", paramLabel = "SEED", defaultValue = "1",
            description = "Seed of the bootstrap (default ${DEFAULT-VALUE}).")
    long bootstrapSeed = 1;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "Progress display: auto, bar, log or none.")
    String progress;

    @Option(names = "--motion-correction", description = {"Estimate in-plane (breathing) motion and let the ROIs",
            "follow the tissue; tracks the B-mode panel of side-by-side exports when there is one."})
    boolean motionCorrection;

    @Option(names = "--exclude-frames", paramLabel = "LIST",
            description = "Frames left out of the fit, 1-based, e.g. 10-20,35.")
    String excludeFrames;

    @Option(names = "--bmode-offset", paramLabel = "DX,DY",
            description = "Offset from the contrast panel to the B-mode panel, pixels (default: from the DICOM regions).")
    String bmodeOffset;

    @Option(names = "--track-region", paramLabel = "X,Y,W,H", description = "Window to track, pixels (default: around the ROI).")
    String trackRegion;

    @Option(names = "--motion-search", paramLabel = "PX", defaultValue = "15",
            description = "Largest shift searched, pixels (default ${DEFAULT-VALUE}).")
    int motionSearchPx = MotionSettings.DEFAULT_SEARCH_PX;

    @Option(names = "--motion-reference", paramLabel = "FRAME",
            description = "Frame the ROIs were drawn on, 1-based (default: the first; the most enhanced without B-mode).")
    Integer motionReference;

    @Option(names = "--similarity-threshold", paramLabel = "F", defaultValue = "0.6",
            description = "Reject frames whose similarity is below F x the median (out-of-plane; default ${DEFAULT-VALUE}).")
    double similarityFraction = MotionSettings.DEFAULT_SIMILARITY_FRACTION;

    @Option(names = "--no-flash-detection", description = "Keep frames that look like flashes.")
    boolean noFlashDetection;

    AnalysisSettings toSettings() {
        return toSettings(linear);
    }

    /** @param linearData whether the values are linear (curve tables are, unless --dynamic-range is given) */
    AnalysisSettings toSettings(boolean linearData) {
        ScannerPreset p = preset();
        AnalysisSettings s = new AnalysisSettings(linearData ? null : dynamicRangeDb,
                linearData || p != null && p.linear(),
                modelGiven() || p == null || p.model() == null ? model : p.model(), motionSettings(), bootstrap,
                bootstrapSeed);
        if (!linearData && dynamicRangeDb == null && p != null && p.dynamicRangeDb() != null) {
            s = s.withDynamicRange(p.dynamicRangeDb(), "preset " + p.name());
        }
        return s;
    }

    /** @return the named preset, or {@code null} without {@code --preset} */
    ScannerPreset preset() {
        return preset == null ? null : ScannerPreset.load(presetsFile, preset);
    }

    private boolean modelGiven() {
        return !"lognormal".equals(model);
    }

    MotionSettings motionSettings() {
        PixelWindow region = trackRegion == null ? null : PixelWindow.parse(trackRegion, "--track-region");
        int[] offset = bmodeOffset == null ? null : MotionSettings.parseOffset(bmodeOffset);
        return new MotionSettings(motionCorrection, motionSearchPx, region, offset, motionReference,
                similarityFraction, excludeFrames, !noFlashDetection);
    }
}
