package org.ceusperfusion.report;

import java.io.IOException;
import java.nio.file.Path;
import org.ceusperfusion.analysis.LoopAnalysis;

/** Writes the files of one analysis: {@code analysis.json}, {@code tic.csv}, {@code tic.png}. */
public final class AnalysisWriter {
    private AnalysisWriter() {
    }

    /**
     * Writes every output of {@code analysis} into {@code outDir} atomically (temporary names, then rename).
     *
     * @param analysis the analysis
     * @param outDir   the output folder, created when missing
     */
    public static void writeAll(LoopAnalysis analysis, Path outDir) throws IOException {
        throw new UnsupportedOperationException("AnalysisWriter.writeAll: not implemented yet");
    }
}
