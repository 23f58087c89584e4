package org.ceusperfusion.ij;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.Analyzer;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ComparisonBuilder;
import org.ceusperfusion.compare.ExamInput;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.io.LoopReader;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.session.Session;

/**
 * The state and the work of the workbench, without any window: exams (loops, ROIs, size data), settings,
 * analyses and the comparison. Loops are read and analysed exactly as {@code ceus compare} does
 * ({@link LoopReader#open}, {@link Analyzer#analyze}, {@link ComparisonBuilder#compare}), with ROIs given as
 * the same inline specs, so the workbench and the CLI give identical numbers.
 *
 * <p>Edits happen on one thread (the event thread); long work runs on {@link #exams() snapshots} through the
 * static methods, which take a {@link Progress} to report and cancel.
 */
public final class WorkbenchModel {
    /** Default name of a target ROI that has none (as in {@code ceus compare}). */
    public static final String TARGET = "target";
    /** Default name of a reference ROI that has none. */
    public static final String REFERENCE = "reference";

    private final List<WorkbenchExam> exams = new ArrayList<>();
    private AnalysisSettings settings = AnalysisSettings.logCompressed(AnalysisSettings.DEFAULT_DYNAMIC_RANGE_DB);
    private Comparison comparison;

    /** Reports progress of long work and asks whether to stop. */
    public interface Progress {
        /** No reporting, never cancelled. */
        Progress NONE = new Progress() {
        };

        /** @param done steps done of {@code total}; {@code what} is the step starting now */
        default void step(int done, int total, String what) {
        }

        /** @return whether the user cancelled the work */
        default boolean cancelled() {
            return false;
        }
    }

    /** @return a snapshot of the exams, baseline first */
    public List<WorkbenchExam> exams() {
        return List.copyOf(exams);
    }

    /** @return the exam at {@code i} */
    public WorkbenchExam exam(int i) {
        return exams.get(i);
    }

    /** @return the analysis settings */
    public AnalysisSettings settings() {
        return settings;
    }

    /** Sets the analysis settings; analyses and the comparison are dropped. */
    public void setSettings(AnalysisSettings s) {
        if (!s.equals(settings)) {
            settings = s;
            exams.replaceAll(e -> e.withAnalysis(null));
            comparison = null;
        }
    }

    /** @return the last comparison, or {@code null} */
    public Comparison comparison() {
        return comparison;
    }

    /** Stores the result of {@link #compare}: each exam gets its analysis. */
    public void setComparison(Comparison c) {
        comparison = c;
        for (int i = 0; c != null && i < exams.size() && i < c.exams().size(); i++) {
            exams.set(i, exams.get(i).withAnalysis(c.exams().get(i).analysis()));
        }
    }

    /**
     * Reads a loop (off the event thread) as {@code ceus compare} does.
     *
     * @param path  the loop's file
     * @param label its label
     * @param day   its day, or {@code null}
     * @return the new exam (not yet added)
     * @throws InputException when the file cannot be read
     */
    public static WorkbenchExam read(Path path, String label, Double day) {
        CineLoop loop = LoopReader.open(path, LoadOptions.NONE);
        return new WorkbenchExam(label, day, path.toAbsolutePath(), LoopReader.sha256(path), loop, null, null,
                null, null, null, null);
    }

    /** @return a label for the next exam: {@code baseline} first, then {@code exam2}, {@code exam3}, ... */
    public String nextLabel() {
        if (exams.isEmpty()) {
            return "baseline";
        }
        for (int k = exams.size() + 1; ; k++) {
            String l = "exam" + k;
            if (exams.stream().noneMatch(e -> e.label().equals(l))) {
                return l;
            }
        }
    }

    /** Appends an exam. */
    public void add(WorkbenchExam e) {
        exams.add(e);
        comparison = null;
    }

    /** Removes the exam at {@code i}. */
    public void remove(int i) {
        exams.remove(i);
        comparison = null;
    }

    /** Replaces the exam at {@code i} (label, day, size data edits). */
    public void set(int i, WorkbenchExam e) {
        exams.set(i, e);
        comparison = null;
    }

    /**
     * Sets the target ROI of exam {@code i}.
     *
     * @param spec an inline ROI spec, e.g. {@code tumour=oval:40,27,40,30}; without a name it is called
     *             {@value #TARGET}
     * @throws InputException when the spec is malformed or outside the image
     */
    public void setTarget(int i, String spec) {
        WorkbenchExam e = exams.get(i);
        exams.set(i, e.withRois(named(spec, TARGET, e), e.referenceSpec()));
        comparison = null;
    }

    /** As {@link #setTarget} for the reference ROI ({@code null} removes it). */
    public void setReference(int i, String spec) {
        WorkbenchExam e = exams.get(i);
        exams.set(i, e.withRois(e.targetSpec(), spec == null ? null : named(spec, REFERENCE, e)));
        comparison = null;
    }

    /** Stores an analysis of exam {@code i} made from its current ROIs. */
    public void setAnalysis(int i, LoopAnalysis a) {
        exams.set(i, exams.get(i).withAnalysis(a));
    }

