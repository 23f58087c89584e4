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
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.analysis.RoiAnalysis;

/**
 * {@code tic.csv} (interfaces.md §4): one row per frame,
 * {@code frame,time_s,<roi>,...,<roi>_fit,...}.
 *
 * <p>{@code frame} is 1-based, as ImageJ numbers stack slices. {@code time_s} is seconds from the first
 * frame. ROI columns hold the ROI-mean linear intensity (a.u.; raw grey when the data are linear), in
 * ROI order; the {@code _fit} columns hold the fitted curve at the frame time, empty when the ROI has
 * no usable fit. Numbers have 9 significant digits, {@code .} as decimal separator; missing values are
 * empty cells. Lines end with CRLF (RFC 4180).
 */
public final class TicCsv {
    private TicCsv() {
    }

    /** @return the header cells */
    public static List<String> header(LoopAnalysis a) {
        List<String> h = new ArrayList<>(List.of("frame", "time_s"));
        a.rois().forEach(r -> h.add(r.name()));
        a.rois().forEach(r -> h.add(r.name() + "_fit"));
        return h;
    }

    /** Writes the CSV as UTF-8 to {@code out} (flushed, not closed). */
    public static void write(LoopAnalysis a, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(a, w);
        w.flush();
    }

    /** @return the CSV text */
    public static String toText(LoopAnalysis a) {
        StringWriter w = new StringWriter();
        try {
            write(a, w);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    private static void write(LoopAnalysis a, Writer w) throws IOException {
        double[] t = a.rois().isEmpty() ? a.input().timesS() : a.rois().get(0).tic().timesS();
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180);
        p.printRecord(header(a));
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            row.clear();
            row.add(Integer.toString(i + 1));
            row.add(Num.csv(t[i]));
            for (RoiAnalysis r : a.rois()) {
                double[] y = r.tic().meanIntensity();
                row.add(i < y.length ? Num.csv(y[i]) : "");
            }
            for (RoiAnalysis r : a.rois()) {
                boolean ok = r.fit() != null && r.fit().hasParameters();
                row.add(ok ? Num.csv(r.fit().valueAt(t[i])) : "");
            }
            p.printRecord(row);
        }
        p.flush();
    }
}
