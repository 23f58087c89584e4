package org.ceusperfusion.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import ij.macro.Interpreter;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import ij.plugin.frame.RoiManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.compare.CommonModel;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ExamChange;
import org.ceusperfusion.compare.ExamInput;
import org.ceusperfusion.compare.ExamLists;
import org.ceusperfusion.compare.ExamSpec;
import org.ceusperfusion.compare.FollowUp;
import org.ceusperfusion.compare.PercentChange;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.io.LoopReader;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.report.ComparisonReport;
import org.ceusperfusion.report.ComparisonWriter;
import org.ceusperfusion.roi.RoiMask;

/**
 * {@code Plugins > CEUS Perfusion > Compare Exams...}: baseline versus follow-up exams — the same engine
 * ({@link FollowUp}) and numbers as {@code ceus compare}.
 *
 * <p>Each exam is an open image (by title; its ROI is the target) or a loop file; a ROI Manager entry
 * named like the exam's label is the target when present (required for files). Publishes the report
 * page in an image window (not in batch mode), the table {@value #TABLE} (one row per change) and, with
 * {@code save_to}, the files of {@code ceus compare --out}. Macro (keys in {@link CompareExamsOptions}):
 * {@code run("Compare Exams...", "exams=[baseline.dcm,day14.tif] labels=[baseline,D14] days=[0,14]
 * volume_ml=[295,341] save_to=[/tmp/cmp]");}
 */
public class CompareExamsPlugin implements PlugIn {
    /** The menu command. */
    public static final String COMMAND = "Compare Exams...";
    /** Title of the results table. */
    public static final String TABLE = "CEUS Comparison";
    private static final PerfusionParameter[] COLUMNS = {PerfusionParameter.AUC, PerfusionParameter.PE,
        PerfusionParameter.TTP, PerfusionParameter.MTT, PerfusionParameter.WIR};

    @Override
    public void run(String arg) {
        MacroOptions macro = MacroOptions.current();
        PluginErrors.run(COMMAND, () -> {
            CompareExamsOptions options = macro != null ? CompareExamsOptions.fromMacro(macro) : ask();
            if (options != null) {
                publish(compare(options), options.saveTo());
            }
        });
    }

    /**
     * Analyses and compares the exams of {@code o} (dialog-free API for scripts and tests).
     *
     * @return the comparison
     * @throws InputException when an exam is neither an open image nor a readable file, or lacks a ROI
     */
    public static Comparison compare(CompareExamsOptions o) {
        List<ExamInput> inputs = analyzeAll(o, o.settings());
        IJ.showStatus("CEUS Perfusion: comparing " + o.exams().size() + " exams");
        Comparison c;
        try {
            // model=auto: one model for every exam, the lowest AICc summed over the exams (as ceus compare)
            c = CommonModel.compare(inputs, o.settings(), o.comparison(), s -> analyzeAll(o, s));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IJ.showProgress(1.0);
        IJ.showStatus("");
        return c;
    }

    private static List<ExamInput> analyzeAll(CompareExamsOptions o, AnalysisSettings settings) {
        int n = o.exams().size();
        List<String> labels = o.labelList();
        List<Double> days = ExamLists.numbers("days=", o.days(), n);
        List<Double> volumes = ExamLists.numbers("volume_ml=", o.volumeMl(), n);
        List<Double> necrosis = ExamLists.numbers("necrosis_pct=", o.necrosisPct(), n);
        List<double[]> diameters = ExamLists.perExam("diameters_mm=", o.diametersMm(), n);
        List<double[]> ellipsoid = ExamLists.perExam("volume_diameters_mm=", o.volumeDiametersMm(), n);
        List<Boolean> lesions = ExamLists.flags("new_lesions=", o.newLesions(), n);
        List<ExamInput> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String label = labels.get(i);
            if (IJ.escapePressed()) {
                IJ.resetEscape();
                throw new InputException(COMMAND, "cancelled (Esc) before exam " + label);
            }
            IJ.showStatus("CEUS Perfusion: analysing exam " + (i + 1) + "/" + n + " (" + label + "), Esc cancels");
            IJ.showProgress(i, n + 1);
            Source src = source(o.exams().get(i), label);
            RoiMask ref = o.reference() == null ? null : CineLoopImages.toRoiMask(managerRoi(o.reference(), label,
                    true), o.reference());
            ExamSpec spec = new ExamSpec(label, days.get(i), src.target(), ref, volumes.get(i), necrosis.get(i),
                    diameters.get(i), lesions.get(i), ellipsoid.get(i));
            inputs.add(FollowUp.analyze(src.loop(), src.sha256(), spec, settings));
        }
        return inputs;
    }

    /** A loop with its target ROI and file hash. */
    private record Source(CineLoop loop, String sha256, RoiMask target) {
    }