    private static String named(String spec, String defaultName, WorkbenchExam e) {
        RoiMask m = WorkbenchRoiSpecs.mask(spec, defaultName);
        m.pixelIndices(e.loop().width(), e.loop().height());
        return WorkbenchRoiSpecs.withName(spec, m.name());
    }

    /**
     * Analyses one exam with its target (or {@code target} when given) and reference ROI.
     *
     * @param e        the exam
     * @param target   a target spec overriding the exam's (a live preview), or {@code null}
     * @param settings linearisation and model
     * @return the analysis
     * @throws InputException when the exam has no target ROI or a ROI is outside the image
     */
    public static LoopAnalysis analyze(WorkbenchExam e, String target, AnalysisSettings settings) {
        String t = target != null ? target : e.targetSpec();
        if (t == null) {
            throw new InputException("exam " + e.label(), "no target ROI: draw one on the loop and press Ctrl+T");
        }
        RoiMask ref = e.referenceSpec() == null ? null : WorkbenchRoiSpecs.mask(e.referenceSpec(), REFERENCE);
        return Analyzer.analyze(e.loop(), e.sha256(), List.of(WorkbenchRoiSpecs.mask(t, TARGET)), ref, settings);
    }

    /**
     * Analyses every exam and compares them, baseline first — the work of {@code ceus compare}.
     *
     * @param exams    a snapshot of the exams
     * @param settings linearisation and model
     * @param progress progress and cancellation (checked before each exam)
     * @return the comparison
     * @throws InputException        when fewer than two exams or one lacks a target ROI
     * @throws CancellationException when cancelled
     */
    public static Comparison compare(List<WorkbenchExam> exams, AnalysisSettings settings, Progress progress) {
        if (exams.size() < 2) {
            throw new InputException("compare", "open at least two loops (baseline first), got " + exams.size());
        }
        List<ExamInput> inputs = new ArrayList<>();
        for (int i = 0; i < exams.size(); i++) {
            WorkbenchExam e = exams.get(i);
            if (progress.cancelled()) {
                throw new CancellationException("cancelled");
            }
            progress.step(i, exams.size() + 1, "analysing " + e.label());
            LoopAnalysis a = analyze(e, null, settings);
            inputs.add(new ExamInput(e.label(), e.day(), a, a.target().name(), e.volumeMl(), e.necrosisPct(),
                    e.diametersMm()));
        }
        progress.step(exams.size(), exams.size() + 1, "comparing");
        return ComparisonBuilder.compare(inputs);
    }

    /** @return the whole state as a session (absolute paths, hashes, ROI specs, settings) */
    public Session toSession() {
        List<Session.Exam> out = new ArrayList<>();
        for (WorkbenchExam e : exams) {
            out.add(new Session.Exam(e.label(), e.day(), e.path().toString(), e.sha256(), e.targetSpec(),
                    e.referenceSpec(), e.volumeMl(), e.necrosisPct(), e.diametersMm()));
        }
        return new Session(out, Session.Settings.of(settings));
    }

    /**
     * Reads the loops of a session (off the event thread).
     *
     * @return the exams, with the session's ROIs, labels, days and size data
     * @throws InputException        when a loop cannot be read or a ROI is invalid
     * @throws CancellationException when cancelled
     */
    public static List<WorkbenchExam> readSession(Session s, Progress progress) {
        List<WorkbenchExam> out = new ArrayList<>();
        for (int i = 0; i < s.exams().size(); i++) {
            Session.Exam x = s.exams().get(i);
            if (progress.cancelled()) {
                throw new CancellationException("cancelled");
            }
            progress.step(i, s.exams().size(), "reading " + x.file().getFileName());
            WorkbenchExam e = read(x.file(), x.label(), x.day());
            out.add(e.withRois(x.targetRoi() == null ? null : named(x.targetRoi(), TARGET, e),
                    x.referenceRoi() == null ? null : named(x.referenceRoi(), REFERENCE, e))
                    .withSize(x.volumeMl(), x.necrosisPct(), x.diametersMm()));
        }
        return out;
    }

    /**
     * @return whether two exam lists have the same loops, labels, days, ROIs and size data (analyses aside):
     *         a result computed from one still belongs to the other
     */
    public static boolean sameInputs(List<WorkbenchExam> a, List<WorkbenchExam> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            WorkbenchExam x = a.get(i);
            WorkbenchExam y = b.get(i);
            boolean same = x.loop() == y.loop() && x.label().equals(y.label()) && Objects.equals(x.day(), y.day())
                    && Objects.equals(x.targetSpec(), y.targetSpec())
                    && Objects.equals(x.referenceSpec(), y.referenceSpec())
                    && Objects.equals(x.volumeMl(), y.volumeMl()) && Objects.equals(x.necrosisPct(), y.necrosisPct())
                    && Arrays.equals(x.diametersMm(), y.diametersMm());
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** Replaces every exam and the settings (a session was opened). */
    public void replace(List<WorkbenchExam> newExams, AnalysisSettings s) {
        exams.clear();
        exams.addAll(newExams);
        settings = s;
        comparison = null;
    }
}
