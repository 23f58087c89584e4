package org.ceusperfusion.ij;

import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ceusperfusion.InputException;
import org.ceusperfusion.roi.RoiMask;
import org.ceusperfusion.roi.RoiSpecParser;

/**
 * Converts ImageJ ROIs to the inline {@code --roi} specs of the CLI and back, so that a workbench session
 * names its ROIs exactly as {@code ceus compare} reads them.
 *
 * <p>A rectangle becomes {@code rect:x,y,w,h}, an oval {@code oval:x,y,w,h}, a polygon, freehand or traced
 * ROI {@code polygon:x1,y1,...} (its integer vertices). The spec is accepted only when it selects exactly
 * the pixels ImageJ selects for the ROI; other shapes (rounded rectangles, composite or sub-pixel ROIs that
 * no inline spec reproduces) are refused with a message.
 */
public final class WorkbenchRoiSpecs {
    private WorkbenchRoiSpecs() {
    }

    /**
     * @param roi         an area ROI
     * @param defaultName name used when the ROI has none
     * @return {@code NAME=shape:...}, selecting exactly the pixels of {@code roi}
     * @throws InputException when the ROI is not an area or no inline spec reproduces its pixels
     */
    public static String toSpec(Roi roi, String defaultName) {
        RoiMask imagej = CineLoopImages.toRoiMask(roi, defaultName);
        String name = imagej.name();
        String shape = shapeOf(roi);
        if (shape == null || !sameMask(shape, name, imagej)) {
            Polygon p = roi.getPolygon();
            shape = p == null || p.npoints < 3 ? null : polygon(p);
        }
        if (shape == null || !sameMask(shape, name, imagej)) {
            throw new InputException("ROI " + name, "this " + roi.getTypeAsString().toLowerCase(Locale.ROOT)
                    + " ROI cannot be saved as a rectangle, oval or polygon: draw one of those shapes");
        }
        return name + "=" + shape;
    }

    private static String shapeOf(Roi roi) {
        Rectangle b = roi.getBounds();
        String box = b.x + "," + b.y + "," + b.width + "," + b.height;
        return switch (roi.getType()) {
            case Roi.RECTANGLE -> roi.getCornerDiameter() > 0 ? null : "rect:" + box;
            case Roi.OVAL -> "oval:" + box;
            case Roi.POLYGON, Roi.FREEROI, Roi.TRACED_ROI -> {
                Polygon p = roi.getPolygon();
                yield p == null || p.npoints < 3 ? null : polygon(p);
            }
            default -> null;
        };
    }

    private static String polygon(Polygon p) {
        StringBuilder sb = new StringBuilder("polygon:");
        for (int i = 0; i < p.npoints; i++) {
            sb.append(i == 0 ? "" : ",").append(p.xpoints[i]).append(',').append(p.ypoints[i]);
        }
        return sb.toString();
    }

    private static boolean sameMask(String shape, String name, RoiMask b) {
        RoiMask a;
        try {
            a = RoiSpecParser.parse(shape, name);
        } catch (InputException e) {
            return false;
        }
        if (a.area() != b.area()) {
            return false;
        }
        for (int j = 0; j < a.height(); j++) {
            for (int i = 0; i < a.width(); i++) {
                if (a.inside()[j * a.width() + i] && !b.contains(a.x() + i, a.y() + j)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * @param spec        a {@code --roi} spec (inline, {@code .roi} or a one-ROI {@code .zip})
     * @param defaultName name when the spec has none
     * @return its mask, as {@code ceus compare} reads it
     * @throws InputException when malformed or naming several ROIs
     */
    public static RoiMask mask(String spec, String defaultName) {
        List<RoiMask> r = ImageJRoiFiles.fromSpec(spec, defaultName);
        if (r.size() != 1) {
            throw new InputException("ROI " + spec, "names " + r.size() + " ROIs; give exactly one");
        }
        return r.get(0);
    }

    /** @return {@code spec} with the name prefix {@code name=} (replacing any other) */
    public static String withName(String spec, String name) {
        return name + "=" + RoiSpecParser.body(spec).trim();
    }

    /**
     * @param spec an inline spec
     * @return the ImageJ ROI drawing it (named), or {@code null} for a ROI file spec
     * @throws InputException when malformed
     */
    public static Roi toRoi(String spec) {
        if (RoiSpecParser.isFile(spec)) {
            return null;
        }
        RoiMask m = RoiSpecParser.parse(spec, "roi");
        String body = RoiSpecParser.body(spec).trim();
        String shape = body.substring(0, body.indexOf(':')).trim().toLowerCase(Locale.ROOT);
        int[] v = Arrays.stream(body.substring(body.indexOf(':') + 1).split(",")).map(String::trim)
                .mapToInt(Integer::parseInt).toArray();
        Roi roi = switch (shape) {
            case "oval" -> new OvalRoi(v[0], v[1], v[2], v[3]);
            case "rect" -> new Roi(v[0], v[1], v[2], v[3]);
            default -> {
                int n = v.length / 2;
                int[] xs = new int[n];
                int[] ys = new int[n];
                for (int k = 0; k < n; k++) {
                    xs[k] = v[2 * k];
                    ys[k] = v[2 * k + 1];
                }
                yield new PolygonRoi(xs, ys, n, Roi.POLYGON);
            }
        };
        roi.setName(m.name());
        return roi;
    }
}
