package org.ceusperfusion.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;

/**
 * Pure logic shared by the OME-TIFF reader and the Bio-Formats bridge: chooses the series, channel and
 * Z plane(s) that make the loop, and the frame times and pixel size, from recorded metadata.
 *
 * <ul>
 *   <li>Series: the one asked for; else the only one; else the one with the most time points (a tie between
 *       several time series is refused, listing them). Recorded as tags {@code series} (1-based) and
 *       {@code seriesChoice} ({@code option}, {@code only}, {@code longest-time-series}).</li>
 *   <li>Channel: required when the series has several (the refusal lists them with their names).</li>
 *   <li>Z: required when the series has several Z planes: one plane, or a projection (max, mean) over all.</li>
 *   <li>Times, by time point (TheT), never by position in the plane list: the {@code DeltaT} of the chosen
 *       channel's first chosen Z plane at that time point, else the mean DeltaT of the planes sharing that
 *       time point; used as written (not shifted) when every time point has one and they never decrease
 *       (timing source {@code <prefix>DeltaT}). Else the {@code TimeIncrement} ({@code <prefix>TimeIncrement}),
 *       else the file's frame rate ({@code <prefix>FrameRate}), else 1 s per frame ({@code none}).</li>
 *   <li>Pixel size: PhysicalSizeX; when PhysicalSizeY differs, the geometric mean (so that areas in mm²
 *       stay exact), with both recorded in tag {@code pixelSizeXYMm}.</li>
 * </ul>
 */
public final class PlanePlanner {
    private PlanePlanner() {
    }

    /**
     * @param source       the file, for errors
     * @param series       the file's series, in file order
     * @param selection    what the user chose
     * @param timingPrefix prefix of the timing source names ({@code Ome}, {@code BioFormats})
     * @return the plan
     * @throws InputException (one line) when the choice is missing, ambiguous or out of range
     */
    public static LoopPlan plan(String source, List<SeriesLayout> series, PlaneSelection selection, String timingPrefix) {
        PlaneSelection sel = selection == null ? PlaneSelection.NONE : selection;
        if (series.isEmpty()) {
            throw new InputException(source, "the file holds no image series");
        }
        Map<String, String> tags = new HashMap<>();
        int s = chooseSeries(source, series, sel, tags);
        SeriesLayout l = series.get(s);
        if (l.sizeX() < 1 || l.sizeY() < 1 || l.sizeC() < 1 || l.sizeZ() < 1 || l.sizeT() < 1 || !l.validOrder()) {
            throw new InputException(source, "series " + (s + 1) + " has an invalid layout: " + describe(l));
        }
        int c = chooseChannel(source, l, sel, tags);
        int[] zs = chooseZ(source, l, sel, tags);
        int[][] framePlanes = new int[l.sizeT()][zs.length];
        for (int t = 0; t < l.sizeT(); t++) {
            for (int k = 0; k < zs.length; k++) {
                framePlanes[t][k] = l.index(zs[k], c, t);
            }
        }
        String[] timing = new String[1];
        double[] times = times(l, c, zs[0], timingPrefix, timing, tags);
        Double px = pixelSize(l, tags);
        tags.put("sizeCZT", l.sizeC() + "," + l.sizeZ() + "," + l.sizeT());
        return new LoopPlan(s, l, c, framePlanes, zs.length > 1 ? sel.zProjection() : null, times, timing[0], px, tags);
    }

    private static int chooseSeries(String source, List<SeriesLayout> series, PlaneSelection sel, Map<String, String> tags) {
        if (sel.series() != null) {
            if (sel.series() > series.size()) {
                throw new InputException(source, "--series " + sel.series() + " is not in the file; it holds "
                        + listSeries(series));
            }
            tags.put("series", String.valueOf(sel.series()));
            tags.put("seriesChoice", "option");
            return sel.series() - 1;
        }
        if (series.size() == 1) {
            tags.put("series", "1");
            tags.put("seriesChoice", "only");
            return 0;
        }
        int best = 0;
        int ties = 0;
        for (int i = 1; i < series.size(); i++) {
            int t = series.get(i).sizeT();
            if (t > series.get(best).sizeT()) {
                best = i;
                ties = 0;
            } else if (t == series.get(best).sizeT()) {
                ties++;
            }
        }
        if (ties > 0 && series.get(best).sizeT() > 1) {
            throw new InputException(source, "several series have " + series.get(best).sizeT()
                    + " time points; choose one with --series N (ImageJ: series=N); the file holds " + listSeries(series));
        }
        tags.put("series", String.valueOf(best + 1));
        tags.put("seriesChoice", "longest-time-series");
        return best;
    }

    private static int chooseChannel(String source, SeriesLayout l, PlaneSelection sel, Map<String, String> tags) {
        Integer ch = sel.channel();
        if (ch == null && l.sizeC() > 1) {
            throw new InputException(source, l.sizeC() + " channels (" + listChannels(l)
                    + "): choose one with --channel N (ImageJ: channel=N)");
        }
        int c = ch == null ? 0 : ch - 1;
        if (c >= l.sizeC()) {
            throw new InputException(source, "--channel " + ch + " is not in the file: it has " + l.sizeC()
                    + (l.sizeC() == 1 ? " channel (" : " channels (") + listChannels(l) + ")");
        }
        if (l.sizeC() > 1 || ch != null) {
            tags.put("channel", String.valueOf(c + 1));
            if (l.channelName(c) != null) {
                tags.put("channelName", l.channelName(c));
            }
        }
        return c;
    }

