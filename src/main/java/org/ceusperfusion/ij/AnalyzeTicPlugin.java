package org.ceusperfusion.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.gui.Roi;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import ij.plugin.frame.RoiManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisCancelledException;
import org.ceusperfusion.analysis.AnalysisProgress;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.Analyzer;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.io.LoopReader;
import org.ceusperfusion.report.AnalysisWriter;
import org.ceusperfusion.roi.RoiMask;

/**
 * {@code Plugins > CEUS Perfusion > Analyze TIC...}: the time-intensity curve of the current image's ROI
 * (the whole frame without one), its bolus fit and perfusion parameters with 95 % CIs — the same numbers
 * as {@code ceus analyze}.
 *
 * <p>Publishes a {@link ij.gui.Plot} of the TIC and its fit (not in batch mode), the table
 * {@value AnalysisTables#TITLE} (one row per ROI) and, with {@code save_to}, the files of
 * {@code ceus analyze --out}. Macro:
 * {@code run("Analyze TIC...", "dynamic_range=40 model=lognormal reference=liver save_to=[/tmp/out]");}
 * With {@code motion_correction} the ROI is taken as drawn on the current frame and follows the tissue; its
 * per-frame position is shown as an overlay (red on frames left out of the fit); {@code exclude=[10-20,35]}
 * leaves frames out of the fit.
 */
public class AnalyzeTicPlugin implements PlugIn {
    /** The menu command. */
    public static final String COMMAND = "Analyze TIC...";
    /** Name of the target ROI when the image's ROI has none. */
    public static final String DEFAULT_ROI_NAME = "roi";
    /** Name of the target when the image has no ROI. */
    public static final String WHOLE_FRAME_NAME = "frame";

