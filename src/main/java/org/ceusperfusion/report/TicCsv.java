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
import org.ceusperfusion.motion.MotionResult;
import org.ceusperfusion.motion.MotionTrack;

/**
 * {@code tic.csv} (interfaces.md §4): one row per frame,
 * {@code frame,time_s,<roi>,...,<roi>_fit,...}.
 *
 * <p>{@code frame} is 1-based, as ImageJ numbers stack slices. {@code time_s} is seconds from the first
 * frame. ROI columns hold the ROI-mean linear intensity (a.u.; raw grey when the data are linear), in
 * ROI order; the {@code _fit} columns hold the fitted curve at the frame time, empty when the ROI has
 * no usable fit. Numbers have 9 significant digits, {@code .} as decimal separator; missing values are
 * empty cells. Lines end with CRLF (RFC 4180). When motion was corrected or frames were left out of the fit,
 * four more columns follow: {@code dx_px,dy_px,similarity} (the frame's shift and peak NCC; empty without
 * correction) and {@code used} (1 when the fit used the frame, else 0) and {@code reason} (why a frame was left out:
 * {@code flash}, {@code excluded}, {@code out-of-plane}; empty when used).
 */
public final class TicCsv {
    private TicCsv() {
    }

    /** @return the header cells */
    public static List<String> header(LoopAnalysis a) {
        List<String> h = new ArrayList<>(List.of("frame", "time_s"));
        a.rois().forEach(r -> h.add(r.name()));
        a.rois().forEach(r -> h.add(r.name() + "_fit"));
        if (motion(a) != null) {
            h.addAll(List.of("dx_px", "dy_px", "similarity", "used", "reason"));
        }
        return h;
    }

    private static MotionResult motion(LoopAnalysis a) {
        return a.rois().stream().map(RoiAnalysis::motion).filter(java.util.Objects::nonNull).findFirst().orElse(null);
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
        java.util.Map<Integer, String> reasons = new java.util.HashMap<>();
        MotionResult sel = motion(a);
        if (sel != null) {
            sel.selection().rejected().forEach(r -> reasons.put(r.frame(), r.reason()));
        }
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
            MotionResult m = motion(a);
            if (m != null) {
                MotionTrack tr = m.track();
                row.add(tr == null ? "" : Num.csv(tr.dxPx()[i]));
                row.add(tr == null ? "" : Num.csv(tr.dyPx()[i]));
                row.add(tr == null || !Double.isFinite(tr.similarity()[i]) ? "" : Num.csv(tr.similarity()[i]));
                row.add(m.selection().isUsed(i) ? "1" : "0");
                row.add(reasons.getOrDefault(i + 1, ""));
            }
            p.printRecord(row);
        }
        p.flush();
    }
}
