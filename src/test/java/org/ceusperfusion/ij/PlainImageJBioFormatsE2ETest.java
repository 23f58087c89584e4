package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.ceusperfusion.io.FakeBioFormats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain ImageJ 1.x with "Bio-Formats" in {@code plugins/jars/} (the fake of the {@code loci.formats} classes the
 * bridge calls, jarred here): {@code Open Cine Loop...} reaches it through the plugin class loader (the thread's
 * context loader cannot see it) and the loop opens with its times. Needs a display or xvfb-run.
 */
@Tag("integration")
class PlainImageJBioFormatsE2ETest {
    @TempDir
    Path tmp;

    @Test
    void openCineLoopReachesBioFormatsInPluginsAndKeepsTheTimes() throws Exception {
        ImageJProcess imagej = ImageJProcess.install(tmp.resolve("imagej"));
        Path classes = Files.createDirectories(tmp.resolve("fake-classes"));
        FakeBioFormats.loader(classes).close();
        jar(classes, imagej.dir().resolve("plugins/jars/bioformats_package.jar"));
        Path loop = tmp.resolve("loop.ome");
        Files.writeString(loop, "0.sizeT=4\n0.physicalSizeUm=200\n0.planes=0,0,0,0,ms;0,0,1,250,ms;0,0,2,1250,ms;0,0,3,3000,ms\n");

        ImageJProcess.Run run = imagej.runMacro("run(\"Open Cine Loop...\", \"open=["
                + ImageJMacroE2ETest.macroPath(loop) + "]\");\n"
                + "print(\"format=\" + Property.get(\"CEUS.format\"));\n"
                + "print(\"timing=\" + Property.get(\"CEUS.timingSource\"));\n"
                + "print(\"times=\" + Property.get(\"CEUS.times\"));\n");
        String out = run.output();
        assertEquals("BioFormats", ImageJMacroE2ETest.value(out, "format"), out);
        assertEquals("BioFormatsDeltaT", ImageJMacroE2ETest.value(out, "timing"), out);
        double[] times = Arrays.stream(ImageJMacroE2ETest.value(out, "times").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        assertArrayEquals(new double[] {0, 0.25, 1.25, 3}, times, 1e-9, out);
        assertFalse(out.contains("SLF4J:"), out);
    }

    private static void jar(Path classes, Path jar) throws Exception {
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os);
             Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                j.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(p));
                j.closeEntry();
            }
        }
    }
}
