package org.ceusperfusion.io;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Keeps SLF4J's own console warnings (lines starting {@code SLF4J:}, printed when Bio-Formats' logging finds
 * no provider, e.g. the CLI with {@code bioformats_package.jar} on its class path) off standard error; every
 * other line passes through unchanged. Installed once, the first time Bio-Formats is called; inside Fiji, where
 * a logging provider exists, SLF4J prints nothing and the filter never drops a line.
 */
final class QuietStderr extends OutputStream {
    private static PrintStream installed;

    private final PrintStream target;
    private final Charset charset;
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

    QuietStderr(PrintStream target) {
        this.target = target;
        this.charset = Charset.defaultCharset();
    }

    /** Wraps {@code System.err}, unless it is already wrapped. */
    static synchronized void install() {
        if (System.err == installed) {
            return;
        }
        installed = new PrintStream(new QuietStderr(System.err), true);
        System.setErr(installed);
    }

    /** @return whether a line of standard error is SLF4J's own warning */
    static boolean isSlf4jNoise(String line) {
        return line.startsWith("SLF4J:") || line.startsWith("SLF4J(W):") || line.startsWith("SLF4J(I):");
    }

    @Override
    public synchronized void write(int b) {
        bytes.write(b);
        if (b == '\n' || b == '\r') {
            flushLine();
        }
    }

    /** Passes a partial line on at once (progress bars) unless it may still become an SLF4J line. */
    @Override
    public synchronized void flush() {
        String text = bytes.toString(charset);
        if (!text.isEmpty() && !"SLF4J".startsWith(text) && !text.startsWith("SLF4J")) {
            flushLine();
        }
        target.flush();
    }

    private void flushLine() {
        String text = bytes.toString(charset);
        bytes.reset();
        if (!isSlf4jNoise(text)) {
            target.print(text);
            target.flush();
        }
    }
}
