package org.ceusperfusion.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.io.DecodeThreads;

/**
 * Runs a manifest: every selected row is analysed into its own folder, then every selected patient's
 * rows are compared; a failure of one item becomes an {@code error} result and never stops the run.
 * Writes the summary at the end. No console, no ImageJ: progress goes to a {@link Listener}, and a
 * cancellation flag stops the run between items.
 *
 * <p>Example: {@code BatchResult r = new BatchRunner(BatchOptions.of(out, settings)).run(Manifest.read(csv),
 * BatchRunner.Listener.NONE, new AtomicBoolean());}
 */
public final class BatchRunner {
    private final BatchOptions options;

    /** Progress of a batch; called from worker threads, one call at a time. */
    public interface Listener {
        /** A listener that ignores everything. */
        Listener NONE = new Listener() {
        };

        /** @param total number of items (rows and comparisons) this run will report */
        default void started(int total) {
        }

        /**
         * @param result the finished item
         * @param done   items finished so far, including this one
         * @param total  items of the run
         */
        default void finished(ItemResult result, int done, int total) {
        }
    }

    /** @param options how to run */
    public BatchRunner(BatchOptions options) {
        this.options = options;
    }

    /**
     * @param manifest the manifest
     * @param listener progress
     * @param cancel   set to stop: items not yet started end as {@code error} with message {@code cancelled}
     * @return every item's result (rows in manifest order, then comparisons) and the summary written
     * @throws IOException when the summary cannot be written
     * @throws org.ceusperfusion.InputException when another run is writing the same summary ({@link BatchLock})
     */
    public BatchResult run(Manifest manifest, Listener listener, AtomicBoolean cancel) throws IOException {
        try (BatchLock lock = BatchLock.acquire(options.summaryPath())) {
            return runLocked(manifest, listener, cancel);
        }
    }

    private BatchResult runLocked(Manifest manifest, Listener listener, AtomicBoolean cancel) throws IOException {
        RowJob rowJob = new RowJob(options, manifest.path().toAbsolutePath().getParent());
        List<ManifestRow> rows = selectedRows(manifest);
        Map<String, List<ManifestRow>> patients = selectedPatients(manifest);
        Progress progress = new Progress(listener, rows.size() + patients.size());
        Map<String, LoopAnalysis> kept = new ConcurrentHashMap<>();
        Map<String, String> failed = new ConcurrentHashMap<>();
        Set<String> keep = new HashSet<>();
        patients.values().forEach(l -> l.forEach(r -> keep.add(r.id())));
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), Math.max(1, rows.size())));
        try {
            List<Supplier<ItemResult>> rowTasks = new ArrayList<>();
            for (ManifestRow r : rows) {
                rowTasks.add(() -> {
                    // each worker decodes its own frames: --threads N keeps N cores busy with N loops
                    RowJob.Outcome o = DecodeThreads.callerOnly(() -> rowJob.run(r));
                    if (o.analysis() != null && keep.contains(r.id())) {
                        kept.put(r.id(), o.analysis()); // kept in memory for this run's comparisons only
                    }
                    if (!o.result().ok()) {
                        failed.put(r.id(), o.result().message());
                    }
                    return o.result();
                });
            }
            List<ItemResult> results = runAll(pool, rowTasks, progress, cancel,
                    rows.stream().map(RowJob::cancelled).toList());
            results.addAll(compareAll(pool, new CompareJob(options, rowJob), patients, kept, failed, progress, cancel));
            Summary.writeResults(options.summaryPath(), results);
            return new BatchResult(results, options.summaryPath());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<ItemResult> compareAll(ExecutorService pool, CompareJob job,
                                               Map<String, List<ManifestRow>> patients, Map<String, LoopAnalysis> kept,
                                               Map<String, String> failed, Progress progress, AtomicBoolean cancel) {
        List<Supplier<ItemResult>> tasks = new ArrayList<>();
        List<Supplier<ItemResult>> cancelled = new ArrayList<>();
        for (Map.Entry<String, List<ManifestRow>> p : patients.entrySet()) {
            tasks.add(() -> job.run(p.getKey(), p.getValue(), kept::get, failed::get));
            cancelled.add(() -> new ItemResult(Manifest.compareId(p.getKey()), false,
                    "compare:" + p.getKey() + ": cancelled", "",
                    Map.of("row", Integer.toString(p.getValue().get(0).rowNumber()), "patient", p.getKey()), false));
        }
        return runAll(pool, tasks, progress, cancel, cancelled);
    }

    private static List<ItemResult> runAll(ExecutorService pool, List<Supplier<ItemResult>> tasks, Progress progress,
                                           AtomicBoolean cancel, List<Supplier<ItemResult>> onCancel) {
        List<Future<ItemResult>> futures = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Supplier<ItemResult> task = tasks.get(i);
            Supplier<ItemResult> cancelled = onCancel.get(i);
            futures.add(pool.submit(() -> progress.report(cancel.get() ? cancelled.get() : task.get())));
        }
        List<ItemResult> out = new ArrayList<>();
        for (Future<ItemResult> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("batch interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("batch item failed unexpectedly", e.getCause());
            }
        }
        return out;
    }

    private List<ManifestRow> selectedRows(Manifest m) {
        List<ManifestRow> out = new ArrayList<>();
        for (ManifestRow r : m.rows()) {
            if (options.shard().contains(r.index()) && (options.only().isEmpty() || options.only().contains(r.id()))) {
                out.add(r);
            }
        }
        return out;
    }

    /** Comparisons belong to the shard owning the patient's first row. */
    private Map<String, List<ManifestRow>> selectedPatients(Manifest m) {
        Map<String, List<ManifestRow>> out = new LinkedHashMap<>();
        if (!options.compare()) {
            return out;
        }
        for (Map.Entry<String, List<ManifestRow>> p : m.patients().entrySet()) {
            boolean mine = options.shard().contains(p.getValue().get(0).index());
            boolean wanted = options.only().isEmpty() || options.only().contains(Manifest.compareId(p.getKey()));
            if (mine && wanted) {
                out.put(p.getKey(), p.getValue());
            }
        }
        return out;
    }

    /** Counts finished items and tells the listener, one call at a time. */
    private static final class Progress {
        private final Listener listener;
        private final int total;
        private final AtomicInteger done = new AtomicInteger();

        Progress(Listener listener, int total) {
            this.listener = listener;
            this.total = total;
            listener.started(total);
        }

        synchronized ItemResult report(ItemResult r) {
            listener.finished(r, done.incrementAndGet(), total);
            return r;
        }
    }
}
