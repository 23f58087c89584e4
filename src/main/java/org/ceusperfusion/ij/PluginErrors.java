package org.ceusperfusion.ij;

import ij.IJ;
import ij.macro.Interpreter;
import java.awt.GraphicsEnvironment;
import org.ceusperfusion.InputException;

/**
 * The boundary between ImageJ and the core: bad input becomes one line for the user, never a stack trace.
 */
final class PluginErrors {
    private PluginErrors() {
    }

    /**
     * Runs {@code body}; an {@link InputException} is shown as one line ({@code IJ.error} in the GUI, the log
     * in batch mode without a GUI, where a dialog would block) and aborts the calling macro.
     *
     * @param command the menu command, used as the dialog title
     * @param body    the work
     * @return whether {@code body} completed
     */
    static boolean run(String command, Runnable body) {
        try {
            body.run();
            return true;
        } catch (InputException e) {
            report(command, e.getMessage());
            if (Interpreter.getInstance() != null) {
                Interpreter.abort();
            }
            return false;
        }
    }

    /** Shows {@code message} as an error of {@code command}. */
    static void report(String command, String message) {
        if (noDialogs()) {
            IJ.log("error: " + message);
        } else {
            IJ.error(command, message);
        }
    }

    /** @return whether dialogs cannot be shown, or would block an unattended run ({@code ImageJ -batch}) */
    static boolean noDialogs() {
        return GraphicsEnvironment.isHeadless() || (IJ.getInstance() == null && Interpreter.isBatchMode());
    }
}
