package org.ceusperfusion.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.session.Session;
import org.ceusperfusion.session.SessionCheck;
import org.ceusperfusion.session.SessionJson;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ceus compare --session FILE}: runs a workbench session headless. The session gives the loops, ROIs,
 * labels, days, size data and the analysis settings; {@code --out}, {@code --frame-interval},
 * {@code --pixel-size} and {@code --quiet} still come from the command line.
 */
final class SessionCompare {
    private SessionCompare() {
    }

    /**
     * @param file the session file
     * @param err  receives one {@code warning:} line per loop file that changed since the session was saved
     * @return the session and its exams, ready for {@link CompareRunner#run}
     * @throws InputException when the session cannot be read, has fewer than two exams, or an exam lacks a
     *                        target ROI
     */
    static Loaded load(Path file, PrintWriter err) {
        Session s = SessionJson.read(file);
        if (s.exams().size() < 2) {
            throw new InputException(file.toString(), "compare needs at least two exams, the session has "
                    + s.exams().size());
        }
        SessionCheck.fileWarnings(s).forEach(w -> err.println("warning: " + w));
        List<CompareRunner.Exam> exams = new ArrayList<>();
        for (Session.Exam e : s.exams()) {
            if (e.targetRoi() == null) {
                throw new InputException(file.toString(), "exam " + e.label() + " has no target ROI");
            }
            RoiMask ref = e.referenceRoi() == null ? null : one(e.referenceRoi(), "reference");
            exams.add(new CompareRunner.Exam(e.file(), e.label(), e.day(), one(e.targetRoi(), "target"), ref,
                    e.volumeMl(), e.necrosisPct(), e.diametersMm()));
        }
        return new Loaded(s, exams);
    }

    /** A read session and its exams. */
    record Loaded(Session session, List<CompareRunner.Exam> exams) {
    }

    /** Without {@code --session}, loops and {@code --roi} are required: a usage error when missing. */
    static void requirePlainUsage(CommandSpec spec, List<Path> loops, List<String> roiSpecs) {
        if (loops == null || loops.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing required parameter: 'LOOP' (or give --session FILE)");
        }
        if (roiSpecs == null || roiSpecs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing required option: '--roi=SPEC' (or give --session FILE)");
        }
    }

    /** With {@code --session}, loops and ROIs come from the session only: a usage error when also given. */
    static void rejectMixedUsage(CommandSpec spec, List<Path> loops, List<String> roiSpecs, List<String> refSpecs) {
        if ((loops != null && !loops.isEmpty()) || roiSpecs != null || refSpecs != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--session gives the loops and ROIs: do not add LOOP, --roi or --reference-roi");
        }
    }

    private static RoiMask one(String spec, String defaultName) {
        List<RoiMask> r = RoiSpecs.resolve(spec, defaultName);
        if (r.size() != 1) {
            throw new InputException("session ROI " + spec, "names " + r.size() + " ROIs; give exactly one per exam");
        }
        return r.get(0);
    }
}
