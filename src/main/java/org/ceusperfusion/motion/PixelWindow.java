package org.ceusperfusion.motion;

import org.ceusperfusion.InputException;

/**
 * An axis-aligned rectangle of stored-frame pixels.
 *
 * @param x      left edge, pixels (inclusive)
 * @param y      top edge, pixels (inclusive)
 * @param width  width, pixels (&gt; 0)
 * @param height height, pixels (&gt; 0)
 */
public record PixelWindow(int x, int y, int width, int height) {

    public PixelWindow {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("window size must be positive: " + width + "x" + height);
        }
    }

    /**
     * @param spec   {@code x,y,w,h} in pixels
     * @param source the option name for error messages, e.g. {@code --track-region}
     * @throws InputException when the text is not four integers with a positive size
     */
    public static PixelWindow parse(String spec, String source) {
        int[] v = Ints.parse(spec, 4, source, "x,y,w,h");
        if (v[2] <= 0 || v[3] <= 0) {
            throw new InputException(source, "width and height must be positive, got " + spec);
        }
        return new PixelWindow(v[0], v[1], v[2], v[3]);
    }

    /** @return right edge, exclusive */
    public int endX() {
        return x + width;
    }

    /** @return bottom edge, exclusive */
    public int endY() {
        return y + height;
    }

    /** @return whether {@code other} lies wholly inside this window */
    public boolean contains(PixelWindow other) {
        return other.x >= x && other.y >= y && other.endX() <= endX() && other.endY() <= endY();
    }

    /** @return whether pixel (px, py) lies inside */
    public boolean contains(int px, int py) {
        return px >= x && py >= y && px < endX() && py < endY();
    }

    /** @return this window moved by (dx, dy) */
    public PixelWindow translate(int dx, int dy) {
        return new PixelWindow(x + dx, y + dy, width, height);
    }

    /** @return the intersection with {@code other}, or {@code null} when they do not overlap */
    public PixelWindow intersect(PixelWindow other) {
        int x0 = Math.max(x, other.x);
        int y0 = Math.max(y, other.y);
        int x1 = Math.min(endX(), other.endX());
        int y1 = Math.min(endY(), other.endY());
        return x1 > x0 && y1 > y0 ? new PixelWindow(x0, y0, x1 - x0, y1 - y0) : null;
    }

    /** @return this window grown by {@code mx} left and right and {@code my} above and below */
    public PixelWindow grow(int mx, int my) {
        return new PixelWindow(x - mx, y - my, width + 2 * mx, height + 2 * my);
    }

    /** @return {@code [x, y, width, height]} */
    public int[] toArray() {
        return new int[] {x, y, width, height};
    }
}
