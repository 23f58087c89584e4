package org.ceusperfusion.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The build's class-data-sharing archive for {@code ./ceus map} ({@code src/build/map-cds-archive.sh}) runs java with
 * the options it reads from the launcher: the first {@code default_opts="…"} and {@code map_opts="…"} lines of
 * {@code ./ceus}. The build never fails when the archive cannot be made (no archive: ./ceus falls back to its
 * per-user one), so a launcher edit that turns those lines into shell expressions would silently leave the build
 * without its archive (it did once, session 17, when the script still read every such line). Here: the first lines
 * are plain JVM options, and later ones only append to them.
 */
class BuildArchiveOptionsTest {
    @Test
    void theLauncherLinesTheArchiveScriptReadsArePlainJvmOptions() throws IOException {
        String launcher = Files.readString(Path.of("ceus"));
        String script = Files.readString(Path.of("src/build/map-cds-archive.sh"));
        assertTrue(script.contains("launcher_opt default_opts") && script.contains("launcher_opt map_opts"), script);
        for (String name : new String[] {"default_opts", "map_opts"}) {
            Matcher m = Pattern.compile("(?m)^" + name + "=\"(.*)\"$").matcher(launcher);
            assertTrue(m.find(), name + " not found in ./ceus");
            String value = m.group(1);
            assertFalse(value.isBlank(), name);
            for (String option : value.trim().split("\\s+")) {
                assertTrue(option.startsWith("-X"), name + ": '" + option + "' is not a JVM option");
            }
            while (m.find()) {   // the script takes the first line: any later one may only append to it
                assertTrue(m.group(1).startsWith("$" + name), name + " is set anew later in ./ceus: " + m.group());
            }
        }
    }
}
