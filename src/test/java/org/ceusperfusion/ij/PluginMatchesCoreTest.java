package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.ImagePlus;
import ij.gui.OvalRoi;
import java.util.List;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.analysis.Analyzer;
import org.ceusperfusion.analysis.LoopAnalysis;
import org.ceusperfusion.analysis.RoiAnalysis;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.io.LoopReader;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.roi.RoiMask;
import org.junit.jupiter.api.Test;

/**
 * The plugin path (Open Cine Loop → ImagePlus → Analyze TIC) gives exactly the numbers of the core path
 * used by the CLI (LoopReader → Analyzer) on the real echo cine with irregular frame times.
 */
class PluginMatchesCoreTest {
    @Test
    void sameLoopSameRoiSameNumbers() {
        AnalysisSettings s = AnalysisSettings.logCompressed(40);
        OvalRoi oval = new OvalRoi(100, 100, 80, 60);
        oval.setName("tumour");

        CineLoop loop = LoopReader.open(ImageJMacroE2ETest.ECHO_FTV, LoadOptions.NONE);
        RoiMask mask = CineLoopImages.toRoiMask(oval, "roi");
        LoopAnalysis core = Analyzer.analyze(loop, LoopReader.sha256(ImageJMacroE2ETest.ECHO_FTV), List.of(mask), null, s);

        ImagePlus imp = OpenCineLoopPlugin.open(ImageJMacroE2ETest.ECHO_FTV, LoadOptions.NONE);
        LoopAnalysis plugin = AnalyzeTicPlugin.analyze(imp, oval, s);

        assertEquals(10, imp.getNFrames());
        assertArrayEquals(ImageJMacroE2ETest.ECHO_FTV_TIMES, plugin.input().timesS(), 1e-9);
        assertEquals(core.input().sha256(), plugin.input().sha256());
        RoiAnalysis c = core.target();
        RoiAnalysis p = plugin.target();
        assertEquals(c.areaPx(), p.areaPx());
        assertArrayEquals(c.tic().meanIntensity(), p.tic().meanIntensity(), 0);
        assertEquals(c.fit().status(), p.fit().status());
        for (PerfusionParameter q : PerfusionParameter.values()) {
            assertEquals(c.parameters().value(q), p.parameters().value(q), 0, q.label());
            assertArrayEquals(c.parameters().ci(q), p.parameters().ci(q), 0, q.label());
        }
    }
}
