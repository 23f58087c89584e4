package org.ceusperfusion.cli;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.ceusperfusion.InputException;
import org.ceusperfusion.batch.BatchRunner;
import org.ceusperfusion.batch.ItemResult;

/**
 * Shows batch progress on stderr: a bar redrawn in place on a terminal, or one plain line per item
 * (for cluster logs and pipes), or nothing.
 */
final class BatchProgress implements BatchRunner.Listener {
    private static final int WIDTH = 30;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Display modes of {@code --progress}. */
    enum Mode { BAR, LOG, NONE }

    private final PrintWriter err;
    private final Mode mode;

    BatchProgress(PrintWriter err, Mode mode) {
        this.err = err;
        this.mode = mode;
    }

    /**
     * @param value    {@code auto}, {@code bar}, {@code log} or {@code none}
     * @param terminal whether stderr is a terminal (auto picks the bar then, else log lines)
     */
    static Mode mode(String value, boolean terminal) {
        return switch (value == null ? "auto" : value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> terminal ? Mode.BAR : Mode.LOG;
            case "bar" -> Mode.BAR;
            case "log" -> Mode.LOG;
            case "none" -> Mode.NONE;
            default -> throw new InputException("--progress", "must be auto, bar, log or none, got '" + value + "'");
        };
    }

    @Override
    public void started(int total) {
        if (mode == Mode.LOG) {
            err.println(stamp() + " batch: " + total + " items");
            err.flush();
        } else if (mode == Mode.BAR) {
            bar(0, total);
        }
    }

    @Override
    public void finished(ItemResult r, int done, int total) {
        if (mode == Mode.LOG) {
            err.println(stamp() + " [" + done + "/" + total + "] " + line(r));
        } else if (mode == Mode.BAR) {
            if (!r.ok()) {
                err.print("\r\033[K" + line(r) + "\n");
            }
            bar(done, total);
            if (done == total) {
                err.print("\n");
            }
        }
        err.flush();
    }

    static String line(ItemResult r) {
        return r.status() + " " + r.id() + (r.reused() ? " (complete, skipped)" : "")
                + (r.ok() ? "" : ": " + r.message());
    }

    private void bar(int done, int total) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total);
        err.flush();
    }

    /** @return the wall-clock time as {@code HH:mm:ss}, seconds always shown (not dropped at :00 as toString does) */
    private static String stamp() {
        return LocalTime.now().format(STAMP);
    }
}
