package org.ceusperfusion.cli;

import org.ceusperfusion.InputException;
import org.ceusperfusion.io.ColourBarLine;
import org.ceusperfusion.io.LoadOptions;
import picocli.CommandLine.Option;

/** Options on how a loop is read: explicit timing and calibration, which win over the file's own. */
final class LoopOptions {
    @Option(names = "--frame-interval", paramLabel = "S",
            description = "Frame interval in seconds; overrides the file's timing.")
    Double frameIntervalS;

    @Option(names = "--pixel-size", paramLabel = "MM", description = "Pixel size in mm; overrides the file's calibration.")
    Double pixelSizeMm;

    @Option(names = "--colour-bar", paramLabel = "X0,Y0,X1,Y1",
            description = {"The scanner's colour bar, from its low end (X0,Y0) to its high end (X1,Y1) in",
                "stored-frame pixels: colour pixels are measured by their position on it instead of luminance."})
    String colourBar;

    LoadOptions toLoadOptions() {
        if (frameIntervalS != null && !(frameIntervalS > 0 && frameIntervalS < 3600)) {
            throw new InputException("--frame-interval", "must be a positive number of seconds, got " + frameIntervalS);
        }
        if (pixelSizeMm != null && !(pixelSizeMm > 0 && pixelSizeMm < 1000)) {
            throw new InputException("--pixel-size", "must be a positive number of mm, got " + pixelSizeMm);
        }
        ColourBarLine bar = colourBar == null ? null : ColourBarLine.parse(colourBar, "--colour-bar");
        return new LoadOptions(frameIntervalS, pixelSizeMm, bar);
    }
}
