package org.ceusperfusion.ij;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the documentation is, for the Help button of every dialog, {@code Help > CEUS Perfusion Documentation} and
 * {@code Help > About Plugins}.
 *
 * <p>The user guide ships inside the plugin jar ({@link UserGuide}), so Help works offline: a dialog's Help
 * button shows the guide's section about that command, and the whole guide is written as HTML into the
 * temporary folder for the browser. A published site can be named with the system property
 * {@code ceus.docsUrl} (e.g. {@code -Dceus.docsUrl=https://example.org/ceus/} in ImageJ's Java options); it is
 * then linked from every Help page and opened by {@code CEUS Documentation}.
 */
public final class HelpLinks {
    /** The section of the guide shown by each command's Help button: page and heading anchor. */
    private static final Map<String, String[]> SECTIONS = Map.of(
            AnalyzeTicPlugin.COMMAND, new String[] {"docs/imagej.md", "analyze-tic-dialog-macro-and-recorder-are-one-form"},
            CompareExamsPlugin.COMMAND, new String[] {"docs/imagej.md", "analyze-tic-dialog-macro-and-recorder-are-one-form"},
            ParametricMapsPlugin.COMMAND, new String[] {"README.md", "parametric-maps"},
            BatchPlugin.COMMAND, new String[] {"README.md", "batch-processing-snakemake-and-slurm"},
            "Workbench", new String[] {"docs/workbench.md", null});
    private static final String[] DEFAULT_SECTION = {"docs/imagej.md", "menus"};

    private HelpLinks() {
    }

    /** @return the published documentation's URL ({@code -Dceus.docsUrl=...}), or {@code null} when none is set */
    public static String docsUrl() {
        String u = System.getProperty("ceus.docsUrl");
        return u == null || u.isBlank() ? null : u.trim();
    }

    /**
     * @param tmp the temporary folder
     * @return where the whole guide is opened from: {@link #docsUrl()} when set, else the bundled guide written
     *         as HTML under {@code tmp} (a {@code file:} URL)
     */
    public static String guideUrl(Path tmp) {
        String online = docsUrl();
        return online != null ? online : UserGuide.extract(UserGuide.folder(tmp)).toUri().toString();
    }

    /**
     * @param command the menu command, e.g. {@code Analyze TIC...}
     * @param keys    what its macro keys are, one sentence
     * @return the HTML shown by the dialog's Help button: the keys, the guide's section about the command
     *         (from the jar, offline) and where the whole guide is
     */
    public static String html(String command, String keys) {
        String[] where = SECTIONS.getOrDefault(command, DEFAULT_SECTION);
        String section = UserGuide.section(where[0], where[1]);
        String online = docsUrl();
        return "<html><h3>CEUS Perfusion: " + MarkdownHtml.escape(command) + "</h3>"
                + "<p>" + MarkdownHtml.escape(keys) + "</p>"
                + "<p>Every field is recorded by Plugins &gt; Macros &gt; Record; the macro key of a field is the first"
                + " word of its label, lower-cased.</p>"
                + (section == null ? "" : "<hr>" + section + "<hr>")
                + "<p>The whole guide: Help &gt; CEUS Perfusion Documentation (shipped with the plugin, works offline; page <tt>"
                + MarkdownHtml.escape(where[0]) + "</tt>)."
                + (online == null ? "" : " Online: <a href=\"" + MarkdownHtml.escape(online) + "\">"
                + MarkdownHtml.escape(online) + "</a>.")
                + "</p></html>";
    }
}
