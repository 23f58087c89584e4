package org.ceusperfusion.ij;

import ij.IJ;
import ij.gui.GenericDialog;
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

    /** What the dialog or the macro options ask for. */
    record Options(String input, String roi, String reference, String output, double dynamicRangeDb,
                   String model, int threads, boolean resume) {

        static Options fromMacro(MacroOptions m) {
            return new Options(m.string("input", ""), m.string("roi", ""), m.string("reference_roi", ""),
                    m.string("output", ""), m.number("dynamic_range", AnalysisSettings.DEFAULT_DYNAMIC_RANGE_DB),
                    m.string("model", "lognormal"), (int) m.number("threads", Runtime.getRuntime().availableProcessors()),
                    m.flag("resume"));
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
        AnalysisSettings s = new AnalysisSettings(o.dynamicRangeDb(), false, o.model());
        BatchOptions options = new BatchOptions(out, s, LoadOptions.NONE, Math.max(1, o.threads()), o.resume(),
                null, null, true, null);
        try {
            return new BatchRunner(options).run(manifest, listener, cancel);
        } catch (IOException e) {
            throw new InputException(out.toString(), "cannot write the summary: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new InputException(out.toString(), e.getCause().getMessage(), e);
        }
    }

    private static Options ask() {
        GenericDialog gd = new GenericDialog("CEUS Perfusion: Batch");
        gd.addFileField("Input (manifest .csv or folder)", "", 40);
        gd.addStringField("ROI for a folder (e.g. tumour=oval:40,27,40,30)", "", 30);
        gd.addStringField("Reference_ROI for a folder (optional)", "", 30);
        gd.addDirectoryField("Output folder", "", 40);
        gd.addNumericField("Dynamic_range", AnalysisSettings.DEFAULT_DYNAMIC_RANGE_DB, 1, 6, "dB");
        gd.addChoice("Model", AnalyzeTicOptions.MODELS.toArray(new String[0]), "lognormal");
        gd.addNumericField("Threads", Runtime.getRuntime().availableProcessors(), 0);
        gd.addCheckbox("Resume (skip complete items)", false);
        gd.addMessage("Esc cancels a running batch. For thousands of loops and clusters: ceus batch --shard.");
        gd.addHelp(HelpLinks.html(COMMAND, "Macro keys: input, roi, reference_roi, output, dynamic_range, model,"
                + " threads, resume."));
        gd.showDialog();
        if (gd.wasCanceled()) {
            return null;
        }
        return new Options(gd.getNextString(), gd.getNextString(), gd.getNextString(), gd.getNextString(),
                gd.getNextNumber(), gd.getNextChoice(), (int) gd.getNextNumber(), gd.getNextBoolean());
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
