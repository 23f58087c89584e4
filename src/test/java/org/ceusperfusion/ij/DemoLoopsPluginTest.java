package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.io.LoopReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File > Open Samples > CEUS Demo Loops generates exactly the bundled demo pair and manifest. */
class DemoLoopsPluginTest {
    static final Path DATA = ImageJOpenedLoopTest.BASELINE.getParent();

    @TempDir
    Path tmp;

    @Test
    void generatedLoopsEqualTheBundledOnes() throws Exception {
        DemoLoopsPlugin.write(tmp);
        assertEquals(Files.readString(DATA.resolve("demo.csv")), Files.readString(tmp.resolve("demo.csv")));
        for (String f : new String[] {"baseline.dcm", "day14.tif"}) {
            CineLoop made = LoopReader.open(tmp.resolve(f), LoadOptions.NONE);
            CineLoop bundled = LoopReader.open(DATA.resolve(f), LoadOptions.NONE);
            assertArrayEquals(bundled.timesS(), made.timesS(), 0, f);
            assertEquals(bundled.pixelSizeMm(), made.pixelSizeMm(), f);
            for (int i = 0; i < bundled.frameCount(); i += 7) {
                assertArrayEquals(bundled.frame(i), made.frame(i), 0, f + " frame " + i);
            }
        }
    }
}
