package org.ceusperfusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input never hurts (interfaces.md §2): exit code 2, exactly one {@code error: <file>: <what>} line on
 * stderr, no stack trace, and no output folder or file left behind.
 */
class BadInputCliTest {
    static final Path BASELINE = Path.of(System.getProperty("ceus.projectDir", ".")).resolve("test-data/baseline.dcm");
    static final String ROI = "tumour=oval:40,27,40,30";

    @TempDir
    Path tmp;
    Path out;

    @BeforeEach
    void outputFolder() {
        out = tmp.resolve("out");
    }

    static Stream<Arguments> badLoops() {
        return Stream.of(
                Arguments.of("missing.dcm", null),
                Arguments.of("empty.dcm", new byte[0]),
                Arguments.of("empty.avi", new byte[0]),
                Arguments.of("random.dcm", randomBytes(4096, 1)),
                Arguments.of("random.mp4", randomBytes(20000, 2)),
                Arguments.of("text.tif", "this is not a TIFF file\n".repeat(20).getBytes(StandardCharsets.US_ASCII)),
                Arguments.of("truncated-header.dcm", head(BASELINE, 700)),
                Arguments.of("truncated-pixels.dcm", head(BASELINE, 1_500_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLoops")
    void badLoopFileIsOneErrorLineAndNothingWritten(String name, byte[] content) throws Exception {
        Path loop = tmp.resolve(name);
        if (content != null) {
            Files.write(loop, content);
        }
        CliRun run = CliRun.of("analyze", loop.toString(), "--roi", ROI, "--out", out.toString());
        assertBadInput(run, name);
    }

    @Test
    void roiOutsideTheImage() {
        assertBadInput(CliRun.of("analyze", BASELINE.toString(), "--roi", "oval:100,80,40,30", "--out", out.toString()),
                "outside");
    }

    @Test
    void malformedRoiSpecs() {
        for (String spec : List.of("oval:1,2,3", "circle:1,2,3,4", "rect:a,b,c,d", "polygon:1,2,3,4", "oval:1,2,0,5")) {
            assertBadInput(CliRun.of("analyze", BASELINE.toString(), "--roi", spec, "--out", out.toString()), "--roi");
        }
    }

    @Test
    void missingRoiFile() {
        assertBadInput(CliRun.of("analyze", BASELINE.toString(), "--roi", tmp.resolve("none.roi").toString(),
                "--out", out.toString()), "none.roi");
    }

    @Test
    void impossibleOptions() {
        assertBadInput(CliRun.of("analyze", BASELINE.toString(), "--roi", ROI, "--dynamic-range", "-40",
                "--out", out.toString()), "--dynamic-range");
        assertBadInput(CliRun.of("analyze", BASELINE.toString(), "--roi", ROI, "--dynamic-range", "abc",
                "--out", out.toString()), "--dynamic-range");
        assertBadInput(CliRun.of("analyze", BASELINE.toString(), "--roi", ROI, "--model", "cubic",
                "--out", out.toString()), "--model");
        assertBadInput(CliRun.of("analyze", BASELINE.toString(), "--roi", ROI, "--frame-interval", "0",
                "--out", out.toString()), "--frame-interval");
        assertBadInput(CliRun.of("analyze", BASELINE.toString(), "--out", out.toString()), "--roi");
        assertBadInput(CliRun.of("frobnicate"), "frobnicate");
    }

    @Test
    void compareWithMismatchedListsWritesNothing() {
        Path day14 = BASELINE.resolveSibling("day14.tif");
        assertBadInput(CliRun.of("compare", BASELINE.toString(), day14.toString(), "--roi", ROI,
                "--volume-ml", "295", "--out", out.toString()), "--volume-ml");
        assertBadInput(CliRun.of("compare", BASELINE.toString(), tmp.resolve("gone.tif").toString(), "--roi", ROI,
                "--out", out.toString()), "gone.tif");
    }

    private void assertBadInput(CliRun run, String mentioned) {
        assertEquals(2, run.exitCode(), run.toString());
        List<String> lines = Arrays.asList(run.err().strip().split("\\R"));
        assertEquals(1, lines.size(), "exactly one error line expected:\n" + run);
        assertTrue(lines.get(0).startsWith("error: "), run.toString());
        assertTrue(lines.get(0).contains(mentioned), "the error should name '" + mentioned + "':\n" + run);
        assertFalse(run.err().contains("\tat "), "no stack trace:\n" + run);
        assertFalse(Files.exists(out), "nothing may be written on bad input:\n" + run);
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] head(Path file, int n) {
        try {
            return Arrays.copyOf(Files.readAllBytes(file), n);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
