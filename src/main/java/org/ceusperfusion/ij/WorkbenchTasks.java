package org.ceusperfusion.ij;

import java.awt.BorderLayout;
import java.awt.Color;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.border.EmptyBorder;
import org.ceusperfusion.InputException;

/**
 * The workbench's status bar and its background work: one task at a time runs off the event thread with a
 * progress bar and a Cancel button (Esc); its result is delivered on the event thread. Bad input ends as a
 * one-line red message, never a stack trace.
 */
final class WorkbenchTasks extends JPanel {
    private static final Color ERROR = new Color(180, 0, 0);
    private final JProgressBar bar = new JProgressBar(0, 1000);
    private final JButton cancel = new JButton("Cancel");
    private final JLabel message = new JLabel("Ready.");
    private volatile SwingWorker<?, ?> running;
    private volatile boolean cancelRequested;
    private int pending;

    WorkbenchTasks() {
        super(new BorderLayout(8, 0));
        setBorder(new EmptyBorder(4, 8, 4, 8));
        bar.setStringPainted(true);
        bar.setString("");
        cancel.setEnabled(false);
        cancel.setToolTipText("Stop the running work (Esc)");
        cancel.addActionListener(e -> cancel());
        JPanel right = new JPanel(new BorderLayout(6, 0));
        right.add(bar, BorderLayout.CENTER);
        right.add(cancel, BorderLayout.EAST);
        add(message, BorderLayout.CENTER);
        add(right, BorderLayout.EAST);
    }

    /** @return the Cancel button */
    JButton cancelButton() {
        return cancel;
    }

    /**
     * Runs {@code work} in the background (after cancelling a running task of the same kind is the caller's
     * business); {@code done} receives its result on the event thread.
     */
    <T> SwingWorker<T, Void> run(String what, Function<WorkbenchModel.Progress, T> work, Consumer<T> done) {
        cancelRequested = false;
        pending++;
        WorkbenchModel.Progress progress = new WorkbenchModel.Progress() {
            @Override
            public void step(int doneSteps, int total, String text) {
                SwingUtilities.invokeLater(() -> show(doneSteps, total, text));
            }

            @Override
            public boolean cancelled() {
                return cancelRequested;
            }
        };
        SwingWorker<T, Void> w = new SwingWorker<>() {
            @Override
            protected T doInBackground() {
                return work.apply(progress);
            }

            @Override
            protected void done() {
                finish(what, this, done);
            }
        };
        running = w;
        info(what + "…");
        bar.setIndeterminate(true);
        cancel.setEnabled(true);
        w.execute();
        return w;
    }

    private <T> void finish(String what, SwingWorker<T, Void> w, Consumer<T> done) {
        pending--;
        bar.setIndeterminate(false);
        bar.setValue(0);
        bar.setString("");
        cancel.setEnabled(pending > 0);
        try {
            T result = w.get();
            info(what + ": done.");
            done.accept(result);
        } catch (CancellationException e) {
            info(what + ": cancelled.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof CancellationException) {
                info(what + ": cancelled.");
            } else if (c instanceof InputException) {
                error(c.getMessage());
            } else {
                error(what + " failed: " + c);
                ij.IJ.handleException(c);
            }
        } catch (InputException e) {
            error(e.getMessage());
        }
    }

    private void show(int done, int total, String text) {
        bar.setIndeterminate(false);
        bar.setValue(total <= 0 ? 0 : 1000 * done / total);
        bar.setString(done + "/" + total);
        info(text + "…");
    }

    /** Cancels the running task (its result is discarded). */
    void cancel() {
        cancelRequested = true;
        SwingWorker<?, ?> w = running;
        if (w != null) {
            w.cancel(true);
        }
    }

    /** @return whether a task is running */
    boolean busy() {
        return pending > 0;
    }

    /** Shows an information line. */
    void info(String text) {
        message.setForeground(Color.DARK_GRAY);
        message.setText(text);
    }

    /** Shows an error line (red). */
    void error(String text) {
        message.setForeground(ERROR);
        message.setText(text);
    }

    /** @return the message shown */
    String message() {
        return message.getText();
    }
}
