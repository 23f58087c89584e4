package org.ceusperfusion.roi;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

import ij.gui.Roi;
import ij.process.ImageProcessor;

/** Test helper: compares our masks with ImageJ's, pixel by pixel in image coordinates. */
public final class ImageJMasks {
    private ImageJMasks() {
    }

    /** @return image pixels {@code (x, y)} selected by ImageJ's ROI, in row-major order */
    public static List<Long> pixels(Roi roi) {
        Rectangle r = roi.getBounds();
        ImageProcessor mask = roi.getMask();
        List<Long> out = new ArrayList<>();
        for (int j = 0; j < r.height; j++) {
            for (int i = 0; i < r.width; i++) {
                if (mask == null || mask.get(i, j) != 0) {
                    out.add(key(r.x + i, r.y + j));
                }
            }
        }
        return out;
    }

    /** @return image pixels selected by our mask, in row-major order */
    public static List<Long> pixels(RoiMask m) {
        List<Long> out = new ArrayList<>();
        for (int j = 0; j < m.height(); j++) {
            for (int i = 0; i < m.width(); i++) {
                if (m.inside()[j * m.width() + i]) {
                    out.add(key(m.x() + i, m.y() + j));
                }
            }
        }
        return out;
    }

    private static long key(int x, int y) {
        return ((long) y << 32) | (x & 0xffffffffL);
    }
}
