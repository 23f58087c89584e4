package org.ceusperfusion.ij;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small part of Markdown the project's documentation uses, rendered to plain HTML 3.2 (which Swing's
 * {@code JEditorPane} and every browser show): headings with GitHub-style anchors, paragraphs, lists, fenced
 * code, pipe tables, block quotes, {@code `code`}, bold, italics, links and images (shown as their text).
 * Links to other {@code .md} files point to their {@code .html} rendering. Pure text, no GUI.
 */
final class MarkdownHtml {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern ORDERED = Pattern.compile("^\\s*\\d+[.)]\\s+(.*)$");
    private static final Pattern UNORDERED = Pattern.compile("^\\s*[-*+]\\s+(.*)$");
    private static final Pattern LINK = Pattern.compile("(!?)\\[([^\\]]*)\\]\\(([^)\\s]+)\\)");
    private static final Pattern MD_TARGET = Pattern.compile("^([^:#?]+)\\.md(#.*)?$");

    private MarkdownHtml() {
    }

    /**
     * @param markdown the Markdown text
     * @return the HTML body (no {@code <html>} wrapper)
     */
    static String body(String markdown) {
        List<String> lines = List.of(markdown.replace("\r\n", "\n").split("\n", -1));
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            i = block(lines, i, out);
        }
        return out.toString();
    }

    /** Renders the block starting at line {@code i}; @return the first line after it. */
    private static int block(List<String> lines, int i, StringBuilder out) {
        String line = lines.get(i);
        Matcher h = HEADING.matcher(line);
        if (line.isBlank()) {
            return i + 1;
        } else if (line.startsWith("```")) {
            return code(lines, i, out);
        } else if (h.matches()) {
            int level = h.group(1).length();
            out.append("<h").append(level).append(" id=\"").append(anchor(h.group(2))).append("\"><a name=\"")
                    .append(anchor(h.group(2))).append("\"></a>").append(inline(h.group(2))).append("</h")
                    .append(level).append(">\n");
            return i + 1;
        } else if (line.trim().startsWith("|") && i + 1 < lines.size() && lines.get(i + 1).matches("^\\s*\\|?[\\s:|-]+\\|?\\s*$")) {
            return table(lines, i, out);
        } else if (UNORDERED.matcher(line).matches() || ORDERED.matcher(line).matches()) {
            return list(lines, i, out);
        } else if (line.startsWith(">")) {
            out.append("<blockquote>");
            int j = i;
            StringBuilder text = new StringBuilder();
            while (j < lines.size() && lines.get(j).startsWith(">")) {
                text.append(lines.get(j).substring(1).trim()).append(' ');
                j++;
            }
            out.append(inline(text.toString().trim())).append("</blockquote>\n");
            return j;
        }
        StringBuilder text = new StringBuilder();
        int j = i;
        while (j < lines.size() && !lines.get(j).isBlank() && !lines.get(j).startsWith("```")
                && !HEADING.matcher(lines.get(j)).matches() && !(j > i && (UNORDERED.matcher(lines.get(j)).matches()
                || lines.get(j).trim().startsWith("|")))) {
            text.append(lines.get(j).trim()).append(' ');
            j++;
        }
        out.append("<p>").append(inline(text.toString().trim())).append("</p>\n");
        return j;
    }

    private static int code(List<String> lines, int i, StringBuilder out) {
        out.append("<pre>");
        int j = i + 1;
        while (j < lines.size() && !lines.get(j).startsWith("```")) {
            out.append(escape(lines.get(j))).append('\n');
            j++;
        }
        out.append("</pre>\n");
        return Math.min(j + 1, lines.size());
    }

    private static int list(List<String> lines, int i, StringBuilder out) {
        boolean ordered = ORDERED.matcher(lines.get(i)).matches();
        out.append(ordered ? "<ol>\n" : "<ul>\n");
        int j = i;
        StringBuilder item = null;
        while (j < lines.size() && !lines.get(j).isBlank()) {
            Matcher m = ordered ? ORDERED.matcher(lines.get(j)) : UNORDERED.matcher(lines.get(j));
            if (m.matches()) {
                if (item != null) {
                    out.append("<li>").append(inline(item.toString().trim())).append("</li>\n");
                }
                item = new StringBuilder(m.group(1)).append(' ');
            } else {
                item.append(lines.get(j).trim()).append(' ');
            }
            j++;
        }
        out.append("<li>").append(inline(item.toString().trim())).append("</li>\n");
        out.append(ordered ? "</ol>\n" : "</ul>\n");
        return j;
    }

    private static int table(List<String> lines, int i, StringBuilder out) {
        out.append("<table border=\"1\" cellpadding=\"3\" cellspacing=\"0\">\n");
        row(lines.get(i), "th", out);
        int j = i + 2;
        while (j < lines.size() && lines.get(j).trim().startsWith("|")) {
            row(lines.get(j), "td", out);
            j++;
        }
        out.append("</table>\n");
        return j;
    }

    private static void row(String line, String cell, StringBuilder out) {
        String t = line.trim();
        t = t.substring(1, t.endsWith("|") && t.length() > 1 ? t.length() - 1 : t.length());
        out.append("<tr>");
        for (String c : t.split("(?<!\\\\)\\|", -1)) {
            out.append('<').append(cell).append('>').append(inline(c.trim().replace("\\|", "|"))).append("</")
                    .append(cell).append('>');
        }
        out.append("</tr>\n");
    }

    /** Inline markup of one block's text: code spans first (their content is literal), then the rest. */
    static String inline(String text) {
        StringBuilder out = new StringBuilder();
        String[] parts = text.split("`", -1);
        int spans = (parts.length - 1) / 2;
        for (int k = 0; k < parts.length; k++) {
            if (k % 2 == 1 && k <= 2 * spans) {
                out.append("<code>").append(escape(parts[k])).append("</code>");
            } else {
                out.append(k > 2 * spans ? "`" : "").append(emphasis(links(escape(parts[k]))));
            }
        }
        return out.toString();
    }

    private static String links(String escaped) {
        Matcher m = LINK.matcher(escaped);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String r = m.group(1).isEmpty() ? "<a href=\"" + target(m.group(3)) + "\">" + m.group(2) + "</a>"
                    : "<i>[picture: " + m.group(2) + "]</i>";
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** @return {@code href} with a {@code .md} page replaced by its {@code .html} rendering */
    static String target(String href) {
        Matcher m = MD_TARGET.matcher(href);
        return m.matches() ? m.group(1) + ".html" + (m.group(2) == null ? "" : m.group(2)) : href;
    }

    private static String emphasis(String s) {
        return s.replaceAll("\\*\\*(\\S(?:.*?\\S)?)\\*\\*", "<b>$1</b>")
                .replaceAll("(?<![\\w*])\\*(\\S(?:[^*]*?\\S)?)\\*(?![\\w*])", "<i>$1</i>")
                .replaceAll("(?<![\\w_])_(\\S(?:[^_]*?\\S)?)_(?![\\w_])", "<i>$1</i>");
    }

    /**
     * @param heading a heading's text
     * @return its anchor as GitHub makes it: lower case, punctuation dropped, blanks as hyphens
     */
    static String anchor(String heading) {
        String plain = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "");
        StringBuilder sb = new StringBuilder();
        for (char c : plain.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                sb.append(c);
            } else if (c == ' ') {
                sb.append('-');
            }
        }
        return sb.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * @param markdown a page
     * @param anchor   a heading's {@link #anchor}
     * @return the section under that heading (up to the next heading of the same or a higher level), or
     *         {@code null} when the page has no such heading
     */
    static String section(String markdown, String anchor) {
        List<String> lines = List.of(markdown.replace("\r\n", "\n").split("\n", -1));
        List<String> out = new ArrayList<>();
        int level = 0;
        boolean inCode = false;
        for (String line : lines) {
            inCode ^= line.startsWith("```");
            Matcher h = HEADING.matcher(line);
            boolean heading = !inCode && !line.startsWith("```") && h.matches();
            if (level > 0 && heading && h.group(1).length() <= level) {
                break;
            }
            if (level == 0 && heading && anchor(h.group(2)).equals(anchor)) {
                level = h.group(1).length();
            }
            if (level > 0) {
                out.add(line);
            }
        }
        return level == 0 ? null : String.join("\n", out);
    }
}
