package org.ceusperfusion.ij;

import java.nio.file.Path;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.Analyzer;
import org.ceusperfusion.analysis.InputInfo;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.io.LoopReader;
import org.ceusperfusion.report.AnalysisWriter;
import org.ceusperfusion.roi.RoiMask;

/**
 * Tells whether the core entry points this package calls are still the placeholder stubs (which throw
 * {@link UnsupportedOperationException}). Tests that need them run only once they are implemented; no test
 * is ever skipped for any other reason.
 */
final class CoreStubs {
    private CoreStubs() {
    }

    /** @return whether {@link LoopReader#open} is implemented */
    static boolean loaderReady() {
        try {
            LoopReader.open(Path.of("/nonexistent/ceus-probe.dcm"), LoadOptions.NONE);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** @return whether {@link Analyzer#analyze} is implemented */
    static boolean analyzerReady() {
        CineLoop loop = new CineLoop(2, 2, new double[] {0, 1}, null,
                LoopMetadata.simple("probe", "SYNTHETIC", "option"),
                FrameSource.of(new float[][] {{1, 1, 1, 1}, {2, 2, 2, 2}}));
        RoiMask all = new RoiMask("probe", 0, 0, 2, 2, new boolean[] {true, true, true, true});
        try {
            Analyzer.analyze(loop, null, List.of(all), null, AnalysisSettings.logCompressed(40));
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        } catch (InputException | IllegalArgumentException | IllegalStateException e) {
            return true;
        }
    }

    /** @return whether {@link AnalysisWriter#writeAll} is implemented (probed by writing into {@code tmp}) */
    static boolean writerReady(Path tmp) {
        CineLoop loop = new CineLoop(2, 2, new double[] {0, 1}, null,
                LoopMetadata.simple("probe", "SYNTHETIC", "option"),
                FrameSource.of(new float[][] {{1, 1, 1, 1}, {2, 2, 2, 2}}));
        LoopAnalysis empty = new LoopAnalysis(InputInfo.of(loop, null), AnalysisSettings.logCompressed(40),
                List.of(), List.of());
        try {
            AnalysisWriter.writeAll(empty, tmp.resolve("writer-probe"));
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        } catch (RuntimeException | java.io.IOException e) {
            return true;
        }
    }
}
