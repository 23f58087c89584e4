package org.ceusperfusion.roi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;

/** Our rasterisation against ImageJ 1.54p's own masks. */
class RoiRasterizerTest {

    @Test
    void ovalsEqualImageJExhaustively() {
        int compared = 0;
        for (int x = 0; x <= 1; x++) {
            for (int y = 0; y <= 1; y++) {
                for (int w = 1; w <= 64; w++) {
                    for (int h = 1; h <= 64; h++) {
                        RoiMask ours = RoiRasterizer.oval("o", x, y, w, h);
                        assertEquals(ImageJMasks.pixels(new OvalRoi(x, y, w, h)), ImageJMasks.pixels(ours),
                                () -> "oval mismatch");
                        compared++;
                    }
                }
            }
        }
        assertEquals(4 * 64 * 64, compared);
    }

    @Test
    void largeOvalsEqualImageJ() {
        Random rnd = new Random(11);
        for (int k = 0; k < 200; k++) {
            int x = rnd.nextInt(50) - 10;
            int y = rnd.nextInt(50) - 10;
            int w = 1 + rnd.nextInt(400);
            int h = 1 + rnd.nextInt(400);
            assertEquals(ImageJMasks.pixels(new OvalRoi(x, y, w, h)),
                    ImageJMasks.pixels(RoiRasterizer.oval("o", x, y, w, h)), "oval " + x + "," + y + "," + w + "," + h);
        }
    }

    @Test
    void rectanglesEqualImageJ() {
        for (int w = 1; w <= 20; w++) {
            for (int h = 1; h <= 20; h++) {
                RoiMask ours = RoiRasterizer.rectangle("r", 3, 5, w, h);
                assertEquals(ImageJMasks.pixels(new Roi(3, 5, w, h)), ImageJMasks.pixels(ours));
                assertEquals(w * h, ours.area());
            }
        }
    }

    @Test
    void randomPolygonsEqualImageJ() {
        Random rnd = new Random(20240611L);
        int nonEmpty = 0;
        for (int k = 0; k < 3000; k++) {
            int n = 3 + rnd.nextInt(10);
            int span = 2 + rnd.nextInt(k % 3 == 0 ? 8 : 60);
            int[] xs = new int[n];
            int[] ys = new int[n];
            for (int i = 0; i < n; i++) {
                xs[i] = rnd.nextInt(span) + (k % 5) - 2;
                ys[i] = rnd.nextInt(span) + (k % 7) - 3;
            }
            RoiMask ours = RoiRasterizer.polygon("p", xs, ys);
            PolygonRoi ij = new PolygonRoi(xs.clone(), ys.clone(), n, Roi.POLYGON);
            assertEquals(ImageJMasks.pixels(ij), ImageJMasks.pixels(ours), "polygon #" + k);
            if (ours.area() > 0) {
                nonEmpty++;
            }
        }
        assertTrue(nonEmpty > 2500, "most random polygons enclose pixels: " + nonEmpty);
    }

    @Test
    void convexPolygonsEqualImageJ() {
        Random rnd = new Random(7);
        for (int k = 0; k < 500; k++) {
            int n = 3 + rnd.nextInt(20);
            double cx = 40 + rnd.nextInt(20);
            double cy = 30 + rnd.nextInt(20);
            double r = 2 + rnd.nextInt(35);
            int[] xs = new int[n];
            int[] ys = new int[n];
            for (int i = 0; i < n; i++) {
                double a = 2 * Math.PI * i / n;
                xs[i] = (int) Math.round(cx + r * Math.cos(a));
                ys[i] = (int) Math.round(cy + r * Math.sin(a));
            }
            assertEquals(ImageJMasks.pixels(new PolygonRoi(xs.clone(), ys.clone(), n, Roi.POLYGON)),
                    ImageJMasks.pixels(RoiRasterizer.polygon("p", xs, ys)), "convex polygon #" + k);
        }
    }

    @Test
    void squarePolygonSelectsItsPixels() {
        RoiMask m = RoiRasterizer.polygon("sq", new int[] {2, 6, 6, 2}, new int[] {1, 1, 4, 4});
        assertEquals(12, m.area());
        assertEquals(2, m.x());
        assertEquals(1, m.y());
        assertEquals(4, m.width());
        assertEquals(3, m.height());
    }
}
