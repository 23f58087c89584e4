package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.*;

import ij.ImagePlus;
import java.nio.file.Path;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.cine.FrameSource;
import org.ceusperfusion.cine.LoopMetadata;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.io.PlaneSelection;
import org.ceusperfusion.synth.OmeTiffWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Open Cine Loop...} macro keys {@code channel=}, {@code z=}, {@code series=} choose the same planes as the
 * CLI's {@code --channel}, {@code --z}, {@code --series}, and the opened OME-TIFF keeps its times (headless).
 */
class OpenCineLoopPlanesTest {
    @TempDir
    Path tmp;

    private static CineLoop loop(int base, double[] t) {
        float[][] f = new float[t.length][12];
        for (int i = 0; i < t.length; i++) {
            java.util.Arrays.fill(f[i], base + i);
        }
        return new CineLoop(4, 3, t, 0.2, LoopMetadata.simple("m", "SYNTHETIC", "t"), FrameSource.of(f));
    }

    @Test
    void macroKeysMatchTheCliOptions() {
        LoadOptions o = OpenCineLoopPlugin.loadOptions(new MacroOptions("open=[/x/l.ome.tif] channel=2 z=max series=3"));
        assertEquals(PlaneSelection.parse("2", "max", "3", "--"), o.planes());
        assertEquals(LoadOptions.NONE, OpenCineLoopPlugin.loadOptions(new MacroOptions("open=[/x/l.ome.tif]")));
        InputException e = assertThrows(InputException.class,
                () -> OpenCineLoopPlugin.loadOptions(new MacroOptions("open=[/x] channel=two")));
        assertEquals("channel=: must be a positive whole number (1 = the first), got 'two'", e.getMessage());
    }

    @Test
    void anOmeTiffOpensWithItsTimesAndTheChosenChannel() throws Exception {
        double[] t = {0, 0.4, 1.9, 2.0, 3.5};
        Path f = tmp.resolve("two.ome.tif");
        OmeTiffWriter.write(f, new CineLoop[][] {{loop(10, t)}, {loop(100, t)}},
                OmeTiffWriter.Layout.DEFAULT.withChannelNames(List.of("B", "C")));
        ImagePlus imp = OpenCineLoopPlugin.open(f, OpenCineLoopPlugin.loadOptions(
                new MacroOptions("open=[" + f + "] channel=2")));
        assertEquals(5, imp.getNFrames());
        assertEquals(102, imp.getStack().getProcessor(3).getf(0), 0);
        CineLoop back = CineLoopImages.toCineLoop(imp);
        assertArrayEquals(t, back.timesS(), 1e-9);
        assertEquals(0.2, back.pixelSizeMm(), 1e-12);
    }
}
