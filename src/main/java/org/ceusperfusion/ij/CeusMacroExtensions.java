package org.ceusperfusion.ij;

import ij.IJ;
import ij.macro.ExtensionDescriptor;
import ij.macro.Functions;
import ij.macro.MacroExtension;
import ij.plugin.PlugIn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.Analyzer;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ComparisonBuilder;
import org.ceusperfusion.compare.ExamChange;
import org.ceusperfusion.compare.ExamInput;
import org.ceusperfusion.compare.PercentChange;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.io.LoopReader;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.report.AnalysisWriter;
import org.ceusperfusion.report.ComparisonWriter;
import org.ceusperfusion.roi.RoiMask;

/**
 * {@code Plugins > CEUS Perfusion > CEUS Macro Extensions}: macro functions that return results as values,
 * following ImageJ's {@link MacroExtension} pattern (as Bio-Formats' {@code Ext.} functions). A macro calls
 * {@code run("CEUS Macro Extensions");} once, then:
 * <ul>
 *   <li>{@code Ext.ceusAnalyze(loop, roi, options)}: analyses a loop file exactly as {@code ceus analyze};
 *       {@code roi} as {@code --roi} ({@code tumour=oval:40,27,40,30}, a {@code .roi}, a RoiSet); options
 *       {@code dynamic_range=40 linear model=lognormal frame_interval=0.25 reference=[spec] save_to=[folder]}</li>
 *   <li>{@code Ext.ceusGetParameter(name, value, lo, hi)}: a parameter of the selected ROI (the first target
 *       after an analysis) and its 95 % CI; NaN when unknown</li>
 *   <li>{@code Ext.ceusSelectRoi(name)}, {@code Ext.ceusGetRoiCount(n)}, {@code Ext.ceusGetRoiName(i, name)}</li>
 *   <li>{@code Ext.ceusGetFit(status, r2)} and {@code Ext.ceusGetNonEnhancing(fraction)}</li>
 *   <li>{@code Ext.ceusGetTic(times, values, fit)}: the TIC of the selected ROI as comma lists (s, linear
 *       power, fitted curve) for {@code split(times, ",")}</li>
 *   <li>{@code Ext.ceusCompare(loops, rois, options)}: loops and ROIs separated by {@code ;} (one ROI for all or
 *       one per loop), options {@code days=0,14 labels=baseline,D14 dynamic_range=40 save_to=[folder]};
 *       then {@code Ext.ceusGetChange(name, pct, lo, hi)} (first to last exam; for t0, TTP, TI and TO a
 *       difference in seconds) and
 *       {@code Ext.ceusGetResponse(size, perfusion)}</li>
 * </ul>
 * Errors abort the macro with one line naming the file and the problem.
 */
public class CeusMacroExtensions implements PlugIn, MacroExtension {
    /** The menu command. */
    public static final String COMMAND = "CEUS Macro Extensions";
    private static final int S = ARG_STRING;
    private static final int N_OUT = ARG_NUMBER | ARG_OUTPUT;
    private static final int S_OUT = ARG_STRING | ARG_OUTPUT;

    private LoopAnalysis analysis;
    private RoiAnalysis selected;
    private Comparison comparison;

    @Override
    public void run(String arg) {
        if (!IJ.macroRunning()) {
            IJ.error(COMMAND, "Call run(\"" + COMMAND + "\") from a macro, then use Ext.ceusAnalyze(...) etc.");
            return;
        }
        Functions.registerExtensions(this);
    }

    @Override
    public ExtensionDescriptor[] getExtensionFunctions() {
        return new ExtensionDescriptor[] {
            ExtensionDescriptor.newDescriptor("ceusAnalyze", this, S, S, S),
            ExtensionDescriptor.newDescriptor("ceusGetParameter", this, S, N_OUT, N_OUT, N_OUT),
            ExtensionDescriptor.newDescriptor("ceusSelectRoi", this, S),
            ExtensionDescriptor.newDescriptor("ceusGetRoiCount", this, N_OUT),
            ExtensionDescriptor.newDescriptor("ceusGetRoiName", this, ARG_NUMBER, S_OUT),
            ExtensionDescriptor.newDescriptor("ceusGetFit", this, S_OUT, N_OUT),
            ExtensionDescriptor.newDescriptor("ceusGetNonEnhancing", this, N_OUT),
            ExtensionDescriptor.newDescriptor("ceusGetTic", this, S_OUT, S_OUT, S_OUT),
            ExtensionDescriptor.newDescriptor("ceusCompare", this, S, S, S),
            ExtensionDescriptor.newDescriptor("ceusGetChange", this, S, N_OUT, N_OUT, N_OUT),
            ExtensionDescriptor.newDescriptor("ceusGetResponse", this, S_OUT, S_OUT),
        };
    }

