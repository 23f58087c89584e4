package org.ceusperfusion.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.ceusperfusion.InputException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Turns exceptions into the exit codes and one-line messages of interfaces.md §2. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int OK = 0;
    static final int SOME_FAILED = 1;
    static final int BAD_INPUT = 2;
    static final int INTERNAL = 3;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        String line = userMessage(ex);
        if (line != null) {
            cl.getErr().println("error: " + line);
            return BAD_INPUT;
        }
        cl.getErr().println("internal error (please report it): " + ex);
        ex.printStackTrace(cl.getErr());
        return INTERNAL;
    }

    /** @return the one-line message for bad input, or {@code null} for a bug */
    static String userMessage(Throwable ex) {
        if (ex instanceof InputException ie) {
            return ie.getMessage();
        }
        if (ex instanceof UncheckedIOException uio) {
            return userMessage(uio.getCause());
        }
        if (ex instanceof NoSuchFileException nsf) {
            return nsf.getFile() + ": no such file or folder";
        }
        if (ex instanceof java.nio.file.AccessDeniedException ad) {
            return ad.getFile() + ": permission denied";
        }
        if (ex instanceof java.nio.file.FileSystemException fse) {
            return fse.getFile() + ": " + (fse.getReason() == null ? "cannot be written" : fse.getReason());
        }
        if (ex instanceof IOException io) {
            return io.getMessage() == null ? io.toString() : io.getMessage();
        }
        return null;
    }

    static int usageError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String what = ex.getMessage() == null ? "bad usage" : ex.getMessage().replace('\n', ' ').strip();
        cl.getErr().println("error: " + what + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        return BAD_INPUT;
    }
}
