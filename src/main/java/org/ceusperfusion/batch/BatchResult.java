package org.ceusperfusion.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * What a batch run did.
 *
 * @param items   every item's result: rows in manifest order, then comparisons
 * @param summary the summary file written
 */
public record BatchResult(List<ItemResult> items, Path summary) {
    public BatchResult {
        items = List.copyOf(items);
    }

    /** @return how many items failed */
    public long failed() {
        return items.stream().filter(i -> !i.ok()).count();
    }

    /** @return how many items were skipped because their outputs were complete ({@code --resume}) */
    public long reused() {
        return items.stream().filter(ItemResult::reused).count();
    }

    /** @return the process exit code: 0 when every item is ok, 1 otherwise */
    public int exitCode() {
        return failed() == 0 ? 0 : 1;
    }
}
