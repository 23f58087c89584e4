package org.ceusperfusion.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.WindowManager;
import ij.gui.Roi;
import ij.plugin.LutLoader;
import ij.plugin.PlugIn;
import ij.process.FloatProcessor;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.InputInfo;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.io.LoopReader;
import org.ceusperfusion.maps.MapSettings;
import org.ceusperfusion.maps.MapWriter;
import org.ceusperfusion.maps.ParametricMapper;
import org.ceusperfusion.maps.MapCancelledException;
import org.ceusperfusion.maps.MapProgress;
import org.ceusperfusion.maps.ParametricMaps;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.roi.RoiMask;

/**
 * {@code Plugins > CEUS Perfusion > Parametric Maps...}: the bolus fit of every pixel of the current
 * image's ROI (the whole frame without one), on all cores — the same numbers as {@code ceus map}.
 *
 * <p>Shows a 32-bit stack {@code CEUS maps: <title>} with one slice per parameter, then R² and the fit
 * status (slice labels {@code PE (a.u.)}, ...), then with {@code ci} each parameter's 95 % bounds
 * ({@code PE_lo}, {@code PE_hi}, ...), calibrated in mm when the pixel size is known, with the
 * Fire LUT; with {@code save_to}, writes the files of {@code ceus map --out}. Macro:
 * {@code run("Parametric Maps...", "dynamic_range=40 model=lognormal params=PE,AUC,TTP,mTT bin=1 save_to=[/tmp/maps]");}
 */
public class ParametricMapsPlugin implements PlugIn {
    /** The menu command. */
    public static final String COMMAND = "Parametric Maps...";

