package org.ceusperfusion.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The standard-error filter drops SLF4J's own lines only, and passes partial lines (progress bars) on at once. */
class QuietStderrTest {
    @Test
    void slf4jLinesAreDroppedEverythingElsePassesAtOnce() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream target = new PrintStream(sink, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new QuietStderr(target), true, StandardCharsets.UTF_8);
        err.print("SLF4J: No SLF4J providers were found.\n");
        err.print("[#####     ] 50 %\r");
        err.flush();
        assertEquals("[#####     ] 50 %\r", sink.toString(StandardCharsets.UTF_8));
        err.print("SLF");
        err.flush();
        err.print("4J(W): Defaulting to no-operation (NOP) logger implementation\n");
        err.println("error: loop.czi: something a user must see");
        err.print("partial");
        err.flush();
        assertEquals("[#####     ] 50 %\rerror: loop.czi: something a user must see" + System.lineSeparator()
                + "partial", sink.toString(StandardCharsets.UTF_8));
    }
}
