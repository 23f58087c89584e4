package org.ceusperfusion.ij;

import ij.IJ;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.batch.BatchOptions;
import org.ceusperfusion.batch.BatchResult;
import org.ceusperfusion.batch.BatchRunner;
import org.ceusperfusion.batch.ItemResult;
import org.ceusperfusion.batch.Manifest;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.motion.MotionSettings;

/**
 * {@code Plugins > CEUS Perfusion > Batch...}: runs a manifest CSV (as {@code ceus batch}) or every loop of
 * a folder with one ROI, with the same core and the same outputs ({@link BatchRunner}). Shows progress in
 * the status bar; Esc cancels (items not started are reported as {@code cancelled}). Publishes the table
 * {@value #TITLE}. Recordable; macro:
 * {@code run("Batch...", "input=[/data/study.csv] output=[/data/out] dynamic_range=40 model=lognormal threads=2 resume");}
 * or for a folder {@code run("Batch...", "input=[/data/loops] roi=[tumour=oval:40,27,40,30] output=[/data/out]");}
 */
public class BatchPlugin implements PlugIn {
    /** The menu command. */
    public static final String COMMAND = "Batch...";
    /** Title of the results table: one row per item, as {@code summary.csv}. */
    public static final String TITLE = "CEUS Batch";

    /**
     * What the dialog or the macro options ask for; the fields are declared once ({@link #form}).
     *
     * @param input            manifest {@code .csv} or folder of loops
     * @param roi              ROI of every loop of a folder ({@code name=oval:x,y,w,h}), or empty
     * @param reference        reference ROI for a folder, or empty
     * @param output           output folder, or empty for {@code ceus-batch} beside the input
     * @param dynamicRangeDb   scanner dynamic range, dB
     * @param model            bolus model label
     * @param threads          worker threads (0: all cores)
     * @param resume           skip items whose complete output exists
     * @param linear           the grey values are already linear
     * @param motionCorrection whether the ROIs follow the tissue
     * @param exclude          frames left out of every fit ({@code 10-20,35}), or empty
     * @param keepFlash        keep frames that look like flashes
     * @param bootstrap        bootstrap replicates (0: delta-method intervals)
     * @param noCompare        do not compare each patient's exams
     */
    record Options(String input, String roi, String reference, String output, double dynamicRangeDb,
                   String model, int threads, boolean resume, boolean linear, boolean motionCorrection,
                   String exclude, boolean keepFlash, int bootstrap, boolean noCompare) {

        /** @return the fields of the dialog, in order; each label's first word is its macro key */
        static OptionForm form() {
            return new OptionForm()
                    .file("input", "Input (manifest .csv or folder)")
                    .string("roi", "ROI for a folder (e.g. tumour=oval:40,27,40,30)", "")
                    .string("reference_roi", "Reference_ROI for a folder (optional)", "")
                    .directory("output", "Output folder")
                    .number("dynamic_range", "Dynamic_range", AnalysisSettings.DEFAULT_DYNAMIC_RANGE_DB, "dB")
                    .flag("linear", "Linear data (no log compression)", false)
                    .choice("model", "Model", AnalyzeTicOptions.MODELS, AnalyzeTicOptions.MODELS.get(0))
                    .flag("motion_correction", "Motion_correction (the ROIs follow the tissue)", false)
                    .string("exclude", "Exclude frames (e.g. 10-20,35)", "")
                    .flag("keep_flash", "Keep_flash frames (no flash detection)", false)
                    .integer("bootstrap", "Bootstrap replicates (0: delta method)", 0)
                    .integer("threads", "Threads (0 = all cores)", 0)
                    .flag("resume", "Resume (skip complete items)", false)
                    .flag("no_compare", "No_compare (do not compare each patient's exams)", false);
        }

        static Options fromMacro(MacroOptions m) {
            return fromValues(form().fromMacro(m));
        }

        static Options fromValues(java.util.Map<String, Object> v) {
            return new Options((String) v.get("input"), (String) v.get("roi"), (String) v.get("reference_roi"),
                    (String) v.get("output"), (Double) v.get("dynamic_range"), (String) v.get("model"),
                    whole(v, "threads"), (Boolean) v.get("resume"), (Boolean) v.get("linear"),
                    (Boolean) v.get("motion_correction"), (String) v.get("exclude"), (Boolean) v.get("keep_flash"),
                    whole(v, "bootstrap"), (Boolean) v.get("no_compare"));
        }

        private static int whole(java.util.Map<String, Object> v, String key) {
            double x = (Double) v.get(key);
            if (!(x >= 0) || x != Math.rint(x) || x > 100_000) {
                throw new InputException(key + "=", "expected a whole number >= 0, got " + x);
            }
            return (int) x;
        }

        /** @return the core's default analysis settings for every item */
        AnalysisSettings settings() {
            MotionSettings m = MotionSettings.defaults().withCorrection(motionCorrection)
                    .withExcludeFrames(exclude == null || exclude.isBlank() ? null : exclude.trim())
                    .withFlashDetection(!keepFlash);
            return new AnalysisSettings(linear ? null : dynamicRangeDb, linear, model, m)
                    .withBootstrap(bootstrap, AnalysisSettings.DEFAULT_BOOTSTRAP_SEED);
        }
    }

