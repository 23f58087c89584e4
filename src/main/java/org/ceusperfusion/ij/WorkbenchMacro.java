package org.ceusperfusion.ij;

import ij.plugin.frame.Recorder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.roi.RoiSpecParser;

/**
 * The macro text recorded for each workbench action, so that a macro recorded while using the workbench
 * reproduces its steps with the recordable commands ({@code Open Cine Loop...}, {@code Analyze TIC...}).
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
     * The comparison as a comment with the equivalent command line ({@code Compare Exams...} is its menu
     * twin once installed).
     *
     * @param session the saved session file, or {@code null}
     */
    static String compare(List<WorkbenchExam> exams, Path session) {
        StringBuilder sb = new StringBuilder("// Compare (workbench): ");
        if (session != null) {
            return sb.append("ceus compare --session ").append(macroPath(session)).append('\n').toString();
        }
        sb.append("ceus compare");
        exams.forEach(e -> sb.append(' ').append(macroPath(e.path())));
        exams.forEach(e -> sb.append(" --roi ").append(e.targetSpec()));
        sb.append(" --labels ");
        for (int i = 0; i < exams.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(exams.get(i).label());
        }
        return sb.append('\n').toString();
    }

    private static String macroPath(Path p) {
        return p.toAbsolutePath().toString().replace("\\", "/");
    }
}
