package org.ceusperfusion.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ceusperfusion.synth.LoopFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale-out workflows run for real: the Snakefile under Debian's {@code snakemake}, and the SLURM
 * array script under a stand-in {@code sbatch} that runs each array task with the SLURM environment.
 * Both must produce exactly the summary of a plain {@code ceus batch} run.
 */
class WorkflowTest {
    @TempDir
    static Path data;
    static Path manifest;
    static Path ceus;
    static byte[] expected;

    @BeforeAll
    static void setUp() throws IOException {
        BatchFixtures.loop(data, "a0", LoopFormat.TIFF, 1.0, 21);
        BatchFixtures.loop(data, "a14", LoopFormat.TIFF, 0.5, 22);
        manifest = data.resolve("tiny.csv");
        Files.writeString(manifest, BatchFixtures.HEADER + "\n"
                + "a-0,A,,0,a0.tif,\"" + BatchFixtures.TUMOUR + "\",,,,\n"
                + "bad,,,,missing.tif,\"" + BatchFixtures.TUMOUR + "\",,,,\n"
                + "a-14,A,,14,a14.tif,\"" + BatchFixtures.TUMOUR + "\",,,,\n", StandardCharsets.UTF_8);
        Path plain = data.resolve("plain");
        assertEquals(1, BatchFixtures.ceus("batch", manifest.toString(), "--out", plain.toString(), "--quiet").exit());
        expected = Files.readAllBytes(plain.resolve("summary.csv"));
        ceus = data.resolve("ceus.sh");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(ceus, "#!/bin/sh\nexec '" + java + "' -Xshare:auto -XX:TieredStopAtLevel=1 -cp '"
                + System.getProperty("java.class.path") + "' org.ceusperfusion.cli.CeusCli \"$@\"\n");
        Files.setPosixFilePermissions(ceus, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    @Tag("integration") // needs snakemake
    void snakefileRunsOneJobPerRowAndPatientAndMerges() throws Exception {
        Path snakemake = onPath("snakemake");
        if (snakemake == null) {
            fail("snakemake is not installed: install the Debian package 'snakemake' (apt-get install -y snakemake)");
        }
        Path out = data.resolve("smk");
        Path work = Files.createDirectories(data.resolve("smk-work"));
        Result r = exec(work, Map.of(), snakemake.toString(), "--cores", "2", "-s",
                Path.of("workflows/snakemake/Snakefile").toAbsolutePath().toString(), "--config",
                "manifest=" + manifest, "out=" + out, "ceus=" + ceus);
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("5 of 5 steps (100%) done") || r.output.contains("6 of 6 steps (100%) done"),
                r.output);
        for (String part : List.of("row-a-0.csv", "row-bad.csv", "row-a-14.csv", "compare-A.csv")) {
            assertTrue(Files.isRegularFile(out.resolve("parts").resolve(part)), part);
        }
        assertArrayEquals(expected, Files.readAllBytes(out.resolve("summary.csv")),
                "Snakemake's merged summary equals the plain batch's");
    }

    @Test
    void slurmArrayScriptShardsAndMerges() throws Exception {
        Path bin = Files.createDirectories(data.resolve("fake-bin"));
        Path log = bin.resolve("sbatch.log");
        Path sbatch = bin.resolve("sbatch");
        Files.writeString(sbatch, FAKE_SBATCH);
        Files.setPosixFilePermissions(sbatch, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path out = data.resolve("slurm");
        Result r = exec(data, Map.of("PATH", bin + ":" + System.getenv("PATH"), "CEUS", ceus.toString(),
                        "FAKE_SBATCH_LOG", log.toString()),
                "sh", Path.of("workflows/slurm/ceus-array.sh").toAbsolutePath().toString(), "submit",
                manifest.toString(), out.toString(), "2");
        assertEquals(0, r.exit, r.output);
        String calls = Files.readString(log);
        assertTrue(calls.contains("--array=1-2") && calls.contains("--dependency=afterany:1001"), calls);
        List<String> s1 = Summary.read(out.resolve("summary.shard-1-of-2.csv")).stream().map(l -> l.get("id")).toList();
        List<String> s2 = Summary.read(out.resolve("summary.shard-2-of-2.csv")).stream().map(l -> l.get("id")).toList();
        assertEquals(List.of("a-0", "a-14", "compare:A"), s1, "rows 0 and 2, and A's comparison (first row 0)");
        assertEquals(List.of("bad"), s2);
        assertArrayEquals(expected, Files.readAllBytes(out.resolve("summary.csv")), "merged summary = plain batch");
        assertTrue(r.output.contains("shard 1/2") && r.output.contains("shard 2/2"), r.output);
    }

    @Test
    @Tag("integration") // needs slurm-wlm and munge, as root
    void slurmArrayScriptOnARealSingleNodeCluster() throws Exception {
        if (onPath("slurmctld") == null || onPath("munged") == null) {
            fail("real SLURM is not installed: install the Debian packages 'slurm-wlm' and 'munge'"
                    + " (apt-get install -y slurm-wlm munge)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            fail("workflows/slurm/test-local-slurm.sh starts munged, slurmctld and slurmd and must run as root");
        }
        Path out = data.resolve("real-slurm");
        Path work = Files.createDirectories(data.resolve("real-slurm-work"));
        Result r = exec(work, Map.of("SLURM_TEST_DIR", data.resolve("slurm-state").toString(),
                        "SLURM_TEST_TIMEOUT", "150"),
                "sh", Path.of("workflows/slurm/test-local-slurm.sh").toAbsolutePath().toString(),
                manifest.toString(), out.toString(), "2", ceus.toString());
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("shard 1/2") && r.output.contains("shard 2/2"), r.output);
        assertArrayEquals(expected, Files.readAllBytes(out.resolve("summary.csv")),
                "summary merged after a real SLURM array = plain batch");
    }

    /**
     * Stands in for {@code sbatch}: logs its arguments, runs an array job's tasks one after the other with
     * SLURM_ARRAY_TASK_ID/MIN/MAX/COUNT set, runs other jobs at once, prints a job id ({@code --parsable}).
     */
    private static final String FAKE_SBATCH = """
            #!/bin/sh
            echo "sbatch $*" >> "$FAKE_SBATCH_LOG"
            n=$(wc -l < "$FAKE_SBATCH_LOG"); job=$((1000 + n))
            array=""
            while [ $# -gt 0 ]; do
              case "$1" in
                --array=*) array=${1#--array=}; shift ;;
                --*) shift ;;
                *) break ;;
              esac
            done
            script=$1; shift
            if [ -n "$array" ]; then
              lo=${array%-*}; hi=${array#*-}; i=$lo
              while [ "$i" -le "$hi" ]; do
                SLURM_ARRAY_JOB_ID=$job SLURM_ARRAY_TASK_ID=$i SLURM_ARRAY_TASK_MIN=$lo SLURM_ARRAY_TASK_MAX=$hi \\
                  SLURM_ARRAY_TASK_COUNT=$((hi - lo + 1)) sh "$script" "$@" >&2 || echo "task $i exit $?" >&2
                i=$((i + 1))
              done
            else
              sh "$script" "$@" >&2 || echo "job exit $?" >&2
            fi
            echo "$job"
            """;

    private record Result(int exit, String output) {
    }

    private static Result exec(Path dir, Map<String, String> env, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path logFile = Files.createTempFile(data, "proc", ".log");
        pb.redirectOutput(logFile.toFile());
        Process p = pb.start();
        if (!p.waitFor(170, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", cmd) + " did not finish in 170 s:\n" + Files.readString(logFile));
        }
        return new Result(p.exitValue(), Files.readString(logFile));
    }

    private static Path onPath(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/bin", "/usr/local/bin"));
        for (String d : dirs) {
            Path p = Path.of(d.isEmpty() ? "." : d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
