package org.ceusperfusion.synth;

/**
 * An axis-aligned ellipse in stored-frame pixel coordinates (x to the right, y down; the pixel
 * {@code (i, j)} covers {@code [i, i+1) × [j, j+1)}, so its centre is {@code (i+0.5, j+0.5)}).
 *
 * <p>Rasterisation rule ({@link #containsPixel}): a pixel belongs to the ellipse when its
 * <em>centre</em> lies inside or on it. For an ellipse whose bounding box has integer corners and
 * size this is exactly the mask of ImageJ's {@code OvalRoi} over that box (checked against ImageJ
 * 1.54p), so the truth counts the same pixels an inline ROI {@code oval:x,y,w,h} selects.
 *
 * @param cx centre x, pixels
 * @param cy centre y, pixels
 * @param rx semi-axis along x, pixels (&gt; 0)
 * @param ry semi-axis along y, pixels (&gt; 0)
 */
public record Ellipse(double cx, double cy, double rx, double ry) {

    public Ellipse {
        if (!(rx > 0) || !(ry > 0) || !Double.isFinite(cx) || !Double.isFinite(cy)) {
            throw new IllegalArgumentException("ellipse needs finite centre and positive semi-axes: "
                    + cx + "," + cy + "," + rx + "," + ry);
        }
    }

    /** The ellipse inscribed in the box {@code x, y, w, h} (pixels), as ImageJ's {@code OvalRoi} draws it. */
    public static Ellipse ofBox(int x, int y, int w, int h) {
        return new Ellipse(x + w / 2.0, y + h / 2.0, w / 2.0, h / 2.0);
    }

    /** @return whether the centre of pixel {@code (px, py)} lies inside or on the ellipse */
    public boolean containsPixel(int px, int py) {
        double dx = (px + 0.5 - cx) / rx;
        double dy = (py + 0.5 - cy) / ry;
        return dx * dx + dy * dy <= 1.0;
    }

    /** @return whether the bounding box {@code cx−rx, cy−ry, 2rx, 2ry} has integer corners and size */
    public boolean hasIntegerBox() {
        return isInt(cx - rx) && isInt(cy - ry) && isInt(2 * rx) && isInt(2 * ry);
    }

    /** @return the bounding box {@code {x, y, w, h}} in pixels, rounded to integers */
    public int[] box() {
        return new int[] {(int) Math.round(cx - rx), (int) Math.round(cy - ry),
            (int) Math.round(2 * rx), (int) Math.round(2 * ry)};
    }

    /** @return the inline ROI spec {@code name=oval:x,y,w,h} of this ellipse's bounding box */
    public String ovalSpec(String name) {
        int[] b = box();
        return name + "=oval:" + b[0] + "," + b[1] + "," + b[2] + "," + b[3];
    }

    /**
     * Row-major membership mask over a whole image.
     *
     * @param width  image width, pixels
     * @param height image height, pixels
     * @return {@code mask[y * width + x]} true for the pixels whose centre is inside
     */
    public boolean[] mask(int width, int height) {
        boolean[] m = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                m[y * width + x] = containsPixel(x, y);
            }
        }
        return m;
    }

    /** @return whether the bounding box lies inside an image of the given size */
    public boolean fitsIn(int width, int height) {
        return cx - rx >= -1e-9 && cy - ry >= -1e-9 && cx + rx <= width + 1e-9 && cy + ry <= height + 1e-9;
    }

    private static boolean isInt(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9;
    }
}
