package org.ceusperfusion.synth;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Coverage of the 95 % intervals through the command line, as a user meets them: realistic baseline/follow-up
 * pairs written as DICOM files with their truth, analysed and compared by {@code ceus batch}, then scored against
 * the truth. Not a test (it needs the CLI run in between); {@code bench/coverage-cli.sh} runs the three steps.
 *
 * <ul>
 * <li>{@code write DIR PAIRS SEED TAU_S [LESION]} — {@link RealisticPhantoms#standard} exams (10 frames/s, 60 s, bubble
 * speckle decorrelating over {@code TAU_S}, or independent in every frame with everything else off for 0 = the
 * control), or with {@code LESION} {@code onset-spread} the {@link RealisticPhantoms#heterogeneousTumour} (pixel
 * onsets spread ±4 s, surrounding tissue 7 s later; 80 s);
 * each follow-up has 40 % of its baseline's tumour bolus area and its own seed. Writes {@code pNb.dcm},
 * {@code pNf.dcm} with their truth sidecars, {@code manifest.csv} (one patient per pair, the tumour ROI, 40 dB) and
 * {@code truth.csv} (the tumour's PE, AUC, TTP, mTT).</li>
 * <li>{@code score DIR} — reads {@code DIR/out/summary.csv} and every {@code DIR/out/compare-pN/comparison.json} and
 * prints, per parameter, the share of single-exam and change intervals that contain the truth, with the median
 * half-width.</li>
 * </ul>
 */
public final class CoverageSurvey {
    private static final String[] PARAMS = {"PE", "AUC", "TTP", "mTT"};
    /** Half-range of the pixel onsets of the {@code onset-spread} lesion, s. */
    private static final double ONSET_SPREAD_S = 4;

    private CoverageSurvey() {
    }

    public static void main(String[] args) {
        try {
            if ((args.length == 5 || args.length == 6) && args[0].equals("write")) {
                write(Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]), Double.parseDouble(args[4]),
                        args.length == 6 ? args[5] : "standard");
            } else if (args.length == 2 && args[0].equals("score")) {
                System.out.print(score(Path.of(args[1])));
            } else {
                System.err.println("usage: CoverageSurvey write DIR PAIRS SEED TAU_S [standard|onset-spread] | score DIR");
                System.exit(2);
            }
        } catch (IOException | RuntimeException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file " + e.getMessage()
                    : e instanceof NumberFormatException ? "not a number: " + e.getMessage() : e.getMessage();
            System.err.println("error: CoverageSurvey " + String.join(" ", args) + ": " + why);
            System.exit(2);
        }
    }

    /** Writes the pairs, the batch manifest and the truth table into {@code dir}. */
    static void write(Path dir, int pairs, long seed0, double tauS, String lesion) throws IOException {
        boolean spread = switch (lesion) {
            case "standard" -> false;
            case "onset-spread" -> true;
            default -> throw new IllegalArgumentException("unknown lesion '" + lesion
                    + "' (expected standard or onset-spread)");
        };
        Files.createDirectories(dir);
        Realism realism = tauS > 0 ? Realism.defaults().withSpeckle(tauS, 1) : Realism.off();
        realism = spread ? realism.withOnsetSpread(ONSET_SPREAD_S, false) : realism;
        try (PrintWriter m = new PrintWriter(Files.newBufferedWriter(dir.resolve("manifest.csv")));
             PrintWriter t = new PrintWriter(Files.newBufferedWriter(dir.resolve("truth.csv")))) {
            m.println("id,patient,label,day,loop,roi,dynamic_range_db");
            t.println("id,PE,AUC,TTP,mTT");
            for (int s = 0; s < pairs; s++) {
                long seed = seed0 + 2 * s;
                SyntheticLoopSpec b = spread ? RealisticPhantoms.heterogeneousTumour(ONSET_SPREAD_S, 7, seed).base()
                        : RealisticPhantoms.standard(seed).base();
                SyntheticLoopSpec f = b.withTumourBolus(b.tumourBolus().withMeanArea(0.4 * b.tumourBolus().meanArea()))
                        .withSeed(seed0 + 2 * s + 1);
                SyntheticLoopSpec[] exams = {b, f};
                for (int k = 0; k < 2; k++) {
                    String id = "p" + s + (k == 0 ? "b" : "f");
                    RealisticLoop loop = RealisticLoopGenerator.generate(new RealisticSpec(exams[k], realism));
                    RealisticLoopFiles.write(loop, LoopFormat.DICOM, dir.resolve(id + ".dcm"));
                    RoiTruth tr = loop.truth().tumour();
                    m.printf(Locale.ROOT, "%s,p%d,%s,%d,%s.dcm,\"%s\",40%n", id, s, k == 0 ? "baseline" : "D14",
                            k == 0 ? 0 : 14, id, tr.spec());
                    t.printf(Locale.ROOT, "%s,%.10g,%.10g,%.10g,%.10g%n", id, tr.pe(), tr.auc(), tr.ttpS(), tr.mttS());
                }
            }
        }
    }

    /** @return the coverage table of {@code dir}'s batch output against its truth */
    static String score(Path dir) throws IOException {
        Map<String, CSVRecord> truth = byId(dir.resolve("truth.csv"));
        Map<String, CSVRecord> rows = byId(dir.resolve("out").resolve("summary.csv"));
        Tally single = new Tally();
        Tally change = new Tally();
        int failed = 0;
        for (Map.Entry<String, CSVRecord> e : truth.entrySet()) {
            CSVRecord r = rows.get(e.getKey());
            if (r == null || !"ok".equals(r.get("status"))) {
                failed++;
                continue;
            }
            for (int j = 0; j < PARAMS.length; j++) {
                String p = PARAMS[j];
                double tv = Double.parseDouble(e.getValue().get(p));
                double lo = Double.parseDouble(r.get(p + "_lo"));
                double hi = Double.parseDouble(r.get(p + "_hi"));
                single.add(j, lo <= tv && tv <= hi, p.equals("TTP") ? (hi - lo) / 2 : 100 * (hi - lo) / 2 / tv);
            }
        }
        for (String id : truth.keySet()) {
            if (!id.endsWith("b")) {
                continue;
            }
            String patient = id.substring(0, id.length() - 1);
            Path json = dir.resolve("out").resolve("compare-" + patient).resolve("comparison.json");
            if (!Files.exists(json)) {
                continue;
            }
            JsonObject params;
            try (Reader rd = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
                params = JsonParser.parseReader(rd).getAsJsonObject().getAsJsonArray("changes").get(0)
                        .getAsJsonObject().getAsJsonObject("parameters");
            }
            CSVRecord tb = truth.get(patient + "b");
            CSVRecord tf = truth.get(patient + "f");
            for (int j = 0; j < PARAMS.length; j++) {
                String p = PARAMS[j];
                JsonObject c = params.getAsJsonObject(p);
                double b = Double.parseDouble(tb.get(p));
                double f = Double.parseDouble(tf.get(p));
                double tv = c.has("diffS") ? f - b : 100 * (f / b - 1);
                JsonArray ci = c.getAsJsonArray("ci95");
                double lo = ci.get(0).getAsDouble();
                double hi = ci.get(1).getAsDouble();
                change.add(j, lo <= tv && tv <= hi, (hi - lo) / 2);
            }
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%s: %d exams scored (%d failed), %d comparisons%n", dir.getFileName(), single.n(), failed, change.n()));
        for (int j = 0; j < PARAMS.length; j++) {
            sb.append(String.format(Locale.ROOT, "  %-4s single %.3f (median half-width %.2f %s)  change %.3f"
                    + " (median half-width %.2f %s)%n", PARAMS[j], single.share(j), single.median(j),
                    PARAMS[j].equals("TTP") ? "s" : "%", change.share(j), change.median(j),
                    PARAMS[j].equals("TTP") ? "s" : "points"));
        }
        return sb.toString();
    }

    private static Map<String, CSVRecord> byId(Path csv) throws IOException {
        Map<String, CSVRecord> out = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                out.put(rec.get("id"), rec);
            }
        }
        return out;
    }

    /** Hits and half-widths per parameter. */
    private static final class Tally {
        private final int[] hits = new int[PARAMS.length];
        private final List<List<Double>> widths = new ArrayList<>();
        private int count;

        Tally() {
            for (int j = 0; j < PARAMS.length; j++) {
                widths.add(new ArrayList<>());
            }
        }

        void add(int j, boolean covered, double halfWidth) {
            hits[j] += covered ? 1 : 0;
            widths.get(j).add(halfWidth);
            if (j == 0) {
                count++;
            }
        }

        int n() {
            return count;
        }

        double share(int j) {
            return count == 0 ? Double.NaN : hits[j] / (double) count;
        }

        double median(int j) {
            return widths.get(j).stream().sorted().skip(count / 2).findFirst().orElse(Double.NaN);
        }
    }
}