    @Override
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            PluginErrors.report(COMMAND, "no image is open: open a loop with Open Cine Loop... first");
            return;
        }
        MacroOptions macro = MacroOptions.current();
        PluginErrors.run(COMMAND, () -> {
            ParametricMapsOptions o = macro != null ? ParametricMapsOptions.fromMacro(macro) : ask();
            if (o == null) {
                return;
            }
            List<String> warnings = new ArrayList<>();
            ParametricMaps maps;
            IJ.resetEscape();
            try {
                maps = map(imp, imp.getRoi(), o.settings(), warnings, progressBar());
            } catch (MapCancelledException e) {
                IJ.showProgress(1.0);
                IJ.showStatus("CEUS Perfusion: parametric maps stopped (Esc)");
                IJ.resetEscape();
                return;
            }
            IJ.showProgress(1.0);
            warnings.forEach(w -> IJ.log("CEUS Perfusion: " + imp.getTitle() + ": " + w));
            IJ.log(String.format(java.util.Locale.ROOT, "CEUS Perfusion: %d pixels mapped in %.2f s (%.0f fits/s)",
                    maps.pixelsMapped(), maps.seconds(), maps.fits() / Math.max(1e-9, maps.seconds())));
            toStack(maps, "CEUS maps: " + imp.getTitle()).show();
            if (o.saveTo() != null) {
                save(imp, maps, o.saveTo());
            }
        });
    }

    /**
     * Maps an image (dialog-free API for scripts and tests).
     *
     * @param imp      a cine loop image (frames on T, or on Z with one time point)
     * @param roi      the pixels to map, or {@code null} for the whole frame
     * @param settings what to map
     * @param warnings receives what the user should know about the image conversion
     * @return the maps
     * @throws InputException when the ROI is not an area or lies outside the image, or a setting is impossible
     */
    public static ParametricMaps map(ImagePlus imp, Roi roi, MapSettings settings, List<String> warnings) {
        return map(imp, roi, settings, warnings, MapProgress.NONE);
    }

    /**
     * As {@link #map(ImagePlus, Roi, MapSettings, List)}, reporting to {@code progress} (which may stop it).
     *
     * @throws MapCancelledException when {@code progress} asked to stop
     */
    public static ParametricMaps map(ImagePlus imp, Roi roi, MapSettings settings, List<String> warnings,
                                     MapProgress progress) {
        CineLoop loop = CineLoopImages.toCineLoop(imp, warnings);
        RoiMask mask = roi == null ? null : CineLoopImages.toRoiMask(roi, "roi");
        return new ParametricMapper(settings).map(loop, mask, progress);
    }

    /** ImageJ's progress bar and status line; Esc stops the map. */
    static MapProgress progressBar() {
        return new MapProgress() {
            @Override
            public void progress(int done, int total) {
                IJ.showProgress(done, total);
                IJ.showStatus("CEUS Perfusion: mapping " + done + "/" + total + " curves (Esc stops)");
            }

            @Override
            public boolean cancelled() {
                return IJ.escapePressed();
            }
        };
    }

    /**
     * @param maps  the maps
     * @param title the stack's title
     * @return a 32-bit stack: one slice per parameter, then {@code R2}, {@code status} and (with CIs) {@code <param>_lo}, {@code <param>_hi}; calibrated,
     *         Fire LUT, display range of the first slice
     */
    public static ImagePlus toStack(ParametricMaps maps, String title) {
        ImageStack stack = new ImageStack(maps.width(), maps.height());
        for (PerfusionParameter p : maps.params()) {
            stack.addSlice(p.label() + " (" + p.unit() + ")", new FloatProcessor(maps.width(), maps.height(),
                    maps.values(p).clone()));
        }
        stack.addSlice("R2", new FloatProcessor(maps.width(), maps.height(), maps.r2().clone()));
        stack.addSlice("status (0 OK, 1 NOT_CONVERGED, 2 NO_BOLUS, 3 TOO_FEW_POINTS, 4 FAILED)",
                new FloatProcessor(maps.width(), maps.height(), maps.status().clone()));
        for (int k = 0; maps.ciLo() != null && k < maps.params().size(); k++) {
            PerfusionParameter p = maps.params().get(k);
            stack.addSlice(p.label() + "_lo (" + p.unit() + ", 95% CI low)",
                    new FloatProcessor(maps.width(), maps.height(), maps.ciLo()[k].clone()));
            stack.addSlice(p.label() + "_hi (" + p.unit() + ", 95% CI high)",
                    new FloatProcessor(maps.width(), maps.height(), maps.ciHi()[k].clone()));
        }
        ImagePlus imp = new ImagePlus(title, stack);
        PerfusionParameter first = maps.params().get(0);
        MapWriter.calibrate(imp.getCalibration(), maps.pixelSizeMm(), null);
        IndexColorModel fire = LutLoader.getLut("fire");
        if (fire != null) {
            imp.getProcessor().setColorModel(fire);
            imp.getStack().setColorModel(fire);
        }
        double[] range = MapWriter.colourRange(maps, maps.values(first), first);
        imp.setDisplayRange(range[0], range[1]);
        imp.setProp("CEUS.params", String.join(",", maps.params().stream().map(PerfusionParameter::label).toList()));
        return imp;
    }

    private static void save(ImagePlus imp, ParametricMaps maps, String saveTo) {
        Path source = CineLoopImages.sourcePath(imp);
        InputInfo input = InputInfo.of(CineLoopImages.toCineLoop(imp), source == null ? null : LoopReader.sha256(source));
        Roi roi = imp.getRoi();
        String roiName = roi == null ? null : (roi.getName() == null ? "roi" : roi.getName());
        try {
            MapWriter.writeAll(maps, input, roiName, Path.of(saveTo));
        } catch (IOException e) {
            throw new InputException(saveTo, "cannot write the maps: " + e.getMessage(), e);
        }
        IJ.log("CEUS Perfusion: maps written to " + Path.of(saveTo).toAbsolutePath());
    }

    private static ParametricMapsOptions ask() {
        var values = ParametricMapsOptions.form().ask("CEUS Perfusion: Parametric Maps",
                "Maps the image's ROI (whole frame without one). Esc stops.", HelpLinks.html(COMMAND,
                        "Macro keys: dynamic_range, linear, model, params, bin, smooth, frame_bin, ci, threads,"
                                + " save_to."));
        return values == null ? null : ParametricMapsOptions.fromValues(values);
    }
}
