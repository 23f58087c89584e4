package org.ceusperfusion.analysis;

/**
 * What a front end learns while one loop is analysed, and its way to stop the analysis: the analysis asks
 * {@link #cancelled()} before every frame it reads (the frame pass, motion tracking, the non-enhancing pass)
 * and before every ROI's fit, and stops with {@link AnalysisCancelledException}; nothing is written by the
 * analysis itself, so a stopped run leaves no half-written output.
 *
 * <p>Pure: no GUI. The ImageJ commands map it to {@code IJ.showProgress} and {@code IJ.escapePressed()}.
 */
public interface AnalysisProgress {
    /** No feedback, never cancelled (the CLI and batch runs). */
    AnalysisProgress NONE = new AnalysisProgress() {
    };

    /**
     * Called after every frame read.
     *
     * @param index the frame read, 0-based
     * @param total frames in the loop
     */
    default void frameRead(int index, int total) {
    }

    /** @return whether the user asked to stop */
    default boolean cancelled() {
        return false;
    }

    /**
     * @throws AnalysisCancelledException when {@link #cancelled()}
     */
    default void check() {
        if (cancelled()) {
            throw new AnalysisCancelledException();
        }
    }
}
