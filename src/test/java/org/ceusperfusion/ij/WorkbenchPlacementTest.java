package org.ceusperfusion.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Rectangle;
import org.junit.jupiter.api.Test;

/** Window geometry of the workbench, without a display. */
class WorkbenchPlacementTest {
    static final Rectangle LAPTOP = new Rectangle(0, 0, 1366, 740); // 1366×768 minus a 28-px task bar

    @Test
    void shrinksToALaptopScreenAndCentres() {
        assertEquals(new Rectangle(43, 0, 1280, 740), WorkbenchPlacement.bounds(1280, 900, LAPTOP, null));
        assertEquals(new Rectangle(160, 120, 1280, 900),
                WorkbenchPlacement.bounds(1280, 900, new Rectangle(0, 0, 1600, 1140), null));
    }

    @Test
    void remembersBoundsOnlyWhenTheyAreStillOnScreen() {
        assertEquals(new Rectangle(30, 20, 1000, 600), WorkbenchPlacement.bounds(1280, 900, LAPTOP, "30,20,1000,600"));
        assertEquals(new Rectangle(43, 0, 1280, 740), WorkbenchPlacement.bounds(1280, 900, LAPTOP, "1500,20,1000,600"),
                "saved on a second monitor that is gone");
        assertEquals(new Rectangle(43, 0, 1280, 740), WorkbenchPlacement.bounds(1280, 900, LAPTOP, "0,0,1280,900"),
                "saved on a larger screen");
        assertEquals(new Rectangle(43, 0, 1280, 740), WorkbenchPlacement.bounds(1280, 900, LAPTOP, "junk"));
    }
}
