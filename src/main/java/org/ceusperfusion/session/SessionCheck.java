package org.ceusperfusion.session;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.io.LoopReader;

/** Checks that a session's loop files are still the files it was saved with. */
public final class SessionCheck {
    private SessionCheck() {
    }

    /**
     * @param s a session (paths resolved)
     * @return one warning per exam whose file is missing or whose SHA-256 differs from the saved one
     *         (empty when every file is unchanged; exams saved without a hash are not checked)
     */
    public static List<String> fileWarnings(Session s) {
        List<String> w = new ArrayList<>();
        for (Session.Exam e : s.exams()) {
            if (!Files.isRegularFile(e.file())) {
                w.add("exam " + e.label() + ": loop file not found: " + e.path());
            } else if (e.sha256() != null && !e.sha256().equalsIgnoreCase(LoopReader.sha256(e.file()))) {
                w.add("exam " + e.label() + ": " + e.path() + " changed since the session was saved"
                        + " (SHA-256 differs): results may differ from the saved session's");
            }
        }
        return w;
    }
}
