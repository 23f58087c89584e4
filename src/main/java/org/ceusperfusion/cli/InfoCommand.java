package org.ceusperfusion.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ceusperfusion.analysis.InputInfo;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.io.LoopReader;
import org.ceusperfusion.report.AnalysisJson;
import org.ceusperfusion.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ceus info LOOP}: prints the loop's {@code input} section as JSON on stdout. */
@Command(name = "info", header = "Print what was read from a loop (frames, times, size, calibration) as JSON.", mixinStandardHelpOptions = true,
        description = {"Reads a cine loop and prints what was read as JSON: format, frames, size, the time of",
                "every frame, frame interval, pixel size, photometric interpretation, transfer syntax, regions."})
final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOOP", description = "The cine loop.")
    Path loopPath;

    @Mixin
    LoopOptions loopOptions = new LoopOptions();

    @Override
    public Integer call() {
        CineLoop loop = LoopReader.open(loopPath, loopOptions.toLoadOptions());
        InputInfo info = InputInfo.of(loop, LoopReader.sha256(loopPath));
        spec.commandLine().getOut().println(Json.toText(AnalysisJson.input(info)));
        spec.commandLine().getOut().flush();
        return ErrorHandler.OK;
    }
}
