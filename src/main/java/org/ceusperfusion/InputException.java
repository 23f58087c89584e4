package org.ceusperfusion;

/**
 * Bad user input: an unreadable or corrupt file, a ROI outside the image, an impossible option.
 * Front ends turn it into one line {@code error: <source>: <what is wrong>} (exit code 2 in the CLI,
 * {@code IJ.error} in ImageJ), without a stack trace.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String source;

    /**
     * @param source the file or option at fault (e.g. a path, or {@code --roi})
     * @param what   what is wrong, in words a user understands
     */
    public InputException(String source, String what) {
        super(source + ": " + what);
        this.source = source;
    }

    /** As {@link #InputException(String, String)}, keeping the low-level cause for debugging. */
    public InputException(String source, String what, Throwable cause) {
        super(source + ": " + what, cause);
        this.source = source;
    }

    /** @return the file or option at fault */
    public String source() {
        return source;
    }
}
