package org.ceusperfusion.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAllFilesOfASetAndNoTemporaries(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("a/b");
        Map<String, AtomicFiles.Content> files = new LinkedHashMap<>();
        files.put("one.txt", out -> out.write("1".getBytes(StandardCharsets.UTF_8)));
        files.put("two.txt", out -> out.write("22".getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.writeAll(dir, files);
        assertEquals(List.of("one.txt", "two.txt"), names(dir));
        assertEquals("22", Files.readString(dir.resolve("two.txt")));
    }

    @Test
    void failureMidwayLeavesNoFileOfTheSet(@TempDir Path tmp) throws IOException {
        Map<String, AtomicFiles.Content> files = new LinkedHashMap<>();
        files.put("analysis.json", out -> out.write(new byte[5000]));
        files.put("tic.csv", out -> {
            out.write(new byte[100]);
            throw new IOException("disk full (simulated)");
        });
        files.put("tic.png", out -> out.write(1));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeAll(tmp, files));
        assertEquals("disk full (simulated)", e.getMessage());
        assertEquals(List.of(), names(tmp));
    }

    @Test
    void runtimeFailureAlsoCleansUpAndKeepsEarlierFile(@TempDir Path tmp) throws IOException {
        Path target = tmp.resolve("report.pdf");
        Files.writeString(target, "old");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[10]);
            throw new IllegalStateException("bug");
        }));
        assertEquals(List.of("report.pdf"), names(tmp));
        assertEquals("old", Files.readString(target));
    }

    @Test
    void replacesAnExistingFile(@TempDir Path tmp) throws IOException {
        Path target = tmp.resolve("x.bin");
        Files.writeString(target, "old content");
        AtomicFiles.write(target, out -> out.write(new byte[] {1, 2, 3}));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertFalse(names(tmp).stream().anyMatch(n -> n.contains(".tmp-")));
    }

    @Test
    void outputsGetTheFoldersDefaultPermissions(@TempDir Path tmp) throws IOException {
        Path plain = Files.createFile(tmp.resolve("plain"));
        AtomicFiles.write(tmp.resolve("atomic"), out -> out.write(1));
        if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(tmp.resolve("atomic")));
        }
        assertTrue(Files.isReadable(tmp.resolve("atomic")));
    }

    @Test
    void rejectsNamesWithFolders(@TempDir Path tmp) {
        assertThrows(IllegalArgumentException.class,
                () -> AtomicFiles.writeAll(tmp, Map.of("../x", out -> { })));
    }
}
