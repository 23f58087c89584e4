package org.ceusperfusion.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import ij.gui.RoiListener;
import ij.io.OpenDialog;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JFileChooser;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.Timer;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.report.AnalysisWriter;
import org.ceusperfusion.report.ComparisonWriter;
import org.ceusperfusion.session.Session;
import org.ceusperfusion.session.SessionCheck;
import org.ceusperfusion.session.SessionJson;

/**
 * The workbench's behaviour: opening loops as ImageJ windows, taking ROIs from them, the live TIC preview
 * (an ImageJ {@link RoiListener}, debounced, computed off the event thread), comparison, export and
 * sessions. Every action is also recorded as macro text ({@link WorkbenchMacro}). Public methods are called
 * on the event thread; long work goes through {@link WorkbenchTasks}.
 */
public final class WorkbenchController implements RoiListener {
    /** Name of the session file written beside an export. */
    public static final String SESSION_FILE = "session.ceus.json";
    private static final int DEBOUNCE_MS = 350;
    private final WorkbenchModel model = new WorkbenchModel();
    private final List<ImagePlus> images = new ArrayList<>();
    private final WorkbenchTasks tasks = new WorkbenchTasks();
    private final WorkbenchResults results = new WorkbenchResults();
    private final WorkbenchExamTable table = new WorkbenchExamTable(model, tasks::error);
    private final WorkbenchFrame frame;
    private final Timer debounce;
    private ImagePlus pendingPreview;
    private SwingWorker<?, ?> previewWorker;
    private LoopAnalysis preview;
    private String previewLabel;

    private WorkbenchController() {
        frame = new WorkbenchFrame(this, table, results, tasks);
        debounce = new Timer(DEBOUNCE_MS, e -> startPreview());
        debounce.setRepeats(false);
        Roi.addRoiListener(this);
    }

    /** Opens a new workbench window (on the event thread). */
    public static WorkbenchController open() {
        WorkbenchController c = new WorkbenchController();
        c.frame.setVisible(true);
        return c;
    }

    /** @return the window */
    public WorkbenchFrame frame() {
        return frame;
    }

    /** @return the state */
    public WorkbenchModel model() {
        return model;
    }

    /** @return the loop window of exam {@code i} */
    public ImagePlus image(int i) {
        return images.get(i);
    }

    /** @return whether background work is running */
    public boolean busy() {
        return tasks.busy() || debounce.isRunning();
    }

    /** @return the status line */
    public String status() {
        return tasks.message();
    }

    /** @return the comparison block's text */
    public String comparisonText() {
        return results.comparisonText();
    }

    void chooseLoops() {
        JFileChooser fc = chooser();
        fc.setMultiSelectionEnabled(true);
        fc.setDialogTitle("Open cine loops (baseline first)");
        if (fc.showOpenDialog(frame) == JFileChooser.APPROVE_OPTION) {
            rememberDirectory(fc);
            addLoops(java.util.Arrays.stream(fc.getSelectedFiles()).map(java.io.File::toPath).toList());
        }
    }