    @Override
    public void run(String arg) {
        MacroOptions macro = MacroOptions.current();
        PluginErrors.run(COMMAND, () -> {
            Options o = macro != null ? Options.fromMacro(macro) : ask();
            if (o == null) {
                return;
            }
            AtomicBoolean cancel = new AtomicBoolean();
            BatchResult r = run(o, new ImageJProgress(cancel), cancel);
            publish(r);
        });
    }

    /**
     * The batch without any dialog: a manifest or a folder of loops.
     *
     * @param o        input (manifest {@code .csv} or folder), ROIs for a folder, output folder, settings
     * @param listener progress
     * @param cancel   set to stop between items
     * @return the results; the summary is written into the output folder
     * @throws InputException for a bad manifest, a folder without loops, or a missing ROI for a folder
     */
    static BatchResult run(Options o, BatchRunner.Listener listener, AtomicBoolean cancel) {
        if (o.input().isBlank()) {
            throw new InputException("input=", "give a manifest .csv or a folder of loops");
        }
        Path input = Path.of(o.input());
        Manifest manifest;
        if (Files.isDirectory(input)) {
            if (o.roi().isBlank()) {
                throw new InputException("roi=", "a folder of loops needs the ROI of every loop (e.g. oval:40,27,40,30)");
            }
            manifest = Manifest.ofFolder(input, o.roi(), o.reference().isBlank() ? null : o.reference());
        } else {
            manifest = Manifest.read(input);
        }
        Path out = o.output().isBlank() ? input.toAbsolutePath().resolveSibling("ceus-batch") : Path.of(o.output());
        int threads = o.threads() > 0 ? o.threads() : Runtime.getRuntime().availableProcessors();
        BatchOptions options = new BatchOptions(out, o.settings(), LoadOptions.NONE, threads, o.resume(),
                null, null, !o.noCompare(), null);
        try {
            return new BatchRunner(options).run(manifest, listener, cancel);
        } catch (IOException e) {
            throw new InputException(out.toString(), "cannot write the summary: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new InputException(out.toString(), e.getCause().getMessage(), e);
        }
    }

    private static Options ask() {
        var values = Options.form().ask("CEUS Perfusion: Batch",
                "Esc cancels a running batch. For thousands of loops and clusters: ceus batch --shard.",
                HelpLinks.html(COMMAND, "Macro keys: input, roi, reference_roi, output, dynamic_range, linear, model,"
                        + " motion_correction, exclude, keep_flash, bootstrap, threads, resume, no_compare."));
        return values == null ? null : Options.fromValues(values);
    }

    /** @return the results as a table: id, status, message, output and the headline parameters */
    static ResultsTable table(BatchResult r) {
        ResultsTable rt = new ResultsTable();
        for (ItemResult i : r.items()) {
            rt.incrementCounter();
            rt.addValue("id", i.id());
            rt.addValue("status", i.status());
            rt.addValue("message", i.message());
            rt.addValue("output", i.output());
            for (String p : new String[] {"PE", "AUC", "TTP", "mTT"}) {
                String v = i.fields().getOrDefault(p, "");
                rt.addValue(p, v.isEmpty() ? Double.NaN : Double.parseDouble(v));
            }
        }
        return rt;
    }

    private static void publish(BatchResult r) {
        table(r).show(TITLE);
        IJ.log("CEUS Batch: " + r.items().size() + " items, " + r.failed() + " failed, " + r.reused()
                + " already complete; summary: " + r.summary());
        for (ItemResult i : r.items()) {
            if (!i.ok()) {
                IJ.log("  error " + i.id() + ": " + i.message());
            }
        }
        IJ.showStatus("CEUS Batch: done");
    }

    /** Status bar and progress bar; Esc (checked after every item) cancels. */
    private static final class ImageJProgress implements BatchRunner.Listener {
        private final AtomicBoolean cancel;

        ImageJProgress(AtomicBoolean cancel) {
            this.cancel = cancel;
        }

        @Override
        public void started(int total) {
            IJ.resetEscape();
            IJ.showProgress(0, Math.max(1, total));
        }

        @Override
        public void finished(ItemResult r, int done, int total) {
            IJ.showProgress(done, total);
            IJ.showStatus("CEUS Batch " + done + "/" + total + ": " + r.status() + " " + r.id());
            if (IJ.escapePressed() && !cancel.get()) {
                cancel.set(true);
                IJ.log("CEUS Batch: cancelled (Esc); items not started are reported as cancelled");
            }
        }
    }
}
