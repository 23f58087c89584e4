package org.ceusperfusion.ij;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ceusperfusion.Version;

/**
 * The user documentation shipped inside the plugin jar ({@code README.md} and {@code docs/*.md} of the
 * repository, under {@value #RESOURCE}), so that Help works offline: a page's Markdown, one section of it
 * rendered for a dialog's Help button, or every page rendered to HTML files in a folder for the browser.
 * No GUI.
 */
final class UserGuide {
    /** Where the pages are in the jar. */
    static final String RESOURCE = "/ceus-docs/";
    /** The pages shipped, as paths in the repository. */
    static final List<String> PAGES = List.of("README.md", "docs/imagej.md", "docs/workbench.md", "docs/install.md",
            "docs/formats.md", "docs/frames-and-quality.md", "docs/intervals.md", "docs/maps.md", "docs/motion.md",
            "docs/pe-accuracy.md", "docs/phantoms.md", "docs/speed.md");
    /** The page opened by Help › CEUS Documentation. */
    static final String START = "docs/imagej.md";

    private UserGuide() {
    }

    /**
     * @param page a page of {@link #PAGES}
     * @return its Markdown, or {@code null} when the jar does not hold it (e.g. a build without the docs)
     */
    static String markdown(String page) {
        try (InputStream in = UserGuide.class.getResourceAsStream(RESOURCE + page)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * @param page   a page of {@link #PAGES}
     * @param anchor a heading's anchor ({@link MarkdownHtml#anchor}), or {@code null} for the whole page
     * @return that part rendered to an HTML body, or {@code null} when it is not in the jar
     */
    static String section(String page, String anchor) {
        String md = markdown(page);
        String part = md == null || anchor == null ? md : MarkdownHtml.section(md, anchor);
        return part == null ? null : MarkdownHtml.body(part);
    }

    /**
     * Writes every page as HTML ({@code docs/imagej.md} → {@code docs/imagej.html}, links between pages kept)
     * into {@code dir}; pages already written by this version are rewritten (cheap: about 100 kB).
     *
     * @param dir the folder, created when missing
     * @return the start page {@link #START} as HTML
     * @throws UncheckedIOException when the folder cannot be written
     */
    static Path extract(Path dir) {
        try {
            for (String page : PAGES) {
                String md = markdown(page);
                if (md == null) {
                    continue;
                }
                Path out = dir.resolve(MarkdownHtml.target(page));
                Files.createDirectories(out.getParent());
                Files.writeString(out, page(titleOf(md, page), MarkdownHtml.body(md)), StandardCharsets.UTF_8);
            }
            return dir.resolve(MarkdownHtml.target(START));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the folder {@link #extract(Path)} uses under the temporary folder {@code tmp} */
    static Path folder(Path tmp) {
        return tmp.resolve("ceus-perfusion-docs-" + Version.get());
    }

    /** @return a whole HTML document */
    static String page(String title, String body) {
        return "<html><head><meta charset=\"utf-8\"><title>" + MarkdownHtml.escape(title) + "</title></head><body>\n"
                + body + "<hr><p><small>CEUS Perfusion " + MarkdownHtml.escape(Version.get())
                + ", documentation shipped with the plugin.</small></p></body></html>\n";
    }

    private static String titleOf(String md, String page) {
        for (String line : md.split("\n")) {
            if (line.startsWith("# ")) {
                return line.substring(2).trim();
            }
        }
        return page;
    }
}
