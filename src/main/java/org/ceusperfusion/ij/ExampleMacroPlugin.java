package org.ceusperfusion.ij;

import ij.IJ;
import ij.plugin.PlugIn;
import ij.plugin.frame.Editor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code Plugins > CEUS Perfusion > Examples > ...}: opens one of the example macros shipped in the jar
 * (under {@value #FOLDER}, where Fiji's Script Editor also finds them as templates) in ImageJ's macro
 * editor, ready to run. The examples use the repository's {@code test-data/} when they find it, else the
 * demo loops generated on demand.
 */
public class ExampleMacroPlugin implements PlugIn {
    /** Where the examples are in the jar. */
    public static final String FOLDER = "/script_templates/CEUS Perfusion/";

    @Override
    public void run(String arg) {
        String name = arg == null || arg.isBlank() ? "CEUS_Analyze_Example.ijm" : arg.trim();
        String text = text(name);
        if (text == null) {
            PluginErrors.report("CEUS Perfusion Examples", name + ": example not found in the plugin jar");
        } else if (PluginErrors.noDialogs()) {
            IJ.log(text);
        } else {
            new Editor().create(name, text);
        }
    }

    /** @return the example macro {@code name} from the jar, or {@code null} */
    static String text(String name) {
        try (InputStream in = ExampleMacroPlugin.class.getResourceAsStream(FOLDER + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