    @Override
    public String handleExtension(String name, Object[] args) {
        PluginErrors.run(COMMAND, () -> dispatch(name, args));
        return null;
    }

    private void dispatch(String name, Object[] a) {
        switch (name) {
            case "ceusAnalyze" -> analyze((String) a[0], (String) a[1], new MacroOptions((String) a[2]), true);
            case "ceusGetParameter" -> {
                PerfusionParameter p = parameter((String) a[0]);
                double[] ci = roi().parameters().ci(p);
                out(a, 1, roi().parameters().value(p));
                out(a, 2, ci[0]);
                out(a, 3, ci[1]);
            }
            case "ceusSelectRoi" -> selected = roiNamed((String) a[0]);
            case "ceusGetRoiCount" -> out(a, 0, current().rois().size());
            case "ceusGetRoiName" -> ((String[]) a[1])[0] = current().rois().get(index(a[0])).name();
            case "ceusGetFit" -> {
                ((String[]) a[0])[0] = roi().fit().status().toString();
                out(a, 1, roi().fit().hasParameters() ? roi().fit().r2() : Double.NaN);
            }
            case "ceusGetNonEnhancing" -> out(a, 0, roi().nonEnhancingFraction());
            case "ceusGetTic" -> tic(a);
            case "ceusCompare" -> compare((String) a[0], (String) a[1], new MacroOptions((String) a[2]));
            case "ceusGetChange" -> change(a);
            case "ceusGetResponse" -> {
                Comparison c = currentComparison();
                ((String[]) a[0])[0] = c.response().size() == null ? "" : String.valueOf(c.response().size().category());
                ((String[]) a[1])[0] = c.response().perfusion() == null ? "" : c.response().perfusion().category();
            }
            default -> throw new InputException("Ext." + name, "unknown CEUS macro function");
        }
    }

    /** Analyses a loop file as {@code ceus analyze} and selects its first target ROI. */
    LoopAnalysis analyze(String loop, String roiSpec, MacroOptions o, boolean save) {
        List<RoiMask> targets = ImageJRoiFiles.fromSpec(roiSpec, "target");
        String refSpec = o.string("reference", null);
        RoiMask ref = refSpec == null || refSpec.isBlank() ? null : ImageJRoiFiles.fromSpec(refSpec, "reference").get(0);
        LoopAnalysis a = Analyzer.analyze(LoopReader.open(Path.of(loop), load(o)), LoopReader.sha256(Path.of(loop)),
                targets, ref, settings(o));
        String saveTo = o.string("save_to", null);
        if (save && saveTo != null && !saveTo.isBlank()) {
            write(() -> AnalysisWriter.writeAll(a, Path.of(saveTo)), saveTo);
        }
        analysis = a;
        selected = a.target();
        return a;
    }

