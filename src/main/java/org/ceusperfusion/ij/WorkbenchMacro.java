package org.ceusperfusion.ij;

import ij.plugin.frame.Recorder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.roi.RoiSpecParser;

/**
 * The macro text recorded for each workbench action, so that a macro recorded while using the workbench
 * reproduces its steps with the recordable commands ({@code Open Cine Loop...}, {@code Analyze TIC...},
 * {@code Compare Exams...}).
 * The text is built by pure functions (tested); {@link #record} hands it to ImageJ's recorder when it is open.
 */
final class WorkbenchMacro {
    private WorkbenchMacro() {
    }

    /** Appends {@code text} to the macro recorder, when recording. */
    static void record(String text) {
        if (Recorder.record) {
            Recorder.recordString(text);
        }
    }

    /** @return {@code run("Open Cine Loop...", "open=[path]");} */
    static String openLoop(Path path) {
        return "run(\"" + OpenCineLoopPlugin.COMMAND + "\", \"open=[" + macroPath(path) + "]\");\n";
    }

    /**
     * @param imageTitle the loop's window title
     * @param spec       an inline spec {@code NAME=shape:...}
     * @return the lines selecting the loop and drawing the named ROI
     */
    static String selectRoi(String imageTitle, String spec) {
        String body = RoiSpecParser.body(spec).trim();
        String shape = body.substring(0, body.indexOf(':')).trim().toLowerCase(Locale.ROOT);
        String args = body.substring(body.indexOf(':') + 1).replace(" ", "");
        String make = switch (shape) {
            case "oval" -> "makeOval(" + args + ");";
            case "rect" -> "makeRectangle(" + args + ");";
            default -> "makeSelection(\"polygon\", newArray(" + xs(args, 0) + "), newArray(" + xs(args, 1) + "));";
        };
        return "selectImage(\"" + imageTitle + "\");\n" + make + "\nRoi.setName(\""
                + RoiSpecParser.explicitName(spec) + "\");\n";
    }

    private static String xs(String args, int offset) {
        String[] v = args.split(",");
        StringBuilder sb = new StringBuilder();
        for (int i = offset; i < v.length; i += 2) {
            sb.append(sb.length() == 0 ? "" : ",").append(v[i]);
        }
        return sb.toString();
    }

    /** @return the line adding the current (reference) ROI to the ROI Manager under its name */
    static String addToManager() {
        return "roiManager(\"add\");\n";
    }

    /**
     * @param s         settings
     * @param reference name of the reference ROI in the ROI Manager, or {@code null}
     * @param saveTo    output folder, or {@code null}
     * @return {@code run("Analyze TIC...", "dynamic_range=40 model=lognormal ...");}
     */
    static String analyze(AnalysisSettings s, String reference, Path saveTo) {
        StringBuilder o = new StringBuilder();
        o.append(s.linear() ? "linear" : "dynamic_range=" + WorkbenchText.num(s.dynamicRangeDb()));
        o.append(" model=").append(s.model());
        if (reference != null) {
            o.append(" reference=").append(reference);
        }
        if (saveTo != null) {
            o.append(" save_to=[").append(macroPath(saveTo)).append(']');
        }
        return "run(\"" + AnalyzeTicPlugin.COMMAND + "\", \"" + o + "\");\n";
    }

    /**
     * The comparison as runnable macro lines: each exam's target ROI (and reference ROI) drawn and added to
     * the ROI Manager under the names {@code Compare Exams...} looks for (the exam label; the reference as
     * {@code <name>-<label>}), then {@code run("Compare Exams...", ...)} on the loop files with the exams'
     * labels, days, sizes and the settings.
     *
     * @param exams    the exams, baseline first
     * @param settings the analysis settings
     * @param saveTo   output folder, or {@code null} to show the results only
     */
    static String compare(List<WorkbenchExam> exams, AnalysisSettings settings, Path saveTo) {
        StringBuilder sb = new StringBuilder();
        String reference = null;
        for (WorkbenchExam e : exams) {
            sb.append(openLoop(e.path()));
            sb.append(namedRoi(e.targetSpec(), e.label()));
            if (e.referenceSpec() != null) {
                reference = RoiSpecParser.explicitName(e.referenceSpec());
                sb.append(namedRoi(e.referenceSpec(), reference + "-" + e.label()));
            }
        }
        StringBuilder o = new StringBuilder("exams=[");
        for (int i = 0; i < exams.size(); i++) {
            o.append(i == 0 ? "" : ",").append(macroPath(exams.get(i).path()));
        }
        o.append("] labels=").append(list(exams, e -> e.label()));
        o.append(" days=").append(list(exams, e -> e.day() == null ? "" : WorkbenchText.num(e.day())));
        if (exams.stream().anyMatch(e -> e.volumeMl() != null)) {
            o.append(" volume_ml=").append(list(exams, e -> e.volumeMl() == null ? "" : WorkbenchText.num(e.volumeMl())));
        }
        if (exams.stream().anyMatch(e -> e.necrosisPct() != null)) {
            o.append(" necrosis_pct=").append(list(exams, e -> e.necrosisPct() == null ? ""
                    : WorkbenchText.num(e.necrosisPct())));
        }
        if (exams.stream().anyMatch(e -> e.diametersMm() != null)) {
            o.append(" diameters_mm=[").append(diameters(exams)).append(']');
        }
        if (reference != null) {
            o.append(" reference=").append(reference);
        }
        o.append(settings.linear() ? " linear" : " dynamic_range=" + WorkbenchText.num(settings.dynamicRangeDb()));
        o.append(" model=").append(settings.model());
        if (saveTo != null) {
            o.append(" save_to=[").append(macroPath(saveTo)).append(']');
        }
        return sb.append("run(\"").append(CompareExamsPlugin.COMMAND).append("\", \"").append(o).append("\");\n")
                .toString();
    }

    private static String namedRoi(String spec, String name) {
        String lines = selectRoi(null, spec);
        lines = lines.substring(lines.indexOf('\n') + 1); // the loop just opened is the current image
        return lines.substring(0, lines.lastIndexOf("Roi.setName(")) + "Roi.setName(\"" + name + "\");\n"
                + addToManager();
    }

    private static String list(List<WorkbenchExam> exams, java.util.function.Function<WorkbenchExam, String> f) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < exams.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(f.apply(exams.get(i)));
        }
        return sb.toString();
    }

    private static String diameters(List<WorkbenchExam> exams) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < exams.size(); i++) {
            double[] d = exams.get(i).diametersMm();
            sb.append(i == 0 ? "" : ";");
            for (int j = 0; d != null && j < d.length; j++) {
                sb.append(j == 0 ? "" : ",").append(WorkbenchText.num(d[j]));
            }
        }
        return sb.toString();
    }

    private static String macroPath(Path p) {
        return p.toAbsolutePath().toString().replace("\\", "/");
    }
}
