package org.ceusperfusion.ij;

/**
 * Where the documentation is, for the Help button of every dialog and for {@code Help > About Plugins}.
 *
 * <p>The Help button shows a short page (works offline) with the command's macro keys and the documentation
 * URL; the URL can be replaced with the system property {@code ceus.docsUrl}.
 */
public final class HelpLinks {
    /** The ImageJ user guide of CEUS Perfusion ({@code docs/imagej.md} of the source repository). */
    public static final String DEFAULT_DOCS_URL = "https://github.com/ceus-perfusion/ceus-perfusion/blob/main/docs/imagej.md";

    private HelpLinks() {
    }

    /** @return the documentation URL ({@code -Dceus.docsUrl=...} overrides {@link #DEFAULT_DOCS_URL}) */
    public static String docsUrl() {
        String u = System.getProperty("ceus.docsUrl");
        return u == null || u.isBlank() ? DEFAULT_DOCS_URL : u.trim();
    }

    /**
     * @param command the menu command, e.g. {@code Analyze TIC...}
     * @param keys    what its macro keys are, one sentence
     * @return the HTML shown by the dialog's Help button
     */
    public static String html(String command, String keys) {
        return "<html><h3>CEUS Perfusion: " + escape(command) + "</h3>"
                + "<p>" + escape(keys) + "</p>"
                + "<p>Every field is recorded by Plugins &gt; Macros &gt; Record; the macro key of a field is the first"
                + " word of its label, lower-cased.</p>"
                + "<p>Documentation: <a href=\"" + docsUrl() + "\">" + docsUrl() + "</a><br>"
                + "(also <tt>docs/imagej.md</tt> and <tt>README.md</tt> in the source repository).</p></html>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
