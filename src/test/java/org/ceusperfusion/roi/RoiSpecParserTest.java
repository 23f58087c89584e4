package org.ceusperfusion.roi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ceusperfusion.InputException;
import org.junit.jupiter.api.Test;

import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;

class RoiSpecParserTest {

    @Test
    void namedOvalEqualsImageJOval() {
        RoiMask m = RoiSpecParser.parse("tumour=oval:52,40,56,40", "roi1");
        assertEquals("tumour", m.name());
        assertEquals(52, m.x());
        assertEquals(40, m.y());
        assertEquals(56, m.width());
        assertEquals(40, m.height());
        assertEquals(ImageJMasks.pixels(new OvalRoi(52, 40, 56, 40)), ImageJMasks.pixels(m));
    }

    @Test
    void defaultNameAndSpacesAndCase() {
        RoiMask m = RoiSpecParser.parse("RECT: 1, 2, 3, 4", "roi2");
        assertEquals("roi2", m.name());
        assertEquals(12, m.area());
        assertTrue(m.contains(1, 2));
        assertTrue(m.contains(3, 5));
        assertFalse(m.contains(4, 5));
    }

    @Test
    void polygonEqualsImageJPolygon() {
        RoiMask m = RoiSpecParser.parse("liver=polygon:10,10,40,12,35,30,12,25", "roi1");
        assertEquals("liver", m.name());
        Roi ij = new PolygonRoi(new int[] {10, 40, 35, 12}, new int[] {10, 12, 30, 25}, 4, Roi.POLYGON);
        assertEquals(ImageJMasks.pixels(ij), ImageJMasks.pixels(m));
    }

    @Test
    void recognisesFiles() {
        assertTrue(RoiSpecParser.isFile("/data/RoiSet.zip"));
        assertTrue(RoiSpecParser.isFile("tumour=/data/t.ROI"));
        assertTrue(RoiSpecParser.isFile("C:\\data\\t.roi"));
        assertFalse(RoiSpecParser.isFile("oval:1,2,3,4"));
        assertEquals("tumour", RoiSpecParser.explicitName("tumour=/data/t.roi"));
        assertEquals("/data/t.roi", RoiSpecParser.body("tumour=/data/t.roi"));
        assertNull(RoiSpecParser.explicitName("/data/a=b/t.roi"));
        assertEquals("/data/a=b/t.roi", RoiSpecParser.body("/data/a=b/t.roi"));
    }

    @Test
    void malformedSpecsNameTheOptionAndTheProblem() {
        String[] bad = {"oval:1,2,3", "oval:1,2,0,4", "rect:a,b,c,d", "circle:1,2,3,4", "oval 1,2,3,4",
            "polygon:1,2,3,4", "polygon:1,2,3,4,5", "polygon:0,0,5,0,9,0", "rect:1.5,2,3,4", "", "t.roi"};
        for (String s : bad) {
            InputException e = assertThrows(InputException.class, () -> RoiSpecParser.parse(s, "roi1"), s);
            assertTrue(e.source().startsWith("--roi"), e.source());
            assertTrue(e.getMessage().length() > e.source().length() + 10, e.getMessage());
        }
        InputException e = assertThrows(InputException.class, () -> RoiSpecParser.parse("oval:1,2,3", "r"));
        assertEquals("--roi oval:1,2,3", e.source());
        assertTrue(e.getMessage().contains("oval:x,y,w,h"), e.getMessage());
    }
}
