package org.ceusperfusion.ij.guard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.plugin.PlugIn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceusperfusion.ij.AboutPlugin;
import org.junit.jupiter.api.Test;

/**
 * The Java-8 guard in front of every menu command: its class files are Java 8 (major 52) while the
 * plugins are Java 17 (61), its decision on each Java version, and plugins.config routing every entry
 * through it to an existing plugin class.
 */
class Java17GuardTest {
    private static final Pattern ENTRY = Pattern.compile(
            "^[A-Za-z]+(?:>[^,]*)?, \"([^\"]+)\", org\\.ceusperfusion\\.ij\\.guard\\.Java17Guard\\(\"([^\"]+)\"\\)$");

    private static byte[] classBytes(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            assertNotNull(in, c.getName());
            return in.readAllBytes();
        }
    }

    private static int major(Class<?> c) throws IOException {
        byte[] b = classBytes(c);
        assertEquals(0xCAFEBABE, ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF));
        return ((b[6] & 0xFF) << 8) | (b[7] & 0xFF);
    }

    @Test
    void guardClassesAreJava8BytecodeAndThePluginsJava17() throws IOException {
        assertEquals(52, major(Java17Guard.class));
        assertEquals(52, major(JavaVersionCheck.class));
        assertEquals(61, major(AboutPlugin.class));
    }

    @Test
    void guardClassesReferenceNoJava17ClassOfTheProject() throws IOException {
        for (Class<?> c : List.of(Java17Guard.class, JavaVersionCheck.class)) {
            String pool = new String(classBytes(c), StandardCharsets.ISO_8859_1);
            Matcher m = Pattern.compile("org/ceusperfusion/[A-Za-z0-9_/$]+").matcher(pool);
            while (m.find()) {
                assertTrue(m.group().startsWith("org/ceusperfusion/ij/guard/"), c + " refers to " + m.group());
            }
        }
    }

    @Test
    void featureReleaseIsReadFromTheSpecificationVersion() {
        assertEquals(8, JavaVersionCheck.feature("1.8"));
        assertEquals(6, JavaVersionCheck.feature("1.6"));
        assertEquals(9, JavaVersionCheck.feature("9"));
        assertEquals(11, JavaVersionCheck.feature("11"));
        assertEquals(16, JavaVersionCheck.feature("16"));
        assertEquals(17, JavaVersionCheck.feature("17"));
        assertEquals(21, JavaVersionCheck.feature(" 21 "));
        assertEquals(0, JavaVersionCheck.feature("abc"));
        assertEquals(0, JavaVersionCheck.feature(null));
    }

    @Test
    void java8To16GetOneMessageNamingTheNeededJavaAndFijiLatest() {
        for (String v : new String[] {"1.8", "9", "11", "16"}) {
            String m = JavaVersionCheck.problem(v);
            assertNotNull(m, v);
            String running = v.equals("1.8") ? "8" : v;
            assertTrue(m.startsWith("CEUS Perfusion needs Java 17 or newer (this ImageJ runs Java " + running + ")"), m);
            assertTrue(m.contains("Fiji-Latest") && m.contains("https://fiji.sc"), m);
        }
        assertTrue(JavaVersionCheck.problem("garbage").contains("this ImageJ runs Java garbage"));
    }

    @Test
    void java17AndNewerPass() {
        for (String v : new String[] {"17", "21", "25"}) {
            assertNull(JavaVersionCheck.problem(v), v);
        }
        assertNull(JavaVersionCheck.problem(System.getProperty("java.specification.version")));
    }

    @Test
    void guardArgumentNamesTheClassAndAnOptionalArgument() {
        assertArrayEquals(new String[] {"a.b.C", ""}, JavaVersionCheck.target("a.b.C"));
        assertArrayEquals(new String[] {"a.b.C", "x:y"}, JavaVersionCheck.target("a.b.C:x:y"));
        assertArrayEquals(new String[] {"", ""}, JavaVersionCheck.target(null));
    }

    @Test
    void onThisJavaTheGuardRunsTheNamedPluginWithItsArgument() {
        RecordingPlugin.lastArg = null;
        new Java17Guard().run(RecordingPlugin.class.getName() + ":hello");
        assertEquals("hello", RecordingPlugin.lastArg);
        new Java17Guard().run(RecordingPlugin.class.getName());
        assertEquals("", RecordingPlugin.lastArg);
    }

    @Test
    void onJava8TheGuardShowsTheMessageAndDoesNotLoadThePlugin() {
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        RecordingPlugin.lastArg = null;
        try {
            System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
            new Java17Guard().run(RecordingPlugin.class.getName() + ":hello", "1.8");
        } finally {
            System.setOut(out);
        }
        assertNull(RecordingPlugin.lastArg, "the plugin must not run on Java 8");
        String shown = captured.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("CEUS Perfusion needs Java 17 or newer (this ImageJ runs Java 8)"), shown);
    }

    @Test
    void everyPluginsConfigEntryGoesThroughTheGuardToAPlugin() throws Exception {
        List<String> commands = new ArrayList<>();
        try (InputStream in = Java17Guard.class.getResourceAsStream("/plugins.config")) {
            assertNotNull(in, "plugins.config on the class path");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Matcher m = ENTRY.matcher(line.trim());
                assertTrue(m.matches(), "not a guarded entry: " + line);
                String cls = JavaVersionCheck.target(m.group(2))[0];
                Class<?> plugin = Class.forName(cls, false, getClass().getClassLoader());
                assertTrue(PlugIn.class.isAssignableFrom(plugin), cls + " is an ImageJ PlugIn");
                assertFalse(plugin.getName().startsWith("org.ceusperfusion.ij.guard."), line);
                commands.add(m.group(1));
            }
        }
        assertTrue(commands.contains("About CEUS Perfusion") && commands.size() >= 8, commands.toString());
    }
}
