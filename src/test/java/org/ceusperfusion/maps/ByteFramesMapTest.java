package org.ceusperfusion.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.junit.jupiter.api.Test;

/** A loop whose frames are held as bytes maps to the same bits as the same loop held as floats. */
class ByteFramesMapTest {

    @Test
    void framesReadAsBytesGiveTheSameMapsAsFramesReadAsFloats() {
        CineLoop floats = MapFixtures.LOOP.loop();
        int n = floats.frameCount();
        byte[][] planes = MapFixtures.bytePlanes(floats);
        FrameSource bytes = new FrameSource() {
            @Override
            public int frameCount() {
                return n;
            }

            @Override
            public float[] frame(int index) {
                throw new AssertionError("the map should read these frames as bytes");
            }

            @Override
            public byte[] greyBytes(int index) {
                return planes[index];
            }
        };
        CineLoop asBytes = new CineLoop(floats.width(), floats.height(), floats.timesS(), floats.pixelSizeMm(),
                floats.metadata(), bytes);
        for (int bin : new int[] {MapSettings.AUTO, 1}) {
            MapSettings s = MapSettings.defaults().withThreads(2).withFrameBin(bin);
            ParametricMaps a = new ParametricMapper(s).map(floats, null, null);
            ParametricMaps b = new ParametricMapper(s).map(asBytes, null, null);
            assertEquals(a.frameBin(), b.frameBin());
            for (int k = 0; k < a.values().length; k++) {
                assertArrayEquals(a.values()[k], b.values()[k], "parameter " + k + ", bin " + bin);
            }
            assertArrayEquals(a.status(), b.status());
            assertArrayEquals(a.r2(), b.r2());
        }
    }
}
