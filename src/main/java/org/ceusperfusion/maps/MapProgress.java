package org.ceusperfusion.maps;

/**
 * Progress of a map: how many of the curves to fit are done, and whether the user asked to stop. Called
 * from the worker threads, at most a few hundred times per map; implementations must be thread-safe and
 * quick. The ImageJ plugin shows the progress bar and stops on Esc through it; the core makes no GUI call.
 */
@FunctionalInterface
public interface MapProgress {
    /** A listener that ignores every report and never cancels. */
    MapProgress NONE = (done, total) -> { };

    /**
     * @param done  curves fitted so far (pixels or bins)
     * @param total curves to fit in the whole map
     */
    void progress(int done, int total);

    /**
     * Polled by the workers between chunks of curves; when it returns {@code true} the map stops and
     * {@link ParametricMapper#map} throws {@link MapCancelledException} (nothing is returned or written).
     *
     * @return whether to stop (default: never)
     */
    default boolean cancelled() {
        return false;
    }
}