    @Override
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            PluginErrors.report(COMMAND, "no image is open: open a loop with Open Cine Loop... first");
            return;
        }
        MacroOptions macro = MacroOptions.current();
        PluginErrors.run(COMMAND, () -> {
            boolean timed = CineLoopImages.hasFrameTimes(imp);
            AnalyzeTicOptions options = macro != null ? AnalyzeTicOptions.fromMacro(macro) : ask(!timed);
            if (options == null) {
                return;
            }
            if (!timed && Double.isNaN(options.frameIntervalS())) {
                throw new InputException(imp.getTitle(), ImageTimes.MISSING);
            }
            AnalysisSettings settings = options.settings();
            if (options.motionCorrection()) {
                settings = settings.withMotion(settings.motion().withReferenceFrame(MotionOverlay.currentFrame(imp)));
            }
            List<Roi> targets = options.allRois() ? roiManagerTargets() : single(imp.getRoi());
            IJ.resetEscape();
            IJ.showStatus("CEUS Perfusion: analysing " + imp.getTitle() + " (Esc stops)...");
            LoopAnalysis analysis;
            try {
                analysis = analyze(imp, targets, findReference(options.reference()), settings,
                        options.frameIntervalS(), progressBar(imp.getTitle()));
            } catch (AnalysisCancelledException e) {
                stopped(imp);
                return;
            }
            IJ.showProgress(1.0);
            IJ.showStatus("");
            MotionOverlay.show(imp, targets.get(0), analysis);
            publish(imp, analysis, options.saveTo());
        });
    }

    /**
     * Analyses an image with the default ROI name and no reference.
     *
     * @param imp a cine loop image (frames on T, or on Z when there is one time point)
     * @param roi the target ROI, or {@code null} for the whole frame
     * @param s   linearisation and model
     * @return the analysis, with the image conversion's warnings first
     * @throws InputException when the ROI is not an area or lies outside the image
     */
    public static LoopAnalysis analyze(ImagePlus imp, Roi roi, AnalysisSettings s) {
        return analyze(imp, roi, null, s);
    }

    /**
     * As {@link #analyze(ImagePlus, Roi, AnalysisSettings)}, with a reference ROI (normal tissue) whose
     * ratios are reported.
     *
     * @param reference the reference ROI, or {@code null}
     */
    public static LoopAnalysis analyze(ImagePlus imp, Roi roi, Roi reference, AnalysisSettings s) {
        return analyze(imp, single(roi), reference, s, Double.NaN);
    }

    /**
     * Analyses several target ROIs of one image together (as several {@code --roi} in the CLI).
     *
     * @param imp            a cine loop image
     * @param rois           the target ROIs; a {@code null} entry is the whole frame
     * @param reference      the reference ROI, or {@code null}
     * @param s              linearisation and model
     * @param frameIntervalS frame interval, s, replacing the image's times, or NaN
     * @return the analysis, with the image conversion's warnings first
     * @throws InputException when a ROI is not an area or lies outside the image, or the image has no times
     */
    public static LoopAnalysis analyze(ImagePlus imp, List<Roi> rois, Roi reference, AnalysisSettings s,
                                       double frameIntervalS) {
        return analyze(imp, rois, reference, s, frameIntervalS, AnalysisProgress.NONE);
    }

    /**
     * As {@link #analyze(ImagePlus, List, Roi, AnalysisSettings, double)}, telling {@code progress} of every
     * frame read and letting it stop the analysis.
     *
     * @throws AnalysisCancelledException when {@code progress} asked to stop (nothing is published or written)
     */
    public static LoopAnalysis analyze(ImagePlus imp, List<Roi> rois, Roi reference, AnalysisSettings s,
                                       double frameIntervalS, AnalysisProgress progress) {
        List<String> warnings = new ArrayList<>();
        CineLoop loop = CineLoopImages.toCineLoop(imp, warnings, frameIntervalS);
        List<RoiMask> targets = new ArrayList<>();
        for (Roi roi : rois) {
            if (roi == null) {
                targets.add(CineLoopImages.wholeFrame(WHOLE_FRAME_NAME, imp.getWidth(), imp.getHeight()));
                warnings.add("no ROI on the image: the whole frame was analysed");
            } else {
                targets.add(CineLoopImages.toRoiMask(roi, DEFAULT_ROI_NAME));
            }
        }
        RoiMask ref = reference == null ? null : CineLoopImages.toRoiMask(reference, "reference");
        Path source = CineLoopImages.sourcePath(imp);
        String sha = source == null ? null : LoopReader.sha256(source);
        LoopAnalysis a = Analyzer.analyze(loop, sha, targets, ref, s, progress);
        warnings.addAll(a.warnings());
        return new LoopAnalysis(a.input(), a.settings(), List.copyOf(warnings), a.rois());
    }

    /** ImageJ's progress bar and status line; Esc ({@code IJ.escapePressed()}) stops the analysis. */
    static AnalysisProgress progressBar(String title) {
        return new AnalysisProgress() {
            @Override
            public void frameRead(int index, int total) {
                if (index % 8 == 0 || index == total - 1) {
                    IJ.showProgress(index + 1, total);
                    IJ.showStatus("CEUS Perfusion: " + title + ": frame " + (index + 1) + "/" + total + " (Esc stops)");
                }
            }

            @Override
            public boolean cancelled() {
                return IJ.escapePressed();
            }
        };
    }

    /** After Esc: says so, resets Esc and aborts a calling macro (which must not read a stale table row). */
    private static void stopped(ImagePlus imp) {
        IJ.showProgress(1.0);
        IJ.showStatus("CEUS Perfusion: analysis stopped (Esc)");
        IJ.log("CEUS Perfusion: " + imp.getTitle() + ": Analyze TIC stopped (Esc); no results published or written");
        IJ.resetEscape();
        if (Interpreter.getInstance() != null) {
            Interpreter.abort();
        }
    }

    private static List<Roi> single(Roi roi) {
        List<Roi> l = new ArrayList<>();
        l.add(roi);
        return l;
    }

    /** @return every area ROI of the ROI Manager, named (unnamed ones {@code roi<i>}) */
    private static List<Roi> roiManagerTargets() {
        RoiManager rm = roiManager();
        List<Roi> out = new ArrayList<>();
        for (int i = 0; rm != null && i < rm.getCount(); i++) {
            Roi roi = (Roi) rm.getRoi(i).clone();
            if (roi.isArea()) {
                String name = rm.getName(i);
                roi.setName(name == null || name.isBlank() ? DEFAULT_ROI_NAME + (i + 1) : name);
                out.add(roi);
            }
        }
        if (out.isEmpty()) {
            throw new InputException("target=" + AnalyzeTicOptions.TARGET_ROI_MANAGER,
                    "the ROI Manager holds no area ROI: add ROIs with Analyze > Tools > ROI Manager > Add");
        }
        return out;
    }

    private static AnalyzeTicOptions ask(boolean askInterval) {
        List<String> refs = new ArrayList<>(List.of(AnalyzeTicOptions.NO_REFERENCE));
        RoiManager rm = roiManager();
        for (int i = 0; rm != null && i < rm.getCount(); i++) {
            refs.add(rm.getName(i));
        }
        var values = AnalyzeTicOptions.form(refs, askInterval).ask("CEUS Perfusion: Analyze TIC",
                "Target 'selection': the image's ROI (whole frame without one).", HelpLinks.html(COMMAND,
                        "Macro keys: dynamic_range, linear, model, target, reference, motion_correction, exclude,"
                                + " keep_flash, bootstrap, frame_interval (images without frame times), save_to."));
        return values == null ? null : AnalyzeTicOptions.fromValues(values);
    }

    private static Roi findReference(String name) {
        if (name == null) {
            return null;
        }
        RoiManager rm = roiManager();
        int index = rm == null ? -1 : rm.getIndex(name);
        if (index < 0) {
            throw new InputException("reference=" + name, "no ROI of that name in the ROI Manager");
        }
        Roi roi = (Roi) rm.getRoi(index).clone();
        roi.setName(name);
        return roi;
    }

    private static RoiManager roiManager() {
        RoiManager rm = RoiManager.getInstance();
        if (rm == null && Interpreter.isBatchMode()) {
            rm = Interpreter.getBatchModeRoiManager();
        }
        return rm;
    }

    private static void publish(ImagePlus imp, LoopAnalysis analysis, String saveTo) {
        for (String w : analysis.warnings()) {
            IJ.log("CEUS Perfusion: " + imp.getTitle() + ": " + w);
        }
        AnalysisTables.publish(imp.getTitle(), analysis);
        if (!Interpreter.isBatchMode() && !PluginErrors.noDialogs()) {
            TicPlots.create(analysis, "CEUS TIC: " + imp.getTitle()).show();
        }
        if (saveTo != null) {
            Path dir = Path.of(saveTo);
            try {
                AnalysisWriter.writeAll(analysis, dir);
            } catch (IOException e) {
                throw new InputException(saveTo, "cannot write the results: " + e.getMessage(), e);
            } catch (UncheckedIOException e) {
                throw new InputException(saveTo, "cannot write the results: " + e.getCause().getMessage(), e);
            }
            IJ.log("CEUS Perfusion: results written to " + dir.toAbsolutePath());
        }
    }
}
