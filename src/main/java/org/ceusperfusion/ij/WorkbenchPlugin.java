package org.ceusperfusion.ij;

import ij.plugin.PlugIn;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import javax.swing.SwingUtilities;

/**
 * {@code Plugins > CEUS Perfusion > Workbench}: one window that walks through a baseline versus follow-up
 * comparison (open loops, draw ROIs, live TIC and fit, parameters with CIs, comparison, export, sessions).
 * Every step is also recorded as macro text with the recordable commands ({@code Open Cine Loop...},
 * {@code Analyze TIC...}). Macro: {@code run("Workbench", "session=[/path/session.ceus.json]");} opens the
 * window on a saved session.
 */
public class WorkbenchPlugin implements PlugIn {
    /** The menu command. */
    public static final String COMMAND = "Workbench";

    @Override
    public void run(String arg) {
        if (GraphicsEnvironment.isHeadless()) {
            PluginErrors.report(COMMAND, "the workbench needs a display; headless, use 'ceus compare --session FILE'");
            return;
        }
        MacroOptions macro = MacroOptions.current();
        String session = macro == null ? null : macro.string("session", null);
        SwingUtilities.invokeLater(() -> {
            WorkbenchController c = WorkbenchController.open();
            if (session != null && !session.isBlank()) {
                c.openSession(Path.of(session));
            }
        });
    }
}
