/**
 * Manifest runs at any scale: one analysis per manifest row, one comparison per patient, a
 * {@code summary.csv}, resume after a crash and sharding over array jobs.
 *
 * <p>The pure core is {@link org.ceusperfusion.batch.BatchRunner}: manifest rows in, results with a
 * status out, never an exception for a bad row. The CLI ({@code ceus batch}, {@code ceus merge}) and
 * the ImageJ {@code Batch...} command are thin shells around it.
 *
 * <p>Layout of {@code --out DIR}: one folder per row named after its id ({@code analysis.json},
 * {@code tic.csv}, {@code tic.png}, {@code done.json}), one folder {@code compare-<patient>} per patient
 * with two or more rows ({@code comparison.json}, ..., {@code done.json}), and {@code summary.csv}
 * ({@code summary.shard-K-of-N.csv} for a shard). {@code done.json} is the completion marker: it is
 * written last and atomically, after every other output of the item, and holds the item's fingerprint
 * (its manifest fields, the loop file's size and time stamp, the settings) and its summary entry.
 * {@code --resume} skips an item exactly when its {@code done.json} exists with the same fingerprint;
 * anything else (no marker, other fingerprint, left-over temporary files of a killed run) is redone.
 *
 * <p>Comparisons across shards: a patient's comparison belongs to the shard that owns the patient's
 * first manifest row. That shard analyses the patient's other rows again in memory (the analysis is
 * deterministic, so the numbers equal those of the rows' own folders) and never writes into their folders.
 */
package org.ceusperfusion.batch;
