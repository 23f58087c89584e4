package org.ceusperfusion.synth;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Regenerates the bundled demo files: {@code baseline.dcm}, {@code day14.tif}, their
 * {@code .truth.json} sidecars and {@code README.md}.
 *
 * <p>Usage: {@code java -cp target/ceus-perfusion-cli-<version>.jar org.ceusperfusion.synth.TestDataMain [DIR]}
 * (default DIR: {@code test-data}).
 */
public final class TestDataMain {

    private TestDataMain() {
    }

    /** @param args optional output folder (default {@code test-data}) */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "test-data");
        regenerate(dir, System.out);
    }

    /**
     * Writes the demo pair, their truth sidecars and the README into {@code dir}.
     *
     * @param dir output folder (created when missing)
     * @param log where to print one line per file, or {@code null}
     */
    public static void regenerate(Path dir, PrintStream log) throws IOException {
        Files.createDirectories(dir);
        SyntheticTruth base = writeLoop(DemoLoops.baseline(), LoopFormat.DICOM, dir.resolve(DemoLoops.BASELINE_FILE));
        SyntheticTruth d14 = writeLoop(DemoLoops.day14(), LoopFormat.TIFF, dir.resolve(DemoLoops.DAY14_FILE));
        Path readme = dir.resolve("README.md");
        String text = TestDataReadme.text(base, d14);
        AtomicFile.write(readme, tmp -> Files.writeString(tmp, text));
        if (log != null) {
            for (String f : new String[] {DemoLoops.BASELINE_FILE, DemoLoops.DAY14_FILE}) {
                Path p = dir.resolve(f);
                log.printf(Locale.ROOT, "%s  %d bytes%n", p, Files.size(p));
            }
        }
    }

    /**
     * Generates {@code spec} and writes it in {@code format} to {@code path}, with
     * {@code <stem>.truth.json} beside it (the API behind a future {@code ceus generate}).
     *
     * @return the truth written
     */
    public static SyntheticTruth writeLoop(SyntheticLoopSpec spec, LoopFormat format, Path path) throws IOException {
        return LoopFiles.writeLoop(spec, format, path);
    }
}
