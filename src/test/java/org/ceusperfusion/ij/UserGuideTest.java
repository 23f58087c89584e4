package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user guide shipped in the jar, its Markdown rendering and the Help pages made from it (offline). */
class UserGuideTest {
    static final Path PROJECT = Path.of(System.getProperty("ceus.projectDir", ".")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void everyPageOfTheRepositoryShipsAndReadsBackUnchanged() throws Exception {
        List<String> pages = new ArrayList<>(List.of("README.md"));
        try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).map(p -> "docs/" + p.getFileName()).sorted()
                    .forEach(pages::add);
        }
        assertEquals(pages.stream().sorted().toList(), UserGuide.PAGES.stream().sorted().toList(),
                "UserGuide.PAGES lists README.md and every docs/*.md");
        for (String page : UserGuide.PAGES) {
            assertEquals(Files.readString(PROJECT.resolve(page)), UserGuide.markdown(page), page + " in the jar");
        }
    }

    @Test
    void markdownBlocksAndInlineMarkupRender() {
        String html = MarkdownHtml.body("""
                # Title `x`

                A *word*, **bold** and `a<b>` with [the guide](docs/imagej.md#menus) and ![pic](s.png).

                | key | value |
                |---|---|
                | `model` | gamma \\| ldrw |

                - one
                  continued
                - two

                ```sh
                java -jar ij.jar <x>
                ```
                """);
        assertTrue(html.contains("<h1 id=\"title-x\"><a name=\"title-x\"></a>Title <code>x</code></h1>"), html);
        assertTrue(html.contains("<p>A <i>word</i>, <b>bold</b> and <code>a&lt;b&gt;</code> with "
                + "<a href=\"docs/imagej.html#menus\">the guide</a> and <i>[picture: pic]</i>.</p>"), html);
        assertTrue(html.contains("<tr><th>key</th><th>value</th></tr>"), html);
        assertTrue(html.contains("<tr><td><code>model</code></td><td>gamma | ldrw</td></tr>"), html);
        assertTrue(html.contains("<ul>\n<li>one continued</li>\n<li>two</li>\n</ul>"), html);
        assertTrue(html.contains("<pre>java -jar ij.jar &lt;x&gt;\n</pre>"), html);
        assertEquals("https://x.org/a.md5", MarkdownHtml.target("https://x.org/a.md5"));
        assertEquals("../README.html", MarkdownHtml.target("../README.md"));
    }

    @Test
    void sectionEndsAtTheNextHeadingOfItsLevelAndIgnoresCodeComments() {
        String md = "# A\n## B\ntext\n```sh\n# not a heading\n```\n### B1\nmore\n## C\nother\n";
        assertEquals("## B\ntext\n```sh\n# not a heading\n```\n### B1\nmore", MarkdownHtml.section(md, "b"));
        assertNull(MarkdownHtml.section(md, "z"));
        assertEquals("analyze-tic-dialog-macro-and-recorder-are-one-form",
                MarkdownHtml.anchor("Analyze TIC: dialog, macro and Recorder are one form"));
    }

    @Test
    void helpPageOfADialogCarriesItsSectionOfTheGuide() {
        String help = HelpLinks.html(AnalyzeTicPlugin.COMMAND, "Macro keys: dynamic_range.");
        assertTrue(help.contains("Analyze TIC: dialog, macro and Recorder are one form"), help);
        assertTrue(help.contains("<code>motion_correction</code>"), help);
        assertFalse(help.contains("Online:"), "no site linked unless -Dceus.docsUrl names one");
        String maps = HelpLinks.html(ParametricMapsPlugin.COMMAND, "keys");
        assertTrue(maps.contains("id=\"parametric-maps\""), maps);
    }

    @Test
    void theWholeGuideIsWrittenAsLinkedHtmlPages() throws Exception {
        Path start = UserGuide.extract(UserGuide.folder(tmp));
        assertEquals(tmp.resolve(UserGuide.folder(tmp).getFileName()).resolve("docs/imagej.html"), start);
        String readme = Files.readString(start.getParent().getParent().resolve("README.html"));
        assertTrue(readme.startsWith("<html><head><meta charset=\"utf-8\"><title>CEUS Perfusion</title>"), readme);
        assertTrue(readme.contains("href=\"docs/imagej.html\""), "README links to the rendered guide");
        assertNotNull(UserGuide.section("docs/workbench.md", null));
        String online = System.setProperty("ceus.docsUrl", "https://ceus.test/docs/");
        try {
            assertEquals("https://ceus.test/docs/", HelpLinks.guideUrl(tmp));
            assertTrue(HelpLinks.html("Batch...", "k").contains("Online: <a href=\"https://ceus.test/docs/\">"));
        } finally {
            if (online == null) {
                System.clearProperty("ceus.docsUrl");
            } else {
                System.setProperty("ceus.docsUrl", online);
            }
        }
    }
}