    /** Analyses and compares loops in the given order (first = baseline), as {@code ceus compare}. */
    Comparison compare(String loops, String rois, MacroOptions o) {
        String[] files = loops.split(";");
        String[] specs = rois.split(";");
        if (files.length < 2 || (specs.length != 1 && specs.length != files.length)) {
            throw new InputException("Ext.ceusCompare", "give at least two loops and one ROI for all or one per loop");
        }
        String[] days = split(o.string("days", ""), files.length, "days");
        String[] labels = split(o.string("labels", ""), files.length, "labels");
        List<ExamInput> exams = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            LoopAnalysis a = analyze(files[i].trim(), specs[specs.length == 1 ? 0 : i].trim(), o, false);
            Double day = days[i].isBlank() ? null : day(days[i]);
            String label = !labels[i].isBlank() ? labels[i].trim() : i == 0 ? "baseline" : "exam" + (i + 1);
            exams.add(ExamInput.of(label, day, a));
        }
        Comparison c = ComparisonBuilder.compare(exams);
        String saveTo = o.string("save_to", null);
        if (saveTo != null && !saveTo.isBlank()) {
            write(() -> ComparisonWriter.writeAll(c, Path.of(saveTo)), saveTo);
        }
        comparison = c;
        return c;
    }

    private void change(Object[] a) {
        ExamChange ch = currentComparison().overall();
        PerfusionParameter p = parameter((String) a[0]);
        PercentChange pc = ch.parameter(p);
        org.ceusperfusion.compare.TimeShift ts = ch.timeShift(p);
        if (pc == null && ts != null) { // clock times (t0, TTP, TI, TO): difference in seconds
            out(a, 1, ts.diffS());
            out(a, 2, ts.lo());
            out(a, 3, ts.hi());
            return;
        }
        out(a, 1, pc == null ? Double.NaN : pc.pct());
        out(a, 2, pc == null ? Double.NaN : pc.lo());
        out(a, 3, pc == null ? Double.NaN : pc.hi());
    }

    private void tic(Object[] a) {
        RoiAnalysis r = roi();
        double[] t = r.tic().timesS();
        double[] y = r.tic().meanIntensity();
        StringJoiner times = new StringJoiner(",");
        StringJoiner values = new StringJoiner(",");
        StringJoiner fit = new StringJoiner(",");
        for (int i = 0; i < t.length; i++) {
            times.add(num(t[i]));
            values.add(num(y[i]));
            fit.add(num(r.fit().hasParameters() ? r.fit().valueAt(t[i]) : Double.NaN));
        }
        ((String[]) a[0])[0] = times.toString();
        ((String[]) a[1])[0] = values.toString();
        ((String[]) a[2])[0] = fit.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.9g", v) : "NaN";
    }

    private static AnalysisSettings settings(MacroOptions o) {
        boolean linear = o.flag("linear");
        return new AnalysisSettings(linear ? null : o.number("dynamic_range", AnalysisSettings.DEFAULT_DYNAMIC_RANGE_DB),
                linear, o.string("model", "lognormal"));
    }

    private static LoadOptions load(MacroOptions o) {
        double dt = o.number("frame_interval", Double.NaN);
        double px = o.number("pixel_size", Double.NaN);
        return new LoadOptions(Double.isNaN(dt) ? null : dt, Double.isNaN(px) ? null : px);
    }

    private LoopAnalysis current() {
        if (analysis == null) {
            throw new InputException("Ext.ceus", "no analysis yet: call Ext.ceusAnalyze(loop, roi, options) first");
        }
        return analysis;
    }

    private Comparison currentComparison() {
        if (comparison == null) {
            throw new InputException("Ext.ceusGetChange", "no comparison yet: call Ext.ceusCompare(loops, rois, options) first");
        }
        return comparison;
    }

    private RoiAnalysis roi() {
        current();
        return selected;
    }

    private RoiAnalysis roiNamed(String name) {
        return current().rois().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new InputException("Ext.ceusSelectRoi", "no ROI named '" + name + "' (have "
                        + current().rois().stream().map(RoiAnalysis::name).toList() + ")"));
    }

    private int index(Object o) {
        int i = ((Double) o).intValue();
        if (i < 0 || i >= current().rois().size()) {
            throw new InputException("Ext.ceusGetRoiName", "index " + i + " outside 0.." + (current().rois().size() - 1));
        }
        return i;
    }

    private static PerfusionParameter parameter(String name) {
        try {
            return PerfusionParameter.fromLabel(name);
        } catch (IllegalArgumentException e) {
            throw new InputException("Ext.ceusGetParameter", e.getMessage());
        }
    }

    private static Double day(String s) {
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw new InputException("days=", "'" + s.trim() + "' is not a number");
        }
    }

    private static String[] split(String list, int n, String key) {
        if (list.isBlank()) {
            String[] empty = new String[n];
            java.util.Arrays.fill(empty, "");
            return empty;
        }
        String[] parts = list.split(",", -1);
        if (parts.length != n) {
            throw new InputException(key + "=", "has " + parts.length + " values, expected one per loop (" + n + ")");
        }
        return parts;
    }

    private static void out(Object[] a, int i, double v) {
        ((Double[]) a[i])[0] = v;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void write(IoAction action, String folder) {
        try {
            action.run();
        } catch (IOException e) {
            throw new InputException(folder, "cannot write: " + e.getMessage(), e);
        }
    }
}