    private static Source source(String item, String label) {
        ImagePlus imp = WindowManager.getImage(item);
        if (imp != null && ImageTitles.count(item) > 1) {
            throw new InputException("exam " + label, ImageTitles.count(item) + " open images are titled '" + item
                    + "': rename one (Image > Rename...) or give its file path");
        }
        Roi managed = managerRoi(label, label, false);
        if (imp != null) {
            Roi roi = managed != null ? managed : imp.getRoi();
            if (roi == null) {
                throw new InputException("exam " + label, "image '" + item + "' has no ROI and the ROI Manager has "
                        + "none named '" + label + "'");
            }
            Path p = CineLoopImages.sourcePath(imp);
            CineLoop loop = CineLoopImages.toCineLoop(imp, new ArrayList<>());
            return new Source(loop, p == null ? null : LoopReader.sha256(p), CineLoopImages.toRoiMask(roi, "tumour"));
        }
        Path file = Path.of(item);
        if (!Files.isRegularFile(file)) {
            throw new InputException(item, "neither an open image title nor a loop file");
        }
        if (managed == null) {
            throw new InputException("exam " + label, "the ROI Manager has no ROI named '" + label
                    + "' for the file " + item);
        }
        return new Source(LoopReader.open(file, LoadOptions.NONE), LoopReader.sha256(file),
                CineLoopImages.toRoiMask(managed, "tumour"));
    }

    /** @return the ROI Manager ROI {@code name-label} or {@code name}; {@code null} or an error when absent */
    private static Roi managerRoi(String name, String label, boolean required) {
        RoiManager rm = RoiManager.getInstance();
        if (rm == null && Interpreter.isBatchMode()) {
            rm = Interpreter.getBatchModeRoiManager();
        }
        int index = rm == null ? -1 : rm.getIndex(name + "-" + label);
        if (index < 0 && rm != null) {
            index = rm.getIndex(name);
        }
        if (index < 0) {
            if (required) {
                throw new InputException("reference=" + name, "no ROI named '" + name + "-" + label + "' or '" + name
                        + "' in the ROI Manager");
            }
            return null;
        }
        Roi roi = (Roi) rm.getRoi(index).clone();
        if (roi.getName() == null) {
            roi.setName(name);
        }
        return roi;
    }

    private static CompareExamsOptions ask() {
        String[] titles = WindowManager.getImageTitles();
        if (titles.length < 2) {
            throw new InputException(COMMAND, "open at least two cine loops (Open Cine Loop...), each with its ROI");
        }
        var v = CompareExamsOptions.form(String.join(",", titles)).ask("CEUS Perfusion: Compare Exams", null,
                HelpLinks.html(COMMAND, "Macro keys: exams (or baseline, followup), labels, days, volume_ml,"
                        + " necrosis_pct, diameters_mm, volume_diameters_mm, new_lesions, reference, dynamic_range,"
                        + " linear, model, response_parameter, response_threshold, response_day, diameter_sd,"
                        + " repeatability_cv, save_to."));
        return v == null ? null : CompareExamsOptions.fromValues(CompareExamsOptions.items((String) v.get("exams")), v);
    }

    /** @return the table: one row per change, percent change and 95 % CI of the headline parameters */
    static ResultsTable table(Comparison c) {
        ResultsTable rt = new ResultsTable();
        for (ExamChange ch : c.changes()) {
            rt.incrementCounter();
            rt.addValue("From", ch.from());
            rt.addValue("To", ch.to());
            for (PerfusionParameter p : COLUMNS) {
                PercentChange pc = ch.parameter(p);
                org.ceusperfusion.compare.TimeShift ts = ch.timeShift(p);
                if (pc == null && ts != null) { // clock time from the first frame: difference in seconds
                    rt.addValue(p.label() + " s", ts.diffS());
                    rt.addValue(p.label() + " lo", ts.lo());
                    rt.addValue(p.label() + " hi", ts.hi());
                    continue;
                }
                rt.addValue(p.label() + " %", pc == null ? Double.NaN : pc.pct());
                rt.addValue(p.label() + " lo", pc == null ? Double.NaN : pc.lo());
                rt.addValue(p.label() + " hi", pc == null ? Double.NaN : pc.hi());
            }
            rt.addValue("CI covers", c.options().changeIntervalCovers());
            rt.addValue("Volume %", ch.volumePct() == null ? Double.NaN : ch.volumePct());
            rt.addValue("Non-enh points", ch.nonEnhancingPctPoints() == null ? Double.NaN : ch.nonEnhancingPctPoints());
        }
        return rt;
    }

    private static void publish(Comparison c, String saveTo) {
        IJ.log("CEUS Perfusion: " + c.response().summary());
        c.warnings().forEach(w -> IJ.log("CEUS Perfusion: warning: " + w));
        table(c).show(TABLE);
        if (!Interpreter.isBatchMode() && !PluginErrors.noDialogs()) {
            new ImagePlus("CEUS report: " + c.exams().get(0).label() + " -> "
                    + c.exams().get(c.exams().size() - 1).label(), ComparisonReport.image(c)).show();
        }
        if (saveTo != null) {
            Path dir = Path.of(saveTo);
            try {
                ComparisonWriter.writeAll(c, dir);
            } catch (IOException e) {
                throw new InputException(saveTo, "cannot write the results: " + e.getMessage(), e);
            } catch (UncheckedIOException e) {
                throw new InputException(saveTo, "cannot write the results: " + e.getCause().getMessage(), e);
            }
            IJ.log("CEUS Perfusion: comparison written to " + dir.toAbsolutePath());
        }
    }
}
