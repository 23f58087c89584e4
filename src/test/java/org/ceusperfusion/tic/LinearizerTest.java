package org.ceusperfusion.tic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ceusperfusion.cine.LoopMetadata;
import org.junit.jupiter.api.Test;

class LinearizerTest {
    private static final double[] RANGES = {25.8, 30, 40, 46, 60};

    @Test
    void endsOfTheScale() {
        for (double dr : RANGES) {
            Linearizer lin = Linearizer.logCompressed(dr, 255);
            assertEquals(1.0, lin.power(0), 0);
            assertEquals(Math.pow(10, dr / 10), lin.power(255), 1e-12 * Math.pow(10, dr / 10));
        }
    }

    @Test
    void doublingPowerAdds3dBOfGreyLevels() {
        for (double dr : RANGES) {
            Linearizer lin = Linearizer.logCompressed(dr, 255);
            double expected = 255 * 10 * Math.log10(2) / dr;
            assertEquals(255 * 3.0103 / dr, expected, 1e-4 * expected, "3.0103 dB per doubling");
            assertEquals(expected, lin.greyPerDoubling(), 1e-12);
            for (double p : new double[] {1, 2.5, 17, 300}) {
                assertEquals(expected, lin.grey(2 * p) - lin.grey(p), 1e-9);
            }
            for (double g : new double[] {0, 10, 100.5, 200}) {
                assertEquals(2.0, lin.power(g + expected) / lin.power(g), 1e-12);
                assertEquals(g, lin.grey(lin.power(g)), 1e-9);
            }
        }
    }

    @Test
    void tableEqualsFormulaAndFractionsUseFormula() {
        Linearizer lin = Linearizer.logCompressed(40, LoopMetadata.simple("x", "SYNTHETIC", "option"));
        for (int g = 0; g <= 255; g++) {
            assertEquals(Math.pow(10, g * 40.0 / 2550), lin.power(g), 1e-12 * lin.power(g));
        }
        assertEquals(Math.pow(10, 127.25 * 40 / 2550), lin.power(127.25), 1e-12 * lin.power(127.25));
        assertEquals(Math.pow(10, -3 * 40.0 / 2550), lin.power(-3), 1e-15);
        assertEquals(Math.pow(10, 300 * 40.0 / 2550), lin.power(300), 1e-9);
        assertTrue(lin.power(128) > lin.power(127.9));
    }

    @Test
    void otherGreyScales() {
        Linearizer lin16 = Linearizer.logCompressed(60, 4095);
        assertEquals(1e6, lin16.power(4095), 1e-6);
        assertEquals(Math.pow(10, 2000 * 60.0 / 40950), lin16.power(2000), 1e-9);
        Linearizer lum = Linearizer.logCompressed(40, 1.0);
        assertEquals(1e4, lum.power(1.0), 1e-9);
        assertEquals(100, lum.power(0.5), 1e-9);
    }

    @Test
    void identityKeepsValues() {
        Linearizer id = Linearizer.identity();
        assertTrue(id.isIdentity());
        for (double g : new double[] {0, 1, 37, 255, 1234.5}) {
            assertEquals(g, id.power(g), 0);
            assertEquals(g, id.grey(g), 0);
        }
        assertTrue(Double.isNaN(id.dynamicRangeDb()));
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThrows(IllegalArgumentException.class, () -> Linearizer.logCompressed(0, 255));
        assertThrows(IllegalArgumentException.class, () -> Linearizer.logCompressed(Double.NaN, 255));
        assertThrows(IllegalArgumentException.class, () -> Linearizer.logCompressed(40, 0));
    }
}
