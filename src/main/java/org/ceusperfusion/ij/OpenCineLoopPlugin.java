package org.ceusperfusion.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.io.OpenDialog;
import ij.plugin.PlugIn;
import java.nio.file.Path;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.io.ColourBarLine;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.io.LoopReader;
import org.ceusperfusion.io.PlaneSelection;

/**
 * {@code Plugins > CEUS Perfusion > Open Cine Loop...}: reads a loop with CEUS Perfusion's own readers
 * (correct frame times, palette → luminance, compressed DICOM, video) and shows it as a time series.
 *
 * <p>Macro: {@code run("Open Cine Loop...", "open=[/path/loop.dcm]");} — add
 * {@code colour_bar=[x0,y0,x1,y1]} (low end to high end of the scanner's colour bar, stored-frame pixels)
 * to measure colour pixels by their position on the bar instead of luminance.
 */
public class OpenCineLoopPlugin implements PlugIn {
    /** The menu command. */
    public static final String COMMAND = "Open Cine Loop...";

    @Override
    public void run(String arg) {
        MacroOptions options = MacroOptions.current();
        String path = options != null ? options.string("open", null) : choose();
        if (path == null) {
            if (options != null) {
                PluginErrors.run(COMMAND, () -> {
                    throw new InputException("open=", "no file given: use open=[/path/to/loop]");
                });
            }
            return;
        }
        PluginErrors.run(COMMAND, () -> open(Path.of(path), loadOptions(options)).show());
    }

    /** @return the load options of the macro keys {@code colour_bar}, {@code channel}, {@code z}, {@code series} */
    static LoadOptions loadOptions(MacroOptions options) {
        if (options == null) {
            return LoadOptions.NONE;
        }
        String bar = options.string("colour_bar", null);
        PlaneSelection planes = PlaneSelection.parse(options.string("channel", null), options.string("z", null),
                options.string("series", null), "");
        LoadOptions o = bar == null ? LoadOptions.NONE : LoadOptions.NONE.withColourBar(ColourBarLine.parse(bar, "colour_bar="));
        return planes.isEmpty() ? o : o.withPlanes(planes);
    }

    private static String choose() {
        OpenDialog od = new OpenDialog("Open Cine Loop");
        return od.getPath();
    }

    /**
     * Reads a loop and converts it to an image (not shown).
     *
     * @param path    the loop's file
     * @param options overrides of frame interval and pixel size
     * @return a time series calibrated in s (and mm when known), titled with the file name, followed by its
     *         folder's name when an open image already has that title ({@code IM_0001.dcm (patient2)})
     * @throws InputException when the file cannot be read
     */
    public static ImagePlus open(Path path, LoadOptions options) {
        IJ.showStatus("CEUS Perfusion: reading " + path.getFileName() + "...");
        CineLoop loop = LoopReader.open(path, options);
        IJ.showStatus("");
        ImagePlus imp = CineLoopImages.toImagePlus(loop, ImageTitles.distinct(path));
        imp.setProp(CineLoopImages.PATH_PROPERTY, path.toAbsolutePath().toString());
        return imp;
    }
}
