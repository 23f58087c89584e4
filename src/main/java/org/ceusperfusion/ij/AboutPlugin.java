package org.ceusperfusion.ij;

import ij.IJ;
import ij.plugin.PlugIn;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.jar.Manifest;

/**
 * {@code Help > About Plugins > About CEUS Perfusion}: version, licence and where the documentation is;
 * with the argument {@code docs} ({@code Plugins > CEUS Perfusion > CEUS Documentation}) it opens the
 * documentation in the browser.
 * Writes to the log instead of a dialog when no dialog can be shown (batch mode without a GUI).
 */
public class AboutPlugin implements PlugIn {
    /** The menu command. */
    public static final String COMMAND = "About CEUS Perfusion";
    /** The licence. */
    public static final String LICENCE = "GPL-3.0-or-later";

    @Override
    public void run(String arg) {
        if ("docs".equals(arg)) {
            if (PluginErrors.noDialogs()) {
                IJ.log("CEUS Perfusion documentation: " + HelpLinks.docsUrl());
            } else {
                IJ.runPlugIn("ij.plugin.BrowserLauncher", HelpLinks.docsUrl());
            }
            return;
        }
        if (PluginErrors.noDialogs()) {
            IJ.log(text());
        } else {
            IJ.showMessage(COMMAND, text());
        }
    }

    /** @return the text shown: name, version, licence, documentation */
    public static String text() {
        return "CEUS Perfusion " + version() + "\n"
                + "Contrast-enhanced ultrasound perfusion quantification (time-intensity curves, bolus fits,\n"
                + "perfusion parameters with 95 % confidence intervals, follow-up comparison).\n"
                + "Licence: " + LICENCE + "\n"
                + "Documentation: " + HelpLinks.docsUrl() + "\n"
                + "(docs/imagej.md and README.md of the source repository: commands, macros, CLI).\n"
                + "Menus: Plugins > CEUS Perfusion; File > Import > CEUS Cine Loop...;"
                + " File > Open Samples > CEUS Demo Loops.";
    }

    /** @return {@code Implementation-Version} of the plugin jar's manifest, or {@code development} */
    public static String version() {
        Package p = AboutPlugin.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        if (v == null) {
            v = fromManifest();
        }
        return v == null ? "development" : v;
    }

    private static String fromManifest() {
        URL url = AboutPlugin.class.getResource("AboutPlugin.class");
        if (url == null || !"jar".equals(url.getProtocol())) {
            return null;
        }
        String s = url.toString();
        try (InputStream in = new URL(s.substring(0, s.indexOf("!/") + 2) + "META-INF/MANIFEST.MF").openStream()) {
            return new Manifest(in).getMainAttributes().getValue("Implementation-Version");
        } catch (IOException e) {
            return null;
        }
    }
}
