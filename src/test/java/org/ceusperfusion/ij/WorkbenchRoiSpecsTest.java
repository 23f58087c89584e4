package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.ShapeRoi;
import java.nio.file.Path;
import java.util.List;
import org.ceusperfusion.InputException;
import org.ceusperfusion.analysis.AnalysisSettings;
import org.ceusperfusion.roi.RoiMask;
import org.junit.jupiter.api.Test;

/** ImageJ ROI ⇄ inline spec: the spec selects exactly ImageJ's pixels; macro text for each action. */
class WorkbenchRoiSpecsTest {
    static void assertSamePixels(Roi roi, String spec) {
        RoiMask imagej = CineLoopImages.toRoiMask(roi, "x");
        RoiMask parsed = WorkbenchRoiSpecs.mask(spec, "x");
        assertEquals(imagej.area(), parsed.area(), spec);
        for (int y = -2; y < 120; y++) {
            for (int x = -2; x < 160; x++) {
                assertEquals(imagej.contains(x, y), parsed.contains(x, y), spec + " at " + x + "," + y);
            }
        }
    }

    @Test
    void ovalsRectanglesAndPolygonsBecomeInlineSpecs() {
        Roi oval = new OvalRoi(40, 27, 40, 30);
        oval.setName("tumour");
        assertEquals("tumour=oval:40,27,40,30", WorkbenchRoiSpecs.toSpec(oval, "target"));
        assertSamePixels(oval, "tumour=oval:40,27,40,30");
        assertEquals(940, WorkbenchRoiSpecs.mask("oval:40,27,40,30", "t").area(), "test-data/README.md: 940 px");

        assertEquals("target=rect:3,4,10,7", WorkbenchRoiSpecs.toSpec(new Roi(3, 4, 10, 7), "target"));
        Roi poly = new PolygonRoi(new int[] {10, 50, 30}, new int[] {10, 15, 60}, 3, Roi.POLYGON);
        String spec = WorkbenchRoiSpecs.toSpec(poly, "reference");
        assertEquals("reference=polygon:10,10,50,15,30,60", spec);
        assertSamePixels(poly, spec);
        Roi free = new PolygonRoi(new int[] {5, 9, 14, 16, 12, 6}, new int[] {5, 3, 6, 12, 15, 11}, 6, Roi.FREEROI);
        assertSamePixels(free, WorkbenchRoiSpecs.toSpec(free, "t"));
    }

    @Test
    void specsDrawBackAsTheSameRoi() {
        for (String s : List.of("tumour=oval:38,25,44,34", "n=rect:1,2,3,4", "p=polygon:10,10,50,15,30,60")) {
            Roi r = WorkbenchRoiSpecs.toRoi(s);
            assertEquals(s, WorkbenchRoiSpecs.toSpec(r, "x"));
        }
    }

    @Test
    void shapesNoSpecReproducesAreRefused() {
        ShapeRoi two = new ShapeRoi(new Roi(0, 0, 5, 5)).or(new ShapeRoi(new Roi(20, 20, 5, 5)));
        InputException e = assertThrows(InputException.class, () -> WorkbenchRoiSpecs.toSpec(two, "target"));
        assertTrue(e.getMessage().contains("cannot be saved as a rectangle, oval or polygon"), e.getMessage());
        Roi line = new ij.gui.Line(0, 0, 10, 10);
        assertThrows(InputException.class, () -> WorkbenchRoiSpecs.toSpec(line, "target"));
    }

    @Test
    void recordedMacroTextUsesTheRecordableCommands() {
        assertEquals("run(\"Open Cine Loop...\", \"open=[/data/base line.dcm]\");\n",
                WorkbenchMacro.openLoop(Path.of("/data/base line.dcm")));
        assertEquals("selectImage(\"a.tif\");\nmakeOval(40,27,40,30);\nRoi.setName(\"tumour\");\n",
                WorkbenchMacro.selectRoi("a.tif", "tumour=oval:40,27,40,30"));
        assertEquals("selectImage(\"a.tif\");\nmakeSelection(\"polygon\", newArray(10,50,30), newArray(10,15,60));\n"
                + "Roi.setName(\"p\");\n", WorkbenchMacro.selectRoi("a.tif", "p=polygon:10,10,50,15,30,60"));
        assertEquals("run(\"Analyze TIC...\", \"dynamic_range=40 model=lognormal reference=normal\");\n",
                WorkbenchMacro.analyze(AnalysisSettings.logCompressed(40), "normal", null));
        assertEquals("run(\"Analyze TIC...\", \"linear model=lognormal save_to=[/out]\");\n",
                WorkbenchMacro.analyze(new AnalysisSettings(null, true, "lognormal"), null, Path.of("/out")));
    }
}
