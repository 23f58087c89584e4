package org.ceusperfusion.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ceusperfusion.InputException;
import org.ceusperfusion.batch.BatchOptions;
import org.ceusperfusion.batch.BatchResult;
import org.ceusperfusion.batch.BatchRunner;
import org.ceusperfusion.batch.Manifest;
import org.ceusperfusion.batch.ShardSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ceus batch MANIFEST.csv}: one analysis per manifest row, one comparison per patient, summary.csv. */
@Command(name = "batch", header = "Analyse every row of a manifest CSV (shards, resume); compare rows per patient.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Analyses every row of a manifest CSV (columns loop, roi; optional id, patient, label, day,",
                "reference_roi, dynamic_range_db, frame_interval_s, model, volume_ml, necrosis_pct, diameters_mm)",
                "into one folder per row, compares the rows of each patient in day order (compare-<patient>/),",
                "and writes summary.csv. A bad row is reported in the summary and never stops the run.",
                "Exit 0 when every item is ok, 1 when some failed, 2 for a bad manifest."})
final class BatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MANIFEST", description = "The manifest CSV.")
    Path manifestPath;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ceus-batch",
            description = "Output folder (default ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--shard", paramLabel = "K/N",
            description = {"Take only rows whose 0-based index i has i mod N = K-1 (array jobs); a patient's",
                    "comparison is made by the shard owning its first row. Writes summary.shard-K-of-N.csv;",
                    "join the shards with 'ceus merge'."})
    String shard;

    @Option(names = "--resume", description = "Skip items whose complete output (done.json) already exists.")
    boolean resume;

    @Option(names = "--only", paramLabel = "ID", split = ",",
            description = "Run only these items: row ids and compare:<patient> (repeatable, comma list).")
    List<String> only;

    @Option(names = "--no-compare", description = "Do not compare the rows of each patient.")
    boolean noCompare;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "Summary file (default DIR/summary.csv, or DIR/summary.shard-K-of-N.csv with --shard).")
    Path summaryFile;

    @Mixin
    LoopOptions loopOptions = new LoopOptions();

    @Mixin
    AnalysisOptions analysisOptions = new AnalysisOptions();

    @Override
    public Integer call() throws Exception {
        ShardSpec shardSpec = shard == null ? ShardSpec.ALL : ShardSpec.parse(shard);
        int threads = analysisOptions.threads != null ? analysisOptions.threads : Runtime.getRuntime().availableProcessors();
        Set<String> onlyIds = only == null ? Set.of() : new HashSet<>(only);
        BatchOptions options = new BatchOptions(outDir, analysisOptions.toSettings(), loopOptions.toLoadOptions(),
                threads, resume, shardSpec, onlyIds, !noCompare, summaryFile);
        BatchProgress.Mode mode = analysisOptions.quiet ? BatchProgress.Mode.NONE
                : BatchProgress.mode(analysisOptions.progress, System.console() != null);
        Manifest manifest = Manifest.read(manifestPath);
        List<String> known = manifest.itemIds();
        for (String id : onlyIds) {
            if (!known.contains(id)) {
                throw new InputException("--only " + id, "no such row id or compare:<patient> in " + manifestPath);
            }
        }
        BatchResult result = new BatchRunner(options).run(manifest,
                new BatchProgress(spec.commandLine().getErr(), mode), new AtomicBoolean());
        if (!analysisOptions.quiet) {
            var out = spec.commandLine().getOut();
            out.println(result.items().size() + " items: " + (result.items().size() - result.failed()) + " ok ("
                    + result.reused() + " already complete), " + result.failed() + " failed");
            out.println("wrote " + result.summary());
            out.flush();
        }
        return result.exitCode();
    }
}
