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
import org.ceusperfusion.compare.ExamEstimates;
import org.ceusperfusion.compare.ExamInput;
import org.ceusperfusion.compare.RatioEstimate;
import org.ceusperfusion.compare.Volume;
import org.ceusperfusion.compare.PercentChange;
import org.ceusperfusion.compare.TimeShift;
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
 * After the parameters: {@code volume_ci_lo,volume_ci_hi} (ml for exams, % for changes),
 * {@code new_lesion} ({@code true|false} for exams), then for every parameter {@code P} (QOF excluded)
 * {@code P_ratio,P_ratio_ci_lo,P_ratio_ci_hi}: the target/reference ratio for exams and its percent
 * change for changes (empty without a reference ROI). Exam rows give the analysis' own CIs; change
 * CIs follow {@link Comparison#CI_METHOD}. On change rows the clock times measured from the first frame
 * ({@code t0, TTP, TI, TO}) hold the difference in seconds, not a percentage.
 * Empty cells mean "not available". Numbers use {@code .} and up to 9 significant digits.
 */
public final class ComparisonCsv {
    private static final List<PerfusionParameter> RATIOS = java.util.Arrays.stream(PerfusionParameter.values())
            .filter(p -> p != PerfusionParameter.QOF).toList();

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
        h.addAll(List.of("volume_ci_lo", "volume_ci_hi", "new_lesion"));
        for (PerfusionParameter p : RATIOS) {
            h.add(p.label() + "_ratio");
            h.add(p.label() + "_ratio_ci_lo");
            h.add(p.label() + "_ratio_ci_hi");
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
        for (int i = 0; i < c.exams().size(); i++) {
            p.printRecord(examRow(c.exams().get(i), c.estimates(i), c.options().diameterSdMm()));
        }
        for (ExamChange ch : c.changes()) {
            p.printRecord(changeRow(ch));
        }
        p.flush();
    }

    private static List<String> examRow(ExamInput e, ExamEstimates est, double sdMm) {
        RoiAnalysis r = e.roi();
        double ne = r.nonEnhancingFraction();
        Volume v = e.volume();
        List<String> row = new ArrayList<>(List.of("exam", e.label(), "", "", Num.csv(e.day()),
                Num.csv(e.volumeValueMl()), Num.csv(e.necrosisPct()), Num.csv(e.sumDiametersMm()), Num.csv(100 * ne)));
        for (PerfusionParameter p : PerfusionParameter.values()) {
            double[] ci = r.parameters().ci(p);
            row.add(Num.csv(r.parameters().value(p)));
            row.add(Num.csv(ci[0]));
            row.add(Num.csv(ci[1]));
        }
        double[] vci = v == null ? new double[] {Double.NaN, Double.NaN} : v.ci95(sdMm);
        row.addAll(List.of(Num.csv(vci[0]), Num.csv(vci[1]), Boolean.toString(e.newLesion())));
        for (PerfusionParameter p : RATIOS) {
            RatioEstimate q = est.ratio(p);
            row.add(q == null ? "" : Num.csv(q.value()));
            row.add(q == null ? "" : Num.csv(q.lo()));
            row.add(q == null ? "" : Num.csv(q.hi()));
        }
        return row;
    }

    private static List<String> changeRow(ExamChange ch) {
        List<String> row = new ArrayList<>(List.of("change", ch.from() + ">" + ch.to(), ch.from(), ch.to(), "",
                Num.csv(ch.volumePct()), Num.csv(ch.necrosisPctPoints()), Num.csv(ch.sumDiametersPct()),
                Num.csv(ch.nonEnhancingPctPoints())));
        for (PerfusionParameter p : PerfusionParameter.values()) {
            PercentChange pc = ch.parameter(p);
            TimeShift ts = ch.timeShift(p);
            if (pc == null && ts != null) {
                row.addAll(List.of(Num.csv(ts.diffS()), Num.csv(ts.lo()), Num.csv(ts.hi())));
                continue;
            }
            row.add(pc == null ? "" : Num.csv(pc.pct()));
            row.add(pc == null ? "" : Num.csv(pc.lo()));
            row.add(pc == null ? "" : Num.csv(pc.hi()));
        }
        PercentChange vc = ch.volumeChange();
        row.addAll(List.of(vc == null ? "" : Num.csv(vc.lo()), vc == null ? "" : Num.csv(vc.hi()), ""));
        for (PerfusionParameter p : RATIOS) {
            PercentChange pc = ch.ratioChange(p);
            row.add(pc == null ? "" : Num.csv(pc.pct()));
            row.add(pc == null ? "" : Num.csv(pc.lo()));
            row.add(pc == null ? "" : Num.csv(pc.hi()));
        }
        return row;
    }
}