    /** Reads loops in the background and adds them as exams, each shown as an ImageJ window. */
    public void addLoops(List<Path> paths) {
        tasks.run("Opening " + paths.size() + " loop(s)", p -> {
            List<WorkbenchExam> read = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                p.step(i, paths.size(), "reading " + paths.get(i).getFileName());
                read.add(WorkbenchModel.read(paths.get(i), "?", null));
            }
            return read;
        }, read -> {
            for (WorkbenchExam e : read) {
                boolean first = model.exams().isEmpty();
                addExam(e.withLabel(model.nextLabel(), first ? 0.0 : null));
                WorkbenchMacro.record(WorkbenchMacro.openLoop(e.path()));
            }
            refresh();
        });
    }

    private void addExam(WorkbenchExam e) {
        model.add(e);
        ImagePlus imp = CineLoopImages.toImagePlus(e.loop(), ImageTitles.distinct(e.path()));
        imp.setProp(CineLoopImages.PATH_PROPERTY, e.path().toString());
        images.add(imp);
        if (e.targetSpec() != null) {
            imp.setRoi(WorkbenchRoiSpecs.toRoi(e.targetSpec()));
        }
        if (!GraphicsEnvironment.isHeadless()) {
            imp.show();
            placeLoopWindow(imp);
        }
        table.fireTableDataChanged();
        frame.selectRow(model.exams().size() - 1);
    }

    /** Removes exam {@code i} and closes its window. */
    public void remove(int i) {
        if (i < 0 || i >= images.size()) {
            tasks.error("select an exam in the list first");
            return;
        }
        model.remove(i);
        images.remove(i).close();
        table.fireTableDataChanged();
        refresh();
    }

    void showImage(int i) {
        if (i >= 0 && i < images.size() && images.get(i).getWindow() != null) {
            images.get(i).getWindow().toFront();
        }
    }

    /** Uses the ROI of the active loop window (else the selected exam's) as target or reference. */
    void useCurrentRoi(boolean target) {
        int i = images.indexOf(WindowManager.getCurrentImage());
        useRoi(i >= 0 ? i : frame.selectedRow(), target);
    }

    /**
     * Takes the ROI drawn on exam {@code i}'s loop as its target or reference ROI and analyses the exam.
     *
     * @param i      the exam
     * @param target {@code true} for the target, {@code false} for the reference
     */
    public void useRoi(int i, boolean target) {
        if (i < 0 || i >= images.size()) {
            tasks.error("open a loop and draw a ROI on it first");
            return;
        }
        ImagePlus imp = images.get(i);
        Roi roi = imp.getRoi();
        if (roi == null) {
            tasks.error(imp.getTitle() + ": draw a ROI on the loop first (oval, rectangle or polygon)");
            return;
        }
        try {
            String spec = WorkbenchRoiSpecs.toSpec(roi, target ? WorkbenchModel.TARGET : WorkbenchModel.REFERENCE);
            if (target) {
                model.setTarget(i, spec);
            } else {
                model.setReference(i, spec);
            }
            recordRoi(imp, model.exam(i), target);
        } catch (InputException e) {
            tasks.error(e.getMessage());
            return;
        }
        table.fireTableRowsUpdated(i, i);
        if (preview != null && model.exam(i).label().equals(previewLabel)) {
            preview = null;
        }
        analyzeExam(i);
    }

    private void recordRoi(ImagePlus imp, WorkbenchExam e, boolean target) {
        String spec = target ? e.targetSpec() : e.referenceSpec();
        StringBuilder m = new StringBuilder(WorkbenchMacro.selectRoi(imp.getTitle(), spec));
        if (!target) {
            m.append(WorkbenchMacro.addToManager());
        } else {
            String ref = e.referenceSpec() == null ? null : WorkbenchRoiSpecs.mask(e.referenceSpec(), "reference").name();
            m.append(WorkbenchMacro.analyze(model.settings(), ref, null));
        }
        WorkbenchMacro.record(m.toString());
    }

    private void analyzeExam(int i) {
        WorkbenchExam e = model.exam(i);
        if (e.targetSpec() == null) {
            refresh();
            return;
        }
        AnalysisSettings s = model.settings();
        tasks.run("Analysing " + e.label(), p -> WorkbenchModel.analyze(e, null, s), a -> {
            int now = model.exams().indexOf(e);
            if (now >= 0) {
                model.setAnalysis(now, a);
            }
            refresh();
        });
    }

    @Override
    public void roiModified(ImagePlus imp, int id) {
        if (imp == null) {
            return;
        }
        SwingUtilities.invokeLater(() -> {
            if (images.contains(imp)) {
                pendingPreview = imp;
                debounce.restart();
            }
        });
    }

    private void startPreview() {
        ImagePlus imp = pendingPreview;
        int i = images.indexOf(imp);
        if (i < 0) {
            return;
        }
        if (previewWorker != null) {
            previewWorker.cancel(true);
        }
        Roi roi = imp.getRoi();
        WorkbenchExam e = model.exam(i);
        String spec;
        try {
            spec = roi == null || !roi.isArea() ? null : WorkbenchRoiSpecs.toSpec(roi, WorkbenchModel.TARGET);
        } catch (InputException ex) {
            spec = null;
        }
        if (spec == null || spec.equals(e.targetSpec()) || spec.equals(e.referenceSpec())) {
            preview = null;
            refresh();
            return;
        }
        String s = spec;
        AnalysisSettings settings = model.settings();
        previewWorker = tasks.run("Live TIC of " + e.label(), p -> WorkbenchModel.analyze(e, s, settings), a -> {
            preview = a;
            previewLabel = e.label();
            refresh();
        });
    }

    /** Analyses every exam and compares them with the baseline, in the background. */
    public void compare() {
        List<WorkbenchExam> snapshot = model.exams();
        AnalysisSettings s = model.settings();
        tasks.run("Comparing", p -> WorkbenchModel.compare(snapshot, s, p), c -> {
            if (WorkbenchModel.sameInputs(model.exams(), snapshot)) {
                model.setComparison(c);
            }
            WorkbenchMacro.record(WorkbenchMacro.compare(snapshot, s, null));
            refresh();
        });
    }

    void chooseExport() {
        Path dir = chooseFolder("Export results into folder");
        if (dir != null) {
            exportTo(dir);
        }
    }

    /**
     * Writes the results into {@code dir}: with two exams or more the files of {@code ceus compare}
     * (report, CSV, JSON) plus {@value #SESSION_FILE}; with one exam the files of {@code ceus analyze}.
     */
    public void exportTo(Path dir) {
        List<WorkbenchExam> snapshot = model.exams();
        AnalysisSettings s = model.settings();
        Session session = model.toSession();
        Comparison known = model.comparison();
        tasks.run("Exporting to " + dir, p -> {
            try {
                if (snapshot.size() == 1) {
                    AnalysisWriter.writeAll(WorkbenchModel.analyze(snapshot.get(0), null, s), dir);
                    return null;
                }
                Comparison c = known != null ? known : WorkbenchModel.compare(snapshot, s, p);
                ComparisonWriter.writeAll(c, dir);
                SessionJson.write(session, dir.resolve(SESSION_FILE));
                return c;
            } catch (IOException | UncheckedIOException e) {
                throw new InputException(dir.toString(), "cannot write the results: " + e.getMessage(), e);
            }
        }, c -> {
            if (c != null && WorkbenchModel.sameInputs(model.exams(), snapshot)) {
                model.setComparison(c);
            }
            WorkbenchMacro.record(WorkbenchMacro.compare(snapshot, s, dir));
            refresh();
            tasks.info("Results written to " + dir.toAbsolutePath());
        });
    }

    void chooseSaveSession() {
        JFileChooser fc = chooser();
        fc.setDialogTitle("Save session");
        fc.setSelectedFile(new java.io.File(SESSION_FILE));
        if (fc.showSaveDialog(frame) == JFileChooser.APPROVE_OPTION) {
            rememberDirectory(fc);
            saveSession(fc.getSelectedFile().toPath());
        }
    }

    /** Saves the session to {@code file} (atomic). */
    public void saveSession(Path file) {
        try {
            SessionJson.write(model.toSession(), file);
            tasks.info("Session saved to " + file.toAbsolutePath());
        } catch (IOException e) {
            tasks.error(file + ": cannot write the session: " + e.getMessage());
        }
    }

    void chooseOpenSession() {
        JFileChooser fc = chooser();
        fc.setDialogTitle("Open session");
        if (fc.showOpenDialog(frame) == JFileChooser.APPROVE_OPTION) {
            rememberDirectory(fc);
            openSession(fc.getSelectedFile().toPath());
        }
    }

    /** Replaces the workbench's state by a saved session: its loops, ROIs and settings; then compares. */
    public void openSession(Path file) {
        Session s;
        try {
            s = SessionJson.read(file);
        } catch (InputException e) {
            tasks.error(e.getMessage());
            return;
        }
        tasks.run("Opening session " + file.getFileName(), p -> WorkbenchModel.readSession(s, p), exams -> {
            while (!images.isEmpty()) {
                images.remove(images.size() - 1).close();
            }
            model.replace(List.of(), s.settings().toAnalysisSettings());
            frame.showSettings(model.settings());
            exams.forEach(this::addExam);
            preview = null;
            results.clearComparison();
            List<String> warnings = SessionCheck.fileWarnings(s);
            warnings.forEach(w -> IJ.log("CEUS Perfusion: warning: " + w));
            if (model.exams().size() >= 2 && model.exams().stream().allMatch(e -> e.targetSpec() != null)) {
                compare();
            } else {
                refresh();
            }
            if (!warnings.isEmpty()) {
                tasks.error("warning: " + warnings.get(0));
            }
        });
    }

    void settingsChanged(AnalysisSettings s) {
        model.setSettings(s);
        preview = null;
        results.clearComparison();
        for (int i = 0; i < model.exams().size(); i++) {
            analyzeExam(i);
        }
        refresh();
    }

    /** Cancels the running work. */
    public void cancel() {
        tasks.cancel();
    }

    void closed() {
        Roi.removeRoiListener(this);
        debounce.stop();
        tasks.cancel();
    }

    private void refresh() {
        table.fireTableDataChanged();
        results.show(model.exams(), preview, previewLabel, model.comparison());
        if (model.comparison() == null) {
            results.clearComparison();
        }
    }

    /** @return a file chooser opened in ImageJ's default directory (File > Open's last folder) */
    private static JFileChooser chooser() {
        String dir = OpenDialog.getDefaultDirectory();
        return dir == null || dir.isBlank() ? new JFileChooser() : new JFileChooser(dir);
    }

    private static void rememberDirectory(JFileChooser fc) {
        java.io.File f = fc.getSelectedFile();
        java.io.File dir = f == null ? null : f.isDirectory() ? f : f.getParentFile();
        if (dir != null) {
            OpenDialog.setDefaultDirectory(dir.getPath());
        }
    }

    /** Puts a new loop window beside the workbench (or over its chart corner) and in front of it. */
    private void placeLoopWindow(ImagePlus imp) {
        java.awt.Window w = imp.getWindow();
        if (w == null) {
            return;
        }
        java.awt.Rectangle f = frame.getBounds();
        java.awt.Rectangle screen = java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        int k = images.size() - 1;
        int x = f.x + f.width + w.getWidth() <= screen.x + screen.width ? f.x + f.width
                : Math.max(screen.x, f.x + f.width - w.getWidth() - 24 * (k + 1));
        int y = Math.min(f.y + 60 + 28 * k, Math.max(screen.y, screen.y + screen.height - w.getHeight()));
        w.setLocation(x, y);
        w.toFront();
    }

    private Path chooseFolder(String title) {
        JFileChooser fc = chooser();
        fc.setDialogTitle(title);
        fc.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        if (fc.showSaveDialog(frame) != JFileChooser.APPROVE_OPTION) {
            return null;
        }
        rememberDirectory(fc);
        return fc.getSelectedFile().toPath();
    }
}
