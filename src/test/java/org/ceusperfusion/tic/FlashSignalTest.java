package org.ceusperfusion.tic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link FlashSignal}: what it reads, and that it is the whole frame's mean where the frame is flat per 8 × 8 block. */
class FlashSignalTest {
    private static final Linearizer LIN = Linearizer.logCompressed(40, 255);

    @Test
    void readsEveryFourthRowOnly() {
        int w = 37;
        int h = 23;
        float[] frame = new float[w * h];
        Random rnd = new Random(5);
        for (int i = 0; i < frame.length; i++) {
            frame[i] = rnd.nextInt(256);
        }
        double sum = 0;
        int n = 0;
        for (int y = 0; y < h; y += 4) {
            for (int x = 0; x < w; x++) {
                sum += LIN.power(frame[y * w + x]);
                n++;
            }
        }
        int[] rows = FlashSignal.mask(w, h).pixelIndices(w, h);
        assertEquals(6 * w, rows.length); // rows 0, 4, 8, 12, 16, 20
        assertEquals(sum / n, FlashSignal.of(frame, rows, LIN, 255), 1e-12 * sum / n);
        frame[w] = 255; // row 1 is not read
        assertEquals(sum / n, FlashSignal.of(frame, rows, LIN, 255), 1e-12 * sum / n);
    }

    /** A region decoder leaves the frame outside the ROIs flat per 8 × 8 block: there the rows read give the exact mean. */
    @Test
    void equalsTheWholeFrameMeanOnFlatBlocks() {
        int w = 64;
        int h = 48;
        float[] frame = new float[w * h];
        Random rnd = new Random(9);
        double whole = 0;
        for (int by = 0; by < h; by += 8) {
            for (int bx = 0; bx < w; bx += 8) {
                int g = rnd.nextInt(256);
                for (int y = by; y < by + 8; y++) {
                    for (int x = bx; x < bx + 8; x++) {
                        frame[y * w + x] = g;
                        whole += LIN.power(g);
                    }
                }
            }
        }
        whole /= w * h;
        assertEquals(whole, FlashSignal.of(frame, FlashSignal.mask(w, h).pixelIndices(w, h), LIN, 255), 1e-12 * whole);
    }
}