    private static int[] chooseZ(String source, SeriesLayout l, PlaneSelection sel, Map<String, String> tags) {
        if (sel.zProjection() != null) {
            int[] all = new int[l.sizeZ()];
            for (int z = 0; z < all.length; z++) {
                all[z] = z;
            }
            tags.put("z", l.sizeZ() > 1 ? sel.zProjection().label() + " of " + l.sizeZ() : "1");
            return all;
        }
        Integer z = sel.z();
        if (z == null && l.sizeZ() > 1) {
            throw new InputException(source, l.sizeZ() + " Z planes per time point: choose one with --z N, or a"
                    + " projection with --z max or --z mean (ImageJ: z=N, z=max, z=mean)");
        }
        int zi = z == null ? 0 : z - 1;
        if (zi >= l.sizeZ()) {
            throw new InputException(source, "--z " + z + " is not in the file: it has " + l.sizeZ() + " Z plane(s)");
        }
        if (l.sizeZ() > 1 || z != null) {
            tags.put("z", String.valueOf(zi + 1));
        }
        return new int[] {zi};
    }

    private static double[] times(SeriesLayout l, int c, int z, String prefix, String[] timing, Map<String, String> tags) {
        double[] own = new double[l.sizeT()];
        double[] sum = new double[l.sizeT()];
        int[] count = new int[l.sizeT()];
        java.util.Arrays.fill(own, Double.NaN);
        for (SeriesLayout.Plane p : l.planes()) {
            if (p.theT() < 0 || p.theT() >= l.sizeT() || p.deltaTS() == null || !Double.isFinite(p.deltaTS())) {
                continue;
            }
            if (p.theC() == c && p.theZ() == z && Double.isNaN(own[p.theT()])) {
                own[p.theT()] = p.deltaTS();
            }
            sum[p.theT()] += p.deltaTS();
            count[p.theT()]++;
        }
        double[] t = new double[l.sizeT()];
        int missing = 0;
        for (int i = 0; i < t.length; i++) {
            t[i] = !Double.isNaN(own[i]) ? own[i] : count[i] > 0 ? sum[i] / count[i] : Double.NaN;
            missing += Double.isNaN(t[i]) ? 1 : 0;
        }
        if (missing == 0 && nonDecreasing(t)) {
            timing[0] = prefix + "DeltaT";
            return t;
        }
        if (missing < t.length) {
            tags.put("timingNote", missing > 0 ? "DeltaT missing for " + missing + " of " + t.length + " time points"
                    : "DeltaT decreases or never advances: not used");
        }
        return fallbackTimes(l, prefix, timing);
    }

    private static double[] fallbackTimes(SeriesLayout l, String prefix, String[] timing) {
        Double dt = l.timeIncrementS();
        if (dt != null && dt > 0 && Double.isFinite(dt)) {
            timing[0] = prefix + "TimeIncrement";
            return CineLoop.regularTimes(l.sizeT(), dt);
        }
        Double fps = l.frameRateHz();
        if (fps != null && fps > 0 && Double.isFinite(fps)) {
            timing[0] = prefix + "FrameRate";
            return CineLoop.regularTimes(l.sizeT(), 1.0 / fps);
        }
        timing[0] = "none";
        return CineLoop.regularTimes(l.sizeT(), DicomTiming.FALLBACK_INTERVAL_S);
    }

    private static boolean nonDecreasing(double[] t) {
        for (int i = 1; i < t.length; i++) {
            if (t[i] < t[i - 1]) {
                return false;
            }
        }
        return t.length < 2 || t[t.length - 1] > t[0];
    }

    private static Double pixelSize(SeriesLayout l, Map<String, String> tags) {
        Double x = positive(l.pixelSizeXMm());
        Double y = positive(l.pixelSizeYMm());
        if (x == null) {
            return null;
        }
        if (y == null || Math.abs(x - y) <= 1e-9 * x) {
            return x;
        }
        tags.put("pixelSizeXYMm", fmt(x) + "," + fmt(y));
        return Math.sqrt(x * y);
    }

    private static Double positive(Double v) {
        return v != null && v > 0 && Double.isFinite(v) ? v : null;
    }

    /** @return e.g. {@code 2 series: 1 "overview" (640x480, 1 channel, 1 Z, 1 time point), 2 ...} */
    static String listSeries(List<SeriesLayout> series) {
        StringBuilder sb = new StringBuilder(series.size() + " series: ");
        for (int i = 0; i < series.size(); i++) {
            SeriesLayout l = series.get(i);
            sb.append(i == 0 ? "" : ", ").append(i + 1);
            if (l.name() != null && !l.name().isBlank()) {
                sb.append(" \"").append(l.name().strip()).append('"');
            }
            sb.append(" (").append(describe(l)).append(')');
        }
        return sb.toString();
    }

    private static String describe(SeriesLayout l) {
        return l.sizeX() + "x" + l.sizeY() + ", " + l.sizeC() + (l.sizeC() == 1 ? " channel, " : " channels, ") + l.sizeZ() + " Z, "
                + l.sizeT() + (l.sizeT() == 1 ? " time point" : " time points");
    }

    private static String listChannels(SeriesLayout l) {
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < l.sizeC(); c++) {
            String n = l.channelName(c);
            parts.add((c + 1) + (n == null || n.isBlank() ? "" : " \"" + n.strip() + "\""));
        }
        return String.join(", ", parts);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
