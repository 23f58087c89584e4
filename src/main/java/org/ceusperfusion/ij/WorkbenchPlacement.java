package org.ceusperfusion.ij;

import ij.Prefs;
import java.awt.Rectangle;

/**
 * Where the workbench window goes: its remembered bounds (ImageJ preferences, key {@value #PREF_KEY}) when
 * they are still on a screen, else its preferred size shrunk to the usable screen area (without task bars)
 * and centred. Pure geometry, so it is tested without a display.
 */
final class WorkbenchPlacement {
    /** ImageJ preference holding {@code x,y,width,height} of the last workbench window. */
    static final String PREF_KEY = "ceus.workbench.bounds";
    /** Smallest width and height kept from the preferences, pixels. */
    static final int MIN_SIZE = 400;

    private WorkbenchPlacement() {
    }

    /**
     * @param preferred the size the window would like (its layout's preferred size, or larger)
     * @param screen    the usable screen area
     * @param saved     the remembered bounds {@code x,y,w,h}, or {@code null}
     * @return the bounds: entirely inside {@code screen}
     */
    static Rectangle bounds(int preferredW, int preferredH, Rectangle screen, String saved) {
        Rectangle s = parse(saved);
        if (s != null && screen.contains(s) && s.width >= MIN_SIZE && s.height >= MIN_SIZE) {
            return s;
        }
        int w = Math.min(preferredW, screen.width);
        int h = Math.min(preferredH, screen.height);
        return new Rectangle(screen.x + (screen.width - w) / 2, screen.y + (screen.height - h) / 2, w, h);
    }

    /** @return the remembered bounds, or {@code null} */
    static String saved() {
        return Prefs.get(PREF_KEY, null);
    }

    /** Remembers {@code r} for the next window (saved with ImageJ's preferences on exit). */
    static void remember(Rectangle r) {
        Prefs.set(PREF_KEY, r.x + "," + r.y + "," + r.width + "," + r.height);
    }

    static Rectangle parse(String s) {
        if (s == null) {
            return null;
        }
        String[] p = s.split(",");
        if (p.length != 4) {
            return null;
        }
        try {
            return new Rectangle(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()),
                    Integer.parseInt(p[2].trim()), Integer.parseInt(p[3].trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
