package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs plain ImageJ 1.x in a separate JVM, exactly as a user would, on a throw-away ImageJ folder holding
 * the plugin jar (assembled here from {@code target/classes}, since tests run before {@code package}) and
 * its runtime libraries in {@code plugins/jars/}.
 *
 * <p>Command: {@code [xvfb-run -a] java -Duser.home=<tmp>/home -jar ij-<version>.jar -ijpath <tmp> -batch
 * <macro.ijm>}. ImageJ's {@code -batch} mode builds its menus (and so reads {@code plugins.config}) with AWT,
 * which needs a display: without {@code DISPLAY} the run goes through {@code xvfb-run -a} (Debian packages
 * {@code xvfb} and {@code xauth}). {@code user.home} is redirected so the user's ImageJ preferences are
 * neither read nor changed.
 */
final class ImageJProcess {
    /** Longest an ImageJ run may take before it is killed. */
    static final long TIMEOUT_S = 120;

    private final Path dir;

    /** The result of one run: exit code and everything ImageJ printed (stdout and stderr). */
    record Run(int exitCode, String output) {
    }

    private ImageJProcess(Path dir) {
        this.dir = dir;
    }

    /** Builds an ImageJ folder under {@code tmp} with the plugin jar and its libraries. */
    static ImageJProcess install(Path tmp) throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path jars = Files.createDirectories(plugins.resolve("jars"));
        Path classes = classesDir();
        writePluginJar(classes, plugins.resolve("CEUS_Perfusion-" + projectVersion() + ".jar"));
        for (Path lib : runtimeLibraries()) {
            Files.copy(lib, jars.resolve(lib.getFileName()));
        }
        Files.createDirectories(tmp.resolve("home"));
        return new ImageJProcess(tmp);
    }

    /**
     * Builds an ImageJ folder under {@code tmp} whose {@code plugins/} holds nothing but {@code singleJar}
     * (the self-contained plugin jar for plain ImageJ), as a user who drops that one file in would have it.
     */
    static ImageJProcess installSingleJar(Path tmp, Path singleJar) throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(singleJar, plugins.resolve(singleJar.getFileName()));
        Files.createDirectories(tmp.resolve("home"));
        return new ImageJProcess(tmp);
    }

    /** @return the ImageJ folder ({@code -ijpath}) */
    Path dir() {
        return dir;
    }

    /** Runs {@code macro} with {@code -batch}; fails the test on timeout, showing ImageJ's output. */
    Run runMacro(String macro) throws IOException, InterruptedException {
        Path file = dir.resolve("test-" + System.nanoTime() + ".ijm");
        Files.writeString(file, macro, StandardCharsets.UTF_8);
        return runMacroFile(file, null);
    }

    /** Runs the macro {@code file} with {@code -batch file [argument]}; fails the test on timeout. */
    Run runMacroFile(Path file, String argument) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            String xvfb = onPath("xvfb-run");
            if (xvfb == null) {
                fail("ImageJ -batch needs an X display to build its menus: no DISPLAY and no xvfb-run on PATH"
                        + " (install with: apt-get install -y xvfb xauth)");
            }
            cmd.addAll(List.of(xvfb, "-a"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir.resolve("home"), "-jar", ijJar().toString(),
                "-ijpath", dir.toString(), "-batch", file.toAbsolutePath().toString()));
        if (argument != null) {
            cmd.add(argument);
        }
        Path log = dir.resolve("imagej-output-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            fail("ImageJ did not finish within " + TIMEOUT_S + " s (a dialog waiting for input?). Command: "
                    + String.join(" ", cmd) + "\nOutput:\n" + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log));
    }

    /**
     * Runs a shell-like command line as a user would type it in {@code cwd} (words split on blanks; a word in
     * double quotes may hold blanks), with {@code user.home} redirected through {@code JAVA_TOOL_OPTIONS}; kills it and fails the
     * test after {@code timeoutS}.
     */
    Run runCommandLine(String commandLine, Path cwd, long timeoutS) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        Matcher w = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(commandLine);
        while (w.find()) {
            cmd.add(w.group(1) != null ? w.group(1) : w.group(2));
        }
        if (cmd.get(0).equals("xvfb-run") && onPath("xvfb-run") != null) {
            cmd.set(0, onPath("xvfb-run"));
        }
        Path log = dir.resolve("imagej-output-" + System.nanoTime() + ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Duser.home=" + dir.resolve("home"));
        Process p = pb.start();
        if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            fail("not finished within " + timeoutS + " s (a dialog waiting for input?): " + commandLine
                    + "\nOutput:\n" + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log));
    }

    /** @return the java executable of the JVM running the tests */
    static String javaExe() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, exe);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    /** @return the ImageJ jar the tests compile against (same version as in the pom) */
    static Path ijJar() {
        return codeSource(ij.IJ.class);
    }

    private static Path classesDir() {
        Path p = codeSource(AboutPlugin.class);
        if (!Files.isDirectory(p) || !Files.exists(p.resolve("plugins.config"))) {
            fail("expected compiled classes with plugins.config in a folder, found " + p);
        }
        return p;
    }

    private static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the project version from {@code pom.xml} (the first {@code <version>} after the artifactId) */
    static String projectVersion() throws IOException {
        Path pom = Path.of(System.getProperty("ceus.projectDir", ".")).resolve("pom.xml");
        Matcher m = Pattern.compile("<artifactId>CEUS_Perfusion</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(pom));
        return m.find() ? m.group(1).trim() : "0-SNAPSHOT";
    }

    private static void writePluginJar(Path classes, Path jar) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.put(Attributes.Name.IMPLEMENTATION_TITLE, "CEUS Perfusion");
        a.put(Attributes.Name.IMPLEMENTATION_VERSION, projectVersion());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String name = classes.relativize(f).toString().replace(File.separatorChar, '/');
                out.putNextEntry(new JarEntry(name));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    /** @return the jars of the test class path that ImageJ does not ship and that are not test tools */
    private static Set<Path> runtimeLibraries() throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Set<Path> jars = new LinkedHashSet<>();
        for (String e : cp.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                expand(Path.of(e), jars);
            }
        }
        Path ij = ijJar();
        jars.removeIf(j -> j.equals(ij) || isTestTool(j.getFileName().toString()));
        return jars;
    }

    /** Adds {@code entry} when it is a jar, following the Class-Path of manifest-only jars. */
    private static void expand(Path entry, Set<Path> jars) throws IOException {
        if (!Files.isRegularFile(entry) || !entry.toString().endsWith(".jar") || !jars.add(entry)) {
            return;
        }
        try (JarFile jf = new JarFile(entry.toFile())) {
            Manifest mf = jf.getManifest();
            String cp = mf == null ? null : mf.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (cp != null && jf.size() <= 2) {
                jars.remove(entry);
                for (String u : cp.trim().split("\\s+")) {
                    try {
                        expand(Path.of(entry.getParent().toUri().resolve(u)), jars);
                    } catch (IllegalArgumentException ex) {
                        // not a file URI: ignore
                    }
                }
            }
        }
    }

    private static boolean isTestTool(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("junit") || n.startsWith("opentest4j") || n.startsWith("apiguardian")
                || n.startsWith("surefire") || n.startsWith("common-java5") || n.startsWith("common-junit")
                || n.startsWith("maven-surefire");
    }
}
