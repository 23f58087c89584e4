package org.ceusperfusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the core free of ImageJ's GUI: outside {@code org/ceusperfusion/ij} no source file may import
 * {@code ij.gui.*}, {@code ij.WindowManager}, {@code ij.plugin.frame.*}, {@code java.awt.Frame},
 * {@code javax.swing.*}, or use {@code ij.IJ} (except its version queries). Non-GUI ImageJ classes (e.g. {@code ij.io}, {@code ij.process})
 * and JFreeChart rendering stay allowed. Comments and string literals are ignored.
 */
class ArchitectureTest {
    /**
     * The only {@code IJ} methods allowed outside the ij package: pure version queries (the CLI prints the
     * bundled ImageJ version). Everything else on {@code IJ} (log, error, showStatus, run, ...) is GUI.
     */
    static final String ALLOWED_IJ_CALLS = "(getVersion|getFullVersion)";

    /** What is forbidden outside the ij package, each with the reason shown on failure. */
    static final List<Rule> RULES = List.of(
            new Rule("import ij.gui", Pattern.compile("\\bimport\\s+(static\\s+)?ij\\.gui\\.")),
            new Rule("import ij.WindowManager", Pattern.compile("\\bimport\\s+(static\\s+)?ij\\.WindowManager\\b")),
            new Rule("import ij.plugin.frame", Pattern.compile("\\bimport\\s+(static\\s+)?ij\\.plugin\\.frame\\.")),
            new Rule("import java.awt.Frame", Pattern.compile("\\bimport\\s+java\\.awt\\.(Frame\\b|\\*)")),
            new Rule("import javax.swing", Pattern.compile("\\bimport\\s+(static\\s+)?javax\\.swing\\.")),
            new Rule("uses ij.IJ", Pattern.compile("\\bimport\\s+(static\\s+)?ij\\.IJ\\b|(?<![\\w$])IJ\\s*\\.(?!"
                    + ALLOWED_IJ_CALLS + "\\s*\\()")),
            new Rule("uses ij.gui / WindowManager by full name",
                    Pattern.compile("\\bij\\.(gui|plugin\\.frame)\\.|\\bij\\.WindowManager\\b")));

    record Rule(String what, Pattern pattern) {
    }

    @Test
    void onlyTheIjPackageTalksToImageJsGui() throws IOException {
        Path src = Path.of(System.getProperty("ceus.projectDir", ".")).resolve("src/main/java");
        assertTrue(Files.isDirectory(src), "no sources at " + src.toAbsolutePath());
        List<String> offences = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
                String rel = src.relativize(f).toString().replace('\\', '/');
                if (rel.startsWith("org/ceusperfusion/ij/")) {
                    continue;
                }
                scanned++;
                String code = stripCommentsAndStrings(Files.readString(f));
                for (Rule r : RULES) {
                    Matcher m = r.pattern().matcher(code);
                    if (m.find()) {
                        offences.add(rel + ": " + r.what() + " (\"" + m.group().strip() + "\")");
                    }
                }
            }
        }
        assertTrue(scanned > 0, "no Java file found outside the ij package");
        if (!offences.isEmpty()) {
            fail("ImageJ GUI used outside org.ceusperfusion.ij (move it into the ij package):\n  "
                    + String.join("\n  ", offences));
        }
    }

    @Test
    void theScannerSeesCodeButNotCommentsOrStrings() {
        String code = stripCommentsAndStrings("/** {@code IJ.error} */ class A { // IJ.log\n"
                + " String s = \"IJ.log(\\\"x\\\")\"; char c = '\"'; void f() { IJ.log(s); } }");
        assertEquals(1, countMatches(code, "IJ."), code);
        assertTrue(RULES.get(5).pattern().matcher(code).find());
        assertTrue(RULES.get(0).pattern().matcher("import ij.gui.Plot;").find());
        assertTrue(!RULES.get(5).pattern().matcher("import ij.io.Opener; MyIJ.x(); ImageIJ.y();").find());
        assertTrue(!RULES.get(5).pattern().matcher("String v = ij.IJ.getVersion() + IJ.getFullVersion();").find());
        assertTrue(RULES.get(5).pattern().matcher("ij.IJ.showStatus(s);").find());
    }

    private static int countMatches(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
            n++;
        }
        return n;
    }

    /** @return {@code java} with comments, string, text-block and char literals blanked out */
    static String stripCommentsAndStrings(String java) {
        StringBuilder out = new StringBuilder(java.length());
        int i = 0;
        int n = java.length();
        while (i < n) {
            char c = java.charAt(i);
            if (java.startsWith("//", i)) {
                int e = java.indexOf('\n', i);
                i = e < 0 ? n : e;
            } else if (java.startsWith("/*", i)) {
                int e = java.indexOf("*/", i + 2);
                i = e < 0 ? n : e + 2;
                out.append(' ');
            } else if (java.startsWith("\"\"\"", i)) {
                int e = java.indexOf("\"\"\"", i + 3);
                i = e < 0 ? n : e + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && java.charAt(j) != c) {
                    j += java.charAt(j) == '\\' ? 2 : 1;
                }
                i = Math.min(n, j + 1);
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
