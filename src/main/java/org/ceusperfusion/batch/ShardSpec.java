package org.ceusperfusion.batch;

import org.ceusperfusion.InputException;

/**
 * Shard {@code K} of {@code N}: the manifest rows whose 0-based index {@code i} satisfies
 * {@code i mod N = K − 1}, so that shards 1..N together take every row exactly once.
 *
 * @param k shard number, 1..n
 * @param n number of shards, at least 1
 */
public record ShardSpec(int k, int n) {
    /** The whole manifest (shard 1 of 1). */
    public static final ShardSpec ALL = new ShardSpec(1, 1);

    public ShardSpec {
        if (n < 1 || k < 1 || k > n) {
            throw new InputException("--shard", "must be K/N with 1 <= K <= N, got " + k + "/" + n);
        }
    }

    /**
     * @param text {@code K/N}, e.g. {@code 2/8}
     * @return the shard
     * @throws InputException when the text is not {@code K/N} with 1 ≤ K ≤ N
     */
    public static ShardSpec parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("/", -1);
        if (parts.length != 2) {
            throw new InputException("--shard", "must be K/N (e.g. 2/8), got '" + text + "'");
        }
        try {
            return new ShardSpec(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new InputException("--shard", "must be K/N with whole numbers, got '" + text + "'");
        }
    }

    /** @return whether the row with 0-based manifest index {@code index} belongs to this shard */
    public boolean contains(int index) {
        return index % n == k - 1;
    }

    /** @return whether this is the whole manifest */
    public boolean isAll() {
        return n == 1;
    }

    /** @return the default summary file name: {@code summary.csv}, or {@code summary.shard-K-of-N.csv} */
    public String summaryFileName() {
        return isAll() ? "summary.csv" : "summary.shard-" + k + "-of-" + n + ".csv";
    }

    @Override
    public String toString() {
        return k + "/" + n;
    }
}
