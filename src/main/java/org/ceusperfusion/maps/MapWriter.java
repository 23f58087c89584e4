package org.ceusperfusion.maps;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.ceusperfusion.analysis.InputInfo;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.report.AtomicFiles;
import org.ceusperfusion.report.Json;

/**
 * Writes the files of {@code ceus map --out DIR}, all or none ({@link AtomicFiles#writeAll}):
 * <ul>
 *   <li>{@code <param>.tif} per parameter (e.g. {@code PE.tif}, {@code mTT.tif}), {@code R2.tif} and
 *       {@code status.tif} (fit status ordinal): 32-bit float ImageJ TIFFs calibrated in mm when the
 *       pixel size is known, the parameter's unit as value unit; NaN where not mapped or failed;</li>
 *   <li>{@code <param>-ci95lo.tif}, {@code <param>-ci95hi.tif} when CIs were computed;</li>
 *   <li>{@code map-<param>.png}: the colour overlay on the mean frame with a colour bar and unit;</li>
 *   <li>{@code map.json} ({@link MapJson}).</li>
 * </ul>
 */
public final class MapWriter {
    /** File name of the summary. */
    public static final String JSON = "map.json";

    private MapWriter() {
    }

    /**
     * @param m       the maps
     * @param input   the loop's {@code input} section
     * @param roiName the mapped ROI's name, or {@code null} for the whole frame
     * @param dir     output folder (created when missing)
     * @return the names of the files written, {@code map.json} last
     * @throws IOException when a file cannot be written (then none is left behind)
     */
    public static List<String> writeAll(ParametricMaps m, InputInfo input, String roiName, Path dir)
            throws IOException {
        return writeAll(m, input, roiName, dir, null);
    }

    /**
     * As {@link #writeAll(ParametricMaps, InputInfo, String, Path)}, with the pixels of each of {@code rois}
     * counted by status ({@link MapStatus}) in {@code map.json}'s {@code rois}.
     *
     * @param rois the ROIs whose union was mapped, or {@code null}
     */
    public static List<String> writeAll(ParametricMaps m, InputInfo input, String roiName, Path dir,
                                        List<org.ceusperfusion.roi.RoiMask> rois) throws IOException {
        Map<String, AtomicFiles.Content> files = new LinkedHashMap<>();
        List<PerfusionParameter> params = m.params();
        for (int k = 0; k < params.size(); k++) {
            PerfusionParameter p = params.get(k);
            float[] img = m.values()[k];
            files.put(p.label() + ".tif", tiff(m, img, p.label(), p.unit()));
            if (m.ciLo() != null) {
                files.put(p.label() + "-ci95lo.tif", tiff(m, m.ciLo()[k], p.label() + " 95% CI low", p.unit()));
                files.put(p.label() + "-ci95hi.tif", tiff(m, m.ciHi()[k], p.label() + " 95% CI high", p.unit()));
            }
        }
        files.put("R2.tif", tiff(m, m.r2(), "R2", ""));
        files.put("status.tif", tiff(m, m.status(), "fit status (0 OK, 1 NOT_CONVERGED, 2 NO_BOLUS,"
                + " 3 TOO_FEW_POINTS, 4 FAILED)", ""));
        for (int k = 0; k < params.size(); k++) {
            PerfusionParameter p = params.get(k);
            files.put("map-" + p.label() + ".png", png(m, m.values()[k], p));
        }
        List<String> names = new ArrayList<>(files.keySet());
        names.add(JSON);
        String json = Json.toText(MapJson.toJson(m, input, roiName, names, rois));
        files.put(JSON, out -> out.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        AtomicFiles.writeAll(dir, encodeInParallel(files));
        return names;
    }

    /** Encodes every file into memory on all cores (TIFF and PNG encoding), keeping the order. */
    private static Map<String, AtomicFiles.Content> encodeInParallel(Map<String, AtomicFiles.Content> files)
            throws IOException {
        List<String> names = new ArrayList<>(files.keySet());
        byte[][] bytes = new byte[names.size()][];
        IOException[] failure = new IOException[1];
        java.util.stream.IntStream.range(0, names.size()).parallel().forEach(i -> {
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            try {
                files.get(names.get(i)).writeTo(buf);
                bytes[i] = buf.toByteArray();
            } catch (IOException e) {
                synchronized (failure) {
                    failure[0] = e;
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        Map<String, AtomicFiles.Content> encoded = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byte[] b = bytes[i];
            encoded.put(names.get(i), out -> out.write(b));
        }
        return encoded;
    }

    /**
     * Loads and initialises what writing needs (Java2D and its fonts, the PNG writer, ImageJ's TIFF
     * encoder) by encoding a tiny overlay and TIFF into memory; failures are ignored (writing reports
     * them). Lets a caller do it in the background ({@link MapPrelude}).
     */
    static void warmUp() {
        try {
            ImageIO.write(MapOverlay.sample(), "png", new java.io.ByteArrayOutputStream());
            new FileSaver(new ImagePlus("warm-up", new FloatProcessor(2, 2))).serialize();
        } catch (IOException | RuntimeException e) {
            // only a warm-up
        }
    }

    /**
     * @return one map as a calibrated 32-bit ImageJ image (title = label, value unit = {@code unit})
     */
    public static ImagePlus image(ParametricMaps m, float[] values, String label, String unit) {
        ImagePlus imp = new ImagePlus(label, new FloatProcessor(m.width(), m.height(), values.clone()));
        calibrate(imp.getCalibration(), m.pixelSizeMm(), unit);
        imp.setProp("CEUS.parameter", label);
        imp.setProp("CEUS.unit", unit);
        return imp;
    }

    /** Sets the pixel size (mm) and the value unit. */
    public static void calibrate(Calibration cal, Double pixelSizeMm, String unit) {
        if (pixelSizeMm != null && pixelSizeMm > 0) {
            cal.pixelWidth = pixelSizeMm;
            cal.pixelHeight = pixelSizeMm;
            cal.setUnit("mm");
        }
        if (unit != null && !unit.isEmpty()) {
            cal.setValueUnit(unit);
        }
    }

    private static AtomicFiles.Content tiff(ParametricMaps m, float[] values, String label, String unit) {
        return out -> {
            ImagePlus imp = image(m, values, label, unit);
            byte[] bytes = new FileSaver(imp).serialize();
            if (bytes == null) {
                throw new IOException("ImageJ could not encode the TIFF of " + label);
            }
            out.write(bytes);
        };
    }

    private static AtomicFiles.Content png(ParametricMaps m, float[] values, PerfusionParameter p) {
        return out -> {
            BufferedImage img = MapOverlay.render(m, values, p.label(), p.unit(), colourRange(m, values, p));
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer");
            }
        };
    }

    /**
     * The colour scale of a map: 0 to the 99th percentile for amplitudes, the 1st to the 99th percentile
     * for times and slopes (over the finite mapped pixels).
     *
     * @return {@code [lo, hi]} with {@code lo < hi}
     */
    public static double[] colourRange(ParametricMaps m, float[] values, PerfusionParameter p) {
        float[] v = m.finiteSorted(values, null);
        if (v.length == 0) {
            return new double[] {0, 1};
        }
        double hi = ParametricMaps.quantile(v, 0.99);
        double lo = UnitFitter.isAmplitude(p) && v[0] >= 0 ? 0 : ParametricMaps.quantile(v, 0.01);
        if (!(hi > lo)) {
            hi = lo + Math.max(1e-6, Math.abs(lo) * 0.01);
        }
        return new double[] {lo, hi};
    }
}
