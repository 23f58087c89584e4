package org.ceusperfusion.io;

import java.nio.file.Path;
import org.ceusperfusion.cine.CineLoop;

/**
 * Opens a cine loop from a file, choosing the reader by content (magic bytes), not by name.
 */
public final class LoopReader {
    private LoopReader() {
    }

    /**
     * Reads a cine loop with correct frame times and pixel size.
     *
     * @param path    the file (DICOM, TIFF, AVI, ...)
     * @param options overrides of frame interval and pixel size
     * @return the loop
     * @throws org.ceusperfusion.InputException naming the file and what is wrong when it cannot be read
     */
    public static CineLoop open(Path path, LoadOptions options) {
        throw new UnsupportedOperationException("LoopReader.open: not implemented yet");
    }

    /** @return lower-case hex SHA-256 of the file's bytes */
    public static String sha256(Path path) {
        throw new UnsupportedOperationException("LoopReader.sha256: not implemented yet");
    }
}
