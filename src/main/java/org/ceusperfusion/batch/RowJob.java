package org.ceusperfusion.batch;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceusperfusion.InputException;
import org.ceusperfusion.Version;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.Analyzer;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.io.LoopReader;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.report.AnalysisWriter;
import org.ceusperfusion.report.AtomicFiles;

/** Analyses one manifest row into its folder; every failure becomes an error result. */
final class RowJob {
    private final BatchOptions options;
    private final Path manifestDir;

    RowJob(BatchOptions options, Path manifestDir) {
        this.options = options;
        this.manifestDir = manifestDir;
    }

    /** The result of a row, with its analysis when it was computed in this run. */
    record Outcome(ItemResult result, LoopAnalysis analysis) {
    }

    /** Runs the row: reuses complete outputs under {@code --resume}, else analyses and writes them. */
    Outcome run(ManifestRow row) {
        String folderName = Manifest.folderName(row.id());
        Path folder = options.outDir().resolve(folderName);
        try {
            String fp = fingerprint(row);
            if (options.resume()) {
                Map<String, String> done = ItemMarker.readIfComplete(folder, fp);
                if (done != null) {
                    return new Outcome(new ItemResult(row.id(), true, "", folderName, done, true), null);
                }
            }
            LoopAnalysis a = analyze(row);
            ItemMarker.reset(folder);
            Map<String, AtomicFiles.Content> files = AnalysisWriter.files(a);
            AtomicFiles.writeAll(folder, files);
            Map<String, String> fields = fields(row, a);
            ItemMarker.write(folder, fp, fields);
            return new Outcome(new ItemResult(row.id(), true, "", folderName, fields, false), a);
        } catch (Throwable e) {
            return new Outcome(error(row, e), null);
        }
    }

    /** Reads and analyses the row's loop without writing anything. */
    LoopAnalysis analyze(ManifestRow row) {
        if (row.loop() == null) {
            throw new InputException(row.source("loop"), "no loop file given");
        }
        checkExamColumns(row);
        if (org.ceusperfusion.tic.CurveCsv.isCurveFile(row.loop())) {
            return analyzeCurves(row);
        }
        AnalysisSettings settings = RowSettings.analysis(row, options.settings());
        LoadOptions load = RowSettings.load(row, options.load());
        var targets = RowSettings.targets(row, manifestDir);
        var reference = RowSettings.reference(row, manifestDir);
        var sha256 = LoopReader.sha256Later(row.loop());
        CineLoop loop = LoopReader.open(row.loop(), load);
        return Analyzer.analyze(loop, null, targets, reference, settings).withSha256(sha256.get());
    }

    /**
     * A curve table in the {@code loop} column: values are linear unless the row gives
     * {@code dynamic_range_db}; {@code roi} (optional) names the target column, {@code reference_roi} the
     * reference column.
     */
    private LoopAnalysis analyzeCurves(ManifestRow row) {
        AnalysisSettings base = options.settings();
        Double dr = row.number("dynamic_range_db");
        String model = row.text("model");
        AnalysisSettings settings = new AnalysisSettings(dr, dr == null, model != null ? model : base.model(),
                base.motion(), base.bootstrapReplicates(), base.bootstrapSeed());
        var table = org.ceusperfusion.tic.CurveCsv.read(row.loop());
        String target = row.text("roi");
        String reference = row.text("reference_roi");
        if (target != null && !target.isBlank()) {
            table = org.ceusperfusion.tic.CurveTables.select(table, List.of(target), reference, row.loop().toString());
        }
        return org.ceusperfusion.analysis.CurveAnalyzer.analyze(table, row.loop().toString(),
                LoopReader.sha256(row.loop()), reference, settings);
    }

    /** Checks the columns used by comparisons, so that a bad value is reported on its own row. */
    static void checkExamColumns(ManifestRow row) {
        row.number("day");
        CompareJob.positive(row, "volume_ml");
        CompareJob.necrosis(row);
        row.diametersMm();
    }

    /** @return an error result carrying the one-line reason */
    static ItemResult error(ManifestRow row, Throwable e) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("row", Integer.toString(row.rowNumber()));
        putRowColumns(f, row);
        return new ItemResult(row.id(), false, message(e), "", f, false);
    }

    /** @return the result of a row not run because the batch was cancelled */
    static java.util.function.Supplier<ItemResult> cancelled(ManifestRow row) {
        return () -> error(row, new InputException("row " + row.id(), "cancelled"));
    }

    /** @return the one line a user reads for a failure */
    static String message(Throwable e) {
        if (e instanceof InputException) {
            return e.getMessage();
        }
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return n.getFile() + ": no such file or folder";
        }
        if (e instanceof IOException) {
            return "cannot write outputs: " + e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory (raise -Xmx or lower --threads)";
        }
        return "internal error (please report it): " + e;
    }

    /** @return the summary fields of an analysed row: its target ROI's fit and parameters */
    static Map<String, String> fields(ManifestRow row, LoopAnalysis a) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("row", Integer.toString(row.rowNumber()));
        putRowColumns(f, row);
        RoiAnalysis t = a.target();
        f.put("roi", t.name());
        f.put("fit_status", t.fit().status().toString());
        f.put("r2", t.fit().hasParameters() ? num(t.fit().r2()) : "");
        f.put("non_enhancing_fraction", num(t.nonEnhancingFraction()));
        for (PerfusionParameter p : PerfusionParameter.values()) {
            double[] ci = t.parameters().ci(p);
            f.put(p.label(), num(t.parameters().value(p)));
            f.put(p.label() + "_lo", ci == null ? "" : num(ci[0]));
            f.put(p.label() + "_hi", ci == null ? "" : num(ci[1]));
        }
        return f;
    }

    private static void putRowColumns(Map<String, String> f, ManifestRow row) {
        f.put("patient", nz(row.text("patient")));
        f.put("label", nz(row.text("label")));
        f.put("day", nz(row.text("day")));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** @return the value to 6 significant digits, or {@code ""} when not finite */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return v == 0 ? "0" : new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toString();
    }

    /**
     * @return SHA-256 over everything that determines the row's outputs: software version, the row's
     *         columns, the loop file's path, size and time stamp, and the run's default settings
     */
    String fingerprint(ManifestRow row) throws IOException {
        StringBuilder sb = new StringBuilder("row\n").append(Version.get()).append('\n');
        row.fields().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        Path loop = row.loop();
        sb.append("loop=").append(loop);
        if (loop != null && Files.isRegularFile(loop)) {
            sb.append(' ').append(Files.size(loop)).append(' ').append(Files.getLastModifiedTime(loop).toMillis());
        }
        sb.append('\n').append(options.settings()).append('\n').append(options.load()).append('\n');
        return sha256(sb.toString());
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
