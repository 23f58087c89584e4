package org.ceusperfusion.cli;

import org.ceusperfusion.InputException;
import org.ceusperfusion.io.ColourBarLine;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.io.PlaneSelection;
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

    @Option(names = "--channel", paramLabel = "N",
            description = "Channel of a multi-channel file (OME-TIFF, Bio-Formats), 1 = the first; required when it has several.")
    String channel;

    @Option(names = "--z", paramLabel = "N|max|mean",
            description = "Z plane of a file with several Z planes (1 = the first), or a projection over Z: max or mean.")
    String z;

    @Option(names = "--series", paramLabel = "N",
            description = "Image series of a multi-series file, 1 = the first; default: the longest time series.")
    String series;

    LoadOptions toLoadOptions() {
        if (frameIntervalS != null && !(frameIntervalS > 0 && frameIntervalS < 3600)) {
            throw new InputException("--frame-interval", "must be a positive number of seconds, got " + frameIntervalS);
        }
        if (pixelSizeMm != null && !(pixelSizeMm > 0 && pixelSizeMm < 1000)) {
            throw new InputException("--pixel-size", "must be a positive number of mm, got " + pixelSizeMm);
        }
        ColourBarLine bar = colourBar == null ? null : ColourBarLine.parse(colourBar, "--colour-bar");
        PlaneSelection planes = PlaneSelection.parse(channel, z, series, "--");
        return new LoadOptions(frameIntervalS, pixelSizeMm, bar, planes.isEmpty() ? null : planes);
    }
}
