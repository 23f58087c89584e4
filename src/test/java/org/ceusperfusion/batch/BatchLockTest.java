package org.ceusperfusion.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.synth.LoopFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two batch runs into one summary: the second refuses at once with one line and exit code 2, leaves the
 * first run's summary untouched, and a killed run's lock does not stay stuck.
 */
class BatchLockTest {
    @TempDir
    static Path data;

    @BeforeAll
    static void loops() throws IOException {
        BatchFixtures.loop(data, "l1", LoopFormat.TIFF, 1.0, 41);
    }

    @Test
    void aSecondRunIntoTheSameSummaryRefusesWithOneLineAndTouchesNothing() throws IOException {
        Path out = data.resolve("shared");
        Path summary = out.resolve("summary.csv");
        Files.createDirectories(out);
        Files.writeString(summary, "first run's summary\n");
        Path manifest = Files.writeString(data.resolve("lock.csv"), "loop,roi\nl1.tif,\"" + BatchFixtures.TUMOUR + "\"\n");
        try (BatchLock first = BatchLock.acquire(summary)) {
            BatchFixtures.Run second = BatchFixtures.ceus("batch", manifest.toString(), "--out", out.toString(),
                    "--quiet");
            assertEquals(2, second.exit());
            List<String> lines = second.err().lines().toList();
            assertEquals(1, lines.size(), second.err());
            assertTrue(lines.get(0).startsWith("error: " + summary.toAbsolutePath() + ": another ceus batch run"),
                    lines.get(0));
            assertEquals("first run's summary\n", Files.readString(summary), "the held summary is not overwritten");
            assertFalse(Files.exists(out.resolve("l1")) || Files.exists(out.resolve("l1.tif")), "the refused run starts no item");
        }
        BatchFixtures.Run third = BatchFixtures.ceus("batch", manifest.toString(), "--out", out.toString(),
                "--quiet");
        assertEquals(0, third.exit(), third.err() + Files.readString(summary));
        assertEquals(1, Summary.read(summary).size());
    }

    @Test
    void differentShardsOfOneFolderLockDifferentFiles() {
        Path out = data.resolve("shards");
        Path s1 = out.resolve(ShardSpec.parse("1/2").summaryFileName());
        Path s2 = out.resolve(ShardSpec.parse("2/2").summaryFileName());
        try (BatchLock a = BatchLock.acquire(s1); BatchLock b = BatchLock.acquire(s2)) {
            assertThrows(InputException.class, () -> BatchLock.acquire(s1));
        }
        BatchLock.acquire(s1).close();
    }

    @Test
    void theRunnerHoldsTheLockWhileItWorks() throws IOException {
        Path out = data.resolve("runner");
        Manifest m = Manifest.ofFolder(data, BatchFixtures.TUMOUR, null);
        BatchOptions o = BatchOptions.of(out, AnalysisSettings.logCompressed(40)).withThreads(1);
        AtomicBoolean triedDuringRun = new AtomicBoolean();
        BatchRunner.Listener probe = new BatchRunner.Listener() {
            @Override
            public void finished(ItemResult r, int done, int total) {
                assertThrows(InputException.class, () -> BatchLock.acquire(o.summaryPath()));
                triedDuringRun.set(true);
            }
        };
        BatchResult r = new BatchRunner(o).run(m, probe, new AtomicBoolean());
        assertTrue(triedDuringRun.get());
        assertEquals(0, r.failed());
        BatchLock.acquire(o.summaryPath()).close();
    }

    @Test
    void aKilledRunDoesNotLeaveTheLockStuck() throws Exception {
        Path summary = data.resolve("killed").resolve("summary.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), summary.toString()).redirectErrorStream(true).start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("locked", in.readLine(), "the child process took the lock");
            InputException e = assertThrows(InputException.class, () -> BatchLock.acquire(summary));
            assertTrue(e.getMessage().contains("another ceus batch run"), e.getMessage());
            child.destroyForcibly().waitFor();
        }
        assertTrue(Files.exists(BatchLock.lockFile(summary)), "the killed run left its lock file behind");
        BatchLock.acquire(summary).close();
    }

    /** A process that takes a batch lock and waits to be killed. */
    public static final class LockHolder {
        private LockHolder() {
        }

        /** @param args the summary path */
        public static void main(String[] args) throws InterruptedException {
            BatchLock lock = BatchLock.acquire(Path.of(args[0]));
            System.out.println("locked");
            System.out.flush();
            synchronized (lock) {
                lock.wait();
            }
        }
    }
}
