package org.ceusperfusion.roi;

import java.util.Locale;

import org.ceusperfusion.InputException;

/**
 * Parses the ROI specifications of the {@code --roi} option (interfaces.md §3).
 *
 * <p>A specification is an optional {@code NAME=} prefix followed by either a file ({@code *.roi},
 * {@code *.zip}; read by {@code org.ceusperfusion.ij.ImageJRoiFiles}) or an inline shape:
 * <pre>
 *   oval:x,y,w,h           ellipse inscribed in the box (x, y, w, h)
 *   rect:x,y,w,h           rectangle
 *   polygon:x1,y1,x2,y2,... polygon with at least 3 vertices, closed implicitly
 * </pre>
 * Coordinates are integer pixels of the stored frame (x to the right, y down); widths and heights are
 * at least 1. Examples: {@code tumour=oval:52,40,56,40}, {@code rect:0,0,10,10}.
 * The masks equal ImageJ's for the same shapes (see {@link RoiRasterizer}).
 */
public final class RoiSpecParser {
    private static final String SHAPES = "expected oval:x,y,w,h, rect:x,y,w,h, polygon:x1,y1,x2,y2,x3,y3,...,"
            + " or a .roi/.zip file, optionally prefixed by NAME=";

    private RoiSpecParser() {
    }

    /**
     * Parses an inline specification.
     *
     * @param spec        the text given to {@code --roi}, e.g. {@code tumour=oval:52,40,56,40}
     * @param defaultName the name to use when the spec has no {@code NAME=} prefix (e.g. {@code roi1})
     * @return the ROI mask
     * @throws InputException (source {@code --roi <spec>}) when the spec is malformed or names a file
     */
    public static RoiMask parse(String spec, String defaultName) {
        String source = "--roi " + spec;
        if (spec == null || spec.isBlank()) {
            throw new InputException("--roi", "empty ROI specification: " + SHAPES);
        }
        if (isFile(spec)) {
            throw new InputException(source, "is a ROI file, not an inline shape; read it with ImageJRoiFiles");
        }
        String name = explicitName(spec);
        String body = body(spec).trim();
        int colon = body.indexOf(':');
        if (colon < 0) {
            throw new InputException(source, "no shape given: " + SHAPES);
        }
        String shape = body.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        int[] v = numbers(source, body.substring(colon + 1));
        String roiName = name != null ? name : defaultName;
        switch (shape) {
            case "oval":
            case "rect":
                return box(source, shape, roiName, v);
            case "polygon":
                return polygon(source, roiName, v);
            default:
                throw new InputException(source, "unknown shape '" + shape + "': " + SHAPES);
        }
    }

    /**
     * @param spec a {@code --roi} specification
     * @return whether it names an ImageJ ROI file ({@code .roi}) or RoiSet ({@code .zip}), with or without
     *         a {@code NAME=} prefix
     */
    public static boolean isFile(String spec) {
        String b = body(spec).trim().toLowerCase(Locale.ROOT);
        return b.endsWith(".roi") || b.endsWith(".zip");
    }

    /**
     * @param spec a {@code --roi} specification
     * @return the name given by a {@code NAME=} prefix, or {@code null} when there is none. A prefix is a
     *         non-empty text before the first {@code =} that contains none of {@code : / \}.
     */
    public static String explicitName(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            return null;
        }
        String prefix = spec.substring(0, eq);
        if (prefix.contains(":") || prefix.contains("/") || prefix.contains("\\") || prefix.isBlank()) {
            return null;
        }
        return prefix.trim();
    }

    /** @return the specification without its {@code NAME=} prefix (a file path or an inline shape) */
    public static String body(String spec) {
        String name = explicitName(spec);
        return name == null ? spec : spec.substring(spec.indexOf('=') + 1);
    }

    private static RoiMask box(String source, String shape, String name, int[] v) {
        if (v.length != 4) {
            throw new InputException(source, "expected " + shape + ":x,y,w,h (4 integers), got "
                    + v.length + " number" + (v.length == 1 ? "" : "s"));
        }
        if (v[2] < 1 || v[3] < 1) {
            throw new InputException(source, "width and height must be at least 1 pixel, got "
                    + v[2] + "x" + v[3]);
        }
        return shape.equals("oval")
                ? RoiRasterizer.oval(name, v[0], v[1], v[2], v[3])
                : RoiRasterizer.rectangle(name, v[0], v[1], v[2], v[3]);
    }

    private static RoiMask polygon(String source, String name, int[] v) {
        if (v.length < 6 || v.length % 2 != 0) {
            throw new InputException(source, "expected polygon:x1,y1,x2,y2,x3,y3,... (an even number of"
                    + " at least 6 integers), got " + v.length + " numbers");
        }
        int[] xs = new int[v.length / 2];
        int[] ys = new int[v.length / 2];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = v[2 * k];
            ys[k] = v[2 * k + 1];
        }
        RoiMask mask = RoiRasterizer.polygon(name, xs, ys);
        if (mask.area() == 0) {
            throw new InputException(source, "the polygon encloses no pixel");
        }
        return mask;
    }

    private static int[] numbers(String source, String list) {
        String[] parts = list.split(",", -1);
        int[] v = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            String p = parts[k].trim();
            try {
                v[k] = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new InputException(source, "'" + p + "' is not an integer pixel coordinate: " + SHAPES);
            }
        }
        return v;
    }
}
