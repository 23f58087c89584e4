package org.ceusperfusion.roi;

import org.ceusperfusion.InputException;

/**
 * A named region of interest as a pixel mask over its bounding rectangle.
 *
 * <p>Coordinates are stored-frame pixels (x to the right, y down). {@code inside[j * width + i]} tells
 * whether pixel {@code (x + i, y + j)} belongs to the region.
 *
 * @param name   the ROI's name (e.g. {@code tumour}); never {@code null}
 * @param x      left edge of the bounding rectangle, pixels
 * @param y      top edge of the bounding rectangle, pixels
 * @param width  bounding-rectangle width, pixels
 * @param height bounding-rectangle height, pixels
 * @param inside membership of each bounding-rectangle pixel, row-major
 */
public record RoiMask(String name, int x, int y, int width, int height, boolean[] inside) {

    public RoiMask {
        if (width < 0 || height < 0 || inside.length != width * height) {
            throw new IllegalArgumentException("mask size " + inside.length + " does not match " + width + "x" + height);
        }
    }

    /** @return number of pixels in the region */
    public int area() {
        int n = 0;
        for (boolean b : inside) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** @return whether image pixel {@code (px, py)} belongs to the region */
    public boolean contains(int px, int py) {
        int i = px - x;
        int j = py - y;
        return i >= 0 && j >= 0 && i < width && j < height && inside[j * width + i];
    }

    /** @return the same mask under another name */
    public RoiMask withName(String newName) {
        return new RoiMask(newName, x, y, width, height, inside);
    }

    /**
     * Row-major indices of the region's pixels in an image of the given size.
     *
     * @throws InputException when the region is empty or reaches outside the image
     */
    public int[] pixelIndices(int imageWidth, int imageHeight) {
        if (x < 0 || y < 0 || x + width > imageWidth || y + height > imageHeight) {
            throw new InputException("--roi " + name, "ROI " + x + "," + y + "," + width + "," + height
                    + " reaches outside the " + imageWidth + "x" + imageHeight + " image");
        }
        int[] idx = new int[area()];
        if (idx.length == 0) {
            throw new InputException("--roi " + name, "ROI contains no pixel");
        }
        int k = 0;
        for (int j = 0; j < height; j++) {
            for (int i = 0; i < width; i++) {
                if (inside[j * width + i]) {
                    idx[k++] = (y + j) * imageWidth + (x + i);
                }
            }
        }
        return idx;
    }
}
