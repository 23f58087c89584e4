package org.ceusperfusion.cli;

import org.ceusperfusion.analysis.AnalysisSettings;
import picocli.CommandLine.Option;

/** Options on how a loop is analysed: linearisation and bolus model. */
final class AnalysisOptions {
    @Option(names = "--dynamic-range", paramLabel = "DB",
            description = "Dynamic range of the log-compressed video in dB (default ${DEFAULT-VALUE}).",
            defaultValue = "40")
    double dynamicRangeDb = AnalysisSettings.DEFAULT_DYNAMIC_RANGE_DB;

    @Option(names = "--linear", description = "The grey values are already linear echo power (no linearisation).")
    boolean linear;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "lognormal",
            description = "Bolus model: lognormal (default ${DEFAULT-VALUE}).")
    String model = "lognormal";

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "Progress display: auto, bar, log or none.")
    String progress;

    AnalysisSettings toSettings() {
        return new AnalysisSettings(linear ? null : dynamicRangeDb, linear, model);
    }
}
