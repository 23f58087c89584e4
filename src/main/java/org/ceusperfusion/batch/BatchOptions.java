package org.ceusperfusion.batch;

import java.nio.file.Path;
import java.util.Set;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.io.LoadOptions;

/**
 * How a batch runs.
 *
 * @param outDir      output folder: one folder per row, one per comparison, and the summary
 * @param settings    default analysis settings (a row's {@code dynamic_range_db} and {@code model} win)
 * @param load        default load options (a row's {@code frame_interval_s} wins)
 * @param threads     worker threads, at least 1
 * @param resume      skip items whose complete output already exists
 * @param shard       which rows to take
 * @param only        item ids to run (row ids, {@code compare:<patient>}); empty: every item of the shard
 * @param compare     whether patients' comparisons are made
 * @param summaryFile the summary to write, or {@code null} for {@code outDir/}{@link ShardSpec#summaryFileName()}
 */
public record BatchOptions(Path outDir, AnalysisSettings settings, LoadOptions load, int threads, boolean resume,
                           ShardSpec shard, Set<String> only, boolean compare, Path summaryFile) {

    public BatchOptions {
        if (threads < 1) {
            throw new org.ceusperfusion.InputException("--threads", "must be at least 1, got " + threads);
        }
        shard = shard == null ? ShardSpec.ALL : shard;
        only = only == null ? Set.of() : Set.copyOf(only);
        load = load == null ? LoadOptions.NONE : load;
    }

    /** Defaults: every item, all cores, no resume, comparisons on, default summary. */
    public static BatchOptions of(Path outDir, AnalysisSettings settings) {
        return new BatchOptions(outDir, settings, LoadOptions.NONE, Runtime.getRuntime().availableProcessors(),
                false, ShardSpec.ALL, Set.of(), true, null);
    }

    /** @return a copy with another resume flag */
    public BatchOptions withResume(boolean v) {
        return new BatchOptions(outDir, settings, load, threads, v, shard, only, compare, summaryFile);
    }

    /** @return a copy with another shard */
    public BatchOptions withShard(ShardSpec v) {
        return new BatchOptions(outDir, settings, load, threads, resume, v, only, compare, summaryFile);
    }

    /** @return a copy with another thread count */
    public BatchOptions withThreads(int v) {
        return new BatchOptions(outDir, settings, load, v, resume, shard, only, compare, summaryFile);
    }

    /** @return the summary file this run writes */
    public Path summaryPath() {
        return summaryFile != null ? summaryFile : outDir.resolve(shard.summaryFileName());
    }
}
