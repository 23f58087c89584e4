package org.ceusperfusion.maps;

/**
 * Progress of a map: how many of the curves to fit are done. Called from the worker threads, at
 * most a few hundred times per map; implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface MapProgress {
    /** A listener that ignores every report. */
    MapProgress NONE = (done, total) -> { };

    /**
     * @param done  curves fitted so far (pixels or bins)
     * @param total curves to fit in the whole map
     */
    void progress(int done, int total);
}
