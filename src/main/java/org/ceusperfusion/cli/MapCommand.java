package org.ceusperfusion.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ceusperfusion.analysis.InputInfo;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.io.LoopReader;
import org.ceusperfusion.maps.MapPrelude;
import org.ceusperfusion.maps.MapProgress;
import org.ceusperfusion.maps.MapSettings;
import org.ceusperfusion.maps.MapWriter;
import org.ceusperfusion.maps.ParametricMapper;
import org.ceusperfusion.maps.ParametricMaps;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.roi.RoiMask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ceus map LOOP [--roi SPEC] --params PE,AUC,TTP,mTT}: parametric maps, per pixel or per bin. */
@Command(name = "map", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fits the bolus model to the curve of every pixel (of the ROI, or of the whole frame) on all"
                + " cores and maps the perfusion parameters. Writes <param>.tif (32-bit, calibrated), R2.tif,"
                + " status.tif, map-<param>.png (colour overlay) and map.json into --out.")
final class MapCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOOP", description = "The cine loop (DICOM, TIFF, AVI, ...).")
    Path loopPath;

    @Option(names = "--roi", paramLabel = "SPEC",
            description = "Pixels to map (repeatable: their union); whole frame without. A .roi file, a RoiSet"
                    + " .zip, or oval:x,y,w,h, rect:x,y,w,h, polygon:x1,y1,...; optional NAME= prefix.")
    List<String> roiSpecs;

    @Option(names = "--params", paramLabel = "LIST", defaultValue = "PE,AUC,TTP,mTT",
            description = "Parameters to map, comma-separated, or 'all' (default ${DEFAULT-VALUE}).")
    String params;

    @Option(names = "--bin", paramLabel = "N", defaultValue = "1",
            description = "Fit the mean curve of each N×N block of pixels (default ${DEFAULT-VALUE}: per pixel).")
    int bin;

    @Option(names = "--smooth", paramLabel = "N", defaultValue = "1",
            description = "Fit each pixel's N×N neighbourhood mean (sliding window, odd N; default ${DEFAULT-VALUE}: off).")
    int smooth;

    @Option(names = "--frame-bin", paramLabel = "K", defaultValue = "auto",
            description = "Average K consecutive frames into one sample of each curve; 'auto' (default):"
                    + " samples about 1.5 s apart, at least 40 per curve; 1: every frame.")
    String frameBin;

    @Option(names = "--ci", description = "Also map the 95 %% confidence bounds of each parameter (slower).")
    boolean ci;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ceus-map",
            description = "Output folder (default ${DEFAULT-VALUE}).")
    Path outDir;

    @Mixin
    LoopOptions loopOptions = new LoopOptions();

    @Mixin
    AnalysisOptions analysisOptions = new AnalysisOptions();

    @Override
    public Integer call() throws Exception {
        MapSettings settings = settings();
        List<RoiMask> rois = roiSpecs == null || roiSpecs.isEmpty() ? null : RoiSpecs.targets(roiSpecs);
        RoiMask roi = rois == null ? null : union(rois);
        MapPrelude prelude = MapPrelude.start(loopPath);   // hashing and output warm-up while the loop is read
        CineLoop loop = LoopReader.open(loopPath, loopOptions.toLoadOptions());
        PrintWriter err = spec.commandLine().getErr();
        ParametricMaps maps = new ParametricMapper(settings).map(loop, roi, progress(err));
        InputInfo input = InputInfo.of(loop, prelude.sha256());
        List<String> files = MapWriter.writeAll(maps, input, roi == null ? null : roi.name(), outDir, rois);
        if (!analysisOptions.quiet) {
            printSummary(spec.commandLine().getOut(), maps, input, files);
        }
        return ErrorHandler.OK;
    }

    /**
     * The union of several ROIs as one mask over their common bounding rectangle, named by their names
     * joined with {@code +} (the ROI itself when there is one).
     */
    static RoiMask union(List<RoiMask> rois) {
        if (rois.size() == 1) {
            return rois.get(0);
        }
        int x0 = rois.stream().mapToInt(RoiMask::x).min().orElse(0);
        int y0 = rois.stream().mapToInt(RoiMask::y).min().orElse(0);
        int w = rois.stream().mapToInt(r -> r.x() + r.width()).max().orElse(0) - x0;
        int h = rois.stream().mapToInt(r -> r.y() + r.height()).max().orElse(0) - y0;
        boolean[] inside = new boolean[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                for (RoiMask r : rois) {
                    inside[j * w + i] |= r.contains(x0 + i, y0 + j);
                }
            }
        }
        return new RoiMask(String.join("+", rois.stream().map(RoiMask::name).toList()), x0, y0, w, h, inside);
    }

    private MapSettings settings() {
        int threads = analysisOptions.threads == null ? MapSettings.availableCores() : analysisOptions.threads;
        return new MapSettings(analysisOptions.toSettings(), MapSettings.parseParams(params), bin, smooth,
                parseFrameBin(frameBin), threads, ci);
    }

    private static int parseFrameBin(String v) {
        if (v == null || v.isBlank() || v.trim().equalsIgnoreCase("auto")) {
            return MapSettings.AUTO;
        }
        try {
            int k = Integer.parseInt(v.trim());
            if (k >= 1) {
                return k;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new org.ceusperfusion.InputException("--frame-bin", "expected a whole number of frames ≥ 1 or 'auto', got '"
                + v + "'");
    }

    private MapProgress progress(PrintWriter err) {
        String mode = analysisOptions.progress == null ? "auto" : analysisOptions.progress.toLowerCase(Locale.ROOT);
        if (analysisOptions.quiet || mode.equals("none") || (mode.equals("auto") && System.console() == null)) {
            return MapProgress.NONE;
        }
        boolean bar = !mode.equals("log");
        int[] lastDecile = {-1};
        return (done, total) -> {
            int decile = (int) (10L * done / Math.max(1, total));
            synchronized (lastDecile) {
                if (decile == lastDecile[0]) {
                    return;
                }
                lastDecile[0] = decile;
                if (bar) {
                    err.print("\r[" + "#".repeat(decile) + " ".repeat(10 - decile) + "] " + (decile * 10) + " %"
                            + (done >= total ? "\n" : ""));
                } else {
                    err.println("mapped " + (decile * 10) + " % (" + done + "/" + total + " curves)");
                }
                err.flush();
            }
        };
    }

    private void printSummary(PrintWriter out, ParametricMaps m, InputInfo in, List<String> files) {
        out.println(in.path() + ": " + in.width() + "x" + in.height() + " px, " + in.frames() + " frames");
        out.printf(Locale.ROOT, "mapped %d pixels (%d curves of %d samples, %d fitted, %d without bolus, %d failed)"
                        + " in %.2f s: %.0f fits/s, %.0f pixels/s on %d threads%n",
                m.pixelsMapped(), m.curves(), m.samples(), m.fits(),
                m.statusCounts()[org.ceusperfusion.fit.FitStatus.NO_BOLUS.ordinal()], m.pixelsFailed(),
                m.seconds(), m.fits() / Math.max(m.seconds(), 1e-9), m.pixelsPerSecond(), m.settings().threads());
        for (PerfusionParameter p : m.params()) {
            float[] v = m.finiteSorted(m.values(p), null);
            out.printf(Locale.ROOT, "  %-7s median %s %s  [5 %%: %s, 95 %%: %s]%n", p.label(),
                    Summaries.fmt(ParametricMaps.quantile(v, 0.5)), p.unit(),
                    Summaries.fmt(ParametricMaps.quantile(v, 0.05)), Summaries.fmt(ParametricMaps.quantile(v, 0.95)));
        }
        List<String> shown = new ArrayList<>(files);
        out.println("wrote " + outDir.resolve(MapWriter.JSON) + " and " + (shown.size() - 1) + " images");
        out.flush();
    }
}
