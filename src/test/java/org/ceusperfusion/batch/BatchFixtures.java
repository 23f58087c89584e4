package org.ceusperfusion.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceusperfusion.cli.CeusCli;
import org.ceusperfusion.synth.BolusSpec;
import org.ceusperfusion.synth.Ellipse;
import org.ceusperfusion.synth.FrameTiming;
import org.ceusperfusion.synth.LoopFiles;
import org.ceusperfusion.synth.LoopFormat;
import org.ceusperfusion.synth.SyntheticLoopSpec;

/** Small generated loops and manifests for batch tests (48×36 px, 120 frames at 4 frames/s). */
final class BatchFixtures {
    static final String TUMOUR = "tumour=oval:20,10,20,14";
    static final String NORMAL = "normal=oval:2,20,12,12";
    static final String HEADER = "id,patient,label,day,loop,roi,reference_roi,volume_ml,necrosis_pct,diameters_mm";

    private BatchFixtures() {
    }

    /** A small loop; {@code amplitude} scales the tumour bolus (day-14 loops enhance less). */
    static Path loop(Path dir, String name, LoopFormat format, double amplitude, long seed) throws IOException {
        SyntheticLoopSpec d = SyntheticLoopSpec.defaults();
        SyntheticLoopSpec spec = d.withName(name).withSize(48, 36).withTiming(FrameTiming.regular(4, 120))
                .withTumour(Ellipse.ofBox(20, 10, 20, 14), new Ellipse(30, 17, 3, 2))
                .withTumourBolus(BolusSpec.of(3000 * amplitude, StrictMath.log(10), 0.45, 4))
                .withNormal(Ellipse.ofBox(2, 20, 12, 12), d.normalBolus()).withSeed(seed);
        Path file = dir.resolve(name + format.extension());
        LoopFiles.writeLoop(spec, format, file);
        return file;
    }

    /**
     * The acceptance manifest: patient P1 with two exams (day 14 listed first), one other loop, one
     * truncated DICOM and one missing file.
     */
    static Path acceptance(Path dir) throws IOException {
        loop(dir, "p1-baseline", LoopFormat.DICOM, 1.0, 11);
        loop(dir, "p1-day14", LoopFormat.TIFF, 0.4, 12);
        loop(dir, "other", LoopFormat.TIFF, 0.8, 13);
        Path good = loop(dir, "cut", LoopFormat.DICOM, 1.0, 14);
        byte[] all = Files.readAllBytes(good);
        Files.write(good, java.util.Arrays.copyOf(all, all.length / 2));
        String csv = HEADER + "\n"
                + "p1-d14,P1,D14,14,p1-day14.tif,\"" + TUMOUR + "\",\"" + NORMAL + "\",341,53.07,\"88,84\"\n"
                + "p1-base,P1,baseline,0,p1-baseline.dcm,\"" + TUMOUR + "\",\"" + NORMAL + "\",295,2.09,\"84,80\"\n"
                + "other,P2,,0,other.tif,\"" + TUMOUR + "\",,,,\n"
                + "cut,P3,,0,cut.dcm,\"" + TUMOUR + "\",,,,\n"
                + "missing,,,,no-such-loop.dcm,\"" + TUMOUR + "\",,,,\n";
        Path manifest = dir.resolve("manifest.csv");
        Files.writeString(manifest, csv, StandardCharsets.UTF_8);
        return manifest;
    }

    /** The outcome of one {@code ceus} command line run in this JVM. */
    record Run(int exit, String out, String err) {
    }

    static Run ceus(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CeusCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}
