package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceusperfusion.cli.CeusCli;
import org.ceusperfusion.report.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Fit Curve...} in real ImageJ 1.54p: a macro makes the same noisy bolus curve (with one flash frame) as
 * a Results table, as a Plot window and as a plot image in batch mode, runs the command on each, and the
 * parameters it puts in the "CEUS Perfusion" table must be those of {@code ceus analyze CURVE.csv} on the same
 * samples.
 */
@Tag("integration") // real ImageJ in a separate JVM, needs a display: xvfb-run (see ImageJProcess)
class FitCurveE2ETest {
    @TempDir
    static Path tmp;
    static ImageJProcess imagej;

    private static final String[] COLUMNS = {"PE", "AUC", "TTP", "mTT", "R2", "PE_lo", "PE_hi"};

    @BeforeAll
    static void install() throws IOException {
        imagej = ImageJProcess.install(tmp.resolve("imagej"));
    }

    /**
     * A lognormal bolus (onset 6 s, mode 8 s after it, σ 0.5, area 3000 a.u.·s) on a baseline of 20 a.u. every
     * 0.5 s for 60 s, multiplied by 1 + 0.06·N(0,1) noise (seed 13), a 4× flash at sample 70; values rounded to
     * float, since an ImageJ Plot keeps floats.
     */
    static double[][] curve() {
        SplittableRandom rng = new SplittableRandom(13);
        int n = 121;
        double[][] c = new double[2][n];
        double mu = Math.log(8) + 0.25;
        for (int i = 0; i < n; i++) {
            double t = 0.5 * i;
            double tau = t - 6;
            double e = tau > 0 ? 3000 / (tau * 0.5 * Math.sqrt(2 * Math.PI))
                    * Math.exp(-Math.pow(Math.log(tau) - mu, 2) / (2 * 0.25)) : 0;
            double y = (20 + e) * (1 + 0.06 * rng.nextGaussian()) * (i == 70 ? 4 : 1);
            c[0][i] = t;
            c[1][i] = (float) y;
        }
        return c;
    }

    private static String array(double[] v) {
        List<String> s = new ArrayList<>();
        for (double x : v) {
            s.add(Double.toString(x));
        }
        return "newArray(" + String.join(",", s) + ")";
    }

    private static String report(String source) {
        StringBuilder sb = new StringBuilder("r = Table.size(\"CEUS Perfusion\") - 1;\n");
        sb.append("s = \"FIT ").append(source).append(" status=\" + Table.getString(\"Status\", r, \"CEUS Perfusion\");\n");
        for (String c : COLUMNS) {
            sb.append("s = s + \" ").append(c).append("=\" + d2s(Table.get(\"").append(c)
                    .append("\", r, \"CEUS Perfusion\"), -12);\n");
        }
        return sb.append("print(s);\n").toString();
    }

    static String macro(double[][] c) {
        return "t = " + array(c[0]) + ";\ny = " + array(c[1]) + ";\n"
                + "run(\"Clear Results\");\n"
                + "for (i = 0; i < t.length; i++) { setResult(\"Time\", i, t[i]); setResult(\"tumour\", i, y[i]); }\n"
                + "updateResults();\n"
                + "run(\"Fit Curve...\", \"model=lognormal\");\n" + report("results")
                + "setBatchMode(false);\n"
                + "Plot.create(\"Scanner TIC\", \"Time (s)\", \"tumour\", t, y);\nPlot.show();\n"
                + "print(\"FRONT \" + getTitle());\n"
                + "run(\"Fit Curve...\", \"model=lognormal\");\n" + report("plot-window")
                + "setBatchMode(true);\n"
                + "Plot.create(\"Batch TIC\", \"Time (s)\", \"tumour\", t, y);\nPlot.show();\n"
                + "run(\"Fit Curve...\", \"model=lognormal\");\n" + report("plot-image")
                + "print(\"MACRO DONE\");\n";
    }

    @Test
    void plotWindowPlotImageAndResultsTableGiveTheCliParameters() throws Exception {
        double[][] c = curve();
        StringBuilder csv = new StringBuilder("time_s,tumour\n");
        for (int i = 0; i < c[0].length; i++) {
            csv.append(c[0][i]).append(',').append(c[1][i]).append('\n');
        }
        Path in = tmp.resolve("curve.csv");
        Files.writeString(in, csv);
        Path out = tmp.resolve("cli");
        assertEquals(0, CeusCli.execute(new String[] {"analyze", in.toString(), "--model", "lognormal", "--out",
                out.toString(), "--quiet"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        JsonObject roi = Json.parse(Files.readString(out.resolve("analysis.json"))).getAsJsonArray("rois").get(0)
                .getAsJsonObject();
        JsonObject p = roi.getAsJsonObject("parameters");
        assertEquals(1, roi.getAsJsonObject("quality").get("framesRejected").getAsInt(), "the CLI drops the flash");

        ImageJProcess.Run run = imagej.runMacro(macro(c));
        assertTrue(run.output().contains("MACRO DONE"), run.output());
        assertTrue(run.output().contains("FRONT Scanner TIC"), run.output());
        String[] titles = {"Results", "Scanner TIC", "Batch TIC"};
        String[] sources = {"results", "plot-window", "plot-image"};
        for (int k = 0; k < sources.length; k++) {
            String source = sources[k];
            Matcher m = Pattern.compile("FIT " + source + " status=(\\S+)((?: \\S+=\\S+)+)").matcher(run.output());
            assertTrue(m.find(), source + ":\n" + run.output());
            // the command logs the title of the curve it fitted just before this fit's report
            String before = run.output().substring(k == 0 ? 0 : run.output().indexOf("FIT " + sources[k - 1]), m.start());
            assertTrue(before.contains("CEUS Perfusion: " + titles[k] + ": curve input"), source + ":\n" + before);
            assertEquals(roi.getAsJsonObject("fit").get("status").getAsString(), m.group(1), source);
            for (String kv : m.group(2).trim().split(" ")) {
                String[] x = kv.split("=");
                double ij = Double.parseDouble(x[1]);
                double cli = cliValue(roi, p, x[0]);
                System.out.printf(Locale.ROOT, "Fit Curve %s %s: ImageJ %.10g, CLI %.10g%n", source, x[0], ij, cli);
                assertEquals(cli, ij, 1e-9 * Math.abs(cli), source + " " + x[0]);
            }
        }
    }

    private static double cliValue(JsonObject roi, JsonObject p, String column) {
        if (column.equals("R2")) {
            return roi.getAsJsonObject("fit").get("r2").getAsDouble();
        }
        if (column.endsWith("_lo") || column.endsWith("_hi")) {
            String name = column.substring(0, column.length() - 3);
            return roi.getAsJsonObject("ci95").getAsJsonArray(name).get(column.endsWith("_lo") ? 0 : 1)
                    .getAsDouble();
        }
        return p.get(column).getAsDouble();
    }
}
