package org.ceusperfusion.ij;

import ij.IJ;
import ij.gui.HTMLDialog;
import ij.plugin.PlugIn;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.jar.Manifest;

/**
 * {@code Help > About Plugins > About CEUS Perfusion}: version, licence and where the documentation is;
 * with the argument {@code docs} ({@code Plugins > CEUS Perfusion > CEUS Documentation}) it shows the user
 * guide shipped in the jar ({@code docs:<page>}: another page, e.g. {@code docs:docs/workbench.md}).
 * Writes to the log instead of a dialog when no dialog can be shown (batch mode without a GUI).
 */
public class AboutPlugin implements PlugIn {
    /** The menu command. */
    public static final String COMMAND = "About CEUS Perfusion";
    /** The licence. */
    public static final String LICENCE = "GPL-3.0-or-later";

    @Override
    public void run(String arg) {
        if (arg != null && arg.startsWith("docs")) {
            documentation(arg.startsWith("docs:") ? arg.substring(5) : UserGuide.START);
            return;
        }
        if (PluginErrors.noDialogs()) {
            IJ.log(text());
        } else {
            IJ.showMessage(COMMAND, text());
        }
    }

    /**
     * The guide: the published site when {@code -Dceus.docsUrl} names one (in the browser); else the guide
     * shipped in the jar, written as HTML into ImageJ's temporary folder (its path in the Log, for the browser)
     * and {@code page} shown in an ImageJ HTML window.
     *
     * @param page a page of {@link UserGuide#PAGES}
     */
    static void documentation(String page) {
        String online = HelpLinks.docsUrl();
        if (online != null) {
            IJ.log("CEUS Perfusion documentation: " + online);
            if (!PluginErrors.noDialogs()) {
                IJ.runPlugIn("ij.plugin.BrowserLauncher", online);
            }
            return;
        }
        Path start;
        try {
            start = UserGuide.extract(UserGuide.folder(Path.of(IJ.getDirectory("temp"))));
        } catch (java.io.UncheckedIOException e) {
            PluginErrors.report("CEUS Documentation", "cannot write the guide: " + e.getCause().getMessage());
            return;
        }
        Path shown = start.getParent().getParent().resolve(MarkdownHtml.target(page));
        IJ.log("CEUS Perfusion documentation (shipped with the plugin; open in a browser): " + shown.toUri());
        String body = UserGuide.section(page, null);
        if (!PluginErrors.noDialogs() && body != null) {
            new HTMLDialog("CEUS Perfusion documentation", "<html><p><small>Also in the browser: "
                    + MarkdownHtml.escape(shown.toUri().toString()) + "</small></p>" + body + "</html>", false);
        }
    }

    /** @return the text shown: name, version, licence, documentation */
    public static String text() {
        return "CEUS Perfusion " + version() + "\n"
                + "Contrast-enhanced ultrasound perfusion quantification (time-intensity curves, bolus fits,\n"
                + "perfusion parameters with 95 % confidence intervals, follow-up comparison).\n"
                + "Licence: " + LICENCE + "\n"
                + "Documentation: Plugins > CEUS Perfusion > CEUS Documentation (shipped with the plugin, works\n"
                + "offline; README.md and docs/ of the source repository)"
                + (HelpLinks.docsUrl() == null ? "" : "; online: " + HelpLinks.docsUrl()) + ".\n"
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
