package org.ceusperfusion.io;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles the fake {@code loci.formats} classes of {@code src/test/fake-bioformats} (the project's own test
 * code, see its README) into a folder and loads them through a class loader of their own, the way ImageJ's
 * plugin class loader sees {@code plugins/bioformats_package.jar}; the test class path never sees them.
 */
public final class FakeBioFormats {
    private FakeBioFormats() {
    }

    /** @return a class loader that sees the fake Bio-Formats (and nothing of the test class path) */
    public static URLClassLoader loader(Path outDir) throws IOException {
        Path src = Path.of("src", "test", "fake-bioformats");
        List<String> args = new ArrayList<>(List.of("-d", outDir.toString(), "-nowarn", "--release", "17"));
        try (Stream<Path> files = Files.walk(src)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the tests need a JDK (javac), not a JRE");
        }
        int rc = javac.run(null, null, null, args.toArray(new String[0]));
        if (rc != 0) {
            throw new IllegalStateException("the fake Bio-Formats does not compile");
        }
        return new URLClassLoader(new URL[] {outDir.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    /** @return the static field {@code READS} of the fake reader: "series:plane" of every plane read */
    @SuppressWarnings("unchecked")
    static List<String> reads(ClassLoader loader) throws ReflectiveOperationException {
        return (List<String>) Class.forName("loci.formats.ImageReader", true, loader).getField("READS").get(null);
    }

    /** @return whether the last fake reader was closed */
    static boolean closed(ClassLoader loader) throws ReflectiveOperationException {
        return (Boolean) Class.forName("loci.formats.ImageReader", true, loader).getField("closed").get(null);
    }
}
