package org.ceusperfusion.maps;

/** Thrown by {@link ParametricMapper#map} when its {@link MapProgress} asks to stop. */
public final class MapCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param done curves fitted when the map stopped */
    public MapCancelledException(int done) {
        super("parametric map cancelled after " + done + " curves");
    }
}
