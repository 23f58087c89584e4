package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.OvalRoi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.cine.CineLoop;
import org.ceusperfusion.io.LoadOptions;
import org.ceusperfusion.io.LoopReader;
import org.ceusperfusion.maps.MapSettings;
import org.ceusperfusion.maps.ParametricMapper;
import org.ceusperfusion.maps.ParametricMaps;
import org.ceusperfusion.params.PerfusionParameter;
import org.ceusperfusion.synth.DemoLoops;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Parametric Maps...}: the plugin path (ImagePlus + ImageJ ROI) gives the core's maps for the
 * bundled day-14 loop; the stack has the slices, labels, calibration and LUT; the shipped example macro
 * runs in a real ImageJ.
 */
class ParametricMapsPluginTest {
    static final Path DAY14 = Path.of(System.getProperty("ceus.projectDir", "."), "test-data", DemoLoops.DAY14_FILE);

    @TempDir
    static Path tmp;

    @Test
    void pluginMapsEqualTheCoreMapsAndTheStackIsCalibrated() {
        MapSettings s = MapSettings.defaults().withThreads(2).withParams(List.of(PerfusionParameter.PE, PerfusionParameter.TTP));
        OvalRoi oval = new OvalRoi(38, 25, 44, 34);
        CineLoop loop = LoopReader.open(DAY14, LoadOptions.NONE);
        ParametricMaps core = new ParametricMapper(s).map(loop, CineLoopImages.toRoiMask(oval, "roi"), null);

        ImagePlus imp = OpenCineLoopPlugin.open(DAY14, LoadOptions.NONE);
        ParametricMaps plugin = ParametricMapsPlugin.map(imp, oval, s, new ArrayList<>());
        assertArrayEquals(core.values(PerfusionParameter.PE), plugin.values(PerfusionParameter.PE));
        assertArrayEquals(core.values(PerfusionParameter.TTP), plugin.values(PerfusionParameter.TTP));

        ImagePlus stack = ParametricMapsPlugin.toStack(plugin, "maps");
        assertEquals(4, stack.getStackSize());
        assertEquals(ImagePlus.GRAY32, stack.getType());
        assertEquals("PE (a.u.)", stack.getStack().getSliceLabel(1));
        assertEquals("TTP (s)", stack.getStack().getSliceLabel(2));
        assertEquals("R2", stack.getStack().getSliceLabel(3));
        assertEquals(0.5, stack.getCalibration().pixelWidth, 1e-9);
        assertEquals("mm", stack.getCalibration().getUnit());
        assertFalse(stack.getProcessor().isDefaultLut(), "the Fire LUT is set");
        float[] pe = (float[]) stack.getStack().getPixels(1);
        assertArrayEquals(plugin.values(PerfusionParameter.PE), pe);
        // day 14: half the tumour is necrotic (generator truth); the perfused rim enhances, the core does not
        var spec = DemoLoops.day14();
        boolean[] tumour = spec.tumour().mask(imp.getWidth(), imp.getHeight());
        boolean[] coreMask = spec.core().mask(imp.getWidth(), imp.getHeight());
        boolean[] rim = new boolean[tumour.length];
        boolean[] necrotic = new boolean[tumour.length];
        for (int i = 0; i < rim.length; i++) {
            rim[i] = tumour[i] && !coreMask[i];
            necrotic[i] = tumour[i] && coreMask[i];
        }
        double rimPe = plugin.median(pe, rim);
        double corePe = plugin.median(pe, necrotic);
        assertTrue(rimPe > 5 * corePe && rimPe > 0, "rim " + rimPe + " core " + corePe);
    }

    @Test
    void macroOptionsBecomeMapSettings() {
        ParametricMapsOptions o = ParametricMapsOptions.fromMacro(new MacroOptions(
                "dynamic_range=50 model=lognormal params=PE,mTT bin=2 frame_bin=1 save_to=[/tmp/a b]"));
        MapSettings s = o.settings();
        assertEquals(50.0, s.analysis().dynamicRangeDb());
        assertEquals(List.of(PerfusionParameter.PE, PerfusionParameter.MTT), s.params());
        assertEquals(2, s.bin());
        assertEquals(1, s.frameBin());
        assertEquals("/tmp/a b", o.saveTo());
        assertEquals(MapSettings.DEFAULT_PARAMS, ParametricMapsOptions.fromMacro(new MacroOptions("")).settings().params());
        assertThrows(InputException.class, () -> ParametricMapsOptions.fromMacro(new MacroOptions("params=XYZ")).settings());
    }

    @Test
    @Tag("integration") // real ImageJ under xvfb-run
    void shippedExampleMacroWritesTheMaps() throws Exception {
        ImageJProcess imagej = ImageJProcess.install(tmp.resolve("imagej"));
        Path project = Path.of(System.getProperty("ceus.projectDir", "."));
        Path link = imagej.dir().resolve("test-data");
        if (!Files.exists(link)) {
            Files.createSymbolicLink(link, project.resolve("test-data").toAbsolutePath());
        }
        Path out = tmp.resolve("maps-out");
        ImageJProcess.Run run = imagej.runMacroFile(project.resolve(ExampleMacrosE2ETest.EXAMPLES).resolve("CEUS_Maps_Example.ijm"), out.toString());
        assertTrue(Files.exists(out.resolve("map.json")), "no map.json; ImageJ said:\n" + run.output());
        assertTrue(Files.exists(out.resolve("PE.tif")), run.output());
        assertTrue(run.output().contains("6 slices"), run.output());
        assertFalse(run.output().contains("Exception"), run.output());
        assertNotNull(Files.readString(out.resolve("map.json")));
    }
}
