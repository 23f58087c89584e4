package org.ceusperfusion.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.compare.Comparison;
import org.ceusperfusion.compare.ExamChange;
import org.ceusperfusion.compare.ExamInput;
import org.ceusperfusion.compare.PercentChange;
import org.ceusperfusion.params.PerfusionParameter;

/**
 * {@code comparison.csv}: one table, first one row per exam, then one row per change.
 *
 * <p>Columns: {@code kind,label,from,to,day,volume,necrosis,sum_diameters,non_enhancing}, then for every
 * perfusion parameter {@code P}: {@code P,P_ci_lo,P_ci_hi}.
 * <ul>
 * <li>{@code kind=exam} rows: {@code label} is the exam; {@code from}/{@code to} are empty; {@code day};
 *     volume in ml, necrosis in %, sum of diameters in mm, non-enhancing fraction in %; parameters in
 *     their units (see {@code analysis.json}) with their 95 % CI.</li>
 * <li>{@code kind=change} rows: {@code label} is {@code from>to}; {@code day} is empty; volume, sum of
 *     diameters and parameters are percent changes (CI from the delta method); necrosis and
 *     non-enhancing are changes in percentage points.</li>
 * </ul>
 * Empty cells mean "not available". Numbers use {@code .} and up to 9 significant digits.
 */
public final class ComparisonCsv {
    private ComparisonCsv() {
    }

    /** @return the header cells */
    public static List<String> header() {
        List<String> h = new ArrayList<>(List.of("kind", "label", "from", "to", "day", "volume", "necrosis",
                "sum_diameters", "non_enhancing"));
        for (PerfusionParameter p : PerfusionParameter.values()) {
            h.add(p.label());
            h.add(p.label() + "_ci_lo");
            h.add(p.label() + "_ci_hi");
        }
        return h;
    }

    /** Writes the CSV as UTF-8 (flushed, not closed). */
    public static void write(Comparison c, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(c, w);
        w.flush();
    }

    /** @return the CSV text */
    public static String toText(Comparison c) {
        StringWriter w = new StringWriter();
        try {
            write(c, w);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    private static void write(Comparison c, Writer w) throws IOException {
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180);
        p.printRecord(header());
        for (ExamInput e : c.exams()) {
            p.printRecord(examRow(e));
        }
        for (ExamChange ch : c.changes()) {
            p.printRecord(changeRow(ch));
        }
        p.flush();
    }

    private static List<String> examRow(ExamInput e) {
        RoiAnalysis r = e.roi();
        double ne = r.nonEnhancingFraction();
        List<String> row = new ArrayList<>(List.of("exam", e.label(), "", "", Num.csv(e.day()),
                Num.csv(e.volumeMl()), Num.csv(e.necrosisPct()), Num.csv(e.sumDiametersMm()), Num.csv(100 * ne)));
        for (PerfusionParameter p : PerfusionParameter.values()) {
            double[] ci = r.parameters().ci(p);
            row.add(Num.csv(r.parameters().value(p)));
            row.add(Num.csv(ci[0]));
            row.add(Num.csv(ci[1]));
        }
        return row;
    }

    private static List<String> changeRow(ExamChange ch) {
        List<String> row = new ArrayList<>(List.of("change", ch.from() + ">" + ch.to(), ch.from(), ch.to(), "",
                Num.csv(ch.volumePct()), Num.csv(ch.necrosisPctPoints()), Num.csv(ch.sumDiametersPct()),
                Num.csv(ch.nonEnhancingPctPoints())));
        for (PerfusionParameter p : PerfusionParameter.values()) {
            PercentChange pc = ch.parameter(p);
            row.add(pc == null ? "" : Num.csv(pc.pct()));
            row.add(pc == null ? "" : Num.csv(pc.lo()));
            row.add(pc == null ? "" : Num.csv(pc.hi()));
        }
        return row;
    }
}
