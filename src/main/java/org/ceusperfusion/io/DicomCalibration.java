package org.ceusperfusion.io;

import static org.ceusperfusion.io.DicomDictionary.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ceusperfusion.cine.UltrasoundRegion;

/**
 * Ultrasound regions and pixel size of a DICOM image. Pixel size priority: the physical deltas of an
 * ultrasound region (0018,6011) whose units are cm (code 3; converted to mm) — the largest 2D region, or
 * the largest region when none is 2D — &gt; Pixel Spacing (0028,0030) &gt; Imager Pixel Spacing
 * (0018,1164) &gt; unknown. When x and y sizes differ, x (the column spacing) is used and both are
 * recorded in the tags {@code pixelSizeXMm} and {@code pixelSizeYMm}.
 */
final class DicomCalibration {
    private static final int UNITS_CM = 3;

    private DicomCalibration() {
    }

    /** @return the regions of the Sequence of Ultrasound Regions, in file order */
    static List<UltrasoundRegion> regions(DicomDataset ds) {
        List<UltrasoundRegion> out = new ArrayList<>();
        for (DicomDataset item : ds.items(US_REGIONS)) {
            out.add(new UltrasoundRegion(item.integer(REGION_MIN_X0, 0), item.integer(REGION_MIN_Y0, 0),
                    item.integer(REGION_MAX_X1, 0), item.integer(REGION_MAX_Y1, 0),
                    item.integer(REGION_SPATIAL_FORMAT, 0), item.integer(REGION_DATA_TYPE, 0),
                    deltaMm(item, PHYSICAL_UNITS_X, PHYSICAL_DELTA_X),
                    deltaMm(item, PHYSICAL_UNITS_Y, PHYSICAL_DELTA_Y)));
        }
        return out;
    }

    private static double deltaMm(DicomDataset item, int unitsTag, int deltaTag) {
        double d = item.number(deltaTag);
        if (item.integer(unitsTag, -1) != UNITS_CM || !(d > 0) || !Double.isFinite(d)) {
            return Double.NaN;
        }
        return Math.abs(d) * 10.0;
    }

    /**
     * Chooses the pixel size and records its source in {@code tags} ({@code pixelSizeSource}:
     * {@code UltrasoundRegion}, {@code PixelSpacing}, {@code ImagerPixelSpacing}).
     *
     * @return pixel size in mm, or {@code null} when unknown
     */
    static Double pixelSizeMm(DicomDataset ds, List<UltrasoundRegion> regions, Map<String, String> tags) {
        UltrasoundRegion best = null;
        for (UltrasoundRegion r : regions) {
            if (Double.isFinite(r.physicalDeltaXMm()) && Double.isFinite(r.physicalDeltaYMm())
                    && better(r, best)) {
                best = r;
            }
        }
        if (best != null) {
            return record(tags, "UltrasoundRegion", best.physicalDeltaXMm(), best.physicalDeltaYMm());
        }
        for (int tag : new int[] {PIXEL_SPACING, IMAGER_PIXEL_SPACING}) {
            double[] ps = ds.numbers(tag);
            if (ps.length >= 2 && ps[0] > 0 && ps[1] > 0 && Double.isFinite(ps[0]) && Double.isFinite(ps[1])) {
                String src = tag == PIXEL_SPACING ? "PixelSpacing" : "ImagerPixelSpacing";
                return record(tags, src, ps[1], ps[0]);
            }
        }
        return null;
    }

    private static boolean better(UltrasoundRegion r, UltrasoundRegion best) {
        if (best == null) {
            return true;
        }
        boolean r2d = r.spatialFormat() == 1;
        boolean b2d = best.spatialFormat() == 1;
        if (r2d != b2d) {
            return r2d;
        }
        return area(r) > area(best);
    }

    private static long area(UltrasoundRegion r) {
        return (long) Math.max(0, r.maxX1() - r.minX0() + 1) * Math.max(0, r.maxY1() - r.minY0() + 1);
    }

    private static Double record(Map<String, String> tags, String source, double x, double y) {
        tags.put("pixelSizeSource", source);
        if (Math.abs(x - y) > 1e-9 * Math.max(x, y)) {
            tags.put("pixelSizeXMm", Double.toString(x));
            tags.put("pixelSizeYMm", Double.toString(y));
        }
        return x;
    }
}
