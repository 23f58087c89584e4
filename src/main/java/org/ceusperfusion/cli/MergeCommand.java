package org.ceusperfusion.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ceusperfusion.InputException;
import org.ceusperfusion.batch.Manifest;
import org.ceusperfusion.batch.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ceus merge [PART...] --out DIR}: joins the summaries of shards (or single jobs) into one summary.csv. */
@Command(name = "merge", header = "Join the summaries of batch shards into one summary.csv.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Joins batch summaries (the summary.shard-K-of-N.csv of each shard, or any partial",
                "summaries) into DIR/summary.csv, ordered like an unsharded run: rows in manifest order, then",
                "comparisons. Exit 0 when every item is ok, 1 when some failed, 2 when a part is missing,",
                "an id appears twice, or (with --manifest) an item of the manifest is missing."})
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PART", arity = "0..*",
            description = "Summaries to join (default: DIR/summary.shard-*-of-*.csv).")
    List<Path> parts;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ceus-batch",
            description = "Batch output folder (default ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--summary", paramLabel = "FILE", description = "Merged summary (default DIR/summary.csv).")
    Path summaryFile;

    @Option(names = "--manifest", paramLabel = "CSV",
            description = "Check that every row and patient comparison of this manifest is present.")
    Path manifest;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        List<Path> files = parts == null || parts.isEmpty() ? shardSummaries(outDir) : parts;
        List<Map<String, String>> lines = Summary.merge(files);
        if (manifest != null) {
            checkComplete(Manifest.read(manifest), lines);
        }
        Path target = summaryFile != null ? summaryFile : outDir.resolve("summary.csv");
        Summary.write(target, lines);
        long failed = Summary.errors(lines);
        if (!quiet) {
            spec.commandLine().getOut().println("merged " + files.size() + " summaries: " + lines.size() + " items, "
                    + failed + " failed");
            spec.commandLine().getOut().println("wrote " + target);
            spec.commandLine().getOut().flush();
        }
        return failed == 0 ? ErrorHandler.OK : ErrorHandler.SOME_FAILED;
    }

    static List<Path> shardSummaries(Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "summary.shard-*-of-*.csv")) {
                ds.forEach(found::add);
            }
        }
        if (found.isEmpty()) {
            throw new InputException(dir.toString(), "no shard summaries (summary.shard-K-of-N.csv) found");
        }
        found.sort(null);
        return found;
    }

    private static void checkComplete(Manifest m, List<Map<String, String>> lines) {
        Set<String> have = new HashSet<>();
        lines.forEach(l -> have.add(l.get("id")));
        List<String> missing = m.itemIds().stream().filter(id -> !have.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new InputException(m.path().toString(), missing.size() + " items have no summary line: "
                    + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
                    + (missing.size() > 10 ? ", ..." : ""));
        }
    }
}
