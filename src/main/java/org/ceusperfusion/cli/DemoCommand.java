package org.ceusperfusion.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ceusperfusion.InputException;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.io.LoadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ceus demo}: the embedded default. Analyses the bundled baseline and day-14 synthetic loops listed
 * in {@code test-data/demo.csv}, compares them and writes the report into {@code ceus-demo/}.
 */
@Command(name = "demo", header = "Analyse and compare the bundled baseline and day-14 loops into ceus-demo/.", mixinStandardHelpOptions = true,
        description = {"Analyses the bundled baseline and day-14 synthetic loops (test-data/demo.csv),",
                "compares them and writes the report into --out."})
final class DemoCommand implements Callable<Integer> {
    /** The demo's exam list, in the batch-manifest format, inside the data folder. */
    static final String MANIFEST = "demo.csv";

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ceus-demo",
            description = "Output folder (default ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder holding demo.csv and the loops (default: test-data/ of the installation).")
    Path dataDir;

    @Override
    public Integer call() throws IOException {
        Path dir = dataDir != null ? dataDir : locateTestData();
        List<CompareRunner.Exam> exams = readManifest(dir.resolve(MANIFEST));
        // the bundled loops were generated at 40 dB (test-data/*.truth.json): a known value, not an assumption
        var settings = new AnalysisOptions().toSettings().withDynamicRange(40.0, "bundled test data (40 dB)");
        Comparison c = CompareRunner.run(exams, LoadOptions.NONE, settings, outDir);
        Summaries.printComparison(spec.commandLine().getOut(), c, outDir);
        return ErrorHandler.OK;
    }

    static List<CompareRunner.Exam> readManifest(Path manifest) throws IOException {
        if (!Files.isRegularFile(manifest)) {
            throw new InputException(manifest.toString(), "demo manifest not found");
        }
        List<CompareRunner.Exam> exams = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build();
        try (Reader r = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(r)) {
                ExamListOptions sizes = new ExamListOptions();
                sizes.diametersMm = row.get("diameters_mm");
                exams.add(new CompareRunner.Exam(manifest.resolveSibling(row.get("loop")), row.get("label"),
                        Double.valueOf(row.get("day")), RoiSpecs.resolve(row.get("roi"), "target").get(0),
                        RoiSpecs.reference(row.get("reference_roi")), Double.valueOf(row.get("volume_ml")),
                        Double.valueOf(row.get("necrosis_pct")), sizes.diametersMm(1).get(0)));
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(manifest.toString(), "malformed demo manifest: " + e.getMessage());
        }
        return exams;
    }

    /** Finds test-data/ in the working folder or beside the folder holding the CLI jar. */
    static Path locateTestData() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("test-data"));
        try {
            Path jar = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path parent = jar.getParent();
            for (int i = 0; i < 3 && parent != null; i++, parent = parent.getParent()) {
                candidates.add(parent.resolve("test-data"));
            }
        } catch (Exception e) {
            // no code source (e.g. embedded): only the working folder is searched
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve(MANIFEST))) {
                return c;
            }
        }
        throw new InputException("test-data", "bundled demo data not found (looked in " + candidates
                + "); give --data DIR");
    }
}
